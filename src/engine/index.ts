/**
 * Public API of the diagnosis engine (pure TypeScript: no fs, no network, no DOM; the CLI and the
 * web page read rule files themselves and pass their text in).
 *
 * ```ts
 * const ruleSet = createRuleSet(files);            // files: { path, text }[]
 * const result = await diagnose(pastedText, ruleSet);
 * ```
 *
 * A build can validate rules once and ship them with their analysis: `bundleRules(files)` at build
 * time, `ruleSetFromBundle(bundle)` at run time (what the diagnose page does).
 */
export { diagnose } from './diagnose.ts';
export type { DiagnoseOptions, RelatedSearch } from './diagnose.ts';
export { relatedArticles } from './related.ts';
export { createRuleSet, loadRules, formatRuleError, RuleLoadFailure } from './rules.ts';
export type { RuleFile, RuleError, RuleSet, CompiledRule } from './rules.ts';
export { bundleRules, ruleSetFromBundle, RULE_BUNDLE_FORMAT } from './rule-bundle.ts';
export type { RuleBundle } from './rule-bundle.ts';
export type { RuleJson, RuleParams } from './rule-schema.ts';
export { FACTS } from './fact-names.ts';
export type { FactName } from './fact-names.ts';
export { PARSERS } from './parsers/index.ts';
export type {
  DiagnoseResult,
  Evidence,
  Finding,
  Message,
  RelatedArticle,
  MessageCode,
  SectionInfo,
  SectionKind,
  Severity,
  Subject,
} from './types.ts';

import type { SectionKind } from './types.ts';

/** Input kinds the engine recognises (for "what can I paste?" help). */
export const SUPPORTED_KINDS: readonly SectionKind[] = [
  'get-pods',
  'get-nodes',
  'get-events',
  'get-componentstatuses',
  'get-pvc',
  'get-deployments',
  'get-endpoints',
  'describe-pod',
  'describe-node',
  'describe-pvc',
  'describe-deployment',
  'describe-statefulset',
  'describe-replicaset',
  'describe-daemonset',
  'describe-service',
  'yaml',
  'json',
  'cli-output',
  'kubelet-log',
  'journal',
  'klog',
  'etcd-log',
];

/**
 * Rules as a build ships them: validated once at build time, with the results of the costly part
 * of loading (regex analysis, prefilter alternations) worked out and stored beside them. The
 * diagnose page's worker starts from this instead of the rule files, so a cold start pays for
 * compiling rules, not for re-checking them (the build has already failed on any invalid file).
 */
import { compileRules, loadRules, RuleLoadFailure, type LoadOptions, type RuleFile, type RuleSet } from './rules.ts';
import type { RuleJson } from './rule-schema.ts';

export const RULE_BUNDLE_FORMAT = 'k8s-kb-rules/1';

/** JSON-safe: embedded in the page bundle as a literal. */
export interface RuleBundle {
  format: typeof RULE_BUNDLE_FORMAT;
  rules: { file: string; json: RuleJson }[];
  /** Required literals per pattern, by pattern id (the order the rules use them in). */
  literals: (string[] | null)[];
  /** Per text fact: the prefilter alternation's source (building it is most of a cold load). */
  prefilters: [string, string | null][];
}

/** Validates rule files (throwing `RuleLoadFailure` naming each file and field) and packs them. */
export function bundleRules(files: RuleFile[], options: LoadOptions = {}): RuleBundle {
  const { ruleSet, errors } = loadRules(files, options);
  if (errors.length) throw new RuleLoadFailure(errors);
  return {
    format: RULE_BUNDLE_FORMAT,
    // A rule's description is for people reading the rule file; the engine never reads it.
    rules: ruleSet.rules.map((r) => ({ file: r.file, json: withoutDescription(r.json) })),
    literals: ruleSet.patterns.map((p) => p.literals),
    prefilters: [...ruleSet.prefilters].map(([fact, f]) => [fact, f.re ? f.re.source : null]),
  };
}

/** The rule set of a bundle made by `bundleRules` of this engine version. */
export function ruleSetFromBundle(bundle: RuleBundle): RuleSet {
  if (bundle?.format !== RULE_BUNDLE_FORMAT) throw new Error(`not a rule bundle of format ${RULE_BUNDLE_FORMAT}: rebuild it with this version`);
  const ruleSet = compileRules(bundle.rules, { literals: bundle.literals, prefilters: new Map(bundle.prefilters) });
  // Literals are matched to patterns by number: a bundle edited by hand could pair them wrongly.
  if (ruleSet.patterns.length !== bundle.literals.length) throw new Error(`rule bundle is inconsistent (${bundle.literals.length} analyses for ${ruleSet.patterns.length} patterns): rebuild it`);
  return ruleSet;
}

function withoutDescription(json: RuleJson): RuleJson {
  const { description: _description, ...params } = json.event.params;
  return { ...json, event: { ...json.event, params } };
}

/** `k8s-kb rules check [DIR]`: validate rule files and say whether each rule's article exists. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CATALOGUE_BY_SLUG } from '../content/catalogue.ts';
import { formatRuleError, loadRules } from '../engine/index.ts';
import { articlePath, BUILTIN_RULES, readRuleDir } from './io.ts';
import { langFromEnv, t } from './messages.ts';
import type { Io } from './diagnose-command.ts';

export async function rulesCheckCommand(argv: string[], io: Io): Promise<number> {
  const lang = langFromEnv(io.env);
  const dir = argv[0] ? resolve(argv[0]) : BUILTIN_RULES;
  const files = existsSync(dir) ? readRuleDir(dir) : [];
  if (files.length === 0) {
    io.err(t(lang, 'rules.noFiles', { dir }) + '\n');
    return 1;
  }
  const { ruleSet, errors } = loadRules(files);
  for (const r of ruleSet.rules) {
    const inCatalogue = CATALOGUE_BY_SLUG.has(r.params.article);
    const langs = (['zh', 'en'] as const).map((l) => t(lang, existsSync(articlePath(r.params.article, l)) ? 'rules.articleYes' : 'rules.articleNo', { lang: l }));
    io.out(`${t(lang, 'rules.ok').padEnd(7)} ${r.file}  ${r.id} → ${r.params.article}${inCatalogue ? '' : ' (?)'}  ${langs.join(', ')}\n`);
  }
  for (const e of errors) io.out(`${t(lang, 'rules.invalid').padEnd(7)} ${formatRuleError(e)}\n`);
  io.out(t(lang, 'rules.summary', { valid: ruleSet.rules.length, invalid: errors.length, files: files.length }) + '\n');
  return errors.length ? 1 : 0;
}

// The rule bundle the page's worker starts from must give exactly the diagnoses of the rule files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleRules, createRuleSet, diagnose, RuleLoadFailure, ruleSetFromBundle, RULE_BUNDLE_FORMAT } from '../../src/engine/index.ts';
import { FIXTURES, fixtureFiles, realPastes, ruleFiles } from './helpers.ts';

const fromFiles = createRuleSet(ruleFiles());
// Through JSON, as the build embeds it.
const bundle = JSON.parse(JSON.stringify(bundleRules(ruleFiles())));
const fromBundle = ruleSetFromBundle(bundle);

const summary = (r: Awaited<ReturnType<typeof diagnose>>) =>
  r.findings.map((f) => ({ rule: f.ruleId, subject: f.subject, score: f.score, lines: f.evidence.map((e) => e.line), count: f.count, captures: f.captures }));

describe('rule bundle', () => {
  it('carries every rule and the analysis of every text fact', () => {
    expect(bundle.format).toBe(RULE_BUNDLE_FORMAT);
    expect(bundle.rules).toHaveLength(fromFiles.rules.length);
    expect(bundle.literals).toHaveLength(fromFiles.patterns.length);
    expect(new Set(bundle.prefilters.map(([fact]: [string]) => fact))).toEqual(new Set(fromFiles.prefilters.keys()));
    for (const [fact, pf] of fromFiles.prefilters) {
      const shipped = fromBundle.prefilters.get(fact)!;
      expect(shipped.re?.source, fact).toBe(pf.re?.source);
      expect([...shipped.byLiteral], fact).toEqual([...pf.byLiteral]);
      expect(shipped.always, fact).toEqual(pf.always);
    }
  });

  it('gives the same findings as the rule files on every fixture and real paste', async () => {
    const texts = [
      ...fixtureFiles().map((f) => ({ name: f, text: readFileSync(join(FIXTURES, f), 'utf8') })),
      ...realPastes().map((p) => ({ name: `${p.dir}/${p.file}`, text: p.text })),
    ];
    expect(texts.length).toBeGreaterThan(300);
    let withFindings = 0;
    for (const { name, text } of texts) {
      const a = summary(await diagnose(text, fromFiles));
      const b = summary(await diagnose(text, fromBundle));
      expect(b, name).toEqual(a);
      if (a.length) withFindings++;
    }
    expect(withFindings).toBeGreaterThan(250);
  });

  it('is refused when it is not a bundle of this format', () => {
    expect(() => ruleSetFromBundle({ ...bundle, format: 'k8s-kb-rules/0' })).toThrow(/format k8s-kb-rules\/1/);
    expect(() => ruleSetFromBundle(ruleFiles() as never)).toThrow(/rebuild/);
    expect(() => ruleSetFromBundle({ ...bundle, literals: bundle.literals.slice(1) })).toThrow(/inconsistent .* rebuild/);
  });

  it('is never made from invalid rules: the error names the file and field', () => {
    const broken = [...ruleFiles(), { path: 'rules/extra/bad.json', text: '{"name":"bad","conditions":{"all":[]},"event":{"type":"finding","params":{"article":"no-such-article"}}}' }];
    expect(() => bundleRules(broken)).toThrow(RuleLoadFailure);
    expect(() => bundleRules(broken)).toThrow(/rules\/extra\/bad\.json: event\.params/);
  });
});

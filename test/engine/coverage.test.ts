/** Integrity of rules against the catalogue and the fixtures (the acceptance list, as tests). */
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/content/catalogue.ts';
import { diagnose } from '../../src/engine/index.ts';
import { cases, fixture, fixtureFiles, realPastes, ruleSet } from './helpers.ts';

const D_SLUGS = CATALOGUE.filter((c) => c.kind === 'D').map((c) => c.slug);

describe('coverage', () => {
  it('lists every fixture file exactly once in cases.json', () => {
    const listed = cases().map((c) => c.file).sort();
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).toEqual(fixtureFiles());
  });

  it('has a rule for every diagnosable catalogue slug, and only catalogue slugs', () => {
    const articles = new Set(ruleSet().rules.map((r) => r.params.article));
    expect(D_SLUGS.filter((s) => !articles.has(s))).toEqual([]);
  });

  it('has at least two firing fixtures per diagnosable slug, one of them not in the tidiest form', () => {
    const bySlug = new Map<string, { file: string; untidy: boolean }[]>();
    for (const c of cases()) {
      for (const s of [c.first, ...(c.includes ?? [])]) {
        if (!s || !D_SLUGS.includes(s)) continue;
        bySlug.set(s, [...(bySlug.get(s) ?? []), { file: c.file, untidy: (c.shapes ?? []).some((x) => x !== 'new-format') }]);
      }
    }
    const thin = D_SLUGS.filter((s) => (bySlug.get(s)?.length ?? 0) < 2);
    const tidyOnly = D_SLUGS.filter((s) => !(bySlug.get(s) ?? []).some((x) => x.untidy));
    expect(thin).toEqual([]);
    expect(tidyOnly).toEqual([]);
  });

  it('has at least fifteen must-not-fire cases, each saying why', () => {
    const quiet = cases().filter((c) => c.first === null || (c.excludes?.length ?? 0) > 0);
    expect(quiet.length).toBeGreaterThanOrEqual(15);
    for (const c of quiet) expect(c.why.length).toBeGreaterThan(20);
  });

  it('fires every rule in at least one fixture or real paste', async () => {
    const fired = new Set<string>();
    const texts = [...fixtureFiles().map(fixture), ...realPastes().map((c) => c.text)];
    for (const t of texts) for (const x of (await diagnose(t, ruleSet(), { trace: true })).fired!) fired.add(x.ruleId);
    expect(ruleSet().rules.map((r) => r.id).filter((id) => !fired.has(id))).toEqual([]);
  });
});

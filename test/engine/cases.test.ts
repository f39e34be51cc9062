/**
 * The fixture table: every case of test/fixtures/cases.json, run through the real rules.
 * `first`, `includes` and `excludes` name an article slug or a rule id.
 */
import { describe, expect, it } from 'vitest';
import { diagnose, type Finding } from '../../src/engine/index.ts';
import { cases, fixture, ruleSet } from './helpers.ts';

const names = (f: Finding) => [f.article, f.ruleId];

describe('fixture cases', () => {
  for (const c of cases()) {
    it(`${c.file}: ${c.first ?? 'no warning or critical finding'}`, async () => {
      const r = await diagnose(fixture(c.file), ruleSet(), { trace: true });
      const serious = r.findings.filter((f) => f.severity !== 'info');
      const fired = new Set(r.fired!.map((f) => f.ruleId));
      const present = (x: string) => r.findings.some((f) => names(f).includes(x)) || fired.has(x);
      if (c.first === null) {
        expect(serious.map((f) => f.article), c.why).toEqual([]);
      } else {
        expect(r.findings[0] && names(r.findings[0]), c.why).toContain(c.first);
      }
      for (const inc of c.includes ?? []) expect(present(inc), `${inc} should be reported: ${c.why}`).toBe(true);
      for (const exc of c.excludes ?? []) expect(r.findings.some((f) => names(f).includes(exc) && f.severity !== 'info'), `${exc} must not be reported: ${c.why}`).toBe(false);
      if (c.captures) {
        const lead = c.first ? r.findings.find((f) => names(f).includes(c.first!)) : undefined;
        expect(lead?.captures, c.why).toMatchObject(c.captures);
      }
      if (c.evidence) {
        const lines = r.findings[0]!.evidence.map((e) => e.line);
        for (const n of c.evidence) expect(lines, `evidence line ${n}`).toContain(n);
      }
      if (c.sections) expect(r.sections.map((s) => s.kind)).toEqual(c.sections);
      if (c.messages) expect(r.messages.map((m) => m.code)).toEqual(expect.arrayContaining(c.messages));
      // Evidence always quotes the original line it points at.
      const lines = fixture(c.file).replace(/\r/g, '').split('\n');
      for (const f of r.findings) for (const e of f.evidence) expect(lines[e.line - 1]!.replace(/\x1b\[[0-9;]*m/g, '').startsWith(e.text.replace(/…$/, ''))).toBe(true);
    });
  }
});

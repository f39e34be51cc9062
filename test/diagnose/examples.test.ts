import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, loadExamples } from '../../src/diagnose/examples.ts';

const ROOT = join(import.meta.dirname, '../..');
const cases = (JSON.parse(readFileSync(join(ROOT, 'test/fixtures/cases.json'), 'utf8')) as { cases: { file: string; first?: string | null }[] }).cases;

describe('diagnose page examples', () => {
  it('offer about a dozen realistic pastes, each a fixture the engine diagnoses', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(12);
    for (const e of EXAMPLES) {
      const c = cases.find((x) => x.file === e.fixture);
      expect(c, e.fixture).toBeDefined();
      expect(c!.first, e.fixture).toBeTruthy();
    }
  });

  it('load in both languages with distinct titles', () => {
    const zh = loadExamples(ROOT, 'zh');
    const en = loadExamples(ROOT, 'en');
    expect(zh.map((e) => e.text)).toEqual(en.map((e) => e.text));
    expect(new Set(zh.map((e) => e.title)).size).toBe(zh.length);
    expect(zh.every((e, i) => e.title !== en[i]!.title)).toBe(true);
  });
});

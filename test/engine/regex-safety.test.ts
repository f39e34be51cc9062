/**
 * Every rule regex must stay fast on long, hostile lines: lines at the matching cap (4 KB) made of
 * the pattern's own literals repeated, of spaces, of word characters, and of near-misses.
 */
import { describe, expect, it } from 'vitest';
import { MAX_LINE_CHARS } from '../../src/engine/limits.ts';
import { ruleSet } from './helpers.ts';

function adversarialLines(literals: string[]): string[] {
  const fill = (unit: string) => unit.repeat(Math.ceil(MAX_LINE_CHARS / Math.max(1, unit.length))).slice(0, MAX_LINE_CHARS);
  const lines = [fill('a'), fill(' '), fill('a '), fill('\t'), fill('x509: '), fill('0/10 '), fill('"'), fill('{}'), fill('(x1 over 2m) ')];
  for (const l of literals) {
    lines.push(fill(l));
    lines.push(fill(l + ' '));
    lines.push(fill(l.slice(0, -1)));
    lines.push(fill(l + 'x'.repeat(20)));
  }
  return lines;
}

describe('regex safety', () => {
  it('runs every rule regex over 4 KB adversarial lines within a time bound', () => {
    const slow: string[] = [];
    for (const p of ruleSet().patterns) {
      const lines = adversarialLines([...(p.literals ?? []), 'FailedScheduling', 'Insufficient', 'Back-off', 'OOMKilled']);
      const t = performance.now();
      for (const line of lines) p.re.test(line);
      const ms = performance.now() - t;
      if (ms > 50) slow.push(`${p.re.source} took ${ms.toFixed(0)} ms`);
    }
    expect(slow).toEqual([]);
  });

  it('compiles each distinct pattern once and without global/sticky flags', () => {
    for (const p of ruleSet().patterns) expect(p.re.flags).not.toMatch(/[gy]/);
    const keys = ruleSet().patterns.map((p) => `${p.fact}\u0001${p.key}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

/**
 * The engine on labelled real pastes (test/real-pastes/* and ../shared/real-pastes when present):
 * the first finding names the thread's conclusion on at least 90 % of the diagnosable pastes, one
 * of the first three answers (findings, then "possibly related") on at least 97 %, and no healthy
 * paste gets a warning or critical finding.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateDirs } from '../../src/cli/eval-command.ts';
import { main } from '../../src/cli/main.ts';
import { scoreCase, summarise } from '../../src/eval/score.ts';
import { realPasteDirs } from '../engine/helpers.ts';

const FLOOR = { top1: 0.9, top3: 0.97 };

describe('real pastes', () => {
  it('are diagnosed at least as well as the floor, and healthy output stays quiet', async () => {
    const report = summarise(await evaluateDirs(realPasteDirs()));
    expect(report.cases).toBeGreaterThanOrEqual(300);
    expect(report.noisyHealthy).toEqual([]);
    expect(report.top1).toBeGreaterThanOrEqual(FLOOR.top1);
    expect(report.top3).toBeGreaterThanOrEqual(FLOOR.top3);
  }, 120_000);

  it('scores top-1 on findings only and top-3 on findings then related articles', () => {
    const c = { file: 'x', source_url: 'u', input_kind: 'mixed', primary_class: 'oomkilled', secondary_classes: ['crashloop-app-error'], root_cause_note: '', trimmed: false };
    const f = (article: string, severity: 'critical' | 'warning' | 'info' = 'warning') => ({ article, severity }) as never;
    expect(scoreCase('a', c, { findings: [f('crashloop-app-error')] })).toMatchObject({ top1: true, top3: true });
    expect(scoreCase('b', c, { findings: [f('probe-failure')], related: [{ article: 'oomkilled' }] })).toMatchObject({ top1: false, top3: true });
    expect(scoreCase('c', c, { findings: [f('a'), f('b'), f('c')], related: [{ article: 'oomkilled' }] })).toMatchObject({ top1: false, top3: false });
    const healthy = { ...c, primary_class: 'healthy', secondary_classes: [] };
    expect(scoreCase('d', healthy, { findings: [f('probe-failure', 'info')] }).quiet).toBe(true);
    expect(scoreCase('e', healthy, { findings: [f('probe-failure', 'warning')] }).quiet).toBe(false);
  });

  it('prints a JSON report with top1, top3, healthyQuiet and cases', async () => {
    let out = '';
    const code = await main(['eval', '--json', realPasteDirs()[0]!], { out: (s) => (out += s), err: () => {}, env: {} });
    expect(code).toBe(0);
    const r = JSON.parse(out) as Record<string, unknown>;
    for (const k of ['top1', 'top3', 'healthyQuiet', 'cases']) expect(typeof r[k]).toBe('number');
    expect(r.top1 as number).toBeGreaterThan(0);
    expect(r.top1 as number).toBeLessThanOrEqual(1);
  });

  it('skips plain files a shell glob adds (test/real-pastes/* names the README too), saying so', async () => {
    let out = '';
    let err = '';
    const dir = realPasteDirs()[0]!;
    const code = await main(['eval', '--json', join(dir, '..', 'README.md'), dir], { out: (s) => (out += s), err: (s) => (err += s), env: {} });
    expect(code).toBe(0);
    expect(err).toMatch(/skipped .*README\.md: not a directory/);
    expect((JSON.parse(out) as { cases: number }).cases).toBeGreaterThan(10);
  });
});

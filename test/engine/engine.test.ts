/** Ranking, grouping, supersedes, captures and the custom operators, through the public API. */
import { describe, expect, it } from 'vitest';
import { createRuleSet, diagnose } from '../../src/engine/index.ts';
import { analyzeRegex } from '../../src/engine/regex-analysis.ts';
import { scanLiteral } from '../../src/engine/rules.ts';
import { matchesOperator, MatchView, notMatchesOperator } from '../../src/engine/operators.ts';
import { ruleSet } from './helpers.ts';

const rule = (name: string, article: string, score: number, cond: unknown, extra: Record<string, unknown> = {}) => ({
  path: `t/${name}.json`,
  text: JSON.stringify({ name, priority: 50, conditions: cond, event: { type: 'finding', params: { article, severity: 'warning', score, ...extra } } }),
});

describe('engine', () => {
  it('matches operator: regex over line-tagged text, strings, minCount, precomputed views', () => {
    const lines = [{ text: 'Warning BackOff Back-off restarting failed container', start: 1, end: 1 }];
    expect(matchesOperator(lines, 'back-off restarting')).toBe(true);
    expect(matchesOperator(lines, { pattern: 'back-off restarting', flags: '' })).toBe(false);
    expect(matchesOperator(lines, { pattern: 'Back-off', minCount: 2 })).toBe(false);
    expect(matchesOperator('OOMKilled', '^OOMKilled$')).toBe(true);
    expect(matchesOperator(undefined, 'x')).toBe(false);
    expect(notMatchesOperator(undefined, 'x')).toBe(true);
    expect(matchesOperator(new MatchView(new Set()), 'x')).toBe(false);
  });

  it('extracts literals for the prefilter and refuses unsafe patterns', () => {
    expect(analyzeRegex('Insufficient (?<r>cpu|memory)', 'i').literals).toEqual(['insufficient ']);
    expect(analyzeRegex('(?:ErrImagePull|ImagePullBackOff)', 'i').literals).toEqual(['errimagepull', 'imagepullbackoff']);
    expect(analyzeRegex('\\d+', 'i').literals).toBeNull();
    expect(analyzeRegex('(x+x+)+y', '').problems.length).toBeGreaterThan(0);
    expect(analyzeRegex('[\\w.-]+: Temporary failure', 'i').problems.length).toBeGreaterThan(0);
    expect(analyzeRegex('^[\\w.-]+: Temporary failure', 'i').problems).toEqual([]);
  });

  it('scans for the core of each literal, which every line holding the literal also holds', () => {
    expect(scanLiteral(' resource "')).toBe('resource');
    expect(scanLiteral('persistentvolumeclaim "')).toBe('persistentvolumeclaim');
    expect(scanLiteral('"x"')).toBe('"x"'); // too short a core: the literal itself
    expect(scanLiteral('": ')).toBe('": ');
    // The prefilters are built from trimmed literals only (a trimmed literal trims to itself).
    let n = 0;
    for (const f of ruleSet().prefilters.values()) {
      for (const lit of f.byLiteral.keys()) {
        expect(scanLiteral(lit), lit).toBe(lit);
        n++;
      }
    }
    expect(n).toBeGreaterThan(100);
  });

  it('puts the root cause above what it supersedes on the same subject', async () => {
    const rs = createRuleSet([
      rule('symptom', 'crashloop-app-error', 0.9, { any: [{ fact: 'podStatus', operator: 'equal', value: 'CrashLoopBackOff' }] }),
      rule('cause', 'oomkilled', 0.8, { any: [{ fact: 'lastTerminationReasons', operator: 'matches', value: '^OOMKilled$' }] }, { supersedes: ['crashloop-app-error'] }),
    ]);
    const r = await diagnose('NAME    READY   STATUS             RESTARTS   AGE\nweb-1   0/1     CrashLoopBackOff   3          5m\n    Last State:     Terminated\n      Reason:       OOMKilled\n      Exit Code:    137\n', rs);
    expect(r.findings.map((f) => [f.ruleId, f.score, f.supersededBy])).toEqual([['cause', 0.8, undefined], ['symptom', 0.79, 'cause']]);
  });

  it('groups many subjects with the same problem into one finding', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `shop   web-${i}   0/1   Evicted   0   3h`).join('\n');
    const r = await diagnose(`NAMESPACE   NAME   READY   STATUS   RESTARTS   AGE\n${rows}\n`, ruleSet());
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ article: 'pod-evicted', count: 50, subject: { name: 'web-0' } });
    expect(r.findings[0]!.subjects).toHaveLength(50);
    expect(r.findings[0]!.evidence.length).toBeLessThanOrEqual(12);
  });

  it('gives the same answer for the same subjects whether or not the engine run was cached', async () => {
    const a = await diagnose('NAME    READY   STATUS             RESTARTS   AGE\nweb-1   0/1     CrashLoopBackOff   3          5m\n', ruleSet());
    const b = await diagnose('NAME    READY   STATUS             RESTARTS   AGE\nweb-2   0/1     CrashLoopBackOff   7          9m\n', ruleSet());
    expect(a.findings.map((f) => f.ruleId)).toEqual(b.findings.map((f) => f.ruleId));
  });

  it('healthy output yields no warning or critical finding', async () => {
    const r = await diagnose('NAME       STATUS   ROLES           AGE   VERSION\ncp-1       Ready    control-plane   41d   v1.29.3\nworker-1   Ready    <none>          41d   v1.29.3\n', ruleSet());
    expect(r.findings).toEqual([]);
    expect(r.sections).toEqual([{ kind: 'get-nodes', startLine: 1, endLine: 3 }]);
  });
});

describe('concurrency', () => {
  it('serialises runs of one json-rules-engine instance (it keeps its run status on itself)', async () => {
    const rs = createRuleSet([
      rule('first', 'crashloop-app-error', 0.8, { any: [{ fact: 'podStatus', operator: 'equal', value: 'CrashLoopBackOff' }] }),
      { ...rule('second', 'oomkilled', 0.7, { any: [{ fact: 'podStatus', operator: 'in', value: ['CrashLoopBackOff', 'Error'] }] }), text: JSON.stringify({ name: 'second', priority: 5, conditions: { any: [{ fact: 'podStatus', operator: 'in', value: ['CrashLoopBackOff', 'Error'] }] }, event: { type: 'finding', params: { article: 'oomkilled', severity: 'warning', score: 0.7 } } }) },
    ]);
    const paste = (n: number) => `NAME    READY   STATUS             RESTARTS   AGE\nweb-${n}   0/1     CrashLoopBackOff   3          5m\n`;
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => diagnose(paste(i), rs)));
    for (const r of results) expect(r.findings.map((f) => f.ruleId).sort()).toEqual(['first', 'second']);
  });

  it('gives the same findings when several pastes are diagnosed at the same time', async () => {
    const { fixture } = await import('./helpers.ts');
    const files = ['describe-node/runtime-down-v1-16.txt', 'describe-pod/oomkilled-java.txt', 'get-events/all-namespaces-mixed.txt', 'mixed/apiserver-down-disk-full.txt'];
    const alone = [];
    for (const f of files) alone.push((await diagnose(fixture(f), ruleSet())).findings.map((x) => x.ruleId));
    const together = await Promise.all([...files, ...files].map((f) => diagnose(fixture(f), ruleSet())));
    expect(together.map((r) => r.findings.map((x) => x.ruleId))).toEqual([...alone, ...alone]);
  });
});

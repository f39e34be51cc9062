/** Broken rule files must be rejected with the file and the field path in the message. */
import { describe, expect, it } from 'vitest';
import { createRuleSet, formatRuleError, loadRules, RuleLoadFailure } from '../../src/engine/index.ts';
import { ruleFiles } from './helpers.ts';

const good = {
  name: 'oomkilled',
  priority: 90,
  conditions: { all: [{ fact: 'kind', operator: 'equal', value: 'Pod' }, { fact: 'lastTerminationReasons', operator: 'matches', value: '^OOMKilled$' }] },
  event: { type: 'finding', params: { article: 'oomkilled', severity: 'critical', score: 0.95 } },
};

function errorsFor(rule: unknown, path = 'rules/pods/oomkilled.json'): string[] {
  const text = typeof rule === 'string' ? rule : JSON.stringify(rule, null, 2);
  return loadRules([{ path, text }]).errors.map(formatRuleError);
}

function withParams(params: Record<string, unknown>) {
  return { ...good, event: { type: 'finding', params: { ...good.event.params, ...params } } };
}

describe('rule schema', () => {
  it('accepts every rule file in rules/', () => {
    const { errors, ruleSet } = loadRules(ruleFiles());
    expect(errors.map(formatRuleError)).toEqual([]);
    expect(ruleSet.rules.length).toBeGreaterThanOrEqual(40);
  });

  it('accepts a minimal valid rule', () => {
    expect(errorsFor(good)).toEqual([]);
  });

  it('names the file and field of an unknown article slug', () => {
    expect(errorsFor(withParams({ article: 'oomkiled' }))).toEqual(['rules/pods/oomkilled.json: event.params.article: unknown slug "oomkiled"']);
  });

  it('reports invalid JSON with line and column', () => {
    const [msg] = errorsFor('{\n  "name": "oomkilled",\n  "priority": 90,\n}\n');
    expect(msg).toMatch(/^rules\/pods\/oomkilled\.json: \(json\): invalid JSON at line 4, column 1: trailing comma/);
  });

  it('reports an unknown fact with its condition path', () => {
    const rule = { ...good, conditions: { all: [good.conditions.all[0], { fact: 'lastTerminationReason', operator: 'matches', value: 'x' }] } };
    expect(errorsFor(rule)).toEqual(['rules/pods/oomkilled.json: conditions.all[1].fact: unknown fact "lastTerminationReason"']);
  });

  it('rejects the built-in contains operator on a text fact (it never matches strings)', () => {
    const rule = { ...good, conditions: { any: [{ fact: 'events', operator: 'contains', value: 'OOMKilled' }] } };
    expect(errorsFor(rule)[0]).toMatch(/conditions\.any\[0\]\.operator: "contains" cannot be used on text fact "events"/);
  });

  it('rejects a regex that does not compile', () => {
    const rule = { ...good, conditions: { any: [{ fact: 'events', operator: 'matches', value: 'Insufficient (cpu' }] } };
    expect(errorsFor(rule)[0]).toMatch(/conditions\.any\[0\]\.value: bad regex .*does not compile/);
  });

  it('rejects catastrophic regexes: nested quantifiers, alternation under a star, adjacent overlapping stars', () => {
    for (const bad of ['(a+)+b', '(\\w+\\s?)*x', '(?:cpu|memory)*x', 'foo\\s*\\s*bar', '.*OOMKilled', '(a)\\1']) {
      const rule = { ...good, conditions: { any: [{ fact: 'events', operator: 'matches', value: bad }] } };
      expect(errorsFor(rule)[0], bad).toMatch(/conditions\.any\[0\]\.value: bad regex/);
    }
  });

  it('rejects bad severities, scores, unknown keys and a name that differs from the file', () => {
    expect(errorsFor(withParams({ severity: 'high' }))[0]).toMatch(/event\.params\.severity: must be one of critical, warning, info/);
    expect(errorsFor(withParams({ score: 1.5 }))[0]).toMatch(/event\.params\.score: must be a number from 0 to 1/);
    expect(errorsFor(withParams({ severty: 'info' }))[0]).toMatch(/event\.params\.severty: unknown field/);
    expect(errorsFor({ ...good, name: 'oom' })[0]).toMatch(/: name: must equal the file name "oomkilled"/);
    expect(errorsFor({ ...good, event: { type: 'alert', params: good.event.params } })[0]).toMatch(/event\.type: must be "finding"/);
  });

  it('checks matches objects: flags and minCount', () => {
    const rule = { ...good, conditions: { any: [{ fact: 'logLines', operator: 'matches', value: { pattern: 'x+y', flags: 'g', minCount: 0 } }] } };
    const errs = errorsFor(rule);
    expect(errs).toContain('rules/pods/oomkilled.json: conditions.any[0].value.flags: only the flags i, m, s and u are allowed');
    expect(errs).toContain('rules/pods/oomkilled.json: conditions.any[0].value.minCount: must be an integer from 1 to 1000');
  });

  it('rejects duplicate rule ids across files', () => {
    const text = JSON.stringify(good);
    const { errors } = loadRules([{ path: 'rules/pods/oomkilled.json', text }, { path: 'extra/oomkilled.json', text }]);
    expect(errors.map(formatRuleError)).toEqual(['extra/oomkilled.json: name: duplicate rule id "oomkilled" (also in rules/pods/oomkilled.json)']);
  });

  it('createRuleSet throws one error listing every problem', () => {
    expect(() => createRuleSet([{ path: 'a/oomkilled.json', text: '{' }, { path: 'b/x.json', text: '[]' }])).toThrow(RuleLoadFailure);
    try {
      createRuleSet([{ path: 'a/oomkilled.json', text: '{' }, { path: 'b/x.json', text: '[]' }]);
    } catch (e) {
      expect((e as Error).message.split('\n')).toEqual(['a/oomkilled.json: (json): invalid JSON at line 1, column 2: expected a property name in double quotes, found end of file', 'b/x.json: (root): a rule file must hold one JSON object']);
    }
  });
});

/**
 * Rule loader edge cases (review D14): every problem names its file (and field), one bad entry
 * never stops the rest, nothing is an "internal error", and nothing outside the directory is read.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/engine/index.ts';
import { ROOT } from '../engine/helpers.ts';

function run(args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'k8s-kb.mjs'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LANG: 'en_US.UTF-8' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const rule = (name: string, conditions: unknown, params: Record<string, unknown> = {}) =>
  JSON.stringify({ name, priority: 50, conditions, event: { type: 'finding', params: { article: 'crashloop-app-error', severity: 'warning', score: 0.5, ...params } } });
const leaf = { fact: 'kind', operator: 'equal', value: 'Pod' };

describe('rule loader', () => {
  it('reports each broken entry against its file and keeps checking the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-rules-'));
    writeFileSync(join(dir, 'good.json'), rule('good', { all: [leaf] }));
    // Written by hand: JSON.stringify itself overflows the stack at this depth.
    const nested = '{"not":'.repeat(10_000) + JSON.stringify(leaf) + '}'.repeat(10_000);
    writeFileSync(join(dir, 'deep-not.json'), rule('deep-not', { all: ['NESTED'] }).replace('"NESTED"', nested));
    writeFileSync(join(dir, 'unclosed.json'), '['.repeat(10_000));
    writeFileSync(join(dir, 'bom.json'), '\ufeff' + rule('bom', { all: [leaf] }));
    writeFileSync(join(dir, 'many-leaves.json'), rule('many-leaves', { any: Array.from({ length: 2000 }, () => leaf) }));
    writeFileSync(join(dir, 'huge.json'), rule('huge', { any: Array.from({ length: 100_000 }, () => leaf) }));
    writeFileSync(join(dir, 'proto.json'), rule('proto', { all: [leaf, { fact: 'events', operator: 'matches', value: '(?<constructor>x)' }] }, { captureFacts: { __proto__: 'restarts', toString: 'restarts' } }));
    symlinkSync(join(dir, 'loop.json'), join(dir, 'loop.json'));
    symlinkSync(join(dir, 'missing-target'), join(dir, 'dangling.json'));
    symlinkSync('/etc/passwd', join(dir, 'outside.json'));
    symlinkSync('/dev/zero', join(dir, 'zero.json'));
    spawnSync('mkfifo', [join(dir, 'fifo.json')]); // opening it would wait for a writer forever
    mkdirSync(join(dir, 'sub'));
    symlinkSync(dir, join(dir, 'sub', 'cycle'));
    const t = Date.now();
    const r = run(['rules', 'check', dir]);
    expect(Date.now() - t).toBeLessThan(30_000);
    expect(r.code).toBe(1);
    expect(r.err).not.toContain('internal error');
    const lines = r.out.split('\n');
    const about = (file: string) => lines.filter((l) => l.includes(`/${file}:`)).join('\n');
    expect(r.out).toMatch(/^ok +.*good\.json/m);
    expect(r.out).toMatch(/^ok +.*bom\.json/m);
    expect(about('deep-not.json')).toMatch(/conditions\.all\[0\](\.not)+: conditions nested more than 32 deep/);
    expect(about('unclosed.json')).toContain('(json): invalid JSON at line 1, column 10001: unexpected end of file');
    expect(about('many-leaves.json')).toContain('conditions: more than 500 conditions; split the rule');
    expect(about('huge.json')).toContain('(file): larger than 256 KB; not read');
    expect(about('proto.json')).toContain('event.params.captureFacts.toString: "toString" cannot be a capture name');
    expect(about('proto.json')).toContain('group name "constructor" cannot be a capture name');
    expect(about('loop.json')).toContain('(file): cannot read: too many levels of symbolic links (ELOOP)');
    expect(about('dangling.json')).toContain('(file): cannot read: no such file or directory (ENOENT)');
    expect(about('outside.json')).toContain('outside');
    expect(r.out).not.toMatch(/unexpected "r"/); // the first character of /etc/passwd is not echoed
    expect(about('zero.json')).toContain('outside');
    expect(about('fifo.json')).toContain('(file): not a regular file; not read');
  }, 60_000);

  it('checks a single rule file given instead of a directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-one-'));
    writeFileSync(join(dir, 'one.json'), rule('one', { all: [leaf] }));
    const r = run(['rules', 'check', join(dir, 'one.json')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ok +.*one\.json/m);
  });

  it('diagnose --rules names an unreadable directory instead of an internal error', () => {
    const r = run(['diagnose', '--rules', '/nonexistent/rules', join('test', 'fixtures', 'describe-pod', 'crashloop-exit-1-spring.txt')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('/nonexistent/rules: no such file or directory (ENOENT)');
    expect(r.err).not.toContain('internal error');
  });

  it('loadRules reports a file the caller could not read under "(file)"', () => {
    const { errors } = loadRules([{ path: 'x/y.json', text: '', error: 'cannot read: permission denied (EACCES)' }]);
    expect(errors).toEqual([{ file: 'x/y.json', path: '(file)', message: 'cannot read: permission denied (EACCES)' }]);
  });
});

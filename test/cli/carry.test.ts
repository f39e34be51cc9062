/**
 * The CLI you can carry: scripts/build-cli.mjs builds dist/cli/k8s-kb.mjs (here into a temporary
 * folder); the file is copied where no node_modules, rules or articles are beside it and must
 * answer like the repository's CLI. Where postject is installed, the single executable too.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, parse } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../engine/helpers.ts';

const fx = (f: string) => join(ROOT, 'test', 'fixtures', f);

let buildDir: string;
let jumpHost: string;
let carried: string;

beforeAll(() => {
  buildDir = mkdtempSync(join(tmpdir(), 'kb-build-'));
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs'), '--out-dir', buildDir], { cwd: ROOT, stdio: 'pipe' });
  jumpHost = mkdtempSync(join(tmpdir(), 'kb-jump-'));
  carried = join(jumpHost, 'k8s-kb.mjs');
  copyFileSync(join(buildDir, 'k8s-kb.mjs'), carried);
}, 180_000);

afterAll(() => {
  for (const d of [buildDir, jumpHost]) if (d) rmSync(d, { recursive: true, force: true });
});

function runWith(program: string[], args: string[], opts: { input?: string; env?: Record<string, string>; cwd?: string } = {}) {
  const [cmd, ...pre] = program;
  const r = spawnSync(cmd!, [...pre, ...args], {
    cwd: opts.cwd ?? jumpHost,
    input: opts.input ?? '',
    // Nothing from the repository: no NODE_PATH, no PATH to its tools.
    env: { LANG: 'en_US.UTF-8', ...opts.env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const carry = (args: string[], opts?: Parameters<typeof runWith>[2]) => runWith([process.execPath, carried], args, opts);
const repo = (args: string[], opts?: Parameters<typeof runWith>[2]) => runWith([process.execPath, join(ROOT, 'bin/k8s-kb.mjs')], args, { cwd: ROOT, ...opts, env: { PATH: process.env.PATH ?? '', ...opts?.env } });

describe('dist/cli/k8s-kb.mjs', () => {
  it('is one file that needs no package at run time', () => {
    const text = readFileSync(carried, 'utf8');
    expect(text.startsWith('#!/usr/bin/env node\n')).toBe(true);
    // Import statements start a statement; `from"` inside article text does not.
    const imports = [...text.matchAll(/(?:^|[;}\n])\s*(?:(?:import|export)\b[^"';]{0,200}?from\s*|import\s*)"([^"]+)"|\bimport\s*\(\s*"([^"]+)"\)|\brequire\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
    expect(imports).toContain('node:child_process');
    const builtin = /^(?:node:)?(?:fs|path|url|zlib|child_process|module|vm|events|util|os|crypto|stream|buffer|assert|process)(?:\/promises)?$/;
    expect(imports.filter((i) => !builtin.test(i))).toEqual([]);
    expect(statSync(carried).size).toBeLessThan(4 * 1024 * 1024);
    // No node_modules anywhere above the jump-host folder.
    for (let d = jumpHost; d !== dirname(d); d = dirname(d)) expect(existsSync(join(d, 'node_modules')), d).toBe(false);
    expect(existsSync(join(parse(jumpHost).root, 'node_modules'))).toBe(false);
  });

  it('prints the usage, collect included', () => {
    const r = carry(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('k8s-kb collect [--out FILE.tar.gz|DIR]');
  });

  it('diagnoses exactly like the repository CLI', () => {
    const files = ['describe-pod/oomkilled-java.txt', 'get-events/all-namespaces-mixed.txt', 'cli-output/connection-refused-6443.txt', 'log/unrecognised-lorem.txt', 'describe-node/kubelet-stopped-posting-v1-29.txt'].map(fx);
    const a = carry(['diagnose', '--json', ...files]);
    const b = repo(['diagnose', '--json', ...files]);
    expect(a.code).toBe(0);
    expect(a.err).toBe('');
    expect(a.out).toBe(b.out);
    const stdin = carry(['diagnose', '--json'], { input: readFileSync(fx('describe-pod/oomkilled-java.txt'), 'utf8') });
    expect(JSON.parse(stdin.out).findings[0]).toMatchObject({ ruleId: 'oomkilled-last-state', article: 'oomkilled' });
  }, 120_000);

  it('links articles on the site: relative without --base-url, full with it, in both languages', () => {
    const en = carry(['diagnose', fx('describe-pod/oomkilled-java.txt')]);
    expect(en.out).toContain('[CRITICAL] Container OOMKilled (exit code 137)');
    expect(en.out).toMatch(/^ {3}Read: en\/articles\/oomkilled\/$/m);
    const zh = carry(['diagnose', '--base-url', 'http://intranet/k8s-kb/', fx('describe-pod/oomkilled-java.txt')], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.out).toContain('[严重]');
    expect(zh.out).toContain('http://intranet/k8s-kb/zh/articles/oomkilled/');
  });

  it('searches the built-in index like the repository CLI, in both languages', () => {
    for (const [lang, q] of [['en', 'kubelte not ready'], ['zh', '内存溢出']]) {
      const a = carry(['search', '--json', '--lang', lang!, q!]);
      expect(a.code).toBe(0);
      expect(a.out).toBe(repo(['search', '--json', '--lang', lang!, q!]).out);
      expect(JSON.parse(a.out).results.length).toBeGreaterThan(0);
    }
  }, 120_000);

  it('checks its built-in rules and a folder of the user’s own', () => {
    const r = carry(['rules', 'check']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ok +rules\/pods\/oomkilled-last-state\.json {2}oomkilled-last-state → oomkilled {2}article zh: yes, article en: yes$/m);
    const count = (s: string) => /(\d+) valid rule/.exec(s)![1];
    expect(count(r.out)).toBe(count(repo(['rules', 'check']).out));
    const dir = join(jumpHost, 'my-rules');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'legacy-payment-timeout.json'), JSON.stringify({
      name: 'legacy-payment-timeout',
      priority: 50,
      conditions: { any: [{ fact: 'logLines', operator: 'matches', value: 'PAYGW-504 upstream timeout' }] },
      event: { type: 'finding', params: { article: 'microservice-api-triage', severity: 'warning', score: 0.7 } },
    }));
    const mine = carry(['rules', 'check', 'my-rules']);
    expect(mine.code).toBe(0);
    expect(mine.out).toContain('1 valid rule(s)');
    const d = carry(['diagnose', '--json', '--rules', 'my-rules'], { input: '2024-04-15 ERROR PAYGW-504 upstream timeout after 30s\n' });
    expect(JSON.parse(d.out).findings[0]).toMatchObject({ ruleId: 'legacy-payment-timeout' });
  }, 120_000);

  it('scores labelled cases like the repository CLI', () => {
    const dir = join(jumpHost, 'cases');
    mkdirSync(dir, { recursive: true });
    const cases = [
      ['describe-pod/oomkilled-java.txt', 'oomkilled'],
      ['cli-output/connection-refused-6443.txt', 'apiserver-unreachable'],
      ['get-nodes/healthy-wide-v1-29.txt', 'healthy'],
    ].map(([file, cls], i) => {
      copyFileSync(fx(file!), join(dir, `${i}.txt`));
      return { file: `${i}.txt`, source_url: '', input_kind: 'x', primary_class: cls, secondary_classes: [], root_cause_note: '', trimmed: false };
    });
    writeFileSync(join(dir, 'cases.json'), JSON.stringify(cases));
    const a = carry(['eval', '--json', 'cases']);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.out)).toMatchObject({ cases: 3, top1: 1, healthyQuiet: 1 });
    expect(a.out).toBe(repo(['eval', '--json', join(dir)], { cwd: jumpHost }).out.replaceAll(dir, 'cases'));
  }, 120_000);

  it('collects through kubectl', () => {
    chmodSync(join(ROOT, 'test/fixtures/kubectl-replay/kubectl'), 0o755);
    const r = carry(['collect', '--out', 'b.tar.gz'], { env: { KUBECTL: join(ROOT, 'test/fixtures/kubectl-replay/kubectl'), PATH: process.env.PATH ?? '' } });
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('18 commands, 16 ok, 1 forbidden, 1 failed');
    expect(statSync(join(jumpHost, 'b.tar.gz')).size).toBeGreaterThan(1000);
  });

  it('runs once under another file name', () => {
    const renamed = join(jumpHost, 'kb.mjs');
    copyFileSync(carried, renamed);
    const r = runWith([process.execPath, renamed], ['search', '--lang', 'en', 'OOMKilled']);
    expect(r.code).toBe(0);
    expect(r.out.match(/^ 1\. /gm)).toHaveLength(1);
  });
});

// The single executable: Node 20+ on linux-x64 with postject installed (a devDependency).
const seaPossible = process.platform === 'linux' && process.arch === 'x64' && Number(process.versions.node.split('.')[0]) >= 20 && existsSync(join(ROOT, 'node_modules/postject'));
describe.skipIf(!seaPossible)('single executable (linux-x64)', () => {
  let seaDir: string;
  beforeAll(() => {
    seaDir = mkdtempSync(join(tmpdir(), 'kb-sea-'));
    execFileSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs'), '--out-dir', seaDir, '--sea'], { cwd: ROOT, stdio: 'pipe' });
  }, 300_000);
  afterAll(() => {
    if (seaDir) rmSync(seaDir, { recursive: true, force: true });
  });

  it('runs with no Node.js on PATH, under its own name and as k8s-kb', () => {
    const exe = join(seaDir, 'k8s-kb-linux-x64');
    const short = join(seaDir, 'k8s-kb');
    copyFileSync(exe, short);
    execFileSync('chmod', ['+x', short]);
    for (const program of [exe, short]) {
      const s = runWith([program], ['search', '--json', '--lang', 'en', 'OOMKilled'], { env: { PATH: '/nonexistent' } });
      expect(s.code, s.err).toBe(0);
      expect(JSON.parse(s.out).results[0].slug).toBe('oomkilled');
      const d = runWith([program], ['diagnose', '--json'], { input: readFileSync(fx('cli-output/connection-refused-6443.txt'), 'utf8'), env: { PATH: '/nonexistent' } });
      expect(JSON.parse(d.out).findings[0].article).toBe('apiserver-unreachable');
      expect(d.err).toBe('');
    }
  });
});

/** Spawns the real CLI (bin/k8s-kb.mjs → tsx → src/cli/main.ts) and checks the contracts. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../engine/helpers.ts';

function run(args: string[], opts: { input?: string | Buffer; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'k8s-kb.mjs'), ...args], {
    cwd: ROOT,
    input: opts.input ?? '',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LANG: 'en_US.UTF-8', ...opts.env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const fx = (f: string) => join('test', 'fixtures', f);

describe('k8s-kb CLI', () => {
  it('diagnose --json prints the contract object for a file', () => {
    const r = run(['diagnose', '--json', fx('describe-pod/insufficient-memory-busybox.txt')]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.sections).toEqual([{ kind: 'describe-pod', startLine: 1, endLine: 41 }]);
    expect(j.findings[0]).toMatchObject({
      ruleId: 'insufficient-resources-scheduling',
      article: 'pod-pending-insufficient-resources',
      severity: 'warning',
      subject: { kind: 'Pod', namespace: 'gateway-system', name: 'busybox' },
      captures: { resource: 'memory' },
      evidence: [{ line: 41, text: '  Warning  FailedScheduling  4s (x6 over 7s)  default-scheduler  0/10 nodes are available: 10 Insufficient memory.' }],
    });
    expect(typeof j.findings[0].score).toBe('number');
  });

  it('follows the JSON contract for every fixture, in one run over all files', () => {
    const table = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/cases.json'), 'utf8')) as { cases: { file: string; first?: string | null }[] };
    const r = run(['diagnose', '--json', ...table.cases.map((c) => fx(c.file))]);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(table.cases.length);
    const problems: string[] = [];
    lines.forEach((o, i) => {
      const c = table.cases[i]!;
      if (o.file !== fx(c.file)) problems.push(`${c.file}: file field ${o.file}`);
      if (!Array.isArray(o.sections) || !Array.isArray(o.findings)) problems.push(`${c.file}: sections/findings missing`);
      for (const f of o.findings) {
        if (typeof f.ruleId !== 'string' || typeof f.article !== 'string' || !['critical', 'warning', 'info'].includes(f.severity)) problems.push(`${c.file}: bad finding ${JSON.stringify(f).slice(0, 80)}`);
        if (typeof f.score !== 'number' || !f.subject?.kind || !f.subject?.name) problems.push(`${c.file}: bad score/subject`);
        for (const e of f.evidence) if (!Number.isInteger(e.line) || e.line < 1 || typeof e.text !== 'string') problems.push(`${c.file}: bad evidence`);
      }
      const first = o.findings[0];
      if (c.first && first?.article !== c.first && first?.ruleId !== c.first) problems.push(`${c.file}: first ${first?.article} expected ${c.first}`);
      // Must-not-fire cases allow info findings, never a warning or critical one.
      const loud = o.findings.find((f: { severity: string }) => f.severity !== 'info');
      if (c.first === null && loud) problems.push(`${c.file}: must not fire, got ${loud.article}`);
    });
    expect(problems).toEqual([]);
  });

  it('reads standard input when no file or "-" is given', () => {
    const input = 'The connection to the server 10.0.0.1:6443 was refused - did you specify the right host or port?\n';
    for (const args of [['diagnose', '--json'], ['diagnose', '--json', '-']]) {
      const j = JSON.parse(run(args, { input }).out);
      expect(j.findings[0]).toMatchObject({ article: 'apiserver-unreachable', captures: { port: '6443' } });
    }
  });

  it('prints one JSON object per line with a file field for several files, unreadable and binary ones included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    const bin = join(dir, 'core.dump');
    writeFileSync(bin, Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 7]));
    const r = run(['diagnose', '--json', fx('get-pods/healthy-running.txt'), join(dir, 'missing.txt'), bin, fx('cli-output/unauthorized.txt')]);
    // Like kubectl: an unreadable input is an error (stderr, exit 1); the others are still diagnosed.
    expect(r.code).toBe(1);
    expect(r.err).toBe(`k8s-kb: Cannot read ${join(dir, 'missing.txt')}: no such file or directory (ENOENT)\n`);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.file)).toEqual([fx('get-pods/healthy-running.txt'), join(dir, 'missing.txt'), bin, fx('cli-output/unauthorized.txt')]);
    expect(lines[0].findings).toEqual([]);
    expect(lines[1]).toMatchObject({ findings: [], messages: [{ code: 'unreadable-input', params: { error: 'ENOENT' } }] });
    expect(lines[2]).toMatchObject({ findings: [], messages: [{ code: 'binary-input' }] });
    expect(lines[3].findings[0].article).toBe('auth-unauthorized-forbidden');
  });

  it('renders findings for people in English and Chinese with evidence and article links', () => {
    const en = run(['diagnose', fx('describe-pod/oomkilled-java.txt')]);
    expect(en.code).toBe(0);
    expect(en.out).toContain('[CRITICAL] Container OOMKilled (exit code 137)');
    expect(en.out).toMatch(/26 │ {7}Reason: {7}OOMKilled/);
    // The built site when there is one (file:// URL), else the site path (test/cli/steps.test.ts).
    const built = existsSync(join(ROOT, 'dist', 'zh', 'articles')) && existsSync(join(ROOT, 'dist', 'en', 'articles'));
    expect(en.out).toContain(built ? pathToFileURL(join(ROOT, 'dist', 'en', 'articles', 'oomkilled', 'index.html')).href : 'Read: en/articles/oomkilled/');
    const zh = run(['diagnose', '--base-url', 'http://intranet/k8s-kb/', fx('describe-pod/oomkilled-java.txt')], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.out).toContain('[严重]');
    expect(zh.out).toContain('http://intranet/k8s-kb/zh/articles/oomkilled/');
    const viaEnv = run(['diagnose', '--lang', 'en', fx('describe-pod/oomkilled-java.txt')], { env: { K8S_KB_BASE_URL: 'https://kb.local', LC_ALL: 'zh_CN.UTF-8' } });
    expect(viaEnv.out).toContain('https://kb.local/en/articles/oomkilled/');
    expect(viaEnv.out).toContain('[CRITICAL]');
  });

  it('says when nothing was found or nothing was recognised', () => {
    expect(run(['diagnose', fx('get-nodes/healthy-wide-v1-29.txt')]).out).toContain('No problems found');
    expect(run(['diagnose', fx('log/unrecognised-lorem.txt')]).out).toMatch(/Nothing in the input was recognised\. Paste output of: get-pods, get-nodes/);
  });

  it('exits 2 on usage errors without a stack trace', () => {
    for (const args of [['diagnose', '--frobnicate'], ['diagnose', '--lang', 'fr'], ['diagnose', '--rules'], ['explode'], []]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err + r.out).toContain('Usage:');
      expect(r.err).not.toMatch(/\bat .*\.ts:\d+/);
    }
  });

  it('--rules adds user rules on top of rules/, and rejects invalid ones with file and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-rules-'));
    mkdirSync(join(dir, 'custom'));
    writeFileSync(join(dir, 'custom', 'legacy-payment-timeout.json'), JSON.stringify({
      name: 'legacy-payment-timeout',
      priority: 50,
      conditions: { any: [{ fact: 'logLines', operator: 'matches', value: 'PAYGW-504 upstream timeout' }] },
      event: { type: 'finding', params: { article: 'microservice-api-triage', severity: 'warning', score: 0.7 } },
    }));
    const r = run(['diagnose', '--json', '--rules', dir], { input: '2024-04-15 ERROR PAYGW-504 upstream timeout after 30s\n' });
    expect(JSON.parse(r.out).findings[0]).toMatchObject({ ruleId: 'legacy-payment-timeout', article: 'microservice-api-triage' });
    writeFileSync(join(dir, 'custom', 'broken.json'), JSON.stringify({ name: 'broken', conditions: { any: [{ fact: 'logLines', operator: 'matches', value: 'x' }] }, event: { type: 'finding', params: { article: 'oomkiled', severity: 'warning', score: 0.5 } } }));
    const bad = run(['diagnose', '--json', '--rules', dir], { input: 'x\n' });
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/custom\/broken\.json: event\.params\.article: unknown slug "oomkiled"/);
  });

  it('rules check validates rules/ and reports each rule article, exit 1 on invalid files', () => {
    const ok = run(['rules', 'check']);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^ok +rules\/pods\/oomkilled-last-state\.json {2}oomkilled-last-state → oomkilled {2}article zh: (?:yes|MISSING), article en: (?:yes|MISSING)$/m);
    const dir = mkdtempSync(join(tmpdir(), 'kb-check-'));
    writeFileSync(join(dir, 'bad.json'), '{ "name": "bad", }');
    const bad = run(['rules', 'check', dir]);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/INVALID .*bad\.json: \(json\): invalid JSON at line 1, column 18/);
  });
});

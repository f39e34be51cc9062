/**
 * The CLI's inputs, hardened (review D6, D11, D12, D4, D7): reads stop at the cap whatever the input
 * is, unreadable inputs fail like kubectl (reason on stderr, exit 1), UTF-16 with a BOM is read,
 * a user's slow regexes are rejected, and the human output never passes terminal controls through.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeInput, MAX_READ_BYTES, readInput } from '../../src/cli/io.ts';
import { escapeControls } from '../../src/cli/render.ts';
import { ROOT } from '../engine/helpers.ts';

const BIN = join(ROOT, 'bin', 'k8s-kb.mjs');
const ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LANG: 'en_US.UTF-8' };

function run(args: string[], opts: { input?: string | Buffer; stdin?: number; timeout?: number } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input: opts.stdin === undefined ? (opts.input ?? '') : undefined,
    stdio: opts.stdin === undefined ? 'pipe' : [opts.stdin, 'pipe', 'pipe'],
    env: ENV,
    encoding: 'utf8',
    timeout: opts.timeout ?? 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr, signal: r.signal };
}

const fixture = (f: string) => join('test', 'fixtures', f);

describe('reading inputs (D6)', () => {
  it('reads a character device through a descriptor up to the cap: /dev/zero ends', () => {
    const r = run(['diagnose', '/dev/zero']);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    expect(r.out).toContain('Stopped reading /dev/zero after 64 MB');
    expect(r.out).toContain('binary data');
  });

  it('stops reading standard input at the cap with a message: `yes | k8s-kb diagnose` ends', () => {
    const r = spawnSync('sh', ['-c', `yes | "${process.execPath}" "${BIN}" diagnose --json`], { cwd: ROOT, env: ENV, encoding: 'utf8', timeout: 90_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    const codes = (JSON.parse(r.stdout) as { messages: { code: string }[] }).messages.map((m) => m.code);
    expect(codes).toEqual(expect.arrayContaining(['input-capped', 'input-truncated']));
  }, 100_000);

  it('readInput keeps at most MAX_READ_BYTES and says whether it stopped there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-read-'));
    const small = join(dir, 'small.txt');
    writeFileSync(small, 'NAME READY STATUS\n');
    expect(readInput(small)).toEqual({ text: 'NAME READY STATUS\n', capped: false });
    const zero = readInput('/dev/zero');
    expect(zero.capped).toBe(true);
    expect(zero.text.length).toBe(MAX_READ_BYTES);
  });
});

describe('unreadable inputs fail like kubectl (D11)', () => {
  it('a missing file: the reason on stderr, nothing on stdout, exit 1', () => {
    const r = run(['diagnose', '/nonexistent/file.txt']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe('k8s-kb: Cannot read /nonexistent/file.txt: no such file or directory (ENOENT)\n');
  });

  it('a directory, as a file or as standard input, is an error rather than an empty input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-dir-'));
    const asFile = run(['diagnose', dir]);
    expect(asFile.code).toBe(1);
    expect(asFile.err).toContain('is a directory (EISDIR)');
    const fd = openSync(dir, 'r');
    try {
      const asStdin = run(['diagnose'], { stdin: fd });
      expect(asStdin.code).toBe(1);
      expect(asStdin.err).toContain('Cannot read standard input: is a directory (EISDIR)');
      expect(asStdin.out).not.toContain('The input is empty');
    } finally {
      closeSync(fd);
    }
  });

  it('with several inputs, the readable ones are still diagnosed and --json keeps one object per input', () => {
    const r = run(['diagnose', '--json', fixture('get-pods/healthy-running.txt'), '/nonexistent.txt']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('/nonexistent.txt');
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[1]).toMatchObject({ file: '/nonexistent.txt', messages: [{ code: 'unreadable-input' }] });
  });
});

describe('encodings and line ends (D12)', () => {
  it('decodes UTF-16 with a byte order mark (PowerShell 5.1 `>`), little- and big-endian', () => {
    const text = readFileSync(join(ROOT, fixture('describe-pod/crashloop-exit-1-spring.txt')), 'utf8');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeInput(le)).toBe(text);
    expect(decodeInput(be)).toBe(text);
    const dir = mkdtempSync(join(tmpdir(), 'kb-u16-'));
    writeFileSync(join(dir, 'u16.txt'), le);
    const plain = JSON.parse(run(['diagnose', '--json', fixture('describe-pod/crashloop-exit-1-spring.txt')]).out);
    const u16 = JSON.parse(run(['diagnose', '--json', join(dir, 'u16.txt')]).out);
    expect(u16.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(plain.findings.map((f: { ruleId: string }) => f.ruleId));
    expect(u16.messages).toEqual([]);
  });
});

describe("a user's slow regexes (D4)", () => {
  const rule = (name: string, pattern: string) =>
    JSON.stringify({
      name,
      priority: 50,
      conditions: { all: [{ fact: 'kind', operator: 'equal', value: 'Pod' }, { fact: 'events', operator: 'matches', value: pattern }] },
      event: { type: 'finding', params: { article: 'crashloop-app-error', severity: 'warning', score: 0.5 } },
    });

  it('rules check rejects bounded nested repeats, large repeats and chained lazy gaps, and names file and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-evil-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'bounded-nested.json'), rule('bounded-nested', '(a{1,20}){1,20}$'));
    writeFileSync(join(dir, 'word-nested.json'), rule('word-nested', 'x(\\w{1,20}){1,20}y'));
    writeFileSync(join(dir, 'large-repeat.json'), rule('large-repeat', 'a{0,99999}b'));
    writeFileSync(join(dir, 'sub', 'lazy-chain.json'), rule('lazy-chain', 'BackOff.*?Off.*?x'));
    writeFileSync(join(dir, 'fine.json'), rule('fine', '\\bBackOff\\b(?:(?!BackOff).)*?restarting'));
    const r = run(['rules', 'check', dir], { timeout: 120_000 });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/INVALID .*bounded-nested\.json: conditions\.all\[1\]\.value: bad regex/);
    expect(r.out).toMatch(/INVALID .*word-nested\.json: conditions\.all\[1\]\.value: bad regex/);
    expect(r.out).toMatch(/INVALID .*large-repeat\.json: conditions\.all\[1\]\.value: bad regex/);
    expect(r.out).toMatch(/INVALID .*lazy-chain\.json: conditions\.all\[1\]\.value: bad regex \/BackOff\.\*\?Off\.\*\?x\/: can take polynomial/);
    expect(r.out).toMatch(/^ok +.*fine\.json/m);
    // ...and diagnose --rules refuses to run with them instead of hanging.
    const d = run(['diagnose', '--rules', dir, fixture('describe-pod/crashloop-exit-1-spring.txt')], { timeout: 120_000 });
    expect(d.code).toBe(2);
    expect(d.err).toContain('lazy-chain.json');
  }, 150_000);
});

describe('terminal controls in human output (D7)', () => {
  it('escapes C0 and C1 controls from the paste, as kubectl does since CVE-2021-25743', () => {
    const input = 'NAME READY STATUS RESTARTS AGE\nweb-1\u001bc 0/1 CrashLoopBackOff 12 5m\nweb-2\u001b]0;pwned 0/1 CrashLoopBackOff 12 5m\nweb-3\u009b2J 0/1 CrashLoopBackOff 12 5m\nweb-4\rweb-9 0/1 CrashLoopBackOff 12 5m\n';
    const r = run(['diagnose'], { input });
    expect(r.code).toBe(0);
    expect(r.out).toContain('CrashLoopBackOff');
    expect(r.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    // The one-byte CSI is shown, not obeyed.
    expect(r.out).toContain('web-3\\x9b2J');
    expect(escapeControls('a\rb\u001b[2Jc\u0085d\te\u007f')).toBe('a\\x0db\\x1b[2Jc\\x85d\te\\x7f');
  });
});

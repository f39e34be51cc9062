/**
 * `k8s-kb diagnose` of a bundle: a folder or a .tar.gz written by `k8s-kb collect` (against the
 * stand-in kubectl of test/fixtures/kubectl-replay), a troubleshoot.sh support bundle, and archives
 * that must fail with a clear message (a gzip bomb, a file that is not a tar).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tarArchive } from '../../src/cli/collect-tar.ts';
import { main } from '../../src/cli/main.ts';
import { MAX_INFLATED_BYTES } from '../../src/bundle/limits.ts';
import { ROOT } from '../engine/helpers.ts';

const KUBECTL = join(ROOT, 'test/fixtures/kubectl-replay/kubectl');
const TS = join(ROOT, 'test/fixtures/troubleshoot/support-bundle');
chmodSync(KUBECTL, 0o755);

async function kb(args: string[], lang = 'en') {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), env: { LANG: lang === 'zh' ? 'zh_CN.UTF-8' : 'en_US.UTF-8' } });
  return { code, out, err };
}

let dir: string;
let collected: string;
let archive: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kb-bundle-'));
  collected = join(dir, 'collected');
  archive = join(dir, 'incident.tar.gz');
  for (const out of [collected, archive]) {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'k8s-kb.mjs'), 'collect', '--out', out], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LANG: 'en_US.UTF-8', KUBECTL },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
  }
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Json {
  sections: { kind: string; file: string; startLine: number; endLine: number }[];
  findings: { article: string; count: number; subjects: { kind: string; namespace?: string; name: string }[]; evidence: { file: string; line: number; text: string }[]; supersededBy?: string }[];
  messages: { code: string; params?: Record<string, unknown> }[];
  bundle: { format: string; files: { path: string }[]; skipped: { path: string; reason: string }[]; summary: { byNamespace: [string, number][]; byNode: [string, number][] } };
}

describe('diagnose a collect bundle', () => {
  it('reads the folder as one cluster: one subject per pod across pods.txt, describe and events, evidence with file and line', async () => {
    const r = await kb(['diagnose', '--json', collected]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Json;
    expect(j.bundle.format).toBe('k8s-kb');
    expect(j.bundle.files.map((f) => f.path)).toContain('describe/pods-shop.txt');
    expect(j.bundle.files.map((f) => f.path)).not.toContain('manifest.json');
    const crash = j.findings.find((f) => f.article === 'crashloop-app-error')!;
    expect(crash.subjects).toEqual([{ kind: 'Pod', namespace: 'shop', name: 'order-service-5f7d8c9b6-x2lkp' }]);
    expect(new Set(crash.evidence.map((e) => e.file))).toEqual(new Set(['describe/pods-shop.txt', 'pods.txt', 'events.txt']));
    // Each evidence line is that file's line, as written.
    for (const f of j.findings) {
      for (const e of f.evidence) expect(readFileSync(join(collected, e.file), 'utf8').split('\n')[e.line - 1], `${e.file}:${e.line}`).toBe(e.text);
    }
    // The same object in two files: the DNS errors of both log files are one finding on one pod.
    const dns = j.findings.find((f) => f.article === 'dns-resolution-failure')!;
    expect(dns.count).toBe(1);
    expect(dns.evidence.map((e) => e.file).sort()).toEqual(['logs/shop/order-service-5f7d8c9b6-x2lkp.log', 'logs/shop/order-service-5f7d8c9b6-x2lkp.previous.log']);
    expect(j.sections.every((s) => s.file && s.startLine >= 1 && s.endLine >= s.startLine)).toBe(true);
    expect(j.bundle.summary.byNode[0]).toEqual(['worker-1', 3]);
  });

  it('gives the same findings for the .tar.gz as for the folder, with paths inside the archive', async () => {
    const a = JSON.parse((await kb(['diagnose', '--json', archive])).out) as Json;
    const d = JSON.parse((await kb(['diagnose', '--json', collected])).out) as Json;
    expect(a.findings.map((f) => [f.article, f.count])).toEqual(d.findings.map((f) => [f.article, f.count]));
    expect(a.findings[0]!.evidence[0]!.file).toBe(`incident/${d.findings[0]!.evidence[0]!.file}`);
  });

  it('opens the text report with a one-screen summary, then findings with file:line evidence', async () => {
    const r = await kb(['diagnose', archive]);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(`Diagnosis of ${archive} (k8s-kb collect bundle) as one cluster`);
    expect(lines[1]).toMatch(/^Files: \d+ read, 0 skipped$/);
    expect(lines[2]).toMatch(/^Findings: \d+ CRITICAL \(\d+ objects\) · \d+ WARNING/);
    expect(lines[3]).toMatch(/^By namespace \(objects with a warning or critical finding\): shop \d+ · /);
    expect(lines[4]).toMatch(/^By node: worker-1 3 · worker-2 1$/);
    expect(r.out).toMatch(/^ {5}incident\/describe\/pods-shop\.txt:\d+ +│ +Reason: +CrashLoopBackOff$/m);
    expect(r.out).toContain('     - Pod shop/order-service-5f7d8c9b6-x2lkp');
    const zh = await kb(['diagnose', '--lang', 'zh', archive]);
    expect(zh.out.split('\n')[0]).toBe(`诊断：${archive}（k8s-kb collect 采集包），按同一个集群汇总`);
    expect(zh.out).toMatch(/^发现：严重 \d+ 项（涉及 \d+ 个对象）/m);
  });
});

describe('diagnose a troubleshoot.sh support bundle', () => {
  it('reads its folder and its .tar.gz (Go tar: one folder inside, pax names)', async () => {
    const d = JSON.parse((await kb(['diagnose', '--json', TS])).out) as Json;
    expect(d.bundle.format).toBe('troubleshoot');
    const arts = d.findings.filter((f) => !f.supersededBy).map((f) => f.article);
    expect(arts).toEqual(expect.arrayContaining(['oomkilled', 'pod-pending-insufficient-resources', 'node-notready-kubelet']));
    const entries: { path: string; data?: Buffer }[] = [{ path: 'support-bundle-2024-05-14T08_41_10/' }];
    const walk = (p: string) => {
      for (const n of readdirSync(p).sort()) {
        const f = join(p, n);
        if (statSync(f).isDirectory()) walk(f);
        else entries.push({ path: `support-bundle-2024-05-14T08_41_10/${relative(TS, f)}`, data: readFileSync(f) });
      }
    };
    walk(TS);
    const tgz = join(dir, 'support-bundle-2024-05-14T08_41_10.tar.gz');
    writeFileSync(tgz, gzipSync(tarArchive(entries)));
    const a = JSON.parse((await kb(['diagnose', '--json', tgz])).out) as Json;
    expect(a.findings.map((f) => f.article)).toEqual(d.findings.map((f) => f.article));
    expect(a.findings[0]!.evidence[0]!.file).toMatch(/^support-bundle-2024-05-14T08_41_10\/cluster-resources\//);
  });
});

describe('archives that cannot be read', () => {
  it('stops a gzip bomb at the inflate limit with a clear message', async () => {
    const bomb = join(dir, 'bomb.tar.gz');
    writeFileSync(bomb, gzipSync(Buffer.alloc(MAX_INFLATED_BYTES + 1024 * 1024), { level: 9 }));
    expect(statSync(bomb).size).toBeLessThan(1024 * 1024);
    const r = await kb(['diagnose', bomb]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`k8s-kb: ${bomb} inflates to more than 320 MiB; stopped (a bundle this large, or a gzip bomb). Unpack it and diagnose the folder, or part of it.\n`);
    const j = await kb(['diagnose', '--json', bomb]);
    expect(JSON.parse(j.out)).toEqual({ sections: [], findings: [], messages: [{ code: 'unreadable-input', params: { file: bomb, error: 'gzip-limit' } }] });
  }, 60_000);

  it('says so for a .tar.gz that is not gzip or not a tar, and for a missing path', async () => {
    const notGz = join(dir, 'pods.tgz');
    writeFileSync(notGz, 'NAME READY STATUS\n');
    expect((await kb(['diagnose', notGz])).err).toBe(`k8s-kb: ${notGz} is not a tar archive (nor a .tar.gz of one).\n`);
    const badGz = join(dir, 'cut.tar.gz');
    writeFileSync(badGz, gzipSync(Buffer.from('x'.repeat(5000))).subarray(0, 30));
    const cut = await kb(['diagnose', badGz]);
    expect(cut.code).toBe(1);
    expect(cut.err).toMatch(/is not a valid gzip file: /);
    const missing = await kb(['diagnose', join(dir, 'nope.tar.gz')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no such file or directory \(ENOENT\)/);
  });

  it('diagnoses an empty folder as nothing to read, and a plain file as before', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const r = await kb(['diagnose', empty]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`k8s-kb: ${empty}: is a directory (EISDIR) with no files in it; nothing to diagnose.\n`);
    const plain = await kb(['diagnose', '--json', join(collected, 'pods.txt')]);
    expect(JSON.parse(plain.out).bundle).toBeUndefined();
    expect(JSON.parse(plain.out).findings.length).toBeGreaterThan(0);
  });
});

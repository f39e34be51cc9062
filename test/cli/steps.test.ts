/**
 * `k8s-kb diagnose` shows each finding's first steps with the paste's values filled in (text and
 * --json), and says where its article links lead: the team's site, a built site here, or neither.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localSite, siteLink } from '../../src/cli/io.ts';
import { ROOT } from '../engine/helpers.ts';

const fx = (f: string) => join(ROOT, 'test', 'fixtures', f);

function run(args: string[], opts: { input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'k8s-kb.mjs'), ...args], {
    cwd: ROOT,
    input: opts.input ?? '',
    env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8', ...opts.env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('diagnose --json steps', () => {
  it('adds steps [{ on, command }] to each finding, filled in, and no raw values', () => {
    const r = run(['diagnose', '--json', fx('describe-pod/oomkilled-java.txt')]);
    expect(r.code).toBe(0);
    const { findings } = JSON.parse(r.out) as { findings: { article: string; steps?: { on: string; command: string }[]; values?: unknown }[] };
    const oom = findings.find((f) => f.article === 'oomkilled')!;
    expect(oom.values).toBeUndefined();
    expect(oom.steps!.length).toBe(4);
    for (const s of oom.steps!) expect(Object.keys(s).sort()).toEqual(['command', 'on']);
    expect(oom.steps![0]).toEqual({
      on: 'any host with kubectl access to the cluster',
      command: expect.stringMatching(/^export NS='shop' POD='order-service-5f7d8c9b6-x2lkp'\nkubectl -n "\$\{NS\}" get pod "\$\{POD\}"/),
    });
    expect(oom.steps![2]!.on).toBe('the node that ran the pod (as root) — 10.128.130.75');
    expect(oom.steps![3]!.command).toContain("export DEPLOY='order-service' CONTAINER='order-service' MEM_LIMIT='1920Mi'");
  });

  it('gives the same commands in Chinese, with the places in Chinese', () => {
    const en = JSON.parse(run(['diagnose', '--json', '--lang', 'en', fx('describe-pod/oomkilled-java.txt')]).out);
    const zh = JSON.parse(run(['diagnose', '--json', '--lang', 'zh', fx('describe-pod/oomkilled-java.txt')]).out);
    const cmds = (r: { findings: { steps?: { command: string }[] }[] }) => r.findings[0]!.steps!.map((s) => s.command);
    expect(cmds(zh)).toEqual(cmds(en));
    expect(zh.findings[0].steps[0].on).toBe('任意可用 kubectl 访问集群的主机');
  });
});

describe('diagnose text steps', () => {
  it('prints the steps under their places, after the evidence and before the article link', () => {
    const r = run(['diagnose', '--base-url', 'http://intranet/kb', fx('describe-pod/oomkilled-java.txt')]);
    const first = r.out.slice(r.out.indexOf('1. ['), r.out.indexOf('2. [')); // the first finding
    const at = (s: string) => first.indexOf(s);
    expect(at('Evidence:')).toBeGreaterThan(0);
    expect(at('First steps')).toBeGreaterThan(at('Evidence:'));
    expect(at('Read: http://intranet/kb/en/articles/oomkilled/')).toBeGreaterThan(at('First steps'));
    expect(first).toContain("     ▸ on the node that ran the pod (as root) — 10.128.130.75:\n       journalctl -k");
    expect(first).toContain("       export NS='shop' POD='order-service-5f7d8c9b6-x2lkp'\n");
    // A site was named: no note about links.
    expect(r.out).not.toContain('--base-url');
  });

  it('keeps a finding explained by another to its link (its own steps would mislead)', () => {
    const r = run(['diagnose', fx('describe-pod/oomkilled-java.txt')]);
    const crash = r.out.slice(r.out.indexOf('2. ['));
    expect(crash).toContain('(explained by oomkilled-last-state)');
    expect(crash).not.toContain('First steps');
  });

  it('prints Chinese headings and places for zh readers, and a hostile pod name only quoted', () => {
    const paste = readFileSync(fx('describe-pod/oomkilled-java.txt'), 'utf8').replaceAll('order-service-5f7d8c9b6-x2lkp', "x-$(reboot)-'y'");
    const r = run(['diagnose', '--lang', 'zh', '-'], { input: paste });
    expect(r.out).toContain('首要处置（已按粘贴内容填好');
    expect(r.out).toContain('▸ 执行位置：任意可用 kubectl 访问集群的主机');
    expect(r.out).toContain(`export NS='shop' POD='x-$(reboot)-'\\''y'\\'''`);
  });
});

describe('article links', () => {
  it('point at the team site with --base-url, K8S_KB_URL or K8S_KB_BASE_URL', () => {
    expect(run(['diagnose', '--base-url', 'https://kb.corp/k8s/', fx('describe-pod/oomkilled-java.txt')]).out).toContain('Read: https://kb.corp/k8s/en/articles/oomkilled/');
    expect(run(['diagnose', fx('describe-pod/oomkilled-java.txt')], { env: { K8S_KB_URL: 'https://a.corp' } }).out).toContain('Read: https://a.corp/en/articles/oomkilled/');
    expect(run(['diagnose', fx('describe-pod/oomkilled-java.txt')], { env: { K8S_KB_BASE_URL: 'https://b.corp' } }).out).toContain('Read: https://b.corp/en/articles/oomkilled/');
  });

  it('open a built site on this machine as file:// URLs, else stay site paths', () => {
    const site = mkdtempSync(join(tmpdir(), 'kb-site-'));
    try {
      expect(localSite(site)).toBeUndefined();
      expect(siteLink('oomkilled', 'en', undefined, localSite(site))).toBe('en/articles/oomkilled/');
      mkdirSync(join(site, 'zh', 'articles'), { recursive: true });
      mkdirSync(join(site, 'en', 'articles'), { recursive: true });
      const again = mkdtempSync(join(tmpdir(), 'kb-site-')); // localSite remembers per folder
      mkdirSync(join(again, 'zh', 'articles'), { recursive: true });
      mkdirSync(join(again, 'en', 'articles'), { recursive: true });
      expect(siteLink('oomkilled', 'zh', undefined, localSite(again))).toBe(pathToFileURL(join(again, 'zh', 'articles', 'oomkilled', 'index.html')).href);
      expect(siteLink('oomkilled', 'zh', 'http://x/', localSite(again))).toBe('http://x/zh/articles/oomkilled/');
      rmSync(again, { recursive: true, force: true });
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});

describe('the carried CLI', () => {
  let buildDir: string;
  let jumpHost: string;
  beforeAll(() => {
    buildDir = mkdtempSync(join(tmpdir(), 'kb-build-'));
    execFileSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs'), '--out-dir', buildDir], { cwd: ROOT, stdio: 'pipe' });
    jumpHost = mkdtempSync(join(tmpdir(), 'kb-jump-'));
    copyFileSync(join(buildDir, 'k8s-kb.mjs'), join(jumpHost, 'k8s-kb.mjs'));
  }, 180_000);
  afterAll(() => {
    for (const d of [buildDir, jumpHost]) if (d) rmSync(d, { recursive: true, force: true });
  });
  const carry = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [join(jumpHost, 'k8s-kb.mjs'), ...args], { cwd: jumpHost, env: { LANG: 'en_US.UTF-8', ...env }, encoding: 'utf8', timeout: 60_000 }).stdout;

  it('fills the steps from its embedded articles and says when links are only site paths', () => {
    const en = carry(['diagnose', fx('describe-pod/oomkilled-java.txt')]);
    expect(en).toContain("export DEPLOY='order-service' CONTAINER='order-service' MEM_LIMIT='1920Mi'");
    expect(en).toMatch(/^ {3}Read: en\/articles\/oomkilled\/$/m);
    expect(en.trimEnd().split('\n').at(-1)).toMatch(/^Article links are site paths; pass --base-url URL or set K8S_KB_URL/);
    const zh = carry(['diagnose', fx('describe-pod/oomkilled-java.txt')], { LANG: 'zh_CN.UTF-8' });
    expect(zh.trimEnd().split('\n').at(-1)).toMatch(/^文档链接是站点内路径：用 --base-url URL 或环境变量 K8S_KB_URL/);
    expect(carry(['diagnose', fx('describe-pod/oomkilled-java.txt')], { K8S_KB_URL: 'http://kb' })).not.toContain('Article links are site paths');
  });

  it('links into a dist/ that sits beside it', () => {
    mkdirSync(join(jumpHost, 'dist', 'zh', 'articles'), { recursive: true });
    mkdirSync(join(jumpHost, 'dist', 'en', 'articles'), { recursive: true });
    const out = carry(['diagnose', fx('describe-pod/oomkilled-java.txt')]);
    expect(out).toContain(`Read: ${pathToFileURL(join(jumpHost, 'dist', 'en', 'articles', 'oomkilled', 'index.html')).href}`);
    expect(out).not.toContain('Article links are site paths');
  });
});

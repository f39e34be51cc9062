import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkedRunbooks, RUNBOOKS, validateRunbooks, type AlertRunbook } from '../../src/content/runbooks.ts';
import { redirectTarget } from '../../src/lib/runbook-urls.ts';
import { loadArticles } from '../helpers/articles.ts';

// content/runbooks.json against the upstream rule files it documents. The upstream names, groups,
// severities and `for:` durations were read from git mirrors into
// test/fixtures/upstream-alerts/alerts.json (repository, commit and path of each source), so this
// test checks coverage without a network.

interface UpstreamAlert {
  name: string;
  group: string;
  severity: string[];
  for: string[];
  runbook?: string;
}
interface Source {
  repo: string;
  commit: string;
  paths: string[];
  alerts?: UpstreamAlert[];
  names?: string[];
  runbookPaths?: string[];
}
const FIXTURE = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/upstream-alerts/alerts.json'), 'utf8')) as { sources: Source[] };
const source = (repo: string) => FIXTURE.sources.find((s) => s.repo === repo)!;
const KUBE_PROMETHEUS = source('prometheus-operator/kube-prometheus');
const KUBERNETES_MIXIN = source('kubernetes-monitoring/kubernetes-mixin');
const ETCD = source('etcd-io/etcd');
const HELM = source('prometheus-community/helm-charts');
const UPSTREAM: UpstreamAlert[] = [...KUBE_PROMETHEUS.alerts!, ...ETCD.alerts!];

// Slugs that exist in both languages: a runbook may only link those.
const articles = loadArticles();
const SLUGS = new Set(articles.filter((a) => a.lang === 'en').map((a) => a.slug).filter((s) => articles.some((a) => a.lang === 'zh' && a.slug === s)));
const byName = new Map(RUNBOOKS.alerts.map((a) => [a.name, a]));

/** A valid alert to break one field at a time. */
function sample(over: Partial<AlertRunbook> = {}): AlertRunbook {
  return {
    name: 'KubePodCrashLooping', group: 'kubernetes-apps', source: 'kubernetes-mixin', runbook: 'kubernetes/kubepodcrashlooping',
    severity: ['warning'], for: ['15m'], meaning: { en: 'A container keeps restarting.', zh: '容器反复重启。' },
    check: 'kubectl get pods -A', articles: ['crashloop-app-error'], redirect: false, ...over,
  };
}
const withAlerts = (...alerts: unknown[]) => ({ groups: RUNBOOKS.groups, alerts });

describe('runbook data (content/runbooks.json)', () => {
  it('the fixture names its sources with commits', () => {
    for (const s of FIXTURE.sources) {
      expect(s.commit, s.repo).toMatch(/^[0-9a-f]{40}$/);
      expect(s.paths.length, s.repo).toBeGreaterThan(0);
    }
    expect(UPSTREAM.length).toBeGreaterThan(130);
  });

  it('passes the schema: both languages, existing slugs, no duplicates, redirects with one article', () => {
    expect(validateRunbooks(RUNBOOKS, SLUGS)).toEqual([]);
  });

  it('covers every alert name of the upstream files, and nothing else', () => {
    const upstream = new Set([...UPSTREAM.map((a) => a.name), ...KUBERNETES_MIXIN.names!]);
    expect([...upstream].filter((n) => !byName.has(n))).toEqual([]);
    expect(RUNBOOKS.alerts.map((a) => a.name).filter((n) => !upstream.has(n))).toEqual([]);
  });

  it('keeps the upstream group, severities and for: durations of each alert', () => {
    const wrong: string[] = [];
    const same = (a: string[], b: string[]) => [...a].sort().join() === [...b].sort().join();
    for (const u of UPSTREAM) {
      const a = byName.get(u.name)!;
      if (a.group !== u.group) wrong.push(`${u.name}: group ${a.group}, upstream ${u.group}`);
      if (!same(a.severity, u.severity)) wrong.push(`${u.name}: severity ${a.severity}, upstream ${u.severity}`);
      if (!same(a.for, u.for)) wrong.push(`${u.name}: for ${a.for}, upstream ${u.for}`);
    }
    expect(wrong).toEqual([]);
  });

  it('serves every upstream runbook path (kube-prometheus manifests and the kube-prometheus-stack chart)', () => {
    const paths = new Set(RUNBOOKS.alerts.map((a) => a.runbook));
    const missing = [...KUBE_PROMETHEUS.alerts!.map((a) => a.runbook!), ...HELM.runbookPaths!].filter((p) => !paths.has(p));
    expect(missing).toEqual([]);
    for (const u of KUBE_PROMETHEUS.alerts!) expect(byName.get(u.name)!.runbook).toBe(u.runbook);
  });

  it('states the for: duration in both languages', () => {
    // The meaning must be accurate to the rule: a reader compares "for 15 minutes" with the alert.
    const en: Record<string, RegExp> = { m: /(\d+) minutes?|(\d+)-minute/g, h: /(\d+) hours?|(\d+)-hour/g };
    const zh: Record<string, RegExp> = { m: /(\d+) 分钟/g, h: /(\d+) 小时/g };
    const missing: string[] = [];
    for (const a of RUNBOOKS.alerts) {
      for (const d of a.for) {
        const m = /^(\d+)([smh])$/.exec(d);
        if (!m || m[2] === 's') continue; // 0s: fires at once ("no delay")
        const found = (re: RegExp, text: string) => Array.from(text.matchAll(re), (x) => x[1] ?? x[2]).includes(m[1]);
        if (!found(en[m[2]!]!, a.meaning.en)) missing.push(`${a.name} en: ${d}`);
        if (!found(zh[m[2]!]!, a.meaning.zh)) missing.push(`${a.name} zh: ${d}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('writes Chinese in zh and no Chinese in en', () => {
    const bad: string[] = [];
    for (const a of RUNBOOKS.alerts) {
      if (!/[\u4e00-\u9fff]/.test(a.meaning.zh)) bad.push(`${a.name}: zh has no Chinese`);
      if (/[\u4e00-\u9fff]/.test(a.meaning.en)) bad.push(`${a.name}: en has Chinese`);
      if (a.meaning.en.length > 420 || a.meaning.zh.length > 220) bad.push(`${a.name}: meaning longer than 1–3 sentences`);
    }
    expect(bad).toEqual([]);
  });

  it('redirects only where exactly one article covers the alert, and says so upstream-accurately', () => {
    const redirects = RUNBOOKS.alerts.filter((a) => a.redirect);
    expect(redirects.length).toBeGreaterThan(10);
    for (const a of redirects) expect(a.articles, a.name).toHaveLength(1);
    // The examples land on their articles.
    expect(byName.get('etcdDatabaseQuotaLowSpace')!.articles).toEqual(['etcd-space-exceeded']);
    expect(byName.get('KubeClientCertificateExpiration')!.articles).toEqual(['certificate-expired']);
    expect(byName.get('KubePodCrashLooping')!.articles[0]).toBe('crashloop-app-error');
    expect(byName.get('KubeNodeNotReady')!.articles[0]).toBe('node-notready-kubelet');
  });
});

describe('validateRunbooks', () => {
  it('accepts a valid alert', () => {
    expect(validateRunbooks(withAlerts(sample()), SLUGS)).toEqual([]);
  });

  it('names the alert and field of each problem', () => {
    const cases: [unknown, RegExp][] = [
      [sample({ meaning: { en: 'x', zh: '' } }), /KubePodCrashLooping: meaning\.zh is missing/],
      [sample({ articles: ['no-such-article'] }), /article "no-such-article" does not exist/],
      [sample({ articles: [] }), /"articles" must list 1–3 slugs/],
      [sample({ articles: ['oomkilled', 'crashloop-app-error'], redirect: true }), /"redirect" needs exactly one article/],
      [sample({ group: 'kubernetes-nope' }), /"group" "kubernetes-nope" is not one of/],
      [sample({ severity: ['page' as never] }), /"severity" must list/],
      [sample({ for: ['15 minutes'] }), /"for" must list durations/],
      [sample({ runbook: 'kubernetes/KubePodCrashLooping' }), /"runbook" must look like/],
      [sample({ runbook: 'kubernetes/kubepodnotready' }), /must end in the lower-case alert name/],
      [sample({ check: ' ' }), /"check" is missing/],
    ];
    for (const [alert, re] of cases) {
      const problems = validateRunbooks(withAlerts(alert), SLUGS);
      expect(problems.join('\n'), String(re)).toMatch(re);
    }
  });

  it('rejects names that collide, even only by case (a case-insensitive disk would merge the pages)', () => {
    const problems = validateRunbooks(withAlerts(sample(), sample({ name: 'kubePodCrashLooping', runbook: 'kubernetes/kubepodcrashlooping2' })), SLUGS);
    expect(problems.join('\n')).toMatch(/collides with alert KubePodCrashLooping/);
  });

  it('gives a clear message for data that is not runbook data', () => {
    expect(validateRunbooks(null, SLUGS)).toEqual(['content/runbooks.json: needs "groups" and "alerts" arrays']);
    expect(validateRunbooks({ groups: [], alerts: [42] }, SLUGS)).toEqual(['alerts[0]: not an object']);
  });
});

describe('checkedRunbooks (what the pages call)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('fails the build naming the alert when a linked article is missing', () => {
    const slugs = new Set([...SLUGS].filter((s) => s !== 'etcd-space-exceeded'));
    expect(() => checkedRunbooks(slugs)).toThrow(/alert etcdDatabaseQuotaLowSpace: article "etcd-space-exceeded" does not exist/);
  });

  it('only warns in the draft preview (KB_ALLOW_INCOMPLETE=1), where half-written articles are left out', () => {
    vi.stubEnv('KB_ALLOW_INCOMPLETE', '1');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const slugs = new Set([...SLUGS].filter((s) => s !== 'etcd-space-exceeded'));
    expect(checkedRunbooks(slugs).alerts.length).toBe(RUNBOOKS.alerts.length);
    expect(warn).toHaveBeenCalledOnce();
  });
});

describe('redirectTarget', () => {
  it('climbs from the page directory to the language root, for both URL forms', () => {
    // /en/runbooks/KubePodCrashLooping/ → /en/articles/x/index.html
    expect(redirectTarget('KubePodCrashLooping', 'crashloop-app-error')).toBe('../../articles/crashloop-app-error/index.html');
    // /en/runbooks/kubernetes/kubepodcrashlooping/ → one level deeper
    expect(redirectTarget('kubernetes/kubepodcrashlooping', 'crashloop-app-error')).toBe('../../../articles/crashloop-app-error/index.html');
  });
});

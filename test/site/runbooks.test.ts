import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, posix } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { RUNBOOKS } from '../../src/content/runbooks.ts';
import { browserAvailable, launch, offlineContext, openSite, type Mode } from '../helpers/browser.ts';
import { DIST, readDist, requireDist } from '../helpers/dist.ts';
import { DESKTOP, PHONE, useScreen } from './screens.ts';

// Alert runbook pages (issue #19 item 4): /<lang>/runbooks/<AlertName>/ and the upstream path
// /<lang>/runbooks/<section>/<alertname>/ for every alert, in both languages; the redirect to the
// only article works over http (root and sub-path) and from file://; axe finds nothing.
const LANGS = ['zh', 'en'] as const;
const REFRESH = /<meta http-equiv="refresh" content="0; url=([^"]+)">/;
const pagesOf = (name: string, runbook: string) => LANGS.flatMap((lang) => [name, runbook].map((p) => ({ lang, path: `${lang}/runbooks/${p}/index.html` })));

describe('runbook pages in dist/', () => {
  beforeAll(() => requireDist());

  it('exist for every alert in both languages, by exact name and by upstream path', () => {
    const missing = RUNBOOKS.alerts.flatMap((a) => pagesOf(a.name, a.runbook).filter((p) => !existsSync(join(DIST, p.path))).map((p) => p.path));
    expect(missing).toEqual([]);
    expect(RUNBOOKS.alerts.length).toBeGreaterThanOrEqual(140);
  });

  it('are all listed on the runbook index of each language, which the home page links', () => {
    for (const lang of LANGS) {
      const index = readDist(`${lang}/runbooks/index.html`);
      const missing = RUNBOOKS.alerts.filter((a) => !index.includes(`href="${a.name}/index.html"`)).map((a) => a.name);
      expect(missing, lang).toEqual([]);
      expect(readDist(`${lang}/index.html`)).toContain('href="runbooks/index.html"');
    }
  });

  it('redirect to the one article exactly where the data says so, with a relative URL that exists', () => {
    const problems: string[] = [];
    for (const a of RUNBOOKS.alerts) {
      for (const { lang, path } of pagesOf(a.name, a.runbook)) {
        const html = readDist(path);
        const m = REFRESH.exec(html);
        if (!a.redirect) {
          if (m) problems.push(`${path}: redirects but the data says it should not`);
          continue;
        }
        if (!m) { problems.push(`${path}: no meta refresh`); continue; }
        const target = posix.normalize(posix.join(posix.dirname(path), m[1]!));
        if (target !== `${lang}/articles/${a.articles[0]}/index.html`) problems.push(`${path}: refresh goes to ${target}`);
        if (!existsSync(join(DIST, target))) problems.push(`${path}: ${target} does not exist`);
        // The visible link says the same as the refresh, for readers whose browser ignores it.
        if (!html.includes(`href="${m[1]}" data-runbook-target`)) problems.push(`${path}: the button does not name the refresh target`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('show the meaning in the page language and switch language to the same alert', () => {
    for (const a of [RUNBOOKS.alerts.find((x) => x.name === 'KubeNodeNotReady')!, RUNBOOKS.alerts.find((x) => x.name === 'etcdNoLeader')!]) {
      for (const { lang, path } of pagesOf(a.name, a.runbook)) {
        const html = readDist(path);
        const escaped = a.meaning[lang].replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
        expect(html, path).toContain(escaped);
        const other = lang === 'zh' ? 'en' : 'zh';
        const sw = /<a class="lang-switch" href="([^"]+)"/.exec(html)![1]!;
        expect(posix.normalize(posix.join(posix.dirname(path), sw)), path).toBe(path.replace(`${lang}/`, `${other}/`));
      }
    }
  });
});

const run = browserAvailable();

describe.runIf(run)('runbook pages in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    requireDist();
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  for (const mode of ['http-root', 'http-subpath', 'file'] as Mode[]) {
    it(`lands on the article from a redirecting runbook, and stays on one that lists several (${mode})`, async () => {
      const site = await openSite(mode);
      const { context, rec } = await offlineContext(browser, site, 'en-US');
      const page = await context.newPage();

      await page.goto(site.url('en/runbooks/etcdDatabaseQuotaLowSpace/index.html'));
      await page.waitForURL(/\/en\/articles\/etcd-space-exceeded\/index\.html$/);
      await page.locator('h1').waitFor();
      expect(await page.locator('h1').textContent()).toMatch(/etcd/);

      await page.goto(site.url('zh/runbooks/etcd/etcdnoleader/index.html'));
      await page.waitForURL(/\/zh\/articles\/etcd-quorum-lost\/index\.html$/);

      await page.goto(site.url('en/runbooks/KubePodCrashLooping/index.html'));
      await page.waitForTimeout(500);
      expect(page.url()).toMatch(/\/en\/runbooks\/KubePodCrashLooping\/index\.html$/);
      expect(await page.locator('h1').textContent()).toBe('KubePodCrashLooping');
      await page.locator('ul.article-list a').first().click();
      await page.waitForURL(/\/en\/articles\/crashloop-app-error\/index\.html$/);

      await context.close();
      await site.close();
      expect(rec.external).toEqual([]);
      expect(rec.failed).toEqual([]);
      expect(rec.errors).toEqual([]);
    });
  }

  it('answers the URL a runbook_url produces: sub-path, upstream path, no trailing slash', async () => {
    // What `runbookURLPattern: 'http://intranet/k8s-kb/en/runbooks/kubernetes/%s'` or the Helm value
    // `defaultRules.runbookUrl: http://intranet/k8s-kb/en/runbooks` puts in an alert.
    const site = await openSite('http-subpath');
    const { context, rec } = await offlineContext(browser, site, 'en-US');
    const page = await context.newPage();
    await page.goto(site.url('en/runbooks/kubernetes/kubenodenotready'));
    expect(await page.locator('h1').textContent()).toBe('KubeNodeNotReady');
    await page.locator('ul.article-list a').first().click();
    await page.waitForURL(/\/k8s-kb\/en\/articles\/node-notready-kubelet\/index\.html$/);
    await page.goto(site.url('zh/runbooks/kubernetes/kubeclientcertificateexpiration'));
    await page.waitForURL(/\/k8s-kb\/zh\/articles\/certificate-expired\/index\.html$/);
    await context.close();
    await site.close();
    expect(rec.failed).toEqual([]);
    expect(rec.errors).toEqual([]);
  });

  it('axe-core reports nothing on the index and on alert pages, both languages, desktop and phone, light and dark', async () => {
    const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    const axe = async (page: Page): Promise<string[]> => {
      if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
      return page.evaluate(async () => {
        const w = window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } };
        const r = await w.axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      });
    };
    const site = await openSite('http-root');
    const { context } = await offlineContext(browser, site, 'en-US');
    const page = await context.newPage();
    // Holds a redirecting page still so it can be checked: a 204 answer to the refresh leaves the page in place.
    await page.route('**/articles/etcd-space-exceeded/index.html', (r) => r.fulfill({ status: 204 }));
    const problems: string[] = [];
    for (const [size, scheme] of [[DESKTOP, 'light'], [PHONE, 'dark']] as const) {
      await useScreen(page, size, scheme);
      for (const lang of LANGS) {
        for (const path of ['runbooks/index.html', 'runbooks/KubePodCrashLooping/index.html', 'runbooks/etcd/etcddatabasequotalowspace/index.html']) {
          await page.goto(site.url(`${lang}/${path}`));
          await page.waitForTimeout(200);
          expect(page.url()).toContain(path);
          problems.push(...(await axe(page)).map((v) => `${lang}/${path} ${size.width}px ${scheme}: ${v}`));
        }
      }
    }
    await context.close();
    await site.close();
    expect(problems).toEqual([]);
  }, 180_000);
});

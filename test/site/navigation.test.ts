import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserAvailable, launch, offlineContext, openSite, type Mode } from '../helpers/browser.ts';
import { requireDist } from '../helpers/dist.ts';

const run = browserAvailable();

// The same dist/ in all three deployment modes: root of a server, a sub-path, and file://.
describe.runIf(run).each(['file', 'http-subpath', 'http-root'] as Mode[])('navigation (%s)', (mode) => {
  let browser: Browser;
  beforeAll(async () => {
    requireDist();
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  it('sends / to the browser language, then navigates and switches language on the same article', async () => {
    const site = await openSite(mode);
    const { context, rec } = await offlineContext(browser, site, 'zh-CN');
    const page = await context.newPage();

    await page.goto(site.url('index.html'));
    await page.waitForURL(/\/zh\/index\.html$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');

    await page.locator('.site-nav a', { hasText: '文章' }).click();
    await page.waitForURL(/\/zh\/articles\/index\.html$/);
    await page.locator('.article-list a[href$="oomkilled/index.html"]').click();
    await page.waitForURL(/\/zh\/articles\/oomkilled\/index\.html$/);
    await expect.poll(() => page.locator('h1').textContent()).toContain('OOMKilled');

    await page.locator('[data-lang-switch]').click();
    await page.waitForURL(/\/en\/articles\/oomkilled\/index\.html$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toContain('OOMKilled');

    // Back to Chinese on the same article.
    await page.locator('[data-lang-switch]').click();
    await page.waitForURL(/\/zh\/articles\/oomkilled\/index\.html$/);

    await context.close();
    await site.close();
    expect(rec.external).toEqual([]);
    expect(rec.failed).toEqual([]);
    expect(rec.errors).toEqual([]);
  });

  it('renders a mermaid diagram as SVG', async () => {
    const site = await openSite(mode);
    const { context, rec } = await offlineContext(browser, site, 'en-US');
    const page = await context.newPage();
    await page.goto(site.url('en/articles/oomkilled/index.html'));
    const figure = page.locator('figure[data-diagram]').first();
    // Drawn at build time ("static"); "done" when the build had no Chromium and the browser drew it.
    await expect.poll(() => figure.getAttribute('data-state'), { timeout: 15_000 }).toMatch(/^(static|done)$/);
    expect(await figure.locator('svg').count()).toBe(1);
    expect(await figure.locator('svg .node').count()).toBeGreaterThan(2);
    await context.close();
    await site.close();
    expect(rec.external).toEqual([]);
    expect(rec.errors).toEqual([]);
  });

  it('copies a command block with its Copy button', async () => {
    const site = await openSite(mode);
    const { context, rec } = await offlineContext(browser, site, 'en-US');
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __copied: string[] };
      w.__copied = [];
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void w.__copied.push(t) } });
    });
    await page.goto(site.url('en/articles/etcd-quorum-lost/index.html'));
    const block = page.locator('pre.has-copy').first();
    const command = await block.locator('code').textContent();
    await block.locator('.copy-code').click();
    await expect.poll(() => block.locator('.copy-code').textContent()).toBe('Copied');
    expect(await page.evaluate(() => (window as unknown as { __copied: string[] }).__copied[0])).toBe(command);
    expect(command).toMatch(/^# on: /);
    await context.close();
    await site.close();
    expect(rec.errors).toEqual([]);
  });

  it('sends / to English for an English browser', async () => {
    const site = await openSite(mode);
    const { context } = await offlineContext(browser, site, 'en-GB');
    const page = await context.newPage();
    await page.goto(site.url('index.html'));
    await page.waitForURL(/\/en\/index\.html$/);
    await context.close();
    await site.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserAvailable, launch, offlineContext, openSite, type Mode } from '../helpers/browser.ts';
import { requireDist } from '../helpers/dist.ts';
import { DESKTOP, PHONE, useScreen } from './screens.ts';

// Issue #16, point 4: anchors, the header, the language switch and the 404 page.
const run = browserAvailable();

describe.runIf(run).each(['file', 'http-subpath'] as Mode[])('finding your way (%s)', (mode) => {
  let browser: Browser;
  beforeAll(async () => {
    requireDist();
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  it('keeps the section when switching language, and a step lands on the same step', async () => {
    const site = await openSite(mode);
    const { context, rec } = await offlineContext(browser, site, 'zh-CN');
    const page = await context.newPage();
    await page.goto(site.url('zh/articles/oomkilled/index.html') + '#' + encodeURIComponent('恢复'));
    await page.locator('[data-lang-switch]').click();
    await page.waitForURL(/\/en\/articles\/oomkilled\/index\.html#recover$/);
    await expect.poll(() => page.evaluate(() => document.querySelector('h2[data-anchor="recover"]')!.getBoundingClientRect().top)).toBeLessThan(150);

    // A numbered step: its own id differs per language; the switch carries `recover-2`.
    const step = await page.evaluate(() => document.querySelector<HTMLElement>('h3[data-anchor="recover-2"]')!.id);
    await page.goto(site.url('en/articles/oomkilled/index.html') + '#' + step);
    await page.locator('[data-lang-switch]').click();
    await page.waitForURL(/\/zh\/articles\/oomkilled\/index\.html#recover-2$/);
    const top = await page.evaluate(() => document.querySelector('h3[data-anchor="recover-2"]')!.getBoundingClientRect().top);
    expect(top).toBeGreaterThan(0);
    expect(top).toBeLessThan(150);
    await context.close();
    await site.close();
    expect(rec.errors).toEqual([]);
  });

  it('keeps the search query when switching language', async () => {
    const site = await openSite(mode);
    const { context, rec } = await offlineContext(browser, site, 'en-US');
    const page = await context.newPage();
    await page.goto(site.url('en/search/index.html?q=' + encodeURIComponent('etcd quorum')));
    await expect.poll(() => page.locator('[data-search-page] .search-result').count()).toBeGreaterThan(0);
    await page.locator('[data-lang-switch]').click();
    await page.waitForURL(/\/zh\/search\/index\.html\?q=etcd(%20|\+)quorum$/);
    await expect.poll(() => page.locator('[data-search-page] .search-result').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-search-input]').inputValue()).toBe('etcd quorum');
    await context.close();
    await site.close();
    expect(rec.errors).toEqual([]);
  });

  it('keeps the compact header on a phone and lands table-of-contents jumps below it', async () => {
    const site = await openSite(mode);
    const { context } = await offlineContext(browser, site, 'en-US');
    const page = await context.newPage();
    for (const size of [DESKTOP, PHONE]) {
      await useScreen(page, size, 'dark');
      await page.goto(site.url('en/articles/etcd-quorum-lost/index.html'));
      if (size === PHONE) await page.locator('.toc-inline summary').click();
      const link = page.locator(size === PHONE ? '.toc-inline a' : '.toc-side a').nth(4);
      const id = decodeURIComponent((await link.getAttribute('href'))!.slice(1));
      await link.click();
      await page.waitForTimeout(150);
      const { top, header } = await page.evaluate((target) => ({
        top: document.getElementById(target)!.getBoundingClientRect().top,
        header: document.querySelector('.site-header')!.getBoundingClientRect().bottom,
      }), id);
      expect(header).toBeGreaterThan(30); // the header is still on screen (sticky)
      expect(top).toBeGreaterThanOrEqual(header - 1);
      expect(top).toBeLessThan(header + 60);
    }
    await context.close();
    await site.close();
  });
});

describe.runIf(run)('the 404 page', () => {
  it('offers the articles closest to a mistyped address, at any depth and under a sub-path', async () => {
    requireDist();
    const browser = await launch();
    const site = await openSite('http-subpath');
    const { context, rec } = await offlineContext(browser, site, 'en-US');
    const page = await context.newPage();
    const res = await page.goto(site.url('en/articles/oomkiled/'));
    expect(res?.status()).toBe(404);
    const first = page.locator('[data-suggestions] a').first();
    await expect.poll(() => first.getAttribute('href')).toBe('en/articles/oomkilled/index.html');
    await first.click();
    await page.waitForURL(/\/k8s-kb\/en\/articles\/oomkilled\/index\.html$/);
    expect(await page.locator('h1').textContent()).toContain('OOMKilled');

    await page.goto(site.url('zh/articles/etcd-quorum-lose/index.html'));
    await expect.poll(() => page.locator('[data-suggestions] a').first().getAttribute('href')).toBe('zh/articles/etcd-quorum-lost/index.html');
    // The page's own scripts and links work at that depth too (search box, article list).
    expect(await page.locator('[data-search-link="zh"]').getAttribute('href')).toContain('?q=etcd%20quorum%20lose');
    await page.locator('a[href$="en/articles/index.html"]').last().click();
    await page.waitForURL(/\/k8s-kb\/en\/articles\/index\.html$/);
    await context.close();
    await site.close();
    await browser.close();
    // The 404 responses themselves are expected; nothing else may fail.
    expect(rec.failed.filter((f) => !/oomkiled|etcd-quorum-lose/.test(f))).toEqual([]);
    expect(rec.errors.filter((e) => !/404/.test(e))).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserAvailable, launch, offlineContext, openSite, type Mode } from '../helpers/browser.ts';
import { requireDist } from '../helpers/dist.ts';

const run = browserAvailable();

describe.runIf(run).each(['file', 'http-subpath'] as Mode[])('search (%s)', (mode) => {
  let browser: Browser;
  beforeAll(async () => {
    requireDist();
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  it('loads nothing for search until the box is used', async () => {
    const site = await openSite(mode);
    const { context } = await offlineContext(browser, site);
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => scripts.push(r.url()));
    await page.goto(site.url('zh/articles/oomkilled/index.html'));
    expect(scripts.filter((u) => /search(-zh)?\.js$/.test(u))).toEqual([]);
    await page.keyboard.press('/');
    await expect.poll(() => scripts.filter((u) => /search(-zh)?\.js$/.test(u)).length).toBe(2);
    await context.close();
    await site.close();
  });

  it('shows highlighted results while typing and opens the selected article with the keyboard', async () => {
    const site = await openSite(mode);
    const { context, rec } = await offlineContext(browser, site, 'en-US');
    const page = await context.newPage();
    await page.goto(site.url('en/index.html'));
    await page.keyboard.press('/');
    await page.keyboard.type('kubelte notready', { delay: 20 });
    const popup = page.locator('[data-search-popup]');
    // Results refresh as each letter arrives, and the index may finish loading at "kub": wait for
    // the answer to the whole query, not the first list shown.
    await expect.poll(() => popup.locator('.search-result').first().getAttribute('data-slug')).toBe('node-notready-kubelet');
    expect(await popup.locator('.search-result mark').count()).toBeGreaterThan(0);
    await page.keyboard.press('ArrowDown');
    expect(await popup.locator('.search-result').first().getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/en\/articles\/node-notready-kubelet\/index\.html$/);
    await page.keyboard.press('/');
    await page.keyboard.type('zzqxv');
    await expect.poll(() => popup.textContent()).toContain('No articles match');
    await page.keyboard.press('Escape');
    expect(await popup.isHidden()).toBe(true);
    await context.close();
    await site.close();
    expect(rec.external).toEqual([]);
    expect(rec.errors).toEqual([]);
  });

  it('opens the full results page on Enter, with the same first result, in Chinese', async () => {
    const site = await openSite(mode);
    const { context, rec } = await offlineContext(browser, site, 'zh-CN');
    const page = await context.newPage();
    await page.goto(site.url('zh/index.html'));
    await page.locator('[data-search-input]').fill('证书过期');
    await expect.poll(() => page.locator('[data-search-popup] .search-result').count()).toBeGreaterThan(0);
    const first = await page.locator('[data-search-popup] .search-result').first().getAttribute('data-slug');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/zh\/search\/index\.html\?q=/);
    await expect.poll(() => page.locator('[data-search-page] .search-result').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-search-page] .search-result').first().getAttribute('data-slug')).toBe(first);
    expect(await page.locator('[data-search-input]').inputValue()).toBe('证书过期');
    await context.close();
    await site.close();
    expect(rec.errors).toEqual([]);
  });

  it('suggests the diagnose page for pasted output', async () => {
    const site = await openSite(mode);
    const { context } = await offlineContext(browser, site, 'en-US');
    const page = await context.newPage();
    await page.goto(site.url('en/search/index.html?q=' + encodeURIComponent('Error from server (Forbidden): zzqxv')));
    const link = page.locator('[data-search-page] a[href$="diagnose/index.html"]');
    await expect.poll(() => link.count()).toBe(1);
    await context.close();
    await site.close();
  });
});

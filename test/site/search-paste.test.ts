/**
 * Searching for pasted errors (issue #15, item 5) in the built site: the results page counts its
 * results, "Diagnose this" comes first for a paste and carries it to the diagnose page, and
 * result links land on the section of the article that holds the match.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { browserAvailable, launch, offlineContext, openSite, type Mode } from '../helpers/browser.ts';
import { readDist, requireDist } from '../helpers/dist.ts';
import { DESKTOP, PHONE, useScreen } from './screens.ts';

const run = browserAvailable();

const ISSUE_LINE = '0/3 nodes are available: 3 Insufficient memory.';

const PASTE = [
  'controlplane $ kubectl -n shop describe pod order-api-6f9c8d7b5d-4kq2m',
  'Name:             order-api-6f9c8d7b5d-4kq2m',
  'Namespace:        shop',
  'Status:           Pending',
  'Events:',
  '  Type     Reason            Age                From               Message',
  '  ----     ------            ----               ----               -------',
  '  Warning  FailedScheduling  2m (x4 over 5m)    default-scheduler  0/5 nodes are available: 5 Insufficient memory. preemption: 0/5 nodes are available: 5 No preemption victims found for incoming pod.',
].join('\n');

/** axe-core's violations on the page (as test/site/accessibility.test.ts runs it), one line each. */
async function axeViolations(page: Page, where: string): Promise<string[]> {
  const axe = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(axe, 'utf8'));
  const list = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
  return list.map((v) => `${where}: ${v}`);
}

/** The search data of one language, as the built site ships it. */
function shippedData(lang: string): { docs: { id: string; anchors?: string[] }[] } {
  const js = readDist(`assets/gen/search-${lang}.js`);
  const json = js.slice(js.indexOf(']=') + 2).replace(/;\s*$/, '');
  return JSON.parse(json) as { docs: { id: string; anchors?: string[] }[] };
}

/** Pastes text into the focused element as a browser does (a paste event with clipboard data). */
async function pasteInto(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).focus();
  await page.evaluate(
    ([sel, t]) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', t!);
      const input = document.querySelector(sel!)!;
      const e = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
      if (input.dispatchEvent(e)) (input as HTMLInputElement).value += t!.replace(/[\r\n]/g, '');
    },
    [selector, text],
  );
}

describe('section anchors of the shipped search data', () => {
  it.each(['zh', 'en'])('[%s] every anchor is an id on its article page', (lang) => {
    requireDist();
    const missing: string[] = [];
    let checked = 0;
    for (const doc of shippedData(lang).docs) {
      const html = readDist(`${lang}/articles/${doc.id}/index.html`);
      const ids = new Set(Array.from(html.matchAll(/\sid="([^"]*)"/g), (m) => m[1]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'")));
      for (const a of doc.anchors ?? []) {
        if (!a) continue;
        checked++;
        if (!ids.has(a)) missing.push(`${doc.id}#${a}`);
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });
});

/** Follows "Diagnose this": the diagnose page opens with the paste in the box and finds the Pending cause. */
async function diagnoseThis(page: Page, from: Locator, paste: string): Promise<void> {
  await from.locator('.search-diagnose a').click();
  await page.waitForURL(/\/diagnose\/index\.html#paste=/);
  expect(await page.locator('[data-paste]').inputValue()).toBe(paste);
  await expect.poll(() => page.locator('.finding').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  expect(await page.locator('.finding').first().getAttribute('data-article')).toBe('pod-pending-insufficient-resources');
}

describe.runIf(run).each(['file', 'http-subpath'] as Mode[])('search for pasted errors (%s)', (mode) => {
  let browser: Browser;
  beforeAll(async () => {
    requireDist();
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  it.each([
    ['en', 'en-US', /^\d+ articles?$/],
    ['zh', 'zh-CN', /^找到 \d+ 篇文章$/],
  ])('[%s] the results page counts a few results, offers "Diagnose this" first, and it carries the paste', async (lang, locale, countText) => {
    const site = await openSite(mode);
    const { context, rec } = await offlineContext(browser, site, locale as string);
    const page = await context.newPage();
    await page.goto(site.url(`${lang}/search/index.html?q=${encodeURIComponent(ISSUE_LINE)}`));
    const host = page.locator('[data-search-page]');
    await expect.poll(() => host.locator('.search-result').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const count = Number(await host.locator('.search-count').getAttribute('data-count'));
    expect(count).toBe(await host.locator('.search-result').count());
    expect(count).toBeLessThanOrEqual(10);
    expect((await host.locator('.search-count').textContent())?.trim()).toMatch(countText as RegExp);
    const first = host.locator('.search-result').first();
    expect(await first.getAttribute('data-slug')).toBe('pod-pending-insufficient-resources');
    expect(await first.getAttribute('href')).toMatch(/articles\/pod-pending-insufficient-resources\/index\.html#symptoms$/);
    // "Diagnose this" comes before the first result.
    const order = await host.evaluate((h) => {
      const kids = Array.from(h.children);
      return [kids.findIndex((k) => k.classList.contains('search-diagnose')), kids.findIndex((k) => k.classList.contains('search-results'))];
    });
    expect(order[0]).toBeGreaterThanOrEqual(0);
    expect(order[0]).toBeLessThan(order[1]!);
    await diagnoseThis(page, host, ISSUE_LINE);
    await context.close();
    await site.close();
    expect(rec.external).toEqual([]);
    expect(rec.errors).toEqual([]);
  });

  it.each([
    ['zh', 'zh-CN'],
    ['en', 'en-US'],
  ])('[%s] a multi-line paste into the header box puts "Diagnose this" first, and the diagnose page gets every line', async (lang, locale) => {
    const site = await openSite(mode);
    const { context, rec } = await offlineContext(browser, site, locale);
    const page = await context.newPage();
    await page.goto(site.url(`${lang}/index.html`));
    await pasteInto(page, '[data-search-input]', PASTE);
    const popup = page.locator('[data-search-popup]');
    await expect.poll(() => popup.locator('.search-result').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await popup.locator(':scope > *').first().getAttribute('class')).toContain('search-diagnose');
    expect(await popup.locator('.search-result').first().getAttribute('data-slug')).toBe('pod-pending-insufficient-resources');
    // The box holds one line; the paste keeps its lines for the diagnose page.
    expect(await page.locator('[data-search-input]').inputValue()).not.toContain('\n');
    await diagnoseThis(page, popup, PASTE);
    await context.close();
    await site.close();
    expect(rec.external).toEqual([]);
    expect(rec.errors).toEqual([]);
  });

  it('Enter after a multi-line paste opens the results page with every line, and its "Diagnose this" carries them', async () => {
    const site = await openSite(mode);
    const { context, rec } = await offlineContext(browser, site, 'en-US');
    const page = await context.newPage();
    await page.goto(site.url('en/index.html'));
    await pasteInto(page, '[data-search-input]', PASTE);
    await expect.poll(() => page.locator('[data-search-popup] .search-result').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/en\/search\/index\.html\?q=/);
    expect(new URL(page.url()).searchParams.get('q')).toBe(PASTE);
    const host = page.locator('[data-search-page]');
    await host.locator('.search-diagnose a').click({ timeout: 15_000 });
    await page.waitForURL(/\/diagnose\/index\.html#paste=/);
    expect(await page.locator('[data-paste]').inputValue()).toBe(PASTE);
    await context.close();
    await site.close();
    expect(rec.errors).toEqual([]);
  });

  it('draws the count and "Diagnose this" with nothing for axe-core to report, light and dark, desktop and phone', async () => {
    const site = await openSite(mode);
    const { context } = await offlineContext(browser, site, 'en-US');
    const page = await context.newPage();
    const problems: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      for (const size of [DESKTOP, PHONE]) {
        await useScreen(page, size, scheme);
        for (const lang of ['en', 'zh']) {
          await page.goto(site.url(`${lang}/search/index.html?q=${encodeURIComponent(ISSUE_LINE)}`));
          await page.locator('[data-search-page] .search-diagnose').waitFor({ timeout: 15_000 });
          await pasteInto(page, '[data-search-input]', PASTE);
          await page.locator('[data-search-popup] .search-diagnose').waitFor({ timeout: 15_000 });
          problems.push(...(await axeViolations(page, `${lang} ${scheme} ${size.width}px`)));
        }
      }
    }
    await context.close();
    await site.close();
    expect(problems).toEqual([]);
  }, 120_000);

  it.each([
    ['en', 'en-US'],
    ['zh', 'zh-CN'],
  ])('[%s] a result link lands on the section that holds the match', async (lang, locale) => {
    const site = await openSite(mode);
    const { context, rec } = await offlineContext(browser, site, locale);
    const page = await context.newPage();
    await page.goto(site.url(`${lang}/index.html`));
    await page.locator('[data-search-input]').fill(ISSUE_LINE);
    const popup = page.locator('[data-search-popup]');
    await expect.poll(() => popup.locator('.search-result').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await popup.locator('.search-result').first().click();
    await page.waitForURL(/\/articles\/pod-pending-insufficient-resources\/index\.html#symptoms$/);
    const target = await page.evaluate(() => {
      const el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (!el) return undefined;
      const heading = el.closest('h2, h3') ?? el;
      const r = heading.getBoundingClientRect();
      return { text: heading.textContent, top: r.top, inView: r.top >= 0 && r.top < innerHeight };
    });
    expect(target?.text).toMatch(lang === 'en' ? /Symptoms/ : /症状/);
    expect(target?.inView).toBe(true);
    // An ordinary word search that matches deep in an article links there too: `uncordon` is
    // in the numbered steps of the maintenance procedure.
    await page.goBack();
    await page.locator('[data-search-input]').fill('uncordon');
    await expect.poll(() => popup.locator('.search-result').first().getAttribute('data-slug'), { timeout: 15_000 }).toBe('node-maintenance-drain');
    const href = await popup.locator('.search-result').first().getAttribute('href');
    expect(href).toMatch(/index\.html#steps-\d+$/);
    await popup.locator('.search-result').first().click();
    await page.waitForURL(/#steps-\d+$/);
    expect(await page.evaluate(() => document.getElementById(location.hash.slice(1))?.closest('h3')?.textContent ?? '')).toMatch(/^\s*\d+\./);
    await context.close();
    await site.close();
    expect(rec.external).toEqual([]);
    expect(rec.errors).toEqual([]);
  });
});

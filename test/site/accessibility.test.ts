import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, offlineContext, type Site, withSite } from '../helpers/browser.ts';
import { DESKTOP, PHONE, useScreen } from './screens.ts';

// Issue #16, point 6: axe-core (the npm package, injected into the page) on every page type, in
// both languages, light and dark, at desktop and phone sizes, including states a script draws
// (search results, findings, an answered drill, an open diagram view).
const run = browserAvailable();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function axe(page: Page): Promise<Violation[]> {
  // Evaluated through the DevTools protocol: an injected <script> would be refused by the pages' CSP.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Violation[] }> } };
    const result = await w.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

/** One line per violation: where, which rule, the first few elements. */
const describeViolations = (where: string, list: Violation[]) =>
  list.map((v) => `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}${v.nodes.length > 3 ? ` (+${v.nodes.length - 3})` : ''}`);

/** Page types, each with what to do before the check (the states scripts draw). */
const PAGES: { name: string; path: (lang: 'zh' | 'en') => string; act?: (page: Page) => Promise<void> }[] = [
  { name: 'language choice', path: () => 'index.html?stay' },
  { name: 'home', path: (l) => `${l}/index.html` },
  { name: 'article list', path: (l) => `${l}/articles/index.html` },
  { name: 'category', path: (l) => `${l}/categories/nodes/index.html` },
  {
    name: 'diagnosis article',
    path: (l) => `${l}/articles/node-notready-kubelet/index.html`,
    act: async (page) => {
      await page.locator('[data-symptoms-toggle]').first().click().catch(() => undefined);
      await page.locator('.diagram-text summary').first().click();
    },
  },
  { name: 'procedure article', path: (l) => `${l}/articles/etcd-snapshot-restore/index.html` },
  {
    name: 'search results',
    path: (l) => `${l}/search/index.html?q=etcd`,
    act: async (page) => {
      await page.locator('[data-search-page] .search-result').first().waitFor();
      await page.locator('[data-search-input]').fill('kubelet');
      await page.locator('[data-search-popup] .search-result').first().waitFor();
    },
  },
  {
    name: 'diagnose',
    path: (l) => `${l}/diagnose/index.html`,
    act: async (page) => {
      await page.locator('[data-examples]').selectOption({ index: 1 });
      await page.locator('.finding').first().waitFor();
      // Scroll areas become focusable in the frame after the results are drawn (src/client/scrollables.ts).
      await page.waitForTimeout(300);
    },
  },
  { name: 'training', path: (l) => `${l}/training/index.html` },
  { name: 'module', path: (l) => `${l}/training/02-pods/index.html` },
  {
    name: 'drills',
    path: (l) => `${l}/training/drills/index.html`,
    act: async (page) => {
      const drill = page.locator('[data-drill]').first();
      await drill.locator('.drill-choice').first().click();
    },
  },
  { name: 'game day', path: (l) => `${l}/training/gamedays/power-loss/index.html` },
];

describe.runIf(run)('accessibility (axe-core)', () => {
  let browser: Browser;
  let site: Site;
  withSite('http-root', (b, s) => {
    browser = b;
    site = s;
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`reports nothing on any page type, in both languages, at 1366×900 and 390×844 (${scheme})`, async () => {
      const { context } = await offlineContext(browser, site);
      const page = await context.newPage();
      const problems: string[] = [];
      for (const size of [DESKTOP, PHONE]) {
        await useScreen(page, size, scheme);
        for (const lang of ['zh', 'en'] as const) {
          for (const type of PAGES) {
            await page.goto(site.url(type.path(lang)));
            await type.act?.(page);
            problems.push(...describeViolations(`${type.name} ${lang} ${size.width}px`, await axe(page)));
          }
        }
      }
      await context.close();
      expect(problems).toEqual([]);
    }, 400_000);
  }

  it('reports nothing on the 404 page and in the full-screen diagram view', async () => {
    const { context } = await offlineContext(browser, site, 'en-US');
    const page = await context.newPage();
    const problems: string[] = [];
    await page.goto(site.url('en/articles/oomkiled/'));
    await page.locator('[data-suggestions] a').first().waitFor();
    problems.push(...describeViolations('404', await axe(page)));
    await useScreen(page, PHONE, 'dark');
    await page.goto(site.url('en/articles/oomkilled/index.html'));
    await page.locator('[data-diagram-open]').first().click();
    await page.locator('dialog.diagram-viewer[open]').waitFor();
    problems.push(...describeViolations('diagram view', await axe(page)));
    await context.close();
    expect(problems).toEqual([]);
  });

  it('keeps the keyboard paths: skip link, search with /, Copy, the contents and the diagram view', async () => {
    const { context } = await offlineContext(browser, site, 'en-US');
    const page = await context.newPage();
    await useScreen(page, DESKTOP);
    await page.goto(site.url('en/articles/oomkilled/index.html'));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.press('Escape');
    const open = page.locator('[data-diagram-open]').first();
    await open.focus();
    await page.keyboard.press('Enter');
    await page.locator('dialog.diagram-viewer[open]').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog.diagram-viewer[open]').count()).toBe(0);
    await context.close();
  });
});

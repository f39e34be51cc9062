import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launch, offlineContext, openSite, type Site, withSite } from '../helpers/browser.ts';
import { distFiles, requireDist } from '../helpers/dist.ts';
import { loadArticles } from '../helpers/articles.ts';
import { captureClipboard, DESKTOP, lastCopied, PHONE, useScreen } from './screens.ts';

// Issue #16, points 1–3: an article read at 3 a.m. at 1366×900 and on a 390×844 phone.
const run = browserAvailable();
const articles = loadArticles();
const diagnosis = articles.filter((a) => a.frontMatter.kind === 'diagnosis');
const pageOf = (a: { lang: string; slug: string }) => `${a.lang}/articles/${a.slug}/index.html`;

/** Where a page's sticky header ends (px from the top of the viewport). */
const headerBottom = (page: Page) => page.evaluate(() => document.querySelector('.site-header')!.getBoundingClientRect().bottom);

describe.runIf(run)('articles at 3 a.m.', () => {
  let browser: Browser;
  let site: Site;
  withSite('file', (b, s) => {
    browser = b;
    site = s;
  });

  it('opens every diagnosis article, in both languages, with a First response block above the fold at 1366×900', async () => {
    expect(diagnosis.length).toBeGreaterThanOrEqual(80);
    const { context, rec } = await offlineContext(browser, site);
    const page = await context.newPage();
    await useScreen(page, DESKTOP);
    const problems: string[] = [];
    for (const a of diagnosis) {
      await page.goto(site.url(pageOf(a)));
      const box = await page.evaluate(() => {
        const block = document.getElementById('first-response');
        if (!block) return undefined;
        const heading = block.querySelector('h2')!.getBoundingClientRect();
        const link = block.querySelector<HTMLAnchorElement>('a[href^="#"]:last-of-type');
        const target = link ? document.getElementById(decodeURIComponent(link.hash.slice(1))) : null;
        return { top: block.getBoundingClientRect().top, headingBottom: heading.bottom, commands: block.querySelectorAll('pre code').length, link: target?.closest('h2')?.dataset.anchor };
      });
      if (!box) problems.push(`${a.file}: no #first-response`);
      else {
        if (box.headingBottom > DESKTOP.height) problems.push(`${a.file}: #first-response starts at ${Math.round(box.top)} px, below the fold`);
        if (box.commands < 1) problems.push(`${a.file}: #first-response has no command block`);
        if (box.link !== 'recover') problems.push(`${a.file}: #first-response does not link to the Recover section`);
      }
    }
    await context.close();
    expect(problems).toEqual([]);
    expect(rec.errors).toEqual([]);
  }, 300_000);

  it('shows the versions the commands apply to and the review date next to the update date', async () => {
    const { context } = await offlineContext(browser, site);
    const page = await context.newPage();
    for (const lang of ['en', 'zh'] as const) {
      const a = articles.find((x) => x.lang === lang && x.frontMatter.appliesTo && x.frontMatter.reviewed)!;
      await page.goto(site.url(pageOf(a)));
      const meta = (await page.locator('.meta-line').textContent()) ?? '';
      expect(meta).toContain(String(a.frontMatter.appliesTo));
      expect(meta).toContain(String(a.frontMatter.reviewed).slice(0, 10));
      expect(meta).toMatch(lang === 'en' ? /Updated .* Commands reviewed .* Applies to/s : /更新于.*命令复核.*适用版本/s);
    }
    await context.close();
  });

  for (const [lang, hash] of [['en', '#recover'], ['en', '#恢复'], ['zh', '#恢复'], ['zh', '#recover']] as const) {
    it(`lands ${hash} on the Recover section below the sticky header (${lang}, desktop and phone)`, async () => {
      const { context } = await offlineContext(browser, site);
      const page = await context.newPage();
      for (const size of [DESKTOP, PHONE]) {
        await useScreen(page, size);
        await page.goto(site.url(`${lang}/articles/oomkilled/index.html`) + encodeURI(hash));
        await page.waitForTimeout(100);
        const heading = await page.evaluate((h) => {
          const el = document.getElementById(decodeURIComponent(h.slice(1)))!.closest('h2')!;
          return { key: el.dataset.anchor, top: el.getBoundingClientRect().top };
        }, hash);
        expect(heading.key).toBe('recover');
        const bottom = await headerBottom(page);
        expect(heading.top).toBeGreaterThanOrEqual(bottom - 1);
        expect(heading.top).toBeLessThan(bottom + 60);
      }
      await context.close();
    });
  }

  it('on a phone, jumps from the top to the recovery steps and back to the top', async () => {
    for (const lang of ['zh', 'en']) {
      const { context, rec } = await offlineContext(browser, site);
      const page = await context.newPage();
      await useScreen(page, PHONE, 'dark');
      await page.goto(site.url(`${lang}/articles/node-notready-kubelet/index.html`));
      const jump = page.locator('[data-jump-recover]');
      expect(await jump.isVisible()).toBe(true);
      expect(await page.locator('[data-to-top]').isVisible()).toBe(false);
      await jump.click();
      await expect.poll(() => page.evaluate(() => document.querySelector('h2[data-anchor="recover"]')!.getBoundingClientRect().top)).toBeLessThan(150);
      // The compact header stays: the search box is still on screen.
      expect(await page.locator('[data-search-input]').isVisible()).toBe(true);
      const searchBox = await page.locator('[data-search-input]').boundingBox();
      expect(searchBox!.y).toBeGreaterThanOrEqual(0);
      await expect.poll(() => jump.isVisible()).toBe(false);
      await page.locator('[data-to-top]').click();
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeLessThan(5);
      await context.close();
      expect(rec.errors).toEqual([]);
    }
  });

  it('prints every symptom string, also those folded behind "+N" on screen', async () => {
    const { context } = await offlineContext(browser, site);
    const page = await context.newPage();
    const a = articles.find((x) => x.lang === 'en' && Array.isArray(x.frontMatter.symptoms) && (x.frontMatter.symptoms as string[]).length > 6)!;
    await page.goto(site.url(pageOf(a)));
    const more = page.locator('.symptoms-box li.more').first();
    expect(await more.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await more.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await page.locator('[data-symptoms-toggle]').click();
    expect(await more.isVisible()).toBe(true);
    await context.close();
  });
});

describe.runIf(run)('whole commands', () => {
  let browser: Browser;
  let site: Site;
  withSite('file', (b, s) => {
    browser = b;
    site = s;
  });

  /** Command blocks that scroll sideways, and Copy buttons that cover a line. */
  const cutCommands = (page: Page) =>
    page.evaluate(() => {
      const out: string[] = [];
      document.querySelectorAll<HTMLElement>('pre > code.language-bash').forEach((code, i) => {
        const pre = code.parentElement!;
        if (pre.scrollWidth > pre.clientWidth + 1) out.push(`block ${i + 1} scrolls (${pre.scrollWidth} > ${pre.clientWidth})`);
        const button = pre.querySelector('.copy-code')?.getBoundingClientRect();
        const first = code.querySelector('.cmd-line')?.getBoundingClientRect();
        if (button && first && button.bottom > first.top && button.left < first.right) out.push(`block ${i + 1}: Copy covers the first line`);
      });
      return out;
    });

  for (const [name, size] of [['1366×900', DESKTOP], ['390×844', PHONE]] as const) {
    it(`cuts no command line and covers none with the Copy button at ${name}, on every article`, async () => {
      const { context } = await offlineContext(browser, site);
      const page = await context.newPage();
      await useScreen(page, size);
      const problems: string[] = [];
      for (const a of articles) {
        await page.goto(site.url(pageOf(a)));
        for (const p of await cutCommands(page)) problems.push(`${a.file}: ${p}`);
      }
      await context.close();
      expect(problems).toEqual([]);
    }, 300_000);
  }

  it('wraps a long line on a phone with an indented, marked continuation, and copies it exactly', async () => {
    const { context, rec } = await offlineContext(browser, site);
    const page = await context.newPage();
    await captureClipboard(page);
    await useScreen(page, PHONE, 'dark');
    const a = articles.find((x) => x.lang === 'en' && x.slug === 'oomkilled')!;
    await page.goto(site.url(pageOf(a)));
    const wrapped = await page.evaluate(() => {
      for (const line of document.querySelectorAll<HTMLElement>('.cmd-line')) {
        const range = document.createRange();
        range.selectNodeContents(line);
        const rows = Array.from(range.getClientRects()).filter((r) => r.width > 0);
        if (rows.length < 2) continue;
        const index = Array.from(document.querySelectorAll('pre > code.language-bash')).indexOf(line.parentElement!);
        return { index, firstLeft: rows[0]!.left, nextLeft: rows[1]!.left, mark: getComputedStyle(line, '::after').content, markHeight: parseFloat(getComputedStyle(line, '::after').height) };
      }
      return undefined;
    });
    expect(wrapped).toBeDefined();
    expect(wrapped!.nextLeft).toBeGreaterThan(wrapped!.firstLeft);
    expect(wrapped!.mark).toBe('""');
    expect(wrapped!.markHeight).toBeGreaterThan(0);
    const block = page.locator('pre > code.language-bash').nth(wrapped!.index).locator('..');
    await block.locator('.copy-code').click();
    // The copied text is one of the article's bash blocks exactly as written (a block inside a
    // list item loses the list's indentation, as Markdown does).
    const sources = Array.from(a.body.matchAll(/^( *)```bash\n([\s\S]*?)^\1```/gm), (m) => m[2]!.replace(new RegExp(`^ {0,${m[1]!.length}}`, 'gm'), ''));
    expect(sources).toContain(await lastCopied(page));
    await context.close();
    expect(rec.errors).toEqual([]);
  });
});

describe.runIf(run)('readable diagrams', () => {
  let browser: Browser;
  let site: Site;
  const diagramPages = () => distFiles('.html').filter((p) => /^(en|zh)\/(articles|training)\//.test(p));
  beforeAll(async () => {
    requireDist();
    browser = await launch();
    site = await openSite('file');
  });
  afterAll(async () => {
    await site?.close();
    await browser?.close();
  });

  it('draws every diagram at build time with labels of at least 10 px at 1366×900, and names articles by title', async () => {
    const slugs = new Set(articles.map((a) => a.slug));
    const { context, rec } = await offlineContext(browser, site);
    const page = await context.newPage();
    await useScreen(page, DESKTOP);
    const problems: string[] = [];
    const sizes: number[] = [];
    let seen = 0;
    for (const path of diagramPages()) {
      await page.goto(site.url(path));
      const found = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('figure[data-diagram]'), (f) => {
          const svg = f.querySelector<SVGSVGElement>('.diagram-svg svg');
          if (!svg) return { drawn: false, px: 0, labels: [] as string[] };
          return {
            drawn: true,
            px: (svg.getBoundingClientRect().width / Number(svg.getAttribute('width'))) * 16,
            labels: Array.from(svg.querySelectorAll('.nodeLabel'), (l) => l.textContent ?? ''),
          };
        }),
      );
      for (const [i, d] of found.entries()) {
        seen++;
        if (!d.drawn) problems.push(`${path}: diagram ${i + 1} is not an SVG in the page`);
        else if (d.px < 10) problems.push(`${path}: diagram ${i + 1} labels ${d.px.toFixed(1)} px`);
        sizes.push(d.px);
        for (const label of d.labels) {
          const raw = label.match(/[a-z0-9]+(?:-[a-z0-9]+)+/g)?.filter((w) => slugs.has(w));
          if (raw?.length) problems.push(`${path}: a box shows the slug "${raw[0]}"`);
        }
      }
    }
    await context.close();
    sizes.sort((a, b) => a - b);
    console.log(`diagrams: ${seen}, label px at 1366: min ${sizes[0]?.toFixed(1)}, median ${sizes[Math.floor(sizes.length / 2)]?.toFixed(1)}`);
    expect(seen).toBeGreaterThanOrEqual(120);
    expect(problems).toEqual([]);
    expect(rec.errors).toEqual([]);
  }, 300_000);

  it('links the boxes that name an article, and lists the same path as text', async () => {
    const { context } = await offlineContext(browser, site);
    const page = await context.newPage();
    const title = articles.find((a) => a.lang === 'en' && a.slug === 'node-runtime-down')!.frontMatter.title as string;
    await page.goto(site.url('en/articles/node-notready-kubelet/index.html'));
    const link = page.locator('.diagram-svg svg a[href$="node-runtime-down/index.html"]');
    expect(await link.count()).toBe(1);
    expect(await link.textContent()).toContain(title);
    const text = page.locator('.diagram-text');
    await text.locator('summary').click();
    expect(await text.locator('a[href$="node-runtime-down/index.html"]').textContent()).toBe(title);
    expect(await text.locator('li').count()).toBeGreaterThan(10);
    await link.click();
    await page.waitForURL(/\/en\/articles\/node-runtime-down\/index\.html$/);
    await context.close();
  });

  it('opens a diagram full screen on a phone, zooms it and closes it', async () => {
    const { context, rec } = await offlineContext(browser, site);
    const page = await context.newPage();
    await useScreen(page, PHONE, 'dark');
    await page.goto(site.url('zh/articles/node-notready-kubelet/index.html'));
    const figure = page.locator('figure[data-diagram]').first();
    await figure.locator('.diagram-svg').click({ position: { x: 3, y: 3 } });
    const viewer = page.locator('dialog.diagram-viewer[open]');
    await expect.poll(() => viewer.count()).toBe(1);
    const svg = viewer.locator('svg');
    const natural = Number(await svg.getAttribute('width'));
    expect((await svg.boundingBox())!.width).toBeCloseTo(natural, 0);
    await viewer.getByRole('button', { name: '放大' }).click();
    expect((await svg.boundingBox())!.width).toBeGreaterThan(natural * 1.2);
    await page.keyboard.press('Escape');
    await expect.poll(() => viewer.count()).toBe(0);
    await context.close();
    expect(rec.errors).toEqual([]);
  });

  it('shows the diagram, not its source, with JavaScript off and in print', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    const page = await context.newPage();
    await useScreen(page, DESKTOP);
    await page.goto(site.url('en/articles/oomkilled/index.html'));
    expect(await page.locator('figure[data-diagram] .diagram-svg svg').first().isVisible()).toBe(true);
    expect(await page.locator('pre.mermaid').count()).toBe(0);
    // Without the viewer, Enlarge opens the SVG on its own.
    const href = await page.locator('[data-diagram-open]').first().getAttribute('href');
    expect(href).toMatch(/^\.\.\/\.\.\/\.\.\/assets\/diagrams\/[0-9a-f]+\.svg$/);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('figure[data-diagram] .diagram-svg svg').first().isVisible()).toBe(true);
    expect(await page.locator('[data-diagram-open]').first().isVisible()).toBe(false);
    await context.close();
  });
});

import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, offlineContext, type Site, withSite } from '../helpers/browser.ts';
import { distFiles, readDist, requireDist } from '../helpers/dist.ts';
import { DESKTOP, PHONE, useScreen } from './screens.ts';

// Issue #16, point 5: the training pages as a learner uses them.
const run = browserAvailable();

/** Text a reader sees, without code, scripts and styles. */
function readableText(html: string): string {
  return html
    .replace(/<(script|style|pre|code)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#96;|&#x60;/g, '`');
}

describe('Markdown is rendered wherever a learner reads', () => {
  it('leaves no raw backticks or ** in the text of training, article and list pages', () => {
    requireDist();
    const pages = distFiles('.html').filter((p) => /^(en|zh)\/(training|articles|categories|index\.html)/.test(p));
    const raw: string[] = [];
    for (const page of pages) {
      const m = /`[^`\n]{1,80}`|\*\*[^*\n]{1,80}\*\*/.exec(readableText(readDist(page)));
      if (m) raw.push(`${page}: ${m[0]}`);
    }
    expect(pages.length).toBeGreaterThan(150);
    expect(raw).toEqual([]);
  });
});

describe.runIf(run)('training', () => {
  let browser: Browser;
  let site: Site;
  withSite('file', (b, s) => {
    browser = b;
    site = s;
  });

  const ids = (page: Page) => page.locator('[data-drill]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.drill!));
  /** Drill ids that appear in what the page shows (ids name the answer). */
  const shownIds = async (page: Page) => {
    // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees, not hidden text
    const text = await page.evaluate(() => document.body.innerText);
    return (await ids(page)).filter((id) => text.includes(id));
  };

  it('shows drills five at a time, filtered by module, numbered and never by their ids', async () => {
    for (const lang of ['en', 'zh']) {
      const { context, rec } = await offlineContext(browser, site);
      const page = await context.newPage();
      await useScreen(page, DESKTOP);
      await page.goto(site.url(`${lang}/training/drills/index.html`));
      const visible = page.locator('[data-drill]:not([hidden])');
      expect(await visible.count()).toBe(5);
      expect(await visible.first().locator('h2').textContent()).toMatch(lang === 'en' ? /^Drill 1 · / : /^练习 1 · /);
      expect(await shownIds(page)).toEqual([]);
      const firstPage = await visible.first().getAttribute('data-drill');
      await page.locator('[data-page-next]').click();
      expect(await visible.count()).toBe(5);
      expect(await visible.first().getAttribute('data-drill')).not.toBe(firstPage);
      expect(await page.locator('[data-page-status]').textContent()).toMatch(/2/);
      // One module: only its drills, from its first.
      const select = page.locator('[data-drill-filter]');
      const module = await select.locator('option').nth(2).getAttribute('value');
      await select.selectOption(module!);
      const modules = await visible.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.module));
      expect(modules.length).toBeGreaterThan(0);
      expect(new Set(modules)).toEqual(new Set([module]));
      await context.close();
      expect(rec.errors).toEqual([]);
    }
  });

  it('fits the module selector and the drills on a phone', async () => {
    const { context } = await offlineContext(browser, site);
    const page = await context.newPage();
    await useScreen(page, PHONE, 'dark');
    for (const lang of ['en', 'zh']) {
      await page.goto(site.url(`${lang}/training/drills/index.html`));
      const box = (await page.locator('[data-drill-filter]').boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    }
    await context.close();
  });

  it('ends the timed quiz with a review of every missed drill and its explanations', async () => {
    for (const lang of ['en', 'zh']) {
      const { context, rec } = await offlineContext(browser, site);
      const page = await context.newPage();
      await page.goto(site.url(`${lang}/training/drills/index.html`));
      await page.locator('[data-quiz-start]').click();
      const missed: string[] = [];
      for (let i = 0; i < 10; i++) {
        const drill = page.locator('[data-drill]:not([hidden])');
        expect(await drill.count()).toBe(1);
        expect(await shownIds(page)).toEqual([]);
        const answer = await drill.getAttribute('data-answer');
        // Miss the first three, answer the rest right.
        const choice = i < 3 ? drill.locator(`.drill-choice:not([data-choice="${answer}"])`).first() : drill.locator(`.drill-choice[data-choice="${answer}"]`);
        if (i < 3) missed.push((await drill.locator('h2').textContent())!);
        await choice.click();
        const next = page.locator('[data-quiz-next]');
        if (await next.isHidden()) break;
        await next.click();
      }
      const review = page.locator('[data-quiz-review]');
      await expect.poll(() => review.locator('.review-list > li').count()).toBe(3);
      const items = await review.locator('.review-list > li').allTextContents();
      for (const [i, title] of missed.entries()) {
        expect(items[i]).toContain(title);
        expect(items[i]).toMatch(lang === 'en' ? /Your answer: .+ — .+Right answer: .+ — .+/s : /你的答案：.+ — .+正确答案：.+ — .+/s);
      }
      expect(await shownIds(page)).toEqual([]);
      // From the review, back to one drill to try again.
      await review.locator('.review-list > li').first().locator('button').click();
      const again = page.locator('[data-drill]:not([hidden])');
      expect(await again.count()).toBe(1);
      expect(await again.locator('h2').textContent()).toBe(missed[0]);
      expect(await again.locator('[data-feedback]').isHidden()).toBe(true);
      await context.close();
      expect(rec.errors).toEqual([]);
    }
  });

  it('lets the facilitator tick the labelled game-day checklist, and keeps the ticks', async () => {
    for (const lang of ['en', 'zh']) {
      const { context } = await offlineContext(browser, site);
      const page = await context.newPage();
      await page.goto(site.url(`${lang}/training/gamedays/power-loss/index.html`));
      const boxes = page.locator('.task-list-item input[type="checkbox"]');
      expect(await boxes.count()).toBeGreaterThan(3);
      const unlabelled = await boxes.evaluateAll((els) => els.filter((b) => (b as HTMLInputElement).disabled || !(b as HTMLInputElement).labels?.[0]?.textContent?.trim()).length);
      expect(unlabelled).toBe(0);
      const label = await boxes.nth(1).evaluate((b) => (b as HTMLInputElement).labels![0]!.textContent!.trim());
      await page.getByLabel(label).check();
      await boxes.nth(2).focus();
      await page.keyboard.press('Space');
      await page.reload();
      expect(await boxes.nth(1).isChecked()).toBe(true);
      expect(await boxes.nth(2).isChecked()).toBe(true);
      expect(await boxes.nth(0).isChecked()).toBe(false);
      await context.close();
    }
  });
});

import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserAvailable, launch, offlineContext, openSite, type Mode, type Site, withSite } from '../helpers/browser.ts';
import { distFiles, requireDist } from '../helpers/dist.ts';

const run = browserAvailable();

describe.runIf(run).each(['file', 'http-root'] as Mode[])('training (%s)', (mode) => {
  let browser: Browser;
  let site: Site;
  withSite(mode, (b, s) => {
    browser = b;
    site = s;
  });

  it('answers a drill wrong and right, with feedback and evidence, and keeps progress across a reload', async () => {
    const { context, rec } = await offlineContext(browser, site, 'en-US');
    const page = await context.newPage();
    await page.goto(site.url('en/training/drills/index.html'));
    const drill = page.locator('[data-drill]').first();
    const answer = await drill.getAttribute('data-answer');
    const wrong = drill.locator(`.drill-choice:not([data-choice="${answer}"])`).first();
    await wrong.click();
    await expect.poll(() => drill.locator('[data-verdict]').textContent()).toBe('Not quite.');
    expect(await drill.locator('.drill-choice.is-right').getAttribute('data-choice')).toBe(answer);
    expect(await drill.locator('.choice-why:not([hidden])').count()).toBe(4);
    expect(await drill.locator('.paste-line.is-evidence').count()).toBeGreaterThan(0);
    expect(await drill.locator('.drill-engine a').getAttribute('href')).toContain(`articles/${answer}/index.html`);

    await drill.locator('[data-retry]').click();
    await drill.locator(`.drill-choice[data-choice="${answer}"]`).click();
    await expect.poll(() => drill.locator('[data-verdict]').textContent()).toBe('Right.');

    await page.goto(site.url('en/training/index.html'));
    await expect.poll(() => page.locator('[data-progress-drills]').textContent()).toBe('1');
    await page.locator('.module-list a').first().click();
    await page.locator('[data-module-done]').check();
    await page.reload();
    expect(await page.locator('[data-module-done]').isChecked()).toBe(true);
    await page.goto(site.url('en/training/index.html'));
    expect(await page.locator('[data-progress-modules]').textContent()).toBe('1');
    await context.close();
    expect(rec.external).toEqual([]);
    expect(rec.errors).toEqual([]);
  });

  it('exports progress to a file, and importing it restores progress after a reset', async () => {
    const { context } = await offlineContext(browser, site, 'zh-CN');
    const page = await context.newPage();
    page.on('dialog', (d) => void d.accept());
    await page.goto(site.url('zh/training/index.html'));
    await page.locator('.module-list a').nth(1).click();
    await page.locator('[data-module-done]').check();
    await page.goto(site.url('zh/training/index.html'));
    expect(await page.locator('[data-progress-modules]').textContent()).toBe('1');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-progress-export]').click()]);
    const path = join(mkdtempSync(join(tmpdir(), 'kb-progress-')), 'progress.json');
    await download.saveAs(path);
    const exported = JSON.parse(readFileSync(path, 'utf8'));
    expect(exported.format).toBe('k8s-kb-progress');
    expect(Object.keys(exported.modules)).toHaveLength(1);

    await page.locator('[data-progress-reset]').click();
    expect(await page.locator('[data-progress-modules]').textContent()).toBe('0');
    await page.reload();
    expect(await page.locator('[data-progress-modules]').textContent()).toBe('0');

    await page.locator('[data-progress-import]').setInputFiles(path);
    await expect.poll(() => page.locator('[data-progress-modules]').textContent()).toBe('1');
    await page.reload();
    expect(await page.locator('[data-progress-modules]').textContent()).toBe('1');

    const bad = join(mkdtempSync(join(tmpdir(), 'kb-progress-')), 'bad.json');
    writeFileSync(bad, '{"hello": "world"}');
    await page.locator('[data-progress-import]').setInputFiles(bad);
    await expect.poll(() => page.locator('[data-progress-status]').textContent()).toContain('不是');
    expect(await page.locator('[data-progress-modules]').textContent()).toBe('1');
    await context.close();
  });

  it('runs a timed quiz to a score', async () => {
    const { context } = await offlineContext(browser, site, 'en-US');
    const page = await context.newPage();
    await page.goto(site.url('en/training/drills/index.html'));
    await page.locator('[data-quiz-start]').click();
    for (let i = 0; i < 10; i++) {
      const visible = page.locator('[data-drill]:not([hidden])');
      expect(await visible.count()).toBe(1);
      const answer = await visible.getAttribute('data-answer');
      await visible.locator(`.drill-choice[data-choice="${answer}"]`).click();
      const next = page.locator('[data-quiz-next]');
      if (await next.isHidden()) break;
      await next.click();
    }
    await expect.poll(() => page.locator('[data-quiz-status]').textContent()).toMatch(/Quiz finished · Score: (\d+) \/ \1/);
    await context.close();
  });
});

describe.runIf(run)('game-day sheets print', () => {
  it('prints each game day on one or two A4 pages', async () => {
    requireDist();
    const browser = await launch();
    const site = await openSite('file');
    const page = await browser.newPage();
    const sheets = distFiles('.html').filter((p) => /^(en|zh)\/training\/gamedays\/[^/]+\/index\.html$/.test(p));
    expect(sheets.length).toBeGreaterThanOrEqual(16);
    const pages: Record<string, number> = {};
    for (const sheet of sheets) {
      await page.goto(site.url(sheet));
      const pdf = await page.pdf({ format: 'A4', margin: { top: '12mm', bottom: '12mm', left: '12mm', right: '12mm' } });
      pages[sheet] = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    }
    await browser.close();
    const tooLong = Object.entries(pages).filter(([, n]) => n < 1 || n > 2);
    expect(tooLong).toEqual([]);
  }, 300_000);
});

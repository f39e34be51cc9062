/**
 * Filled-in first steps on the diagnose page: the finding card shows the article's First response
 * commands with the paste's names and numbers, grouped by where they run, each block with a Copy
 * button; pasted text goes in as text only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, } from 'playwright-core';
import { browserAvailable, offlineContext, type Mode, type Site, withSite } from '../helpers/browser.ts';
import { captureClipboard, lastCopied } from './screens.ts';

const run = browserAvailable();
const OOM_JAVA = readFileSync(join(import.meta.dirname, '../fixtures/describe-pod/oomkilled-java.txt'), 'utf8');

describe.runIf(run).each(['file', 'http-root'] as Mode[])('diagnose page, filled-in steps (%s)', (mode) => {
  let browser: Browser;
  let site: Site;
  withSite(mode, (b, s) => {
    browser = b;
    site = s;
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`shows the commands with the paste's values, by place, and copies a block (${lang})`, async () => {
      const { context, rec } = await offlineContext(browser, site, lang === 'en' ? 'en-US' : 'zh-CN');
      const page = await context.newPage();
      await captureClipboard(page);
      await page.goto(site.url(`${lang}/diagnose/index.html`));
      await page.locator('[data-paste]').fill(OOM_JAVA);
      await page.keyboard.press('Control+Enter');
      const card = page.locator('.finding[data-article="oomkilled"]');
      await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(1);
      const steps = card.locator('.finding-steps');
      expect(await steps.getAttribute('open')).not.toBeNull(); // the first finding's steps are open
      const blocks = steps.locator('pre.step-command code');
      expect(await blocks.count()).toBe(4);
      expect(await blocks.nth(0).textContent()).toMatch(/^export NS='shop' POD='order-service-5f7d8c9b6-x2lkp'\nkubectl -n "\$\{NS\}" get pod/);
      expect(await blocks.nth(3).textContent()).toContain("export DEPLOY='order-service' CONTAINER='order-service' MEM_LIMIT='1920Mi'");
      // Grouped by place: the node step under its own heading, naming the node.
      const places = await steps.locator('.step-group > .step-on').allTextContents();
      expect(places).toHaveLength(3);
      expect(places[1]).toBe(lang === 'en' ? 'Run on: the node that ran the pod (as root) — 10.128.130.75' : '执行位置：Pod 所在节点（root） — 10.128.130.75');
      expect(await steps.locator('.step-group').nth(0).locator('pre').count()).toBe(2);
      // Copy gives exactly the block's commands.
      const copy = steps.locator('pre.step-command').nth(3).locator('button.copy-code');
      expect(await copy.textContent()).toBe(lang === 'en' ? 'Copy' : '复制');
      await copy.click();
      await expect.poll(() => lastCopied(page)).toBe(await blocks.nth(3).textContent());
      // The copied report carries the same steps under the finding.
      await page.locator('[data-copy-report]').click();
      await expect.poll(() => lastCopied(page)).toContain(lang === 'en' ? 'First recovery steps' : '第一步恢复操作');
      expect(await lastCopied(page)).toContain("MEM_LIMIT='1920Mi'");
      await context.close();
      expect(rec.external).toEqual([]);
      expect(rec.errors).toEqual([]);
    });
  }

  it('puts a hostile pod name in as text, quoted, and runs nothing', async () => {
    const { context, rec } = await offlineContext(browser, site, 'en-US');
    const page = await context.newPage();
    await page.goto(site.url('en/diagnose/index.html'));
    const evil = `x-<img src=x onerror="window.__pwned=1">-$(reboot)`;
    await page.locator('[data-paste]').fill(OOM_JAVA.replaceAll('order-service-5f7d8c9b6-x2lkp', evil));
    await page.keyboard.press('Control+Enter');
    const first = page.locator('.finding[data-article="oomkilled"] pre.step-command code').first();
    await expect.poll(() => first.count(), { timeout: 15_000 }).toBe(1);
    expect(await first.textContent()).toContain(`POD='${evil}'`);
    expect(await page.locator('.finding-steps img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await context.close();
    expect(rec.errors).toEqual([]);
  });
});

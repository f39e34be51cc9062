/** "Possibly related" on the diagnose page: never silent on a paste with errors no rule explains. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserAvailable, offlineContext, type Mode, type Site, withSite } from '../helpers/browser.ts';

const run = browserAvailable();
// A real paste (a NetworkPolicy thread): wget from a test pod times out; no rule names a cause.
const WGET_TIMEOUTS = readFileSync(join(import.meta.dirname, '../real-pastes/nodes-net/cases/043-network-policy-blocking.txt'), 'utf8');

describe.runIf(run).each(['file', 'http-root'] as Mode[])('diagnose page, possibly related (%s)', (mode) => {
  let browser: Browser;
  let site: Site;
  withSite(mode, (b, s) => {
    browser = b;
    site = s;
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`offers up to three articles the search finds for the error lines (${lang})`, async () => {
      const { context, rec } = await offlineContext(browser, site, lang === 'en' ? 'en-US' : 'zh-CN');
      const page = await context.newPage();
      await page.goto(site.url(`${lang}/diagnose/index.html`));
      await page.locator('[data-paste]').fill(WGET_TIMEOUTS);
      await page.keyboard.press('Control+Enter');
      const related = page.locator('section.related:not([hidden]) a.related-title');
      await expect.poll(() => related.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
      expect(await related.count()).toBeLessThanOrEqual(3);
      expect(await page.locator('.finding').count()).toBe(0);
      expect(await related.first().getAttribute('data-article')).toBe('network-policy-blocking');
      expect(await related.first().getAttribute('href')).toContain(`${lang}/articles/network-policy-blocking/index.html`);
      // The lines it came from lead back into the paste view.
      await page.locator('section.related .related-lines').first().click();
      await expect.poll(() => page.locator('.paste-line.is-focus').count()).toBeGreaterThan(0);
      await context.close();
      expect(rec.external).toEqual([]);
      expect(rec.errors).toEqual([]);
    });
  }

  it('offers nothing for a healthy paste', async () => {
    const { context } = await offlineContext(browser, site, 'en-US');
    const page = await context.newPage();
    await page.goto(site.url('en/diagnose/index.html'));
    await page.locator('[data-paste]').fill('NAME     STATUS   ROLES           AGE   VERSION\ncp-1     Ready    control-plane   12d   v1.30.4\nworker-1 Ready    <none>          12d   v1.30.4');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('[data-status]').textContent()).toMatch(/Analysed|[0-9]/);
    await page.waitForTimeout(500);
    expect(await page.locator('section.related:not([hidden])').count()).toBe(0);
    await context.close();
  });
});

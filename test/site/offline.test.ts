import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserAvailable, launch, offlineContext, openSite, type Mode } from '../helpers/browser.ts';
import { distFiles, requireDist } from '../helpers/dist.ts';

// Every page, opened with the network cut off, must load without a single failed or external
// request and without script errors — at a server root and from file:// (the modes users hit most).
const run = browserAvailable();

describe.runIf(run)('every page works offline', () => {
  let browser: Browser;
  beforeAll(async () => {
    requireDist();
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  // The 560 alert runbook pages come from one template (test/site/runbooks.test.ts opens them in
  // every mode): here their index and the first few alert pages per language stand for them all.
  const RUNBOOK_SAMPLE = 4;
  const pages = () => {
    const seen = new Map<string, number>();
    return distFiles('.html').filter((p) => {
      if (p === '404.html') return false;
      const m = /^(\w+)\/runbooks\/.+\/index\.html$/.exec(p);
      if (!m) return true;
      const n = seen.get(m[1]!) ?? 0;
      seen.set(m[1]!, n + 1);
      return n < RUNBOOK_SAMPLE;
    });
  };

  for (const mode of ['http-root', 'file'] as Mode[]) {
    it(`loads all pages with zero failed or external requests (${mode})`, async () => {
      const site = await openSite(mode);
      const { context, rec } = await offlineContext(browser, site);
      const page = await context.newPage();
      const visited: string[] = [];
      let mermaidRequested = false;
      page.on('request', (r) => {
        if (r.url().endsWith('/mermaid.min.js')) mermaidRequested = true;
      });
      for (const path of pages()) {
        mermaidRequested = false;
        await page.goto(site.url(path), { waitUntil: 'load' });
        // Diagrams render after load; wait until every one has settled (done or error).
        await page.waitForFunction(
          () => Array.from(document.querySelectorAll('figure[data-diagram]')).every((f) => (f as HTMLElement).dataset.state),
          undefined,
          { timeout: 15_000 },
        );
        // Diagrams drawn at build time are SVG already: mermaid is only for those left to the browser.
        const toDraw = await page.locator('figure[data-diagram] pre.mermaid').count();
        if (toDraw === 0 && mermaidRequested) rec.errors.push(`${path}: loads mermaid but has no diagram to draw`);
        if (toDraw > 0 && !mermaidRequested) rec.errors.push(`${path}: has diagrams to draw but never loaded mermaid`);
        const failedDiagrams = await page.locator('figure[data-diagram][data-state="error"]').count();
        if (failedDiagrams > 0) rec.errors.push(`${path}: ${failedDiagrams} diagram(s) failed to render`);
        visited.push(path);
      }
      await context.close();
      await site.close();
      expect(visited.length).toBeGreaterThan(20);
      expect(rec.external).toEqual([]);
      expect(rec.failed).toEqual([]);
      expect(rec.errors).toEqual([]);
    }, 600_000);
  }
});

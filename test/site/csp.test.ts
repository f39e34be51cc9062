/**
 * Content-Security-Policy on every page (review D10) and a safe diagnose page (D5, D8, D15):
 * - every built page carries the policy in a <meta> tag before anything else runs, whose script
 *   hashes cover exactly its inline scripts, and no page has an inline handler;
 * - scripts/serve.mjs sends the policy, nosniff and Referrer-Policy, and 400 for a malformed URL;
 * - over file://, http at the root and http under a sub-path, the main pages run with zero policy
 *   violations: search, a diagram, the diagnose worker, the game-day print button, the 404 page.
 */
import { request } from 'node:http';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { cspHeader, inlineScriptHashes, startServer } from '../../scripts/serve.mjs';
import { browserAvailable, offlineContext, type Mode, type Site, withSite } from '../helpers/browser.ts';
import { DIST, distFiles, readDist, requireDist } from '../helpers/dist.ts';

const run = browserAvailable();

const META = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/;

describe('policy in the built pages', () => {
  beforeAll(() => requireDist());

  it('every page has the policy before its first script, allowing exactly its own inline scripts', () => {
    const problems: string[] = [];
    for (const file of distFiles('.html')) {
      const html = readDist(file);
      const m = META.exec(html);
      if (!m) {
        problems.push(`${file}: no Content-Security-Policy meta tag`);
        continue;
      }
      if (html.indexOf('<script') !== -1 && html.indexOf('<script') < m.index) problems.push(`${file}: a script comes before the policy`);
      const policy = m[1]!.replace(/&#39;/g, "'");
      if (!/(?:^|; )object-src 'none'/.test(policy) || !/(?:^|; )script-src 'self'/.test(policy)) problems.push(`${file}: policy is not strict: ${policy}`);
      for (const hash of inlineScriptHashes(html)) if (!policy.includes(hash)) problems.push(`${file}: inline script ${hash} is not in the policy (update the meta tag's hash)`);
      if (/<[^>]+\son[a-z]+\s*=/i.test(html)) problems.push(`${file}: inline event handler`);
      if (/(?:href|src|action)\s*=\s*["']?\s*javascript:/i.test(html)) problems.push(`${file}: javascript: URL`);
    }
    expect(problems).toEqual([]);
  });
});

function get(url: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((ok, fail) => {
    const u = new URL(url);
    // A raw path: URL() would normalise `/%` away.
    const req = request({ host: u.hostname, port: u.port, path: url.slice(url.indexOf('/', 8)), method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('scripts/serve.mjs', () => {
  let server: import('node:http').Server;
  let base: string;
  beforeAll(async () => {
    requireDist();
    ({ server, url: base } = (await startServer({ root: DIST, port: 0, base: '/k8s-kb/' })) as { server: import('node:http').Server; url: string });
  });
  afterAll(() => new Promise<void>((ok) => server?.close(() => ok())));

  it('sends the policy with the page’s inline-script hashes, nosniff and no referrer', async () => {
    const page = await get(base + 'en/index.html');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(cspHeader(inlineScriptHashes(readDist('en/index.html'))));
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const asset = await get(base + 'favicon.svg');
    expect(asset.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers a malformed URL with 400 and no error text (D17), and still refuses traversal', async () => {
    for (const path of ['%', '%E0%A4%A', 'a%00b']) {
      const r = await get(base + path);
      expect(r.status, path).toBe(400);
      expect(r.body).toBe('bad request');
    }
    expect((await get(base + '..%2f..%2fetc%2fpasswd')).status).toBe(403);
  });
});

/** Collects CSP violations (the event, and Chromium's console report). */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(`${page.url()}: ${m.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return seen;
}
const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);

describe.runIf(run).each(['file', 'http-root', 'http-subpath'] as Mode[])('pages under the policy (%s)', (mode) => {
  let browser: Browser;
  let site: Site;
  withSite(mode, (b, s) => {
    browser = b;
    site = s;
  });

  it('home, an article with a diagram, search, a game day and the root page run without a violation', async () => {
    const { context, rec } = await offlineContext(browser, site, 'en-US');
    const page = await context.newPage();
    const seen = await watchViolations(page);
    const diagramPage = distFiles('.html').find((f) => f.startsWith('en/articles/') && readDist(f).includes('<svg') && readDist(f).includes('diagram'));
    const gameday = distFiles('.html').find((f) => f.startsWith('en/training/gamedays/') && readDist(f).includes('data-print'));
    for (const path of ['index.html', 'en/index.html', diagramPage, 'en/search/index.html?q=oomkilled', gameday].filter(Boolean) as string[]) {
      await page.goto(site.url(path));
      await page.waitForLoadState('load');
      expect(await violations(page), path).toEqual([]);
    }
    // The search box still works (its code and index are classic scripts from the site).
    await page.goto(site.url('en/index.html'));
    await page.locator('[data-search-input]').fill('oomkilled');
    await page.waitForSelector('[data-search-form] a', { timeout: 10_000 }).catch(() => undefined);
    expect(await violations(page)).toEqual([]);
    expect(seen).toEqual([]);
    expect(rec.errors).toEqual([]);
    await context.close();
  });

  it('the diagnose page runs its worker, and a newer paste replaces a busy one', async () => {
    const { context, rec } = await offlineContext(browser, site, 'en-US');
    const page = await context.newPage();
    const seen = await watchViolations(page);
    await page.addInitScript(() => {
      const w = window as unknown as { __terminated: number };
      w.__terminated = 0;
      const terminate = Worker.prototype.terminate;
      Worker.prototype.terminate = function (this: Worker) {
        w.__terminated++;
        return terminate.call(this);
      };
    });
    await page.goto(site.url('en/diagnose/index.html'));
    // A paste that keeps the worker busy for a while (300,000 short lines), then a small one.
    await page.evaluate(() => {
      const ta = document.querySelector<HTMLTextAreaElement>('[data-paste]')!;
      ta.value = 'y\n'.repeat(300_000);
      document.querySelector<HTMLButtonElement>('[data-run]')!.click();
    });
    await page.evaluate(() => {
      const ta = document.querySelector<HTMLTextAreaElement>('[data-paste]')!;
      ta.value = 'The connection to the server 10.0.0.1:6443 was refused - did you specify the right host or port?';
      document.querySelector<HTMLButtonElement>('[data-run]')!.click();
    });
    await page.waitForSelector('.finding', { timeout: 15_000 });
    expect(await page.locator('.finding').first().textContent()).toMatch(/API server|apiserver|6443/i);
    // The busy worker was terminated rather than waited for.
    expect(await page.evaluate(() => (window as unknown as { __terminated: number }).__terminated)).toBe(1);
    expect(await violations(page)).toEqual([]);
    expect(seen).toEqual([]);
    expect(rec.errors).toEqual([]);
    await context.close();
  });

  it('keeps the paste for this tab only unless asked (D8), and says when a link is damaged or too large (D5, D15)', async () => {
    const { context } = await offlineContext(browser, site, 'en-US');
    const page = await context.newPage();
    await page.goto(site.url('en/diagnose/index.html'));
    const secret = 'Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJlMTIzNDU2';
    await page.locator('[data-paste]').fill(secret);
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => !document.querySelector('[data-status]')?.hasAttribute('data-busy'));
    expect(await page.evaluate(() => localStorage.getItem('k8s-kb.paste.v1'))).toBeNull();
    await page.reload();
    expect(await page.locator('[data-paste]').inputValue()).toBe(secret); // same tab: still there
    // Opting in keeps it in localStorage; opting out removes it again.
    await page.locator('[data-remember]').check();
    expect(await page.evaluate(() => localStorage.getItem('k8s-kb.paste.v1'))).toBe(secret);
    await page.locator('[data-remember]').uncheck();
    expect(await page.evaluate(() => localStorage.getItem('k8s-kb.paste.v1'))).toBeNull();
    // A paste left in localStorage by an older version is dropped when the page opens.
    await page.evaluate((s) => localStorage.setItem('k8s-kb.paste.v1', s), secret);
    await page.reload();
    expect(await page.evaluate(() => localStorage.getItem('k8s-kb.paste.v1'))).toBeNull();

    const bomb = 'paste=' + deflateRawSync(Buffer.alloc(32 * 1024 * 1024, 'A'), { level: 9 }).toString('base64url');
    for (const fragment of [bomb, 'paste=!!!not-base64']) {
      const fresh = await context.newPage();
      await fresh.goto(site.url('en/diagnose/index.html') + '#' + fragment);
      await fresh.waitForSelector('.diagnose-results .notice', { timeout: 20_000 });
      expect(await fresh.locator('.diagnose-results .notice').textContent()).toContain('too large or damaged');
      expect(await fresh.locator('[data-paste]').inputValue()).toBe('');
      await fresh.close();
    }
    await context.close();
  });
});

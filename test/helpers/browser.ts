import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { DIST, requireDist } from './dist.ts';
import { startServer } from '../../scripts/serve.mjs';

/** Debian's Chromium; playwright's own browser download does not work offline. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * True when browser tests can run. In CI (CI=true) a missing browser is an error, never a skip:
 * `.ci/run` installs it.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`Chromium not found at ${CHROMIUM}: .ci/run must install it (apt-get install chromium)`);
  console.warn(`Skipping browser tests: no Chromium at ${CHROMIUM} (apt-get install chromium fonts-noto-cjk)`);
  return false;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** Where the site is opened from: the three deployment modes of the contract. */
export type Mode = 'http-root' | 'http-subpath' | 'file';

export interface Site {
  mode: Mode;
  /** URL of a page given its path relative to dist/ (e.g. `zh/articles/oomkilled/index.html`). */
  url(path: string): string;
  /** True when a request URL belongs to the site. */
  isLocal(url: string): boolean;
  close(): Promise<void>;
}

/** Serves (or points at) dist/ in one mode. */
export async function openSite(mode: Mode): Promise<Site> {
  if (mode === 'file') {
    const base = pathToFileURL(DIST).href + '/';
    return { mode, url: (p) => base + p, isLocal: (u) => u.startsWith(base), close: async () => {} };
  }
  const { server, url } = await startServer({ root: DIST, port: 0, base: mode === 'http-subpath' ? '/k8s-kb/' : '/' });
  return {
    mode,
    url: (p: string) => url + p,
    isLocal: (u: string) => u.startsWith(url),
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/**
 * For one describe block: before its tests, a browser and the site in `mode` (handed to `use`);
 * after them, both closed.
 */
export function withSite(mode: Mode, use: (browser: Browser, site: Site) => void): void {
  let browser: Browser | undefined;
  let site: Site | undefined;
  beforeAll(async () => {
    requireDist();
    browser = await launch();
    site = await openSite(mode);
    use(browser, site);
  });
  afterAll(async () => {
    await site?.close();
    await browser?.close();
  });
}

/** What a page did that it must not: requests that failed or left the site, errors. */
export interface Recorder {
  external: string[];
  failed: string[];
  errors: string[];
}

/**
 * A browser context whose network is cut off: every request outside the site is aborted and
 * recorded, as are failed requests, console errors and uncaught exceptions.
 */
export async function offlineContext(browser: Browser, site: Site, locale = 'zh-CN'): Promise<{ context: BrowserContext; rec: Recorder }> {
  const context = await browser.newContext({ locale, serviceWorkers: 'block' });
  const rec: Recorder = { external: [], failed: [], errors: [] };
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (site.isLocal(u) || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
    rec.external.push(u);
    return route.abort('blockedbyclient');
  });
  context.on('requestfailed', (req) => {
    const u = req.url();
    const error = req.failure()?.errorText ?? '';
    // ERR_ABORTED: the page navigated away while a lazy load (e.g. mermaid) was in flight.
    // A missing file shows as ERR_FILE_NOT_FOUND (file://) or an HTTP status, both recorded.
    if (!rec.external.includes(u) && !error.includes('ERR_ABORTED')) rec.failed.push(`${u} (${error})`);
  });
  context.on('response', (res) => {
    if (res.status() >= 400) rec.failed.push(`${res.url()} (HTTP ${res.status()})`);
  });
  context.on('page', (page) => watchPage(page, rec));
  return { context, rec };
}

function watchPage(page: Page, rec: Recorder): void {
  page.on('console', (msg) => {
    if (msg.type() === 'error') rec.errors.push(`${page.url()}: console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => rec.errors.push(`${page.url()}: ${err.message}`));
}

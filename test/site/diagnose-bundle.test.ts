/**
 * The diagnose page reads bundles in the browser: several picked files, a dropped troubleshoot.sh
 * .tar.gz, a gzip bomb stopped with a message; in both languages, over file:// and http, offline.
 * File names are text: a file named like an <img onerror> tag is listed, never parsed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tarArchive } from '../../src/cli/collect-tar.ts';
import { MAX_INFLATED_BYTES } from '../../src/bundle/limits.ts';
import { browserAvailable, offlineContext, type Mode, type Site, withSite } from '../helpers/browser.ts';
import { ROOT } from '../engine/helpers.ts';

const run = browserAvailable();
const TS = join(ROOT, 'test/fixtures/troubleshoot/support-bundle');

const HOSTILE = '<img src=x onerror="window.__pwned=1">.txt';
const PODS = [
  'NAMESPACE   NAME                        READY   STATUS             RESTARTS       AGE   IP            NODE       NOMINATED NODE   READINESS GATES',
  'shop        web-5d8f7c9b6-q7m2x         1/1     Running            0              3d    10.42.1.12    worker-1   <none>           <none>',
  'shop        cart-7b9c6d5f4-k8z2q        0/1     CrashLoopBackOff   9 (2m ago)     91m   10.42.2.17    worker-2   <none>           <none>',
].join('\n');
const DESCRIBE = [
  'Name:             cart-7b9c6d5f4-k8z2q',
  'Namespace:        shop',
  'Node:             worker-2/10.0.12.22',
  'Containers:',
  '  cart:',
  '    State:          Waiting',
  '      Reason:       CrashLoopBackOff',
  '    Last State:     Terminated',
  '      Reason:       OOMKilled',
  '      Exit Code:    137',
  '    Restart Count:  9',
].join('\n');

function supportBundle(): Buffer {
  const root = 'support-bundle-2024-05-14T08_41_10';
  const entries: { path: string; data?: Buffer }[] = [{ path: `${root}/` }];
  const walk = (p: string) => {
    for (const n of readdirSync(p).sort()) {
      const f = join(p, n);
      if (statSync(f).isDirectory()) walk(f);
      else entries.push({ path: `${root}/${relative(TS, f)}`, data: readFileSync(f) });
    }
  };
  walk(TS);
  return gzipSync(tarArchive(entries));
}

/** Drops files on an element the way a browser does (a DataTransfer of Files). */
async function dropFiles(page: Page, selector: string, files: { name: string; base64: string }[]): Promise<void> {
  await page.evaluate(
    ({ selector, files }) => {
      const dt = new DataTransfer();
      for (const f of files) {
        const bin = atob(f.base64);
        const bytes = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
        dt.items.add(new File([bytes], f.name));
      }
      const target = document.querySelector(selector)!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { selector, files },
  );
}

describe.runIf(run).each(['file', 'http-root'] as Mode[])('diagnose page, bundles (%s)', (mode) => {
  let browser: Browser;
  let site: Site;
  withSite(mode, (b, s) => {
    browser = b;
    site = s;
  });

  it('diagnoses several picked files as one cluster, with file:line evidence and hostile names as text', async () => {
    const { context, rec } = await offlineContext(browser, site, 'en-US');
    const page = await context.newPage();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto(site.url('en/diagnose/index.html'));
    // The reader is loaded on first use only: a reader who pastes never downloads it.
    expect(await page.locator('script[src*="diagnose-bundle.js"]').count()).toBe(0);
    await page.locator('[data-bundle-input]').setInputFiles([
      { name: 'pods-wide.txt', mimeType: 'text/plain', buffer: Buffer.from(PODS) },
      { name: HOSTILE, mimeType: 'text/plain', buffer: Buffer.from(DESCRIBE) },
      { name: 'screen.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) },
    ]);
    const summary = page.locator('[data-bundle-summary]');
    await expect.poll(() => summary.count(), { timeout: 20_000 }).toBe(1);
    expect(await summary.locator('h2').textContent()).toBe('Cluster report (files)');
    expect(await page.locator('[data-bundle-count="node"]').textContent()).toBe('worker-2 1');
    expect(await page.locator('[data-bundle-files="read"] li').allTextContents()).toEqual(['pods-wide.txt (3 lines)', `${HOSTILE} (11 lines)`]);
    expect(await page.locator('[data-bundle-files="skipped"] li').allTextContents()).toEqual(['screen.png — binary, not text']);
    const oom = page.locator('.finding[data-article="oomkilled"]');
    expect(await oom.count()).toBe(1);
    expect(await oom.locator('.bundle-where').allTextContents()).toContain(`${HOSTILE}:9`);
    // The name stayed text: no element was made from it and nothing ran.
    expect(await page.locator('[data-results] img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toBe(0);
    await context.close();
    expect(rec.external).toEqual([]);
    expect(rec.errors).toEqual([]);
  });

  it('reads a dropped troubleshoot.sh .tar.gz in Chinese', async () => {
    const { context, rec } = await offlineContext(browser, site, 'zh-CN');
    const page = await context.newPage();
    await page.goto(site.url('zh/diagnose/index.html'));
    await dropFiles(page, '[data-bundle-drop]', [{ name: 'support-bundle-2024-05-14T08_41_10.tar.gz', base64: supportBundle().toString('base64') }]);
    const summary = page.locator('[data-bundle-summary]');
    await expect.poll(() => summary.count(), { timeout: 20_000 }).toBe(1);
    expect(await summary.locator('h2').textContent()).toBe('集群报告（troubleshoot.sh 支持包）');
    expect(await page.locator('[data-bundle-count="severity"]').textContent()).toMatch(/^紧急 2 项（涉及 2 个对象） · 警告 2 项/);
    const articles = await page.locator('.finding').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.article));
    expect(articles).toEqual(expect.arrayContaining(['oomkilled', 'node-notready-kubelet', 'pod-pending-insufficient-resources']));
    expect(await page.locator('.finding[data-article="node-notready-kubelet"] .bundle-where').first().textContent()).toMatch(/^support-bundle-2024-05-14T08_41_10\/cluster-resources\/nodes\.json:\d+$/);
    expect(await page.locator('[data-status]').textContent()).toMatch(/个文件中发现 \d+ 项问题。$/);
    await context.close();
    expect(rec.external).toEqual([]);
    expect(rec.errors).toEqual([]);
  });

  it.runIf(mode === 'http-root')('stops a gzip bomb with a message, and a file that is not a tar', async () => {
    const { context, rec } = await offlineContext(browser, site, 'en-US');
    const page = await context.newPage();
    await page.goto(site.url('en/diagnose/index.html'));
    const bomb = gzipSync(Buffer.alloc(MAX_INFLATED_BYTES + 1024 * 1024), { level: 9 });
    await page.locator('[data-bundle-input]').setInputFiles([{ name: 'bomb.tar.gz', mimeType: 'application/gzip', buffer: bomb }]);
    const err = page.locator('[data-bundle-error]');
    await expect.poll(() => err.getAttribute('data-bundle-error'), { timeout: 60_000 }).toBe('gzip-limit');
    expect(await err.textContent()).toBe('bomb.tar.gz inflates to more than 320 MiB, so reading stopped (a bundle this large, or a gzip bomb). Unpack it and pick the files you need.');
    await page.locator('[data-bundle-input]').setInputFiles([{ name: 'pods.tgz', mimeType: 'application/gzip', buffer: Buffer.from('NAME READY STATUS\n') }]);
    await expect.poll(() => err.getAttribute('data-bundle-error'), { timeout: 20_000 }).toBe('not-tar');
    await context.close();
    expect(rec.errors).toEqual([]);
  }, 120_000);
});

import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST, distFiles, readDist, requireDist } from '../helpers/dist.ts';

// Static checks over the built dist/: they need no browser, so they also run where Chromium is absent.

const URL_ATTR = /\s(href|src|action|poster|srcset)=(?:"([^"]*)"|'([^']*)')/g;
const CSS_URL = /url\(\s*['"]?([^'")]+)['"]?\s*\)/g;
const ID_ATTR = /\sid="([^"]+)"/g;

function idsOf(html: string): Set<string> {
  return new Set(Array.from(html.matchAll(ID_ATTR), (m) => m[1]!));
}

describe('built site integrity', () => {
  let pages: string[];
  beforeAll(() => {
    requireDist();
    pages = distFiles('.html');
  });

  it('has both languages of the proving articles', () => {
    for (const lang of ['zh', 'en']) {
      expect(existsSync(join(DIST, `${lang}/articles/oomkilled/index.html`))).toBe(true);
    }
  });

  it('resolves every internal link and fragment', () => {
    const broken: string[] = [];
    const idCache = new Map<string, Set<string>>();
    for (const page of pages) {
      const html = readDist(page);
      for (const m of html.matchAll(URL_ATTR)) {
        const value = m[2] ?? m[3] ?? '';
        if (m[1] === 'srcset' || /^[a-z][a-z0-9+.-]*:/i.test(value) || value === '') continue;
        const [pathAndQuery, fragment] = value.split('#');
        const path = pathAndQuery!.split('?')[0]!;
        const target = path === '' ? page : posix.normalize(posix.join(posix.dirname(page), path));
        if (target.startsWith('..') || !existsSync(join(DIST, target))) {
          broken.push(`${page}: ${m[1]}="${value}"`);
          continue;
        }
        if (fragment && target.endsWith('.html')) {
          let ids = idCache.get(target);
          if (!ids) idCache.set(target, (ids = idsOf(readDist(target))));
          if (!ids.has(decodeURIComponent(fragment))) broken.push(`${page}: ${m[1]}="${value}" (no id "${fragment}")`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('gives every id once per page (anchor aliases, diagrams and steps never collide)', () => {
    const dupes: string[] = [];
    for (const page of pages) {
      const seen = new Set<string>();
      for (const m of readDist(page).matchAll(ID_ATTR)) {
        if (seen.has(m[1]!)) dupes.push(`${page}: id="${m[1]}"`);
        seen.add(m[1]!);
      }
    }
    expect(dupes).toEqual([]);
  });

  it('links every article from its category page and from the article list, in both languages', () => {
    const missing: string[] = [];
    for (const page of pages.filter((p) => /^(zh|en)\/articles\/[^/]+\/index\.html$/.test(p))) {
      const [lang, , slug] = page.split('/');
      const html = readDist(page);
      const category = /href="\.\.\/\.\.\/categories\/([a-z-]+)\/index\.html"/.exec(html)?.[1];
      if (!category) {
        missing.push(`${page}: no category badge link`);
        continue;
      }
      const link = `href="../../articles/${slug}/index.html"`;
      if (!readDist(`${lang}/categories/${category}/index.html`).includes(link)) missing.push(`${lang}/categories/${category}: no link to ${slug}`);
      if (!readDist(`${lang}/articles/index.html`).includes(`href="../articles/${slug}/index.html"`) && !readDist(`${lang}/articles/index.html`).includes(`href="${slug}/index.html"`)) {
        missing.push(`${lang}/articles/index.html: no link to ${slug}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('references no external resource and no root-absolute URL', () => {
    const bad: string[] = [];
    for (const page of pages) {
      const html = readDist(page);
      for (const m of html.matchAll(URL_ATTR)) {
        const value = m[2] ?? m[3] ?? '';
        if (/^(https?:)?\/\//i.test(value)) bad.push(`${page}: external ${m[1]}="${value}"`);
        else if (value.startsWith('/')) bad.push(`${page}: root-absolute ${m[1]}="${value}" (breaks sub-path and file://)`);
      }
      for (const m of html.matchAll(CSS_URL)) {
        if (!m[1]!.startsWith('data:') && !m[1]!.startsWith('#')) bad.push(`${page}: CSS url(${m[1]})`);
      }
      if (/@import\s/.test(html.replace(/<pre[\s\S]*?<\/pre>/g, ''))) bad.push(`${page}: CSS @import`);
      if (/<script[^>]+type="module"/.test(html)) bad.push(`${page}: module script (blocked from file://)`);
    }
    expect(bad).toEqual([]);
  });

  it('ships scripts that use no network API', () => {
    // URLs inside data (rule patterns, article text in the search index) are text, not requests;
    // what must not appear is a way to make one.
    const bad: string[] = [];
    const NETWORK = /\bfetch\s*\(|XMLHttpRequest|new\s+WebSocket|new\s+EventSource|sendBeacon|\bimport\s*\(|importScripts\s*\(\s*['"]https?:/;
    for (const js of distFiles('.js').filter((f) => !f.endsWith('mermaid.min.js'))) {
      const m = NETWORK.exec(readDist(js));
      if (m) bad.push(`${js}: ${m[0]}`);
    }
    expect(bad).toEqual([]);
  });
});

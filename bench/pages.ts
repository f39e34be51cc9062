import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = join(import.meta.dirname, '../dist');

/** Total bytes of a directory tree. */
function treeBytes(dir: string): number {
  let n = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    n += s.isDirectory() ? treeBytes(p) : s.size;
  }
  return n;
}

const gz = (s: string | Buffer) => gzipSync(s).length;

/**
 * JS and CSS a page loads before interaction (gzip bytes): inline <style> and <script> blocks
 * plus every <script src> and <link rel=stylesheet> it references. Scripts loaded later, on first
 * use (search), are not counted: that is the point of loading them lazily.
 */
function pageWeight(page: string): { js_gzip_bytes: number; css_gzip_bytes: number; html_gzip_bytes: number } {
  const html = readFileSync(join(DIST, page), 'utf8');
  let js = 0;
  let css = 0;
  for (const m of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) css += gz(m[1]!);
  for (const m of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = /\ssrc="([^"]+)"/.exec(m[1]!)?.[1];
    if (src) js += gz(readFileSync(join(DIST, posix.normalize(posix.join(dirname(page), src)))));
    else if (m[2]!.trim() && !/type="application\/(ld\+)?json"/.test(m[1]!)) js += gz(m[2]!);
  }
  for (const m of html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)) {
    css += gz(readFileSync(join(DIST, posix.normalize(posix.join(dirname(page), m[1]!)))));
  }
  return { js_gzip_bytes: js, css_gzip_bytes: css, html_gzip_bytes: gz(html) };
}

/** First article page with (or without) a diagram. */
function findArticle(withDiagram: boolean): string | undefined {
  const dir = join(DIST, 'en/articles');
  for (const slug of readdirSync(dir).sort()) {
    const page = `en/articles/${slug}/index.html`;
    if (!existsSync(join(DIST, page))) continue;
    if (readFileSync(join(DIST, page), 'utf8').includes('data-diagram') === withDiagram) return page;
  }
  return undefined;
}

/** Bytes loaded after the page is interactive, on pages with diagrams: the mermaid bundle. */
function lazyDiagramBytes(): { raw: number; gzip: number } {
  const file = readFileSync(join(DIST, 'assets/gen/mermaid.min.js'));
  return { raw: file.length, gzip: gz(file) };
}

/** pages.<type> and dist_bytes, from an existing dist/. */
export function benchPages(): Record<string, unknown> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run "npm run build" first (or drop --no-build)');
  const types: Record<string, string | undefined> = {
    home: 'en/index.html',
    // Every catalogue article has a decision diagram, so "article" is one with a diagram: its
    // mermaid loads after the page is interactive (see diagrams_lazy), never before.
    article: findArticle(false) ?? findArticle(true),
    article_diagram: findArticle(true),
    search: 'en/search/index.html',
    diagnose: 'en/diagnose/index.html',
    training: 'en/training/index.html',
  };
  const out: Record<string, unknown> = {};
  for (const [type, page] of Object.entries(types)) if (page) out[type] = { page, ...pageWeight(page) };
  const lazy = lazyDiagramBytes();
  out.diagrams_lazy = { js_bytes: lazy.raw, js_gzip_bytes: lazy.gzip };
  out.dist_bytes = treeBytes(DIST);
  return out;
}

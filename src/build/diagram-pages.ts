/**
 * After the build, turns every `<figure data-diagram><pre class="mermaid">` of dist/ into:
 *
 *   <figure class="diagram" data-diagram data-state="static">
 *     <div class="diagram-svg"><svg …>…</svg></div>                 (rendered here, no JavaScript)
 *     <p class="diagram-tools"><a href="/assets/diagrams/<key>.svg" data-diagram-open>Enlarge</a></p>
 *     <details class="diagram-text"><summary>Diagram as text</summary><ul>…</ul></details>
 *   </figure>
 *
 * Boxes that name an article (`node-runtime-down`) show its title and link to it, in the page's
 * language. Each diagram is also written on its own to dist/assets/diagrams/<key>.svg, which the
 * Enlarge link opens when scripts are off (src/client/diagrams.ts opens a zoomable view instead).
 * Without Chromium the figure keeps its source for the browser to draw (src/client/diagrams.ts),
 * with the titles and the text version added all the same.
 *
 * Runs before relativize.ts, so every URL written here is root-absolute like the rest of the site.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { LANGS, t, type Lang } from '../i18n/ui.ts';
import { articleUrl } from '../lib/urls.ts';
import { nameArticles, outlineHtml } from './flowchart.ts';
import { openRenderer, SVG_ID_PLACEHOLDER, type DiagramJob, type DiagramRenderer, type RenderedDiagram } from './diagram-renderer.ts';
import { relativizeUrl } from './relativize.ts';

const FIGURE = /<figure class="diagram" data-diagram(?:="")?><pre class="mermaid">([\s\S]*?)<\/pre><\/figure>/g;

const unescapeHtml = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, '&');
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Article titles per language, read from the front matter (slug → title). */
export function readTitles(root: string): Map<Lang, Map<string, string>> {
  const out = new Map<Lang, Map<string, string>>();
  for (const lang of LANGS) {
    const titles = new Map<string, string>();
    const dir = join(root, 'content/articles', lang);
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
      const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(dir, name), 'utf8'));
      const fm = m ? (yaml.load(m[1]!, { schema: yaml.JSON_SCHEMA }) as { title?: unknown }) : undefined;
      if (typeof fm?.title === 'string') titles.set(name.replace(/\.md$/, ''), fm.title);
    }
    out.set(lang, titles);
  }
  return out;
}

interface Found {
  page: string;
  lang: Lang;
  job: DiagramJob;
  outline: string;
}

/** The standalone file: links relative to assets/diagrams/, the page's theme variables absent (light). */
function standaloneSvg(svg: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    svg
      .split(SVG_ID_PLACEHOLDER)
      .join('diagram')
      .replace(/\shref="(\/[^"]*)"/g, (_m, url: string) => ` href="${relativizeUrl(url, '/assets/diagrams/')}"`)
  );
}

function staticFigure(lang: Lang, rendered: RenderedDiagram, key: string, n: number, outline: string): string {
  const id = `kb-diagram-${n}`;
  // Below this width the labels would shrink under 10 px: on desktops the figure scrolls instead.
  const minWidth = Math.ceil((rendered.width * 10.1) / 16);
  return (
    `<figure class="diagram" data-diagram data-state="static" aria-label="${escapeHtml(t(lang, 'article.diagramLabel'))}">` +
    `<div class="diagram-svg" style="--diagram-w:${rendered.width}px;--diagram-min-w:${minWidth}px">${rendered.svg.split(SVG_ID_PLACEHOLDER).join(id)}</div>` +
    `<p class="diagram-tools"><a class="diagram-open" href="/assets/diagrams/${key}.svg" data-diagram-open>` +
    `<span aria-hidden="true">⤢</span> ${escapeHtml(t(lang, 'article.diagramEnlarge'))}</a></p>` +
    textVersion(lang, outline) +
    `</figure>`
  );
}

function textVersion(lang: Lang, outline: string): string {
  return `<details class="diagram-text"><summary>${escapeHtml(t(lang, 'article.diagramText'))}</summary>${outline}</details>`;
}

function browserFigure(lang: Lang, source: string, outline: string): string {
  return `<figure class="diagram" data-diagram><pre class="mermaid">${escapeHtml(source)}</pre>${textVersion(lang, outline)}</figure>`;
}

export interface DiagramReport {
  pages: number;
  diagrams: number;
  /** `svg` (drawn here) or why the browser draws them. */
  mode: string;
  rendered: number;
  cached: number;
  seconds: number;
}

/**
 * Rewrites the diagrams of every page of `pages` (paths relative to `dist`), in place.
 * `root` is the project (content/, node_modules/).
 */
export async function renderDiagramPages(dist: string, root: string, pages: string[], log: (msg: string) => void): Promise<DiagramReport> {
  const started = performance.now();
  const titles = readTitles(root);
  const found = new Map<string, Found[]>();
  const html = new Map<string, string>();
  for (const page of pages) {
    const text = readFileSync(join(dist, page), 'utf8');
    if (!text.includes('data-diagram')) continue;
    const lang: Lang = page.startsWith('en/') ? 'en' : 'zh';
    const list: Found[] = [];
    for (const m of text.matchAll(FIGURE)) {
      const { source, chart } = nameArticles(unescapeHtml(m[1]!), titles.get(lang)!);
      const links: Record<string, string> = {};
      for (const node of chart.nodes.values()) if (node.article) links[node.id] = articleUrl(lang, node.article);
      const outline = outlineHtml(chart, { seeAbove: t(lang, 'article.diagramSeeAbove'), articleUrl: (slug) => articleUrl(lang, slug) });
      list.push({ page, lang, job: { source, links }, outline });
    }
    if (list.length > 0) {
      found.set(page, list);
      html.set(page, text);
    }
  }
  const count = Array.from(found.values()).reduce((n, l) => n + l.length, 0);
  if (count === 0) return { pages: 0, diagrams: 0, mode: 'none', rendered: 0, cached: 0, seconds: 0 };

  const renderer = await openRenderer(root);
  const mode = typeof renderer === 'string' ? renderer : 'svg';
  if (typeof renderer === 'string') log(`diagrams: drawn in the browser (${renderer})`);
  const results = new Map<Found, { key: string; rendered: RenderedDiagram } | undefined>();
  if (typeof renderer !== 'string') {
    try {
      await renderAll(renderer, found, results, dist, log);
    } finally {
      await renderer.close();
    }
  }
  for (const [page, list] of found) {
    let i = 0;
    let n = 0;
    const out = html.get(page)!.replace(FIGURE, () => {
      const f = list[i++]!;
      const r = results.get(f);
      return r ? staticFigure(f.lang, r.rendered, r.key, n++, f.outline) : browserFigure(f.lang, f.job.source, f.outline);
    });
    writeFileSync(join(dist, page), out);
  }
  const stats = typeof renderer === 'string' ? { rendered: 0, cached: 0 } : renderer.stats();
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  log(`diagrams: ${count} in ${found.size} pages (${mode}; ${stats.rendered} drawn, ${stats.cached} from cache) in ${seconds} s`);
  return { pages: found.size, diagrams: count, mode, ...stats, seconds };
}

async function renderAll(
  renderer: DiagramRenderer,
  found: Map<string, Found[]>,
  results: Map<Found, { key: string; rendered: RenderedDiagram } | undefined>,
  dist: string,
  log: (msg: string) => void,
): Promise<void> {
  // The same diagram on several pages (generated sites, or a module quoting an article) is drawn once.
  const byKey = new Map<string, { job: DiagramJob; uses: Found[] }>();
  for (const list of found.values()) {
    for (const f of list) {
      const key = renderer.keyOf(f.job);
      const entry = byKey.get(key) ?? { job: f.job, uses: [] };
      entry.uses.push(f);
      byKey.set(key, entry);
    }
  }
  const outDir = join(dist, 'assets/diagrams');
  mkdirSync(outDir, { recursive: true });
  await Promise.all(
    Array.from(byKey, async ([key, { job, uses }]) => {
      try {
        const rendered = await renderer.render(job);
        writeFileSync(join(outDir, `${key}.svg`), standaloneSvg(rendered.svg));
        for (const f of uses) results.set(f, { key, rendered });
      } catch (err) {
        // The browser draws it (and shows the source with a note if it fails there too).
        log(`diagrams: could not draw a diagram of ${uses[0]!.page}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      }
    }),
  );
}

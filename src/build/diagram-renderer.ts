/**
 * Renders mermaid flowcharts to SVG at build time, in the headless Chromium the browser tests
 * use (playwright-core, no browser download), with mermaid's own bundle from node_modules.
 *
 * Why at build time: readers get the picture with zero JavaScript (3.5 MB of mermaid is never
 * loaded), in print and with scripts off; and the layout can be chosen here so that labels stay
 * readable (at least MIN_LABEL_PX at the desktop column width). Labels are measured with this
 * machine's fonts (fonts-noto-cjk for Chinese, see scripts/install-browser.sh).
 *
 * Results are cached in node_modules/.cache/k8s-kb/diagrams/, keyed by everything that shapes
 * the output, so a rebuild only starts Chromium when a diagram changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';

/** Same stack as `--font-sans` in global.css: the page and the measured labels must agree. */
export const DIAGRAM_FONT = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Helvetica Neue', Arial, sans-serif";
/** mermaid's label size; the page never scales a diagram up, only down to fit. */
export const DIAGRAM_FONT_PX = 16;
/** Width of the article column at a 1366 px desktop (global.css: main 76rem, contents 15rem). */
export const DESKTOP_COLUMN_PX = 912;
/** Smallest label size accepted at that width (the issue asks for 10; a little headroom for other fonts). */
export const MIN_LABEL_PX = 10.5;
/** Bump when the output of diagram-page.js or the styles change: invalidates the cache. */
const RENDERER_VERSION = 3;

/**
 * Layouts tried in order (src/build/diagram-page.js): as written, turned, then narrower boxes.
 * Measured on the 136 diagrams of Dec 2026: the first fits 60 %, all of them fit by the fourth.
 */
const LAYOUTS = [
  { turn: false, config: { wrappingWidth: 150, nodeSpacing: 30, rankSpacing: 40, padding: 10 } },
  { turn: true, config: { wrappingWidth: 150, nodeSpacing: 30, rankSpacing: 40, padding: 10 } },
  { turn: false, config: { wrappingWidth: 110, nodeSpacing: 20, rankSpacing: 35, padding: 8 } },
  { turn: true, config: { wrappingWidth: 110, nodeSpacing: 20, rankSpacing: 35, padding: 8 } },
];

/** Placeholder for the SVG's id; each page replaces it with a unique one. */
export const SVG_ID_PLACEHOLDER = 'kbdiagramid';

/**
 * The diagram's own style, scoped to its id (#ID). Colours come from CSS variables that
 * global.css sets per theme; the fallbacks are the light theme, for the SVG opened on its own.
 */
const SVG_CSS = [
  `#ID{font-family:${DIAGRAM_FONT};font-size:${DIAGRAM_FONT_PX}px;fill:var(--dg-text,#1b1f24);background:var(--dg-bg,#fff)}`,
  '#ID p{margin:0}',
  '#ID foreignObject{overflow:visible}',
  `#ID .label{font-family:${DIAGRAM_FONT};color:var(--dg-text,#1b1f24)}`,
  '#ID span,#ID .label text{fill:var(--dg-text,#1b1f24);color:var(--dg-text,#1b1f24)}',
  '#ID .node rect,#ID .node polygon,#ID .node circle,#ID .node path{fill:var(--dg-node,#eef3fc);stroke:var(--dg-stroke,#4a6fb5);stroke-width:1px}',
  '#ID .node.is-link rect,#ID .node.is-link polygon{fill:var(--dg-link-node,#e5f4e7);stroke:var(--dg-link-stroke,#2f6b3a);stroke-width:1.5px}',
  '#ID .node.is-link .nodeLabel{color:var(--dg-link-text,#1d4d27);text-decoration:underline;text-underline-offset:.15em}',
  '#ID a:hover .node.is-link rect{stroke-width:3px}',
  '#ID .flowchart-link{stroke:var(--dg-edge,#555f6d);stroke-width:1.5px;fill:none}',
  '#ID .marker,#ID .arrowMarkerPath{fill:var(--dg-edge,#555f6d);stroke:var(--dg-edge,#555f6d)}',
  '#ID .edgeLabel,#ID .edgeLabel p,#ID .labelBkg{background-color:var(--dg-bg,#fff);color:var(--dg-edge-text,#3d4550)}',
  '#ID .edgeLabel rect{fill:var(--dg-bg,#fff)}',
].join('');

export interface DiagramJob {
  /** mermaid source, already with article titles (src/build/flowchart.ts). */
  source: string;
  /** mermaid node id → root-absolute URL of the article its box names. */
  links: Record<string, string>;
}

export interface RenderedDiagram {
  /** Serialised SVG whose id (and every id inside) uses SVG_ID_PLACEHOLDER. */
  svg: string;
  width: number;
  height: number;
  /** Label size at DESKTOP_COLUMN_PX. */
  labelPx: number;
  /** Which of LAYOUTS was chosen. */
  layout: number;
}

export interface DiagramRenderer {
  /** Cache key of a job (also the name of its standalone file). */
  keyOf(job: DiagramJob): string;
  render(job: DiagramJob): Promise<RenderedDiagram>;
  /** Diagrams drawn by Chromium / taken from the cache so far. */
  stats(): { rendered: number; cached: number };
  close(): Promise<void>;
}

/** Decision boxes as hexagons: the same meaning, a third of a diamond's height. */
export function compactShapes(source: string): string {
  return source.replace(/(^|[\s>])([A-Za-z0-9_]+)\{"([^"]*)"\}/g, (_m, pre: string, id: string, label: string) => `${pre}${id}{{"${label}"}}`);
}

/** Chromium for the build: CHROMIUM_PATH, else Debian's. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/**
 * Opens a renderer, or returns the reason there is none (no Chromium on this machine, or
 * KB_DIAGRAMS=browser): the site then draws diagrams in the browser as before.
 */
export async function openRenderer(root: string, workers = 2): Promise<DiagramRenderer | string> {
  if (process.env.KB_DIAGRAMS === 'browser') return 'KB_DIAGRAMS=browser';
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) return `no Chromium at ${executablePath} (bash scripts/install-browser.sh)`;
  const require = createRequire(join(root, 'package.json'));
  const mermaidDir = dirname(require.resolve('mermaid/package.json'));
  const mermaidVersion = (JSON.parse(readFileSync(join(mermaidDir, 'package.json'), 'utf8')) as { version: string }).version;
  const pageScript = readFileSync(join(root, 'src/build/diagram-page.js'), 'utf8');
  const cacheDir = join(root, 'node_modules/.cache/k8s-kb/diagrams');
  let browser: Browser | undefined;
  let pages: Promise<Page[]> | undefined;
  const idle: Page[] = [];
  const waiting: ((p: Page) => void)[] = [];
  let rendered = 0;
  let cached = 0;

  const keyOf = (job: DiagramJob) =>
    createHash('sha256')
      .update(JSON.stringify([RENDERER_VERSION, mermaidVersion, SVG_CSS, LAYOUTS, DESKTOP_COLUMN_PX, MIN_LABEL_PX, job.source, job.links]))
      .digest('hex')
      .slice(0, 20);

  async function start(): Promise<Page[]> {
    // require, not import(): at astro:build:done Vite's module runner is already closed.
    const { chromium } = require('playwright-core') as typeof import('playwright-core');
    browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    const out: Page[] = [];
    for (let i = 0; i < workers; i++) {
      const page = await browser.newPage();
      await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>body{font-family:${DIAGRAM_FONT}}</style></head><body></body></html>`);
      await page.addScriptTag({ path: join(mermaidDir, 'dist/mermaid.min.js') });
      await page.addScriptTag({ content: pageScript });
      out.push(page);
    }
    idle.push(...out);
    return out;
  }

  const take = async (): Promise<Page> => {
    pages ??= start();
    await pages;
    const page = idle.pop();
    return page ?? new Promise<Page>((ok) => waiting.push(ok));
  };
  const give = (page: Page) => {
    const next = waiting.shift();
    if (next) next(page);
    else idle.push(page);
  };

  return {
    keyOf,
    stats: () => ({ rendered, cached }),
    async render(job) {
      const key = keyOf(job);
      const file = join(cacheDir, `${key}.json`);
      if (existsSync(file)) {
        try {
          const hit = JSON.parse(readFileSync(file, 'utf8')) as RenderedDiagram;
          cached++;
          return hit;
        } catch {
          // A damaged cache entry: draw it again.
        }
      }
      const page = await take();
      try {
        const result = (await page.evaluate(
          (j) => (window as unknown as { kbRenderDiagram: (x: unknown) => Promise<unknown> }).kbRenderDiagram(j),
          {
            source: compactShapes(job.source),
            links: job.links,
            id: SVG_ID_PLACEHOLDER,
            css: SVG_CSS,
            font: DIAGRAM_FONT,
            fontPx: DIAGRAM_FONT_PX,
            columnPx: DESKTOP_COLUMN_PX,
            minLabelPx: MIN_LABEL_PX,
            layouts: LAYOUTS,
          },
        )) as RenderedDiagram;
        rendered++;
        try {
          mkdirSync(cacheDir, { recursive: true });
          writeFileSync(file, JSON.stringify(result));
        } catch {
          // No cache (read-only node_modules): the next build draws it again.
        }
        return result;
      } finally {
        give(page);
      }
    },
    async close() {
      await browser?.close();
    },
  };
}

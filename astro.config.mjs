// @ts-check
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import kbIntegration from './src/build/integration.ts';
import rehypeArticleSections from './src/build/rehype-article-sections.ts';
import rehypeCjkEmphasis from './src/build/rehype-cjk-emphasis.ts';
import rehypeCommandLines from './src/build/rehype-command-lines.ts';
import rehypeMermaidBlocks from './src/build/rehype-mermaid-blocks.ts';
import rehypeTaskLists from './src/build/rehype-task-lists.ts';

// Astro keeps rendered Markdown in its content store (node_modules/.astro) and clears it only when
// this config changes; a plugin is a function and does not show in that comparison. Passing a
// digest of the plugins' source as an option makes an edited plugin re-render every page.
const buildDir = new URL('./src/build/', import.meta.url);
const pluginDigest = createHash('sha256')
  .update(readdirSync(buildDir).filter((f) => /^(rehype-.*|hast)\.ts$/.test(f)).sort().map((f) => readFileSync(new URL(f, buildDir), 'utf8')).join('\0'))
  .digest('hex')
  .slice(0, 16);
const withDigest = { pluginDigest };

// One dist/ for a server root, a sub-path and file:// (see docs/architecture.md):
// directory URLs, inline CSS, classic scripts, and relative URLs written after the build.
// KB_DIST (a folder name under the project) builds elsewhere than dist/, with its own Astro cache,
// so that two builds can run side by side; the site tests read the same variable.
const outName = process.env.KB_DIST || 'dist';

export default defineConfig({
  srcDir: './src',
  publicDir: './public',
  outDir: `./${outName}`,
  ...(outName === 'dist' ? {} : { cacheDir: `./node_modules/.astro-${outName.replace(/[^\w.-]/g, '_')}` }),
  trailingSlash: 'always',
  build: {
    format: 'directory',
    inlineStylesheets: 'always',
  },
  devToolbar: { enabled: false },
  markdown: {
    // No syntax colouring: runbook commands read (and print) well as plain monospace, and Shiki
    // took most of the build time (2,000 articles: over two minutes). Mermaid blocks are turned
    // into diagrams by rehype-mermaid-blocks (and into SVG after the build, src/build/diagrams.ts).
    syntaxHighlight: false,
    rehypePlugins: [
      [rehypeMermaidBlocks, withDigest],
      [rehypeCommandLines, withDigest],
      [rehypeTaskLists, withDigest],
      [rehypeCjkEmphasis, withDigest],
      [rehypeArticleSections, withDigest],
    ],
  },
  vite: {
    build: { modulePreload: false },
  },
  integrations: [kbIntegration()],
});

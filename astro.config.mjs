// @ts-check
import { defineConfig } from 'astro/config';
import kbIntegration from './src/build/integration.ts';
import rehypeMermaidBlocks from './src/build/rehype-mermaid-blocks.ts';

// One dist/ for a server root, a sub-path and file:// (see docs/architecture.md):
// directory URLs, inline CSS, classic scripts, and relative URLs written after the build.
export default defineConfig({
  srcDir: './src',
  publicDir: './public',
  outDir: './dist',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    inlineStylesheets: 'always',
  },
  devToolbar: { enabled: false },
  markdown: {
    // No syntax colouring: runbook commands read (and print) well as plain monospace, and Shiki
    // took most of the build time (2,000 articles: over two minutes). Mermaid blocks are turned
    // into diagrams by rehype-mermaid-blocks.
    syntaxHighlight: false,
    rehypePlugins: [rehypeMermaidBlocks],
  },
  vite: {
    build: { modulePreload: false },
  },
  integrations: [kbIntegration()],
});

import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildClientBundles } from './client-bundles.ts';
import { renderDiagramPages } from './diagram-pages.ts';
import { relativizeHtml } from './relativize.ts';
import { writeSearchData } from './search-data.ts';
import { watchClientSources } from './watch.ts';
import { LANGS } from '../i18n/ui.ts';

async function* htmlFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

/** Build steps that make one dist/ work everywhere (see docs/architecture.md). */
export default function kbIntegration(): AstroIntegration {
  let projectRoot = process.cwd();
  return {
    name: 'k8s-kb',
    hooks: {
      'astro:config:setup': async ({ config }) => {
        const root = fileURLToPath(config.root);
        projectRoot = root;
        await buildClientBundles(root);
        await writeSearchData(root, LANGS);
      },
      'astro:server:setup': ({ server, logger }) => {
        // `astro dev`: rebuild the client bundles when their sources change (reload to see it).
        const root = server.config.root; // Vite's root: the project's, as an absolute path
        const watcher = watchClientSources(
          root,
          async () => {
            await buildClientBundles(root);
            logger.info('client bundles rebuilt');
          },
          (error) => logger.error(`client bundles: ${error instanceof Error ? error.message : String(error)}`),
        );
        server.httpServer?.once('close', () => watcher.close());
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages: string[] = [];
        for await (const file of htmlFiles(root)) pages.push(relative(root, file).split(sep).join('/'));
        // Diagrams to SVG first: they add root-absolute links that the next step makes relative.
        await renderDiagramPages(root, projectRoot, pages, (msg) => logger.info(msg));
        for (const rel of pages) {
          const file = join(root, rel);
          const html = await readFile(file, 'utf8');
          await writeFile(file, relativizeHtml(html, rel));
        }
        logger.info(`relative URLs written in ${pages.length} pages`);
      },
    },
  };
}

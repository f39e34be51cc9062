import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Browser code is bundled by esbuild into classic IIFE scripts under public/assets/gen/, not left
 * to Astro's module scripts: from file:// an external module script or a dynamic import() is
 * blocked (origin null), while a classic <script src> loads.
 */
export const CLIENT_ENTRIES: Record<string, string> = {
  'site.js': 'src/client/site.ts',
  'diagrams.js': 'src/client/diagrams.ts',
  'search.js': 'src/client/search-runtime.ts',
  'training.js': 'src/client/training.ts',
};

/** Builds every client entry and copies the mermaid browser bundle next to them. */
export async function buildClientBundles(root: string): Promise<void> {
  const outDir = join(root, 'public/assets/gen');
  await mkdir(outDir, { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(CLIENT_ENTRIES).map(([out, src]) => [out.replace(/\.js$/, ''), src])),
    outdir: outDir,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020', 'chrome90', 'firefox90', 'safari14'],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  // mermaid ships a classic script that defines globalThis.mermaid: copied as is.
  const require = createRequire(join(root, 'package.json'));
  const mermaidDir = dirname(require.resolve('mermaid/package.json'));
  await copyFile(join(mermaidDir, 'dist/mermaid.min.js'), join(outDir, 'mermaid.min.js'));
}

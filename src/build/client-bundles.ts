import { build, type BuildOptions } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { bundleRules } from '../engine/index.ts';
import { readRuleFiles } from './rule-files.ts';

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
  'drills.js': 'src/client/drills.ts',
  'not-found.js': 'src/client/not-found.ts',
  // The diagnose page's bundle reader, loaded on first pick or drop (src/client/diagnose/bundle.ts).
  'diagnose-bundle.js': 'src/client/diagnose/bundle-runtime.ts',
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
  await buildDiagnoseBundle(root, outDir);
  // mermaid ships a classic script that defines globalThis.mermaid: copied as is.
  const require = createRequire(join(root, 'package.json'));
  const mermaidDir = dirname(require.resolve('mermaid/package.json'));
  await copyFile(join(mermaidDir, 'dist/mermaid.min.js'), join(outDir, 'mermaid.min.js'));
}

const BROWSER: BuildOptions = { bundle: true, platform: 'browser', target: ['es2020', 'chrome90', 'firefox113', 'safari16'], minify: true, legalComments: 'none', logLevel: 'warning' };

/**
 * diagnose.js: the page script, with the engine worker inside it as a string (the page starts it
 * from a Blob URL; `new Worker('file.js')` is blocked from file://). The rules of rules/ are
 * validated here — an invalid rule file fails the site build, naming the file and field — and
 * bundled into the worker.
 */
async function buildDiagnoseBundle(root: string, outDir: string): Promise<void> {
  const rules = bundleRules(readRuleFiles(join(root, 'rules'), root));
  const worker = await build({
    ...BROWSER,
    absWorkingDir: root,
    entryPoints: ['src/client/diagnose/worker.ts'],
    format: 'iife',
    write: false,
    define: { __KB_RULES__: JSON.stringify(rules) },
  });
  await build({
    ...BROWSER,
    absWorkingDir: root,
    entryPoints: { diagnose: 'src/client/diagnose/main.ts' },
    outdir: outDir,
    format: 'iife',
    define: { __KB_WORKER_SOURCE__: JSON.stringify(worker.outputFiles![0]!.text) },
  });
}

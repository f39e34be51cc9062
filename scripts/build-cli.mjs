#!/usr/bin/env node
/**
 * `npm run build:cli`: the k8s-kb CLI as one dependency-free file, dist/cli/k8s-kb.mjs, to carry
 * to a jump host (Node.js ≥ 18, nothing else). esbuild bundles src/cli with lunr,
 * json-rules-engine and js-yaml; the rules (rules/**.json) and the articles (content/articles,
 * for titles and the search index, which is built from them on first use, as `k8s-kb search`
 * does in the repository) are embedded as data.
 *
 *   node scripts/build-cli.mjs [--out-dir DIR] [--sea]
 *
 * --sea also builds DIR/k8s-kb-linux-x64, a Node single executable application (needs no Node.js
 * on the jump host): the bundle as CommonJS, `node --experimental-sea-config`, and postject from
 * node_modules (or on PATH) to put the blob into a copy of this node binary.
 *
 * How the bundle finds its data: the CLI reads rules and articles under REPO_ROOT with node:fs.
 * In the bundle REPO_ROOT is a virtual folder, /__k8s-kb__, and node:fs (for the project's own
 * modules) is a thin layer that answers reads under it from the embedded files and passes every
 * other path to the real node:fs, so `--rules DIR`, input files and eval folders work as usual.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { build } from 'esbuild';
import { tsImport } from 'tsx/esm/api';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const VROOT = '/__k8s-kb__';

const argv = process.argv.slice(2);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const outDir = resolve(option('--out-dir') ?? join(ROOT, process.env.KB_DIST || 'dist', 'cli'));
const wantSea = argv.includes('--sea');

/** Files under `dir` (relative to ROOT, `/`-separated) whose names end with `ext`. */
function filesUnder(dir, ext) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(ext)) out.push(relative(ROOT, p).split(sep).join('/'));
    }
  };
  walk(join(ROOT, dir));
  return out;
}

/** Data as base64 of brotli-compressed JSON: the 3.3 MB of articles and rules become about 0.8 MB. */
function pack(data) {
  const json = Buffer.from(JSON.stringify(data));
  return brotliCompressSync(json, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: json.length } }).toString('base64');
}

/** What the bundle carries: path under the virtual root → text. */
function embeddedFiles() {
  const files = {};
  for (const f of [...filesUnder('rules', '.json'), ...filesUnder('content/articles', '.md')]) files[f] = readFileSync(join(ROOT, f), 'utf8');
  return files;
}

// node:fs for the project's modules: embedded files under VROOT, the real file system elsewhere.
const EMBEDDED_FS = `
import * as real from 'node:fs';
import { posix, resolve } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import PACKED from 'k8s-kb:files';
export * from 'node:fs';
const ROOT = ${JSON.stringify(VROOT)};
// Unpacked on the first read under ROOT (about 30 ms); commands that read no rules never pay it.
let FILES, DIRS;
const unpack = () => {
  if (FILES) return;
  FILES = JSON.parse(brotliDecompressSync(Buffer.from(PACKED, 'base64')).toString('utf8'));
  DIRS = new Set();
  for (const f of Object.keys(FILES)) for (let d = posix.dirname(f); d !== '.'; d = posix.dirname(d)) DIRS.add(d);
};
const inside = (p) => {
  if (typeof p !== 'string') return undefined;
  const r = resolve(p).split('\\\\').join('/');
  if (r !== ROOT && !r.startsWith(ROOT + '/')) return undefined;
  unpack();
  return r === ROOT ? '' : r.slice(ROOT.length + 1);
};
const notFound = (p) => Object.assign(new Error("ENOENT: no such file or directory, open '" + p + "'"), { code: 'ENOENT', path: p });
const stats = (isDir, size) => ({ isDirectory: () => isDir, isFile: () => !isDir, isSymbolicLink: () => false, size, mtimeMs: 0 });
export function existsSync(p) {
  const v = inside(p);
  return v === undefined ? real.existsSync(p) : v === '' || v in FILES || DIRS.has(v);
}
export function readFileSync(p, options) {
  const v = inside(p);
  if (v === undefined) return real.readFileSync(p, options);
  if (!(v in FILES)) throw notFound(p);
  const encoding = typeof options === 'string' ? options : options?.encoding;
  return encoding ? FILES[v] : Buffer.from(FILES[v]);
}
export function statSync(p, options) {
  const v = inside(p);
  if (v === undefined) return real.statSync(p, options);
  if (v in FILES) return stats(false, Buffer.byteLength(FILES[v]));
  if (v === '' || DIRS.has(v)) return stats(true, 0);
  if (options?.throwIfNoEntry === false) return undefined;
  throw notFound(p);
}
export function readdirSync(p, options) {
  const v = inside(p);
  if (v === undefined) return real.readdirSync(p, options);
  if (v !== '' && !DIRS.has(v)) throw notFound(p);
  const prefix = v === '' ? '' : v + '/';
  const names = new Set();
  for (const f of [...Object.keys(FILES), ...DIRS]) if (f.startsWith(prefix) && f.length > prefix.length) names.add(f.slice(prefix.length).split('/')[0]);
  return [...names].sort();
}
export default { ...real, existsSync, readFileSync, statSync, readdirSync };
`;

// io.ts's article links point into the repository's dist/; the carried CLI looks for a built site
// beside itself instead (a dist/ next to k8s-kb.mjs, or the site it sits in: dist/cli/k8s-kb.mjs),
// and without one names the page on the site: en/articles/oomkilled/.
const IO_SHIM = (realIo) => `
export * from ${JSON.stringify(realIo)};
import { localSite, siteLink } from ${JSON.stringify(realIo)};
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// k8s-kb.mjs knows its own file; the single executable (a CommonJS script, no import.meta) is the executable.
const here = import.meta.url ? dirname(fileURLToPath(import.meta.url)) : dirname(process.execPath);
const site = () => localSite(join(here, 'dist')) ?? localSite(join(here, '..'));
export function articleLink(slug, lang, baseUrl) {
  return siteLink(slug, lang, baseUrl, baseUrl ? undefined : site());
}
export function articleLinksArePaths(baseUrl) {
  return !baseUrl && !site();
}
`;

// Built-in rules are named from the virtual root (rules/pods/oomkilled-last-state.json), not
// from the current directory (../../__k8s-kb__/rules/…).
const RULE_FILES_SHIM = (realRuleFiles) => `
import { resolve } from 'node:path';
import { readRuleFiles as readFromDisk } from ${JSON.stringify(realRuleFiles)};
export * from ${JSON.stringify(realRuleFiles)};
export function readRuleFiles(dir, base) {
  const inside = resolve(dir) === ${JSON.stringify(VROOT)} || resolve(dir).startsWith(${JSON.stringify(VROOT + '/')});
  return readFromDisk(dir, inside ? ${JSON.stringify(VROOT)} : base);
}
`;

// The search data is built in: for the built-in articles and tokenizer, from-files.ts answers with
// it instead of tokenizing every article again.
const FROM_FILES_SHIM = (realFromFiles) => `
import { resolve } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import PACKED from 'k8s-kb:search-data';
import { buildSearchDataFromFiles as buildFromDisk } from ${JSON.stringify(realFromFiles)};
export * from ${JSON.stringify(realFromFiles)};
let data;
export function buildSearchDataFromFiles(articlesDir, lang, tokenizer) {
  if (tokenizer || resolve(articlesDir) !== ${JSON.stringify(VROOT + '/content/articles')}) return buildFromDisk(articlesDir, lang, tokenizer);
  data ??= JSON.parse(brotliDecompressSync(Buffer.from(PACKED, 'base64')).toString('utf8'));
  return data[lang] ?? buildFromDisk(articlesDir, lang);
}
`;

// main.ts starts the CLI itself when the script is named main.ts or k8s-kb(.mjs); under any other
// name (a renamed file, the single executable) the entry starts it.
const ENTRY = (realMain) => `
import { main } from ${JSON.stringify(realMain)};
if (!/(?:^|[\\\\/])(?:main\\.ts|k8s-kb(?:\\.mjs)?)$/.test(process.argv[1] ?? '')) {
  const io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), env: process.env };
  main(process.argv.slice(2), io).then(
    (code) => { process.exitCode = code; },
    (e) => { process.stderr.write('k8s-kb: internal error: ' + (e?.message ?? String(e)) + '\\n'); process.exitCode = 1; },
  );
}
`;

function carryPlugin(files, searchData) {
  const ioPath = join(ROOT, 'src/cli/io.ts');
  const mainPath = join(ROOT, 'src/cli/main.ts');
  const ownModule = (importer) => importer.startsWith(join(ROOT, 'src') + sep);
  return {
    name: 'k8s-kb-carry',
    setup(b) {
      b.onResolve({ filter: /^k8s-kb:entry$/ }, () => ({ path: 'entry', namespace: 'k8s-kb' }));
      b.onResolve({ filter: /^k8s-kb:files$/ }, () => ({ path: 'files', namespace: 'k8s-kb' }));
      b.onResolve({ filter: /^k8s-kb:search-data$/ }, () => ({ path: 'search-data', namespace: 'k8s-kb' }));
      b.onResolve({ filter: /^(?:node:)?fs$/ }, (a) => (ownModule(a.importer) ? { path: 'fs', namespace: 'k8s-kb' } : undefined));
      b.onResolve({ filter: /(?:^|\/)from-files\.ts$/ }, (a) => (ownModule(a.importer) ? { path: 'from-files', namespace: 'k8s-kb' } : undefined));
      b.onResolve({ filter: /^\.\.\/build\/rule-files\.ts$/ }, (a) => (a.importer === ioPath ? { path: 'rule-files', namespace: 'k8s-kb' } : undefined));
      b.onResolve({ filter: /^\.\/io\.ts$/ }, (a) => (ownModule(a.importer) && a.importer !== ioPath ? { path: 'io', namespace: 'k8s-kb' } : undefined));
      b.onLoad({ filter: /.*/, namespace: 'k8s-kb' }, (a) => {
        if (a.path === 'entry') return { contents: ENTRY(mainPath), loader: 'js', resolveDir: ROOT };
        if (a.path === 'files') return { contents: `export default ${JSON.stringify(pack(files))};`, loader: 'js' };
        if (a.path === 'fs') return { contents: EMBEDDED_FS, loader: 'js', resolveDir: ROOT };
        if (a.path === 'from-files') return { contents: FROM_FILES_SHIM(join(ROOT, 'src/search/from-files.ts')), loader: 'js', resolveDir: ROOT };
        if (a.path === 'search-data') return { contents: `export default ${JSON.stringify(pack(searchData))};`, loader: 'js' };
        if (a.path === 'rule-files') return { contents: RULE_FILES_SHIM(join(ROOT, 'src/build/rule-files.ts')), loader: 'js', resolveDir: ROOT };
        return { contents: IO_SHIM(ioPath), loader: 'js', resolveDir: ROOT };
      });
      // REPO_ROOT = two folders above io.ts: make that the virtual root.
      b.onLoad({ filter: /[\\/]src[\\/]cli[\\/]io\.ts$/ }, (a) => {
        const source = readFileSync(a.path, 'utf8');
        if (!source.includes('import.meta.url')) throw new Error('src/cli/io.ts no longer finds REPO_ROOT from import.meta.url: update scripts/build-cli.mjs');
        return { contents: source.replaceAll('import.meta.url', JSON.stringify(`file://${VROOT}/src/cli/io.ts`)), loader: 'ts' };
      });
    },
  };
}

/**
 * The search data of both languages, built now with the project's own code: building it takes
 * seconds (Chinese tokenizing), loading it a tenth of that, so `search` on the jump host is quick.
 */
async function searchDataOf() {
  const { buildSearchDataFromFiles } = await tsImport(join(ROOT, 'src/search/from-files.ts'), import.meta.url);
  return Object.fromEntries(['zh', 'en'].map((lang) => [lang, buildSearchDataFromFiles(join(ROOT, 'content/articles'), lang)]));
}

const files = embeddedFiles();
const searchData = await searchDataOf();

/** Bundles the CLI; `format` esm gives k8s-kb.mjs, cjs the script of the single executable. */
async function bundle(outfile, format) {
  const banner =
    format === 'esm'
      ? // CommonJS dependencies (json-rules-engine → jsonpath-plus) require Node built-ins.
        "#!/usr/bin/env node\nimport { createRequire as __k8sKbRequire } from 'node:module';\nconst require = __k8sKbRequire(import.meta.url);"
      : '';
  const result = await build({
    entryPoints: ['k8s-kb:entry'],
    bundle: true,
    platform: 'node',
    format,
    target: 'node18',
    outfile,
    banner: { js: banner },
    legalComments: 'none',
    minifySyntax: true,
    minifyWhitespace: true,
    metafile: true,
    logLevel: 'warning',
    plugins: [carryPlugin(files, searchData)],
  });
  const external = Object.values(result.metafile.outputs)[0].imports.filter((i) => i.external && !i.path.startsWith('node:') && !['vm', 'fs', 'path', 'events', 'util'].includes(i.path));
  if (external.length) throw new Error(`the bundle would need packages at run time: ${external.map((i) => i.path).join(', ')}`);
  return statSync(outfile).size;
}

/** Where postject is, or undefined. */
function findPostject() {
  const local = join(ROOT, 'node_modules/postject/dist/cli.js');
  if (existsSync(local)) return [process.execPath, local];
  try {
    execFileSync('postject', ['--help'], { stdio: 'ignore' });
    return ['postject'];
  } catch {
    return undefined;
  }
}

/** Builds the single executable; returns its size, or a reason it could not be built. */
async function buildSea() {
  if (process.platform !== 'linux' || process.arch !== 'x64') return { reason: `this machine is ${process.platform}-${process.arch}; the executable takes this node binary, so build it on linux-x64` };
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 20) return { reason: `Node ${process.versions.node} has no single executable support (needs ≥ 20)` };
  const postject = findPostject();
  if (!postject) return { reason: 'postject is not installed (npm install --no-save postject, or add it to devDependencies)' };
  const work = join(outDir, '.sea');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const script = join(work, 'k8s-kb.cjs');
  await bundle(script, 'cjs');
  const blob = join(work, 'k8s-kb.blob');
  writeFileSync(join(work, 'sea-config.json'), JSON.stringify({ main: script, output: blob, disableExperimentalSEAWarning: true, useCodeCache: false }));
  // Both tools chatter on success (postject warns about ELF note sections); show it only on failure.
  const quiet = { stdio: ['ignore', 'pipe', 'pipe'] };
  execFileSync(process.execPath, ['--experimental-sea-config', join(work, 'sea-config.json')], quiet);
  const exe = join(outDir, 'k8s-kb-linux-x64');
  copyFileSync(process.execPath, exe);
  chmodSync(exe, 0o755);
  const [cmd, ...pre] = postject;
  execFileSync(cmd, [...pre, exe, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2'], quiet);
  rmSync(work, { recursive: true, force: true });
  return { size: statSync(exe).size, path: exe };
}

mkdirSync(outDir, { recursive: true });
const outfile = join(outDir, 'k8s-kb.mjs');
const size = await bundle(outfile, 'esm');
chmodSync(outfile, 0o755);
const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
console.log(`k8s-kb CLI: ${relative(process.cwd(), outfile) || outfile} (${mb(size)})`);
if (wantSea) {
  const sea = await buildSea().catch((e) => ({ reason: `${e.message}\n${e.stderr ?? ''}`.trim() }));
  if (sea.reason) {
    console.error(`single executable not built: ${sea.reason}`);
    process.exitCode = 1;
  } else console.log(`single executable: ${relative(process.cwd(), sea.path)} (${mb(sea.size)})`);
}

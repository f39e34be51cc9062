/** File-system side of the CLI: rule files, inputs, article titles, paths. The engine does none of this. */
import { closeSync, existsSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RuleFile } from '../engine/index.ts';
import { readRuleFiles } from '../build/rule-files.ts';
import { CATALOGUE_BY_SLUG } from '../content/catalogue.ts';
import type { Lang } from './messages.ts';

/** The repository root (src/cli/ is two levels below it). */
export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const BUILTIN_RULES = join(REPO_ROOT, 'rules');

/**
 * Bytes read at most from one input. The engine reads 16 M characters at most (four bytes each at
 * worst in UTF-8); reading stops here whatever the input is — a regular file, `/dev/zero`, a FIFO,
 * a `/proc` file or a pipe that never ends.
 */
export const MAX_READ_BYTES = 64 * 1024 * 1024;

/** Bytes asked for per read() call. */
const CHUNK = 1024 * 1024;

/** An input or rules folder that cannot be read: the message names it and says why, in words. */
export class InputError extends Error {}

/** A rule file larger than this is not read (the largest built-in one is 3 KB). */
export const MAX_RULE_FILE_BYTES = 256 * 1024;

/**
 * Rule files (`*.json`) under a directory, or one file, with paths relative to the current
 * directory for messages. One unreadable entry does not stop the rest: it comes back with an
 * `error` the loader reports against its file (a link loop, a dangling link, a link that leads out
 * of the directory — not followed, so no outside file is read —, a device, a file over
 * MAX_RULE_FILE_BYTES). Throws, naming the path, only when `dir` itself cannot be read.
 */
export function readRuleDir(dir: string): RuleFile[] {
  const base = process.cwd();
  const top = resolve(dir);
  // The built-in rules are the project's own files (and, in the carried CLI, embedded ones that
  // only the shared reader knows how to list).
  if (top === BUILTIN_RULES || top.startsWith(BUILTIN_RULES + sep)) return readRuleFiles(top, base);
  const rel = (p: string) => relative(base, p).split(sep).join('/') || p;
  let root: string;
  try {
    if (statSync(top).isFile()) return [readRuleFile(top, rel(top))];
    root = realpathSync(top);
  } catch (e) {
    throw new InputError(`${dir}: ${errorText(e)}`);
  }
  const out: RuleFile[] = [];
  const seen = new Set<string>([root]);
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const isJson = name.endsWith('.json');
      try {
        let st = lstatSync(p);
        if (st.isSymbolicLink()) {
          const real = realpathSync(p);
          if (real !== root && !real.startsWith(root + sep)) {
            if (isJson) out.push({ path: rel(p), text: '', error: `links to ${real}, outside ${rel(top)}; not read` });
            continue;
          }
          st = statSync(p);
        }
        if (st.isDirectory()) {
          const real = realpathSync(p);
          if (!seen.has(real)) {
            seen.add(real);
            walk(p);
          }
        } else if (isJson) out.push(st.isFile() ? readRuleFile(p, rel(p)) : { path: rel(p), text: '', error: 'not a regular file; not read' });
      } catch (e) {
        if (isJson) out.push({ path: rel(p), text: '', error: `cannot read: ${errorText(e)}` });
      }
    }
  };
  walk(top);
  return out;
}

/** One rule file, through a descriptor and up to MAX_RULE_FILE_BYTES (a link to /dev/zero ends). */
function readRuleFile(path: string, shown: string): RuleFile {
  const fd = openSync(path, 'r');
  try {
    if (!fstatSync(fd).isFile()) return { path: shown, text: '', error: 'not a regular file; not read' };
    const bytes = readUpTo(fd, MAX_RULE_FILE_BYTES);
    if (bytes.length > MAX_RULE_FILE_BYTES) return { path: shown, text: '', error: `larger than ${MAX_RULE_FILE_BYTES / 1024} KB; not read` };
    return { path: shown, text: bytes.toString('utf8') };
  } finally {
    closeSync(fd);
  }
}

/** Built-in rules plus a user's directory; a user rule replaces a built-in rule of the same id. */
export function readRules(userDir?: string): RuleFile[] {
  const builtin = readRuleDir(BUILTIN_RULES);
  if (!userDir) return builtin;
  const user = readRuleDir(resolve(userDir));
  const ids = new Set(user.map((f) => f.path.split(/[\\/]/).pop()));
  return [...builtin.filter((f) => !ids.has(f.path.split(/[\\/]/).pop())), ...user];
}

/** One input as read: its text, and whether reading stopped at MAX_READ_BYTES. */
export interface Input {
  text: string;
  capped: boolean;
}

/**
 * Text from the bytes of an input: UTF-16 with a byte order mark (what Windows PowerShell 5.1 `>`
 * writes; kubectl decodes it too) or UTF-8 (a UTF-8 BOM is dropped by the engine).
 */
export function decodeInput(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/**
 * Up to `max` + 1 bytes from a descriptor, read in chunks whatever `stat` says (it says 0 for
 * devices, FIFOs and /proc files, and /dev/zero never ends): one byte more than `max` tells a file of
 * exactly `max` from a longer one.
 */
export function readUpTo(fd: number, max: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total <= max) {
    const buf = Buffer.allocUnsafe(Math.min(CHUNK, max + 1 - total));
    const n = readSync(fd, buf, 0, buf.length, null);
    if (n === 0) break;
    chunks.push(n === buf.length ? buf : buf.subarray(0, n));
    total += n;
  }
  return Buffer.concat(chunks, total);
}

/** A file's first `max` + 1 bytes at most (see readUpTo). */
export function readFileUpTo(path: string, max: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    return readUpTo(fd, max);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads one input file through a descriptor, MAX_READ_BYTES at most, whatever `stat` says (it says
 * 0 for devices, FIFOs and /proc files). Throws a Node error (ENOENT, EACCES, EISDIR…) for
 * unreadable files.
 */
export function readInput(file: string): Input {
  const fd = openSync(file, 'r');
  try {
    if (fstatSync(fd).isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${file}'`), { code: 'EISDIR' });
    const bytes = readUpTo(fd, MAX_READ_BYTES);
    const capped = bytes.length > MAX_READ_BYTES;
    return { text: decodeInput(capped ? bytes.subarray(0, MAX_READ_BYTES) : bytes), capped };
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads standard input to its end or to MAX_READ_BYTES, whichever comes first; at the cap it stops
 * reading (`yes | k8s-kb diagnose` ends) and says so.
 */
export async function readStdin(stdin: NodeJS.ReadableStream & { destroy?: () => void } = process.stdin): Promise<Input> {
  // `k8s-kb diagnose < some-directory`: reading would just end, as if the input were empty.
  if (stdin === process.stdin && fstatSync(0).isDirectory()) throw Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR' });
  const chunks: Buffer[] = [];
  let total = 0;
  let capped = false;
  for await (const chunk of stdin) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    if (total + b.length >= MAX_READ_BYTES) {
      chunks.push(b.subarray(0, MAX_READ_BYTES - total));
      total = MAX_READ_BYTES;
      capped = true;
      break;
    }
    chunks.push(b);
    total += b.length;
  }
  // Leaving the loop early does not stop a pipe: let go of it so the writer gets EPIPE and we exit.
  if (capped) stdin.destroy?.();
  return { text: decodeInput(Buffer.concat(chunks, total)), capped };
}

/** Words for the errno codes an input or rule file can fail with (kubectl says them in words too). */
const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
  ENXIO: 'no such device or address',
  EBADF: 'not open (bad file descriptor)',
};

/** `no such file or directory (ENOENT)` for a Node error; its message otherwise. */
export function errorText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code && ERRNO_TEXT[code]) return `${ERRNO_TEXT[code]} (${code})`;
  return code ?? (e as Error)?.message ?? String(e);
}

const titleCache = new Map<string, string>();

/** Article title in a language: front matter `title:` of the article file, else the catalogue title. */
export function articleTitle(slug: string, lang: Lang): string {
  const key = `${lang}/${slug}`;
  const cached = titleCache.get(key);
  if (cached) return cached;
  let title = CATALOGUE_BY_SLUG.get(slug)?.title[lang] ?? slug;
  const file = articlePath(slug, lang);
  if (existsSync(file)) {
    const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'));
    const m = fm && /^title:\s*(.+?)\s*$/m.exec(fm[1]!);
    if (m) title = m[1]!.replace(/^(['"])(.*)\1$/, '$2');
  }
  titleCache.set(key, title);
  return title;
}

/** Source file of an article. */
export function articlePath(slug: string, lang: Lang): string {
  return join(REPO_ROOT, 'content', 'articles', lang, `${slug}.md`);
}

const siteCache = new Map<string, string | undefined>();

/** `dir` when a built site is there (it has zh/ and en/ article pages), else undefined. */
export function localSite(dir: string = join(REPO_ROOT, 'dist')): string | undefined {
  if (!siteCache.has(dir)) siteCache.set(dir, existsSync(join(dir, 'zh', 'articles')) && existsSync(join(dir, 'en', 'articles')) ? dir : undefined);
  return siteCache.get(dir);
}

/**
 * An article's address: under the team's site (`baseUrl`), else a file:// URL into a built site on
 * this machine (`site`), else the site path (`en/articles/oomkilled/`).
 */
export function siteLink(slug: string, lang: Lang, baseUrl: string | undefined, site: string | undefined): string {
  if (baseUrl) return `${baseUrl.replace(/\/+$/, '')}/${lang}/articles/${slug}/`;
  if (site) return pathToFileURL(join(site, lang, 'articles', slug, 'index.html')).href;
  return `${lang}/articles/${slug}/`;
}

/** Where a reader opens the article: the site (`--base-url`, K8S_KB_URL) or the checkout's built dist/. */
export function articleLink(slug: string, lang: Lang, baseUrl: string | undefined): string {
  return siteLink(slug, lang, baseUrl, baseUrl ? undefined : localSite());
}

/** True when articleLink can only give site paths (no base URL, no built site here): say so. */
export function articleLinksArePaths(baseUrl: string | undefined): boolean {
  return !baseUrl && !localSite();
}

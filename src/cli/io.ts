/** File-system side of the CLI: rule files, inputs, article titles, paths. The engine does none of this. */
import { existsSync, readFileSync, statSync, openSync, readSync, closeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleFile } from '../engine/index.ts';
import { readRuleFiles } from '../build/rule-files.ts';
import { CATALOGUE_BY_SLUG } from '../content/catalogue.ts';
import type { Lang } from './messages.ts';

/** The repository root (src/cli/ is two levels below it). */
export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const BUILTIN_RULES = join(REPO_ROOT, 'rules');

/** Bytes read at most from one input: the engine looks at 16 M characters at most anyway. */
const MAX_READ_BYTES = 64 * 1024 * 1024;

/** Rule files under a directory, with paths relative to the current directory for messages. */
export function readRuleDir(dir: string): RuleFile[] {
  return readRuleFiles(dir, process.cwd());
}

/** Built-in rules plus a user's directory; a user rule replaces a built-in rule of the same id. */
export function readRules(userDir?: string): RuleFile[] {
  const builtin = readRuleDir(BUILTIN_RULES);
  if (!userDir) return builtin;
  const user = readRuleDir(resolve(userDir));
  const ids = new Set(user.map((f) => f.path.split(/[\\/]/).pop()));
  return [...builtin.filter((f) => !ids.has(f.path.split(/[\\/]/).pop())), ...user];
}

/** Reads one input file (first 64 MB at most); throws a Node error for unreadable files. */
export function readInput(file: string): string {
  const size = statSync(file).size;
  if (size <= MAX_READ_BYTES) return readFileSync(file).toString('utf8');
  const buf = Buffer.alloc(MAX_READ_BYTES);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buf, 0, MAX_READ_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  return buf.toString('utf8');
}

/** Reads standard input to the end (first 64 MB kept). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    if (total < MAX_READ_BYTES) chunks.push(b);
    total += b.length;
  }
  return Buffer.concat(chunks).subarray(0, MAX_READ_BYTES).toString('utf8');
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

/** Where a reader opens the article: the site (`--base-url`/K8S_KB_BASE_URL) or the local build. */
export function articleLink(slug: string, lang: Lang, baseUrl: string | undefined): string {
  if (baseUrl) return `${baseUrl.replace(/\/+$/, '')}/${lang}/articles/${slug}/`;
  return join(REPO_ROOT, 'dist', lang, 'articles', slug, 'index.html');
}

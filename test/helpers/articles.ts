import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

/** Root of the mirrored article trees. */
export const ARTICLES_DIR = join(import.meta.dirname, '../../content/articles');

export interface ArticleFile {
  lang: 'zh' | 'en';
  slug: string;
  /** Repo-relative path, for messages. */
  file: string;
  frontMatter: Record<string, unknown>;
  body: string;
}

/** Splits `---` front matter from the Markdown body. */
export function splitFrontMatter(text: string, file: string): { frontMatter: Record<string, unknown>; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!m) throw new Error(`${file}: no front matter`);
  const data = yaml.load(m[1]!, { schema: yaml.JSON_SCHEMA });
  if (typeof data !== 'object' || data === null) throw new Error(`${file}: front matter is not a mapping`);
  return { frontMatter: data as Record<string, unknown>, body: m[2]! };
}

/** Every article file of both languages. */
export function loadArticles(): ArticleFile[] {
  const out: ArticleFile[] = [];
  for (const lang of ['zh', 'en'] as const) {
    for (const name of readdirSync(join(ARTICLES_DIR, lang)).filter((n) => n.endsWith('.md')).sort()) {
      const file = `content/articles/${lang}/${name}`;
      const { frontMatter, body } = splitFrontMatter(readFileSync(join(ARTICLES_DIR, lang, name), 'utf8'), file);
      out.push({ lang, slug: name.replace(/\.md$/, ''), file, frontMatter, body });
    }
  }
  return out;
}

/** Fenced code blocks of a Markdown body, with their info string. */
export function codeBlocks(body: string): { lang: string; code: string }[] {
  const out: { lang: string; code: string }[] = [];
  const re = /^(`{3,}|~{3,})[ \t]*([^\n`]*)\n([\s\S]*?)^\1[ \t]*$/gm;
  for (const m of body.matchAll(re)) out.push({ lang: m[2]!.trim().split(/\s+/)[0] ?? '', code: m[3]! });
  return out;
}

/** Body without fenced code blocks (headings inside code are not headings). */
export function withoutCode(body: string): string {
  return body.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '');
}

/** Level-2 headings of a Markdown body, in order. */
export function h2s(body: string): string[] {
  return Array.from(withoutCode(body).matchAll(/^## +(.+?)\s*$/gm), (m) => m[1]!);
}

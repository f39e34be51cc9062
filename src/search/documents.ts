import { markdownSections } from './sections.ts';

/**
 * An article as the search index sees it. Built from the Markdown source (front matter already
 * parsed), so the CLI and the site build index exactly the same text.
 */
export interface SearchDoc {
  /** Article slug (the lunr ref). */
  id: string;
  title: string;
  summary: string;
  category: string;
  kind: string;
  tags: string[];
  symptoms: string[];
  /** Level-2 and level-3 headings. */
  headings: string[];
  /** Plain text of the body, code blocks included (error strings and commands are searched too). */
  body: string;
  /** The body's sections (level-2/3 headings): the anchor each has on the page and its plain text. */
  sections?: { anchor: string; text: string }[];
}

/** Plain text of a Markdown body: markup removed, code kept as text, mermaid diagrams dropped. */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/^(`{3,}|~{3,})\s*mermaid[^\n]*\n[\s\S]*?^\1\s*$/gm, ' ')
    .replace(/^(`{3,}|~{3,})[^\n]*$/gm, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^\s*>\s?/gm, '')
    .replace(/^\s*\|?[-:| ]+\|?\s*$/gm, ' ')
    .replace(/[*_`|]+/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** Level-2/3 headings of a Markdown body, outside code blocks. */
export function markdownHeadings(markdown: string): string[] {
  const noCode = markdown.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1\s*$/gm, '');
  return Array.from(noCode.matchAll(/^#{2,3}\s+(.+?)\s*#*\s*$/gm), (m) => m[1]!.replace(/[`*_]/g, ''));
}

/** The search document of one article. */
export function toSearchDoc(slug: string, fm: Record<string, unknown>, body: string): SearchDoc {
  const strings = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  return {
    id: slug,
    title: String(fm.title ?? slug),
    summary: String(fm.summary ?? ''),
    category: String(fm.category ?? ''),
    kind: String(fm.kind ?? ''),
    tags: strings(fm.tags),
    symptoms: strings(fm.symptoms),
    headings: markdownHeadings(body),
    body: markdownToText(body),
    sections: markdownSections(body).map((sec) => ({ anchor: sec.anchor, text: markdownToText(sec.markdown) })),
  };
}

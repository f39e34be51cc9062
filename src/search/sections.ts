/**
 * The sections of an article (level-2 and level-3 headings) and the anchor each one has on the
 * built page, so a search result can link to the part of the article that holds the match
 * (`…/articles/<slug>/index.html#recover-2`), not only to its top.
 *
 * The anchors must be the ones the page really has:
 *  - the fixed sections of docs/authoring.md use their language-independent key (`symptoms`,
 *    `recover`; src/build/rehype-article-sections.ts gives `## 恢复` the alias `#recover`), and
 *    numbered steps under them `<key>-<n>`;
 *  - every other heading the id Astro gives it: github-slugger's slug of its text, numbered when
 *    repeated (`-1`, `-2`), a trailing `-` dropped. Headings given an id by the plugin do not take
 *    part in that numbering.
 * test/site/search-paste.test.ts checks every anchor against the built HTML.
 */
import { SECTION_NAMES } from '../build/rehype-article-sections.ts';

/** One section of an article's Markdown body: its anchor ('' for the text before the first heading). */
export interface MarkdownSection {
  anchor: string;
  markdown: string;
}

const NAMES = new Map<string, string>();
for (const n of SECTION_NAMES) {
  NAMES.set(n.en, n.key);
  NAMES.set(n.zh, n.key);
}
const STEP_NUMBER = /^(\d+)\s*[.、．]/;

/** github-slugger's slug (without its numbering of repeats): lower case, punctuation and symbols dropped, spaces to `-`. */
export function slugify(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

/** The text of a heading as the page shows it: emphasis, code marks and link targets removed. */
function headingText(raw: string): string {
  return raw
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|\W)[*_](.+?)[*_](?=\W|$)/g, '$1$2')
    .trim();
}

/**
 * Splits a Markdown body at its level-2 and level-3 headings (outside code blocks). Deeper
 * headings stay inside their section but take their id, as they do on the page.
 */
export function markdownSections(markdown: string): MarkdownSection[] {
  const sections: MarkdownSection[] = [{ anchor: '', markdown: '' }];
  const occurrences = new Map<string, number>();
  const usedFixed = new Set<string>();
  const slug = (text: string): string => {
    const base = slugify(text);
    let id = base;
    while (occurrences.has(id)) {
      const n = occurrences.get(base)! + 1;
      occurrences.set(base, n);
      id = `${base}-${n}`;
    }
    occurrences.set(id, 0);
    return id.endsWith('-') ? id.slice(0, -1) : id;
  };
  let fence: string | undefined;
  let current: string | undefined;
  for (const line of markdown.split('\n')) {
    const f = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (f && f[0] === fence[0] && f.length >= fence.length && /^\s*[`~]+\s*$/.test(line)) fence = undefined;
    } else if (f) {
      fence = f;
    } else {
      const h = /^(#{2,6})\s+(.+?)\s*#*\s*$/.exec(line);
      if (h) {
        const level = h[1]!.length;
        const text = headingText(h[2]!);
        if (level === 2) {
          current = undefined;
          const key = NAMES.get(text);
          if (key && !usedFixed.has(key)) {
            usedFixed.add(key);
            current = key;
            sections.push({ anchor: key, markdown: '' });
          } else {
            sections.push({ anchor: slug(text), markdown: '' });
          }
        } else {
          const id = slug(text);
          if (level === 3) {
            const n = STEP_NUMBER.exec(text)?.[1];
            const key = current && n ? `${current}-${n}` : undefined;
            const anchor = key && !usedFixed.has(key) ? key : id;
            if (key) usedFixed.add(key);
            sections.push({ anchor, markdown: '' });
          }
        }
      }
    }
    const last = sections[sections.length - 1]!;
    last.markdown += line + '\n';
  }
  if (sections.length > 1 && sections[0]!.markdown.trim() === '') sections.shift();
  return sections;
}

/** Characters that number a section in `ResultDoc.where` (one per body term). */
export const SECTION_DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

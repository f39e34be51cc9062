import { join } from 'node:path';
import { buildSearchDataFromFiles } from './from-files.ts';
import { loadSearch } from './query.ts';
import { RESULTS_CUTOFF, searchResults, snippetSource } from './results.ts';
import { snippetFor } from './snippet.ts';

export interface SearchCommandOptions {
  query: string;
  lang: 'zh' | 'en';
  json: boolean;
  /** Repository root (content/articles is read from here). */
  root: string;
  limit?: number;
  /** Bold the matched terms with ANSI codes (when printing to a terminal). */
  color?: boolean;
}

/** One result of `k8s-kb search --json`. */
export interface SearchCommandResult {
  slug: string;
  title: string;
  category: string;
  score: number;
  snippet: string;
  /** Anchor of the article's section that holds the match (absent: the article's top). */
  section?: string;
}

/**
 * `k8s-kb search`: the same index and ranking as the site (built in-process from
 * content/articles, which takes a fraction of a second), printed for a person or as JSON.
 */
export function runSearchCommand(opts: SearchCommandOptions): { output: string; results: SearchCommandResult[] } {
  const loaded = loadSearch(buildSearchDataFromFiles(join(opts.root, 'content/articles'), opts.lang));
  const hits = searchResults(loaded, opts.query, { limit: opts.limit ?? 10, cutoff: RESULTS_CUTOFF });
  const results = hits.map((h): SearchCommandResult => ({
    slug: h.doc.id,
    title: h.doc.title,
    category: h.doc.category,
    score: Math.round(h.score * 1000) / 1000,
    snippet: snippetFor(snippetSource(h), h.terms)
      .map((p) => (p.mark && opts.color && !opts.json ? `\u001b[1m${p.text}\u001b[22m` : p.text))
      .join(''),
    ...(h.anchor ? { section: h.anchor } : {}),
  }));
  if (opts.json) return { output: JSON.stringify({ query: opts.query, lang: opts.lang, results }) + '\n', results };
  if (results.length === 0) {
    return { output: opts.lang === 'zh' ? `没有匹配“${opts.query}”的文章。\n` : `No articles match "${opts.query}".\n`, results };
  }
  const lines = results.map((r, i) => `${String(i + 1).padStart(2)}. ${r.title}  [${r.slug}]  score ${r.score}\n    ${r.snippet}`);
  return { output: lines.join('\n') + '\n', results };
}

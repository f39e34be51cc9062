import lunr from 'lunr';
import type { ResultDoc, SearchData } from './build-index.ts';
import { expandIndex } from './compact.ts';
import { synonymsOf } from './synonyms.ts';
import { queryTokens } from './tokenize.ts';

/** One ranked result. `terms` are the index terms that matched, for highlighting. */
export interface SearchHit {
  doc: ResultDoc;
  score: number;
  terms: string[];
}

export interface LoadedSearch {
  data: SearchData;
  index: lunr.Index;
  byId: Map<string, ResultDoc>;
}

/** Loads serialised search data (no custom pipeline functions are needed: see build-index.ts). */
export function loadSearch(data: SearchData): LoadedSearch {
  return { data, index: lunr.Index.load(expandIndex(data.index)), byId: new Map(data.docs.map((d) => [d.id, d])) };
}

const LATIN = /^[a-z0-9]/;

/** Edit distance of at most one (insert, delete, substitute or swap two neighbours). */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Does index term `t` answer query word `q` (exactly, as its prefix, or with one typo)? */
function answers(t: string, q: string): boolean {
  return t === q || (LATIN.test(q) && q.length >= 3 && t.startsWith(q)) || (LATIN.test(q) && q.length >= 5 && withinOneEdit(t, q));
}

/**
 * Ranked search. Every query token, with its synonyms, is searched exactly (strong), as a prefix
 * (Latin tokens of 3+ characters, weak: results while typing) and with one edit (Latin tokens of
 * 5+ characters, weak: `kubelte`). lunr ORs all clauses; results are then re-weighted by how many
 * of the query's words they answer, so a document matching every word beats one that repeats a
 * single word many times.
 */
export function search(loaded: LoadedSearch, text: string, limit = 20): SearchHit[] {
  const groups = queryTokens(text)
    .slice(0, 32)
    .map((tok) => [tok, ...synonymsOf(tok)]);
  if (groups.length === 0) return [];
  let results: lunr.Index.Result[];
  try {
    results = loaded.index.query((q) => {
      for (const group of groups) {
        group.forEach((term, i) => {
          const weight = i === 0 ? 1 : 0.6;
          q.term(term, { boost: 10 * weight, usePipeline: false });
          if (LATIN.test(term) && term.length >= 3) {
            q.term(term, { boost: 2 * weight, usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING });
          }
          if (LATIN.test(term) && term.length >= 5) {
            q.term(term, { boost: 1 * weight, usePipeline: false, editDistance: 1 });
          }
        });
      }
    });
  } catch {
    return [];
  }
  const hits: SearchHit[] = [];
  for (const r of results) {
    const doc = loaded.byId.get(r.ref);
    if (!doc) continue;
    const terms = Object.keys(r.matchData.metadata);
    const covered = groups.filter((g) => terms.some((t) => g.some((q) => answers(t, q)))).length;
    const coverage = covered / groups.length;
    hits.push({ doc, score: r.score * coverage * coverage, terms });
  }
  hits.sort((a, b) => b.score - a.score || a.doc.title.localeCompare(b.doc.title));
  return hits.slice(0, limit);
}

/**
 * Heuristic: does the query look like pasted cluster output rather than words? Then the UI also
 * offers the diagnose page.
 */
export function looksLikeClusterOutput(text: string): boolean {
  if (text.includes('\n') || text.length > 160) return true;
  return /(^|\s)(kubectl|Error from server|NAME\s+READY|Events:|Warning\s+\w+|E\d{4} \d\d:|Reason:|Exit Code)/.test(text);
}

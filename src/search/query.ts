import type lunr from 'lunr';
import type { ResultDoc, SearchData } from './build-index.ts';
import { loadCompactIndex } from './compact.ts';
import { synonymsOf } from './synonyms.ts';
import { queryGroups, tokenize, type Tokenizer } from './tokenize.ts';

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
  /** The vocabulary, sorted (for prefix and typo expansion). */
  terms: string[];
  vocabulary: Set<string>;
  /** Term → its position in `terms` (and in the compact postings). */
  termNo: Map<string, number>;
}

/** Loads serialised search data (no custom pipeline functions are needed: see build-index.ts). */
export function loadSearch(data: SearchData): LoadedSearch {
  const terms = data.index.terms;
  const termNo = new Map<string, number>();
  terms.forEach((t, i) => { termNo.set(t, i); });
  return { data, index: loadCompactIndex(data.index), byId: new Map(data.docs.map((d) => [d.id, d])), terms, vocabulary: new Set(termNo.keys()), termNo };
}

/** (field, document) pairs in a term's posting: an upper bound of the documents that contain it. */
function postingSize(loaded: LoadedSearch, term: string): number {
  const n = loaded.termNo.get(term);
  return n === undefined ? 0 : loaded.data.index.post[n]!.length / 2;
}

/** Vocabulary terms starting with `prefix` (other than itself), shortest first, at most `max`. */
export function prefixExpansions(loaded: LoadedSearch, prefix: string, max = 24): string[] {
  const { terms } = loaded;
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (terms[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let i = lo; i < terms.length && terms[i]!.startsWith(prefix); i++) if (terms[i] !== prefix) out.push(terms[i]!);
  return out.sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, max);
}

const EDIT_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789-';

/**
 * Vocabulary terms one edit away from `word` (delete, insert, substitute, swap neighbours),
 * found by generating the candidates and looking each up: a few hundred Set lookups, instead of
 * lunr's fuzzy automaton walking the whole token set.
 */
export function typoExpansions(loaded: LoadedSearch, word: string): string[] {
  const found = new Set<string>();
  const check = (c: string) => {
    if (c !== word && loaded.vocabulary.has(c)) found.add(c);
  };
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) check(head + tail.slice(1));
    if (tail.length > 1) check(head + tail[1] + tail[0] + tail.slice(2));
    for (const ch of EDIT_ALPHABET) {
      check(head + ch + tail);
      if (tail) check(head + ch + tail.slice(1));
    }
  }
  return [...found];
}

const LATIN = /^[a-z0-9]/;
/**
 * Longer words are looked up as they are, without prefix or typo expansion: typo candidates are
 * ~74 × n strings of length n, and a pasted 10 KB "word" took 13 s (the longest vocabulary words
 * are about 30 characters).
 */
const MAX_EXPANDED_WORD = 40;
/** Above this many (word, document) pairs, the commonest words retrieve nothing (they still rank). */
const MAX_SCORED_PAIRS = 600;
/** A word in this many (field, document) pairs retrieves on its own, without its synonyms. */
const COMMON_WORD_PAIRS = 300;

/**
 * Ranked search with lunr's BM25 over weighted clauses (built with idx.query(), never
 * idx.search(), which splits on spaces only). lunr ORs all clauses; results are then re-weighted by
 * the share of query words they answer, so a document matching every word beats one that repeats
 * a single word many times.
 */
export function search(loaded: LoadedSearch, text: string, limit = 20, tokenizer: Tokenizer = tokenize): SearchHit[] {
  const words = queryGroups(text, tokenizer).slice(0, 32);
  if (words.length === 0) return [];
  const inverted = (loaded.index as unknown as { invertedIndex: Record<string, Record<string, Record<string, object>>> }).invertedIndex;
  const fields = loaded.data.index.fields;
  /** Does document `ref` contain `term` in any field? (Postings decode once, on first use.) */
  const has = (term: string, ref: string): boolean => {
    const posting = inverted[term];
    if (!posting) return false;
    for (const f of fields) if (posting[f]?.[ref]) return true;
    return false;
  };
  // Each query word becomes a group of weighted lunr clauses: the word and its synonyms exactly
  // (strong); vocabulary words it prefixes — for the word being typed, or a word the index does not
  // have whole (crashloop → crashloopbackoff) — and, for a word the index does not know, words one
  // typo away (kubelte → kubelet) (weak).
  const groups = words.map(([tok, ...parts], i) => {
    const last = i === words.length - 1;
    const clauses = new Map<string, number>();
    const add = (term: string, boost: number) => clauses.set(term, Math.max(boost, clauses.get(term) ?? 0));
    // The word itself counts most; its synonyms, then the parts it is made of, less.
    const weighted: [string, number][] = [
      [tok!, 1],
      ...synonymsOf(tok!).map((t): [string, number] => [t, 0.6]),
      ...parts.flatMap((p): [string, number][] => [[p, 0.4], ...synonymsOf(p).map((t): [string, number] => [t, 0.3])]),
    ];
    const core = new Set<string>();
    weighted.forEach(([term, weight], n) => {
      const isCore = n <= synonymsOf(tok!).length;
      const before = clauses.size;
      const known = loaded.vocabulary.has(term);
      if (known) add(term, 10 * weight);
      if (LATIN.test(term) && term.length >= 3 && term.length <= MAX_EXPANDED_WORD && (last || !known)) {
        for (const t of prefixExpansions(loaded, term)) add(t, 2 * weight);
      }
      if (LATIN.test(term) && term.length >= 5 && term.length <= MAX_EXPANDED_WORD && !known) {
        for (const t of typoExpansions(loaded, term)) add(t, 1 * weight);
      }
      if (isCore && clauses.size > before) for (const t of [...clauses.keys()].slice(before)) core.add(t);
    });
    // Retrieve by the word itself (and its synonyms) when the index has it; its parts then only
    // count towards coverage. A word the index lacks is retrieved by its parts. `df` is an upper
    // bound of the documents a set of terms retrieves, read from the posting lengths (no decoding).
    const df = (terms: Iterable<string>) => {
      let n = 0;
      for (const t of terms) n += postingSize(loaded, t);
      return n;
    };
    // On a large index a common word alone retrieves plenty: its synonyms then only count towards
    // coverage, as the parts do, instead of multiplying the documents lunr has to score.
    const wordDf = postingSize(loaded, tok!);
    if (wordDf >= COMMON_WORD_PAIRS) for (const t of [...core]) if (t !== tok) core.delete(t);
    const coreDf = df(core);
    const retrieve = coreDf > 0 ? new Map([...clauses].filter(([t]) => core.has(t))) : clauses;
    return { clauses: retrieve, all: [...clauses.keys()], retrievalDf: coreDf > 0 ? coreDf : df(clauses.keys()) };
  });
  // lunr's cost grows with the (term, document) pairs it scores. On a large index, retrieve with
  // the rarest words only (they decide the ranking anyway: a word in most documents has almost
  // no weight) and still count every word towards coverage below.
  const byRarity = groups.filter((g) => g.retrievalDf > 0).sort((a, b) => a.retrievalDf - b.retrievalDf);
  if (byRarity.length === 0) return [];
  const retrieval: typeof groups = [];
  let pairs = 0;
  for (const g of byRarity) {
    if (retrieval.length > 0 && pairs + g.retrievalDf > MAX_SCORED_PAIRS) continue;
    retrieval.push(g);
    pairs += g.retrievalDf;
  }
  let results: lunr.Index.Result[];
  try {
    results = loaded.index.query((q) => {
      for (const group of retrieval) {
        for (const [term, boost] of group.clauses) q.term(term, { boost, usePipeline: false });
      }
    });
  } catch {
    return [];
  }
  const hits: SearchHit[] = [];
  // A hit's score is lunr's times coverage², so never above lunr's, and lunr returns its results
  // best first: once a result's lunr score is below the limit-th best score so far, no later
  // result can enter the top `limit`. On a large index a common word matches thousands of
  // documents; their coverage is never computed.
  const best: number[] = []; // the `limit` best scores so far, descending
  for (const r of results) {
    if (best.length >= limit && r.score < best[limit - 1]!) break;
    const doc = loaded.byId.get(r.ref);
    if (!doc) continue;
    const terms = Object.keys(r.matchData.metadata);
    let covered = 0;
    for (const g of groups) if (g.all.some((t) => has(t, r.ref))) covered++;
    const coverage = covered / groups.length;
    const score = r.score * coverage * coverage;
    hits.push({ doc, score, terms });
    let at = best.length;
    while (at > 0 && best[at - 1]! < score) at--;
    if (at < limit) {
      best.splice(at, 0, score);
      if (best.length > limit) best.pop();
    }
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

/**
 * What the site's search box, its results page and `k8s-kb search` show: the word ranking of
 * query.ts, with articles whose symptom strings the query matches put first (phrase.ts), weak
 * matches left out, and for each result the section of the article that holds the match.
 */
import type { ResultDoc } from './build-index.ts';
import { buildPhraseIndex, matchPhrases, type PhraseIndex } from './phrase.ts';
import { looksLikeClusterOutput, search, type LoadedSearch, type SearchHit } from './query.ts';
import { SECTION_DIGITS } from './sections.ts';
import type { Tokenizer } from './tokenize.ts';
import { tokenize } from './tokenize.ts';

export interface ResultHit extends SearchHit {
  /** Strength of the best symptom-string match (0: none; see phrase.ts). */
  phrase: number;
  /** Anchor of the section that holds the match ('' for the article's top). */
  anchor: string;
  /** The symptom string (its number in `doc.symptoms`) the query matched, if any. */
  symptom?: number;
}

export interface ResultOptions {
  /** Most results (default 20). */
  limit?: number;
  /**
   * Leave out results scoring below this share of the best word score (0 keeps all). Results that
   * match a symptom string are always kept.
   */
  cutoff?: number;
  tokenizer?: Tokenizer;
}

/**
 * The share of the best score a result needs on the results page. Measured on the query table of
 * test/search/queries.ts: every expected article scores at least 0.3 of the best (the lowest,
 * `etcd 失去法定人数`, 0.34, see test/search/pasted.test.ts), while a pasted scheduler line used to
 * list 50 articles.
 */
export const RESULTS_CUTOFF = 0.25;

const phraseIndexes = new WeakMap<LoadedSearch, PhraseIndex>();

function phraseIndexOf(loaded: LoadedSearch): PhraseIndex {
  let p = phraseIndexes.get(loaded);
  if (!p) phraseIndexes.set(loaded, (p = buildPhraseIndex(loaded.data.docs)));
  return p;
}

/** Ranked results for the site and the CLI. */
export function searchResults(loaded: LoadedSearch, text: string, opts: ResultOptions = {}): ResultHit[] {
  const limit = opts.limit ?? 20;
  const tokenizer = opts.tokenizer ?? tokenize;
  const phrases = matchPhrases(phraseIndexOf(loaded), text);
  // Symptom matches rank first whatever their word score: ask lunr for enough results to hold
  // them. One it still leaves out (a large index) is shown with a word score of 0.
  const hits = search(loaded, text, limit + Math.min(phrases.size, 50), tokenizer);
  for (const id of phrases.keys()) {
    const doc = loaded.byId.get(id);
    if (doc && !hits.some((h) => h.doc.id === id)) hits.push({ doc, score: 0, terms: [] });
  }
  const best = hits.reduce((m, h) => Math.max(m, h.score), 0);
  const words = new Set(tokenizer(text));
  const floor = (opts.cutoff ?? 0) * best;
  const ranked = hits
    .map((h): ResultHit => {
      const match = phrases.get(h.doc.id);
      const phrase = match?.strength ?? 0;
      return { ...h, phrase, anchor: anchorFor(loaded, h, words, phrase > 0), ...(match ? { symptom: match.symptom } : {}) };
    })
    .filter((h) => h.phrase > 0 || h.score >= floor)
    .sort((a, b) => b.phrase - a.phrase || b.score - a.score || a.doc.title.localeCompare(b.doc.title));
  return ranked.slice(0, limit);
}

/** Decoded body vector term numbers of a document, cached. */
const bodyTerms = new WeakMap<ResultDoc, Map<string, number>>();

function termSections(loaded: LoadedSearch, doc: ResultDoc): Map<string, number> {
  let map = bodyTerms.get(doc);
  if (map) return map;
  map = new Map();
  const index = loaded.data.index;
  const vector = index.vec[index.fields.indexOf('body')]?.[index.refs.indexOf(doc.id)] ?? [];
  const where = doc.where ?? '';
  let termNo = 0;
  for (let i = 0, n = 0; i < vector.length; i += 2, n++) {
    termNo += vector[i]!;
    const at = SECTION_DIGITS.indexOf(where[n] ?? '0');
    map.set(index.terms[termNo]!, Math.max(at , 0));
  }
  bodyTerms.set(doc, map);
  return map;
}

/**
 * The section of a result's article that holds the match: the Symptoms section for a symptom
 * string; otherwise the section in which most of the matched words first occur, each word
 * weighted by its rarity (so one rare error word outweighs `kubectl` and `pod`); '' (the top)
 * when that is the article's first section.
 */
export function anchorFor(loaded: LoadedSearch, hit: SearchHit, queryWords: ReadonlySet<string>, symptom = false): string {
  const anchors = hit.doc.anchors;
  if (!anchors || anchors.length === 0) return '';
  if (symptom && anchors.includes('symptoms')) return 'symptoms';
  const sections = termSections(loaded, hit.doc);
  const votes = new Array<number>(anchors.length).fill(0);
  const docs = loaded.data.docs.length;
  for (const term of hit.terms) {
    const at = sections.get(term);
    if (at === undefined) continue;
    const n = loaded.termNo.get(term);
    const df = n === undefined ? 1 : Math.max(1, loaded.data.index.post[n]!.length / 2);
    // A word of the query itself counts more than a synonym, prefix or typo expansion of it.
    votes[at]! += Math.log(1 + docs / df) * (queryWords.has(term) ? 1 : 0.3);
  }
  let bestAt = -1;
  votes.forEach((v, i) => {
    if (v > 0 && (bestAt < 0 || v > votes[bestAt]!)) bestAt = i;
  });
  // The first section (First response, When to use this) sits right under the title: the
  // article's own top is the same place, with its title in view.
  return bestAt <= 0 ? '' : anchors[bestAt]!;
}

/**
 * Should the results offer the diagnose page first? For pasted output (query.ts's
 * looksLikeClusterOutput: several lines, a kubectl prefix, a log line) and for a pasted error
 * message: a query that matches a symptom string of three words or more. A single word such as
 * `CrashLoopBackOff` is a search, not a paste.
 */
export function offersDiagnosis(text: string, hits: readonly ResultHit[]): boolean {
  if (looksLikeClusterOutput(text)) return true;
  return hits.some((h) => (h.phrase >= 1000 ? h.phrase - 1000 : h.phrase) >= 3);
}

/** The document a result's snippet is cut from: a matched symptom string leads, before the summary. */
export function snippetSource(hit: ResultHit): ResultDoc {
  const s = hit.symptom === undefined ? undefined : hit.doc.symptoms[hit.symptom];
  return s === undefined ? hit.doc : { ...hit.doc, summary: s };
}

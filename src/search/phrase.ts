/**
 * Pasted error strings against the articles' symptom strings (front matter `symptoms:`).
 *
 * lunr ranks by words, so a pasted `0/3 nodes are available: 3 Insufficient memory.` once put
 * "Node MemoryPressure" (many `memory` and `node` words) above the article that lists that very
 * string. Here both sides become word sequences in which what varies between clusters is made the
 * same — every word with a digit (counts, IPs, ports, hashes in pod names, timestamps) becomes `#`,
 * runs of `#` become one, punctuation goes — and a symptom is found in the query with a few words
 * allowed to differ (names of pods, users, namespaces), by approximate substring matching.
 *
 * Three strengths, best first (each word that differs costs two):
 *  - equal: the query is the symptom (up to those variations): 1000 + its words;
 *  - contained: the whole symptom is inside a longer paste (a kubectl event prefix, a log line):
 *    its number of words; only for symptoms of 3+ words or one long identifier
 *    (`FailedScheduling`), so `not found` or `Pending` inside a paste does not decide;
 *  - partial: the query (3+ words) is part of a longer symptom: its number of words, less a half.
 */

/** One symptom string, as words. */
interface Phrase {
  doc: string;
  /** Its number among its document's symptoms. */
  symptom: number;
  words: string[];
  /** Its distinct words. */
  distinct: Set<string>;
  /** A single identifier-like word long enough to be specific (`CrashLoopBackOff`). */
  identifier: boolean;
}

export interface PhraseIndex {
  phrases: Phrase[];
  /** Word → the phrases (their numbers) that hold it. */
  byWord: Map<string, number[]>;
}

export interface PhraseMatch {
  /** Higher is stronger; see the file comment. */
  strength: number;
  /** The symptom string's number (in its document's `symptoms`). */
  symptom: number;
}

/** Words a query may carry at most into matching: a longer paste is cut (the diagnose page reads it whole). */
const MAX_QUERY_WORDS = 4000;

/**
 * The words of a string for phrase matching: NFKC, lower case, split on anything but letters and
 * digits (Han characters one by one), every word holding a digit replaced by `#`, runs of `#`
 * merged.
 */
export function phraseWords(text: string, max = Infinity): string[] {
  const out: string[] = [];
  const re = /\p{Script=Han}|[\p{L}\p{N}]+/gu;
  const norm = text.normalize('NFKC').toLowerCase();
  for (let m = re.exec(norm); m && out.length < max; m = re.exec(norm)) {
    const w = /\d/.test(m[0]) ? '#' : m[0];
    if (w === '#' && out[out.length - 1] === '#') continue;
    out.push(w);
  }
  return out;
}

/** Builds the phrase index of the documents' symptom strings. */
export function buildPhraseIndex(docs: readonly { id: string; symptoms: readonly string[] }[]): PhraseIndex {
  const phrases: Phrase[] = [];
  const byWord = new Map<string, number[]>();
  for (const doc of docs) {
    doc.symptoms.forEach((s, symptom) => {
      const words = phraseWords(s);
      if (words.length === 0) return;
      const identifier = words.length === 1 && /^[A-Za-z][A-Za-z]*[A-Z][A-Za-z]*$/.test(s.trim()) && s.trim().length >= 10;
      const distinct = new Set(words);
      for (const w of distinct) {
        let list = byWord.get(w);
        if (!list) byWord.set(w, (list = []));
        list.push(phrases.length);
      }
      phrases.push({ doc: doc.id, symptom, words, distinct, identifier });
    });
  }
  return { phrases, byWord };
}

/** Words that may differ between a phrase of `n` words and what was pasted. */
export function allowedEdits(n: number): number {
  if (n < 4) return 0;
  if (n < 8) return 1;
  return Math.floor(n / 4);
}

/**
 * Fewest word edits (substitute, insert, delete) that turn some stretch of `text` into `pattern`
 * (Sellers' approximate substring matching), stopping early once every stretch costs more than
 * `limit`. Returns limit + 1 when none is within it.
 */
export function substringDistance(pattern: readonly string[], text: readonly string[], limit: number): number {
  const m = pattern.length;
  // Column by column over the text: col[i] = cost of matching pattern[0..i) ending at this word.
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  let best = prev[m]!;
  for (let j = 0; j < text.length; j++) {
    cur[0] = 0;
    const w = text[j];
    for (let i = 1; i <= m; i++) {
      const sub = prev[i - 1]! + (pattern[i - 1] === w ? 0 : 1);
      cur[i] = Math.min(sub, prev[i]! + 1, cur[i - 1]! + 1);
    }
    if (cur[m]! < best) best = cur[m]!;
    if (best === 0) return 0;
    [prev, cur] = [cur, prev];
  }
  return best <= limit ? best : limit + 1;
}

/** Word edit distance between two whole sequences, or limit + 1 when above `limit`. */
function distance(a: readonly string[], b: readonly string[], limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return Math.min(prev[b.length]!, limit + 1);
}

/**
 * The documents whose symptom strings match the query, with the strength of their best match.
 */
export function matchPhrases(index: PhraseIndex, query: string): Map<string, PhraseMatch> {
  const q = phraseWords(query, MAX_QUERY_WORDS);
  const out = new Map<string, PhraseMatch>();
  if (q.length === 0) return out;
  const present = new Set(q);
  // Shared distinct words per phrase, counted through the word lists: a phrase can only match
  // when it shares all but a few of its words (or of the query's), so the rest is never compared.
  const shared = new Map<number, number>();
  for (const w of present) for (const n of index.byWord.get(w) ?? []) shared.set(n, (shared.get(n) ?? 0) + 1);
  for (const [n, common] of shared) {
    const p = index.phrases[n]!;
    const m = p.words.length;
    // Each word edit costs two: with `pids` for `memory`, another article's symptom (`The node
    // was low on resource: memory`) is within the edits allowed, but the exact one wins.
    let strength = 0;
    const k = allowedEdits(Math.max(m, q.length));
    let d: number;
    if (Math.abs(m - q.length) <= k && p.distinct.size - common <= k && (d = distance(p.words, q, k)) <= k) {
      strength = 1000 + m - 2 * d;
    } else if (m < q.length && (m >= 3 || p.identifier)) {
      const km = allowedEdits(m);
      if (p.distinct.size - common <= km && (d = substringDistance(p.words, q, km)) <= km) strength = m - 2 * d;
    } else if (q.length >= 3 && q.length < m) {
      const kq = allowedEdits(q.length);
      if (present.size - common <= kq && (d = substringDistance(q, p.words, kq)) <= kq) strength = q.length - 0.5 - 2 * d;
    }
    if (strength > 0 && strength > (out.get(p.doc)?.strength ?? 0)) out.set(p.doc, { strength, symptom: p.symptom });
  }
  return out;
}

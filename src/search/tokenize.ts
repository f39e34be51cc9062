import { DOMAIN_WORDS } from './dictionary.ts';

/*
 * One tokenizer for index and query (they must agree):
 *  - text is NFKC-normalised and lower-cased;
 *  - Latin/digit runs are split on anything else, with camelCase parts added
 *    (CrashLoopBackOff → crashloopbackoff, crash, loop, back, off) and a light plural strip;
 *  - Han runs are segmented by Intl.Segmenter, adjacent segments are merged into domain words
 *    (dictionary.ts), and runs of single characters ICU could not group get overlapping bigrams,
 *    so unknown words still match as pairs instead of as noise characters.
 * lunr's own tokenizer and stemmer are not used: its trimmer deletes CJK tokens and its stemmer
 * turns `notready` into `notreadi`.
 */

const HAN = /\p{Script=Han}/u;
const RUNS = /[\p{Script=Han}]+|[\p{L}\p{N}]+(?:[._-][\p{L}\p{N}]+)*/gu;
/** Characters too common to be worth indexing on their own. */
const HAN_STOP = new Set('的了是在和与或及等把被就都也而个这那之其中对为以于并且从到将会可能'.split(''));
const LATIN_STOP = new Set(['the', 'a', 'an', 'of', 'to', 'in', 'on', 'is', 'are', 'and', 'or', 'for', 'with', 'be', 'it', 'as', 'at', 'by', 'was', 'has', 'have', 'not', 'no', 'this', 'that', 'from', 'if', 'you', 'your', 'do', 'does']);

let segmenter: Intl.Segmenter | undefined;
function segments(run: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return Array.from(segmenter.segment(run), (s) => s.segment);
}

/**
 * Greedy longest merge of consecutive ICU segments into dictionary words shorter than `limit`.
 * A merged word is followed by the finer words inside it (存活探针 → 存活探针, 存活, 探针), marked
 * with a leading space so hanTokens can tell them from the segment sequence.
 */
function mergeDomainWords(segs: string[], words: ReadonlySet<string>, maxWord: number, limit = Infinity): string[] {
  const out: string[] = [];
  for (let i = 0; i < segs.length; ) {
    let best = 1;
    let joined = segs[i]!;
    let candidate = joined;
    for (let j = i + 1; j < segs.length && candidate.length < maxWord; j++) {
      candidate += segs[j]!;
      if (candidate.length < limit && words.has(candidate)) {
        best = j - i + 1;
        joined = candidate;
      }
    }
    out.push(joined);
    if (best > 1) {
      for (const inner of mergeDomainWords(segs.slice(i, i + best), words, maxWord, joined.length)) {
        if (inner.trim().length > 1) out.push(' ' + inner.trim());
      }
    }
    i += best;
  }
  return out;
}

/** Tokenizer options; the defaults are what the site uses (the alternatives exist to measure them). */
export interface TokenizerOptions {
  /** Words to merge ICU segments into; empty to use ICU's segmentation alone. */
  domainWords?: readonly string[];
  /** Turn runs of single Han characters into overlapping pairs. */
  pairSingles?: boolean;
}

/**
 * Tokens are produced in groups: a word followed by the finer words or parts it contains
 * (存活探针 → 存活, 探针; kube-proxy → kube, proxy). The index takes every token; a query treats
 * each group as one word whose parts are alternatives.
 */
type Groups = string[][];

function hanTokens(run: string, out: Groups, dict: ReadonlySet<string>, maxWord: number, pairSingles: boolean): void {
  const words = mergeDomainWords(segments(run), dict, maxWord);
  for (let i = 0; i < words.length; ) {
    const w = words[i]!;
    if (w.startsWith(' ')) {
      (out[out.length - 1] ?? out[out.push([]) - 1]!).push(w.slice(1));
      i++;
      continue;
    }
    if (w.length > 1) {
      out.push([w]);
      i++;
      continue;
    }
    // A stretch of single characters: ICU did not know the word(s). Emit overlapping pairs.
    let j = i;
    while (j < words.length && words[j]!.length === 1 && !words[j]!.startsWith(' ')) j++;
    if (j - i === 1 || !pairSingles) {
      for (let k = i; k < j; k++) if (!HAN_STOP.has(words[k]!)) out.push([words[k]!]);
    } else {
      for (let k = i; k < j - 1; k++) {
        const a = words[k]!;
        const b = words[k + 1]!;
        if (!(HAN_STOP.has(a) && HAN_STOP.has(b))) out.push([a + b]);
      }
    }
    i = j;
  }
}

/** Light English normalisation: plural `s` only (a real stemmer mangles kubernetes vocabulary). */
function normalizeLatin(word: string): string {
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

function latinTokens(run: string, out: Groups): void {
  // Split dotted/dashed compounds (kube-proxy, v1.29.3, node.kubernetes.io) into parts, keeping the whole too.
  const whole = run.toLowerCase();
  const parts = run.split(/[._-]/).filter(Boolean);
  const group: string[] = [];
  if (parts.length > 1) group.push(whole);
  for (const part of parts) {
    const lower = part.toLowerCase();
    if (lower.length < 2 || LATIN_STOP.has(lower)) continue;
    group.push(normalizeLatin(lower));
    // camelCase and acronym boundaries: ImagePullBackOff → image, pull, back, off.
    const camel = part.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g);
    if (camel && camel.length > 1) {
      for (const c of camel) {
        const lc = c.toLowerCase();
        if (lc.length > 1 && !LATIN_STOP.has(lc)) group.push(normalizeLatin(lc));
      }
    }
  }
  if (group.length > 0) out.push(group);
}

/** A tokenizer: text → tokens in order, duplicates kept (term frequency matters for ranking). */
export interface Tokenizer {
  (text: string): string[];
  /** The same tokens in groups: each word with the parts it contains (for queries). */
  groups(text: string): string[][];
}

/** Builds a tokenizer; `tokenize` below is the one the site and CLI use. */
export function makeTokenizer({ domainWords = DOMAIN_WORDS, pairSingles = true }: TokenizerOptions = {}): Tokenizer {
  const dict = new Set(domainWords);
  const maxWord = Math.max(1, ...domainWords.map((w) => w.length));
  const groups = (text: string): string[][] => {
    const out: Groups = [];
    for (const m of text.normalize('NFKC').matchAll(RUNS)) {
      const run = m[0];
      if (HAN.test(run[0]!)) hanTokens(run, out, dict, maxWord, pairSingles);
      else latinTokens(run, out);
    }
    return out;
  };
  return Object.assign((text: string) => groups(text).flat(), { groups });
}

/** The site's tokenizer: domain dictionary and pairs of unknown single characters. */
export const tokenize: Tokenizer = makeTokenizer();

/** Tokens of `text` without duplicates, in first-seen order. */
export function queryTokens(text: string, tokenizer: Tokenizer = tokenize): string[] {
  return [...new Set(tokenizer(text))];
}

/** Query words: each group's first token is the word, the rest are its parts; duplicates dropped. */
export function queryGroups(text: string, tokenizer: Tokenizer = tokenize): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const g of tokenizer.groups(text)) {
    const fresh = g.filter((t) => !seen.has(t));
    fresh.forEach((t) => { seen.add(t); });
    if (fresh.length > 0) out.push([...new Set(fresh)]);
  }
  return out;
}

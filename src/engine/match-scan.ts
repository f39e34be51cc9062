/**
 * One pass over a subject's text facts that finds which rule patterns match, with the matching
 * lines (for evidence) and the named groups of the first match (for captures). A combined literal
 * prefilter per fact skips most lines without running any rule regex.
 */
import { MAX_EVIDENCE_PER_CONDITION, MAX_LINE_CHARS } from './limits.ts';
import type { FactPrefilter, PatternInfo, RuleSet } from './rules.ts';
import type { Line, SubjectFacts } from './types.ts';

export interface MatchInfo {
  /** Matching items (capped at what the count gate and evidence need). */
  count: number;
  items: Line[];
  captures?: Record<string, string>;
}

/** Pattern id → what matched. */
export type Matches = Map<number, MatchInfo>;

/** Shared answer for subjects nothing matched (most of them); never written to. */
export const NO_MATCHES: Matches = new Map();

function capturesOf(m: RegExpExecArray): Record<string, string> | undefined {
  let captures: Record<string, string> | undefined;
  if (m.groups) {
    for (const k in m.groups) {
      const v = m.groups[k];
      if (v !== undefined) (captures ??= {})[k] = v;
    }
  }
  return captures;
}

function record(p: PatternInfo, item: Line, text: string, out: Matches): void {
  const info = out.get(p.id);
  if (info) {
    if (info.count >= Math.max(p.minCount, MAX_EVIDENCE_PER_CONDITION)) return;
    if (!p.re.test(text)) return;
    info.count++;
    info.items.push(item);
    return;
  }
  const m = p.re.exec(text);
  if (!m) return;
  out.set(p.id, { count: 1, items: [item], captures: capturesOf(m) });
}

/** A pattern that matched a text, with the named groups of its match. */
interface Hit {
  id: number;
  captures: Record<string, string> | undefined;
}

/**
 * Which patterns short texts match, remembered for one diagnosis, per fact: subjects share most
 * short texts ("CrashLoopBackOff", "Ready False", "137", a common event), so each is tested once.
 */
export type TextMemo = Map<FactPrefilter, Map<string, readonly Hit[]>>;

/** Texts longer than this (log lines, event messages, mostly unique) are not remembered. */
const MEMO_MAX_CHARS = 96;
const MEMO_MAX_ENTRIES = 20_000;
const NO_HITS: readonly Hit[] = [];

const NO_IDS: readonly number[] = [];

/**
 * Candidate pattern ids for a text: the prefilter's literals found in it, then the `always` ones.
 * Allocates nothing for the usual line where no literal is found.
 */
function candidates(text: string, pf: FactPrefilter): readonly number[] {
  let tested: number[] | null = null;
  const re = pf.re;
  if (re) {
    re.lastIndex = 0;
    let m = re.exec(text);
    while (m) {
      const ids = pf.byLiteral.get(m[0].toLowerCase());
      if (ids) for (const id of ids) if (!(tested ??= []).includes(id)) tested.push(id);
      re.lastIndex = m.index + 1;
      m = re.exec(text);
    }
  }
  if (!tested) return pf.always.length ? pf.always : NO_IDS;
  for (let a = 0; a < pf.always.length; a++) if (!tested.includes(pf.always[a]!)) tested.push(pf.always[a]!);
  return tested;
}

function hitsOf(text: string, pf: FactPrefilter, patterns: readonly PatternInfo[]): readonly Hit[] {
  let hits: Hit[] | null = null;
  for (const id of candidates(text, pf)) {
    const m = patterns[id]!.re.exec(text);
    if (m) (hits ??= []).push({ id, captures: capturesOf(m) });
  }
  return hits ?? NO_HITS;
}

/** Records remembered hits for one item, as `record` would have. */
function recordHits(hits: readonly Hit[], item: Line, patterns: readonly PatternInfo[], out: Matches): void {
  for (let h = 0; h < hits.length; h++) {
    const hit = hits[h]!;
    const info = out.get(hit.id);
    if (!info) out.set(hit.id, { count: 1, items: [item], captures: hit.captures });
    else if (info.count < Math.max(patterns[hit.id]!.minCount, MAX_EVIDENCE_PER_CONDITION)) {
      info.count++;
      info.items.push(item);
    }
  }
}

/**
 * Scans plain line texts (`texts[i]` is line i + 1) with one fact's prefilter, building a `Line`
 * only for the few lines that hold a literal: the whole-paste fact of a 10 MB paste is 300,000
 * lines. `view` turns a line into the text its patterns see (e.g. unescaped JSON).
 */
export function scanTexts(texts: readonly string[], ranges: readonly [number, number][], pf: FactPrefilter, patterns: readonly PatternInfo[], out: Matches, view: (text: string) => string): void {
  for (const [from, to] of ranges) {
    for (let i = from; i < to; i++) {
      const raw = texts[i]!;
      if (raw.length < 4) continue;
      const cut = raw.length > MAX_LINE_CHARS ? raw.slice(0, MAX_LINE_CHARS) : raw;
      const text = view(cut);
      const ids = candidates(text, pf);
      if (ids.length === 0) continue;
      const item: Line = { text, start: i + 1, end: i + 1 };
      for (let c = 0; c < ids.length; c++) record(patterns[ids[c]!]!, item, text, out);
    }
  }
}

/** Scans line-tagged items with one fact's prefilter. */
export function scanItems(items: readonly Line[], pf: FactPrefilter, patterns: readonly PatternInfo[], out: Matches, memo?: TextMemo): void {
  if (out === NO_MATCHES) throw new Error('scanItems needs a writable map');
  let seen = memo?.get(pf);
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    const text = item.text.length > MAX_LINE_CHARS ? item.text.slice(0, MAX_LINE_CHARS) : item.text;
    if (memo && text.length <= MEMO_MAX_CHARS) {
      if (!seen) memo.set(pf, (seen = new Map()));
      let hits = seen.get(text);
      if (hits === undefined) {
        hits = hitsOf(text, pf, patterns);
        if (seen.size < MEMO_MAX_ENTRIES) seen.set(text, hits);
      }
      recordHits(hits, item, patterns, out);
      continue;
    }
    const ids = candidates(text, pf);
    for (let c = 0; c < ids.length; c++) record(patterns[ids[c]!]!, item, text, out);
  }
}

/** Every pattern that matches one subject (text facts and regex-tested scalar facts). */
export function scanSubject(sf: SubjectFacts, rs: RuleSet, scratch: Matches, memo?: TextMemo): Matches {
  scratch.clear();
  const out = scratch;
  // keys() + get(): no entry arrays or closures per subject (this runs for every subject).
  for (const fact of sf.texts.keys()) {
    const pf = rs.prefilters.get(fact);
    if (pf) scanItems(sf.texts.get(fact)!, pf, rs.patterns, out, memo);
  }
  for (let k = 0; k < rs.scalarPatternList.length; k++) {
    const { fact, patterns } = rs.scalarPatternList[k]!;
    const v = scalarValue(sf, fact);
    if (v === undefined) continue;
    const text = typeof v === 'string' ? v : String(v);
    let item: Line | undefined;
    for (const p of patterns) {
      if (!p.re.test(text)) continue;
      if (!item) {
        const lines = sf.scalars.get(fact)?.lines ?? [];
        item = { text, start: lines[0] ?? 0, end: lines[lines.length - 1] ?? 0 };
      }
      record(p, item, text, out);
    }
  }
  // The scratch map is reused until something matches; then the caller keeps it (see evaluate).
  return out.size ? out : NO_MATCHES;
}

/** A scalar fact's value, including the subject's own kind, name and namespace. */
export function scalarValue(sf: SubjectFacts, fact: string): string | number | undefined {
  if (fact === 'kind') return sf.subject.kind;
  if (fact === 'name') return sf.subject.name;
  if (fact === 'namespace') return sf.subject.namespace;
  return sf.scalars.get(fact)?.value;
}

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
  let captures: Record<string, string> | undefined;
  if (m.groups) {
    for (const [k, v] of Object.entries(m.groups)) if (v !== undefined) (captures ??= {})[k] = v;
  }
  out.set(p.id, { count: 1, items: [item], captures });
}

/** Scans line-tagged items with one fact's prefilter. */
export function scanItems(items: readonly Line[], pf: FactPrefilter, patterns: readonly PatternInfo[], out: Matches): void {
  if (out === NO_MATCHES) throw new Error('scanItems needs a writable map');
  const re = pf.re;
  const always = pf.always;
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    const text = item.text.length > MAX_LINE_CHARS ? item.text.slice(0, MAX_LINE_CHARS) : item.text;
    if (re) {
      re.lastIndex = 0;
      let m = re.exec(text);
      if (m) {
        const tested: number[] = [];
        while (m) {
          const ids = pf.byLiteral.get(m[0].toLowerCase());
          if (ids) {
            for (const id of ids) {
              if (tested.includes(id)) continue;
              tested.push(id);
              record(patterns[id]!, item, text, out);
            }
          }
          re.lastIndex = m.index + 1;
          m = re.exec(text);
        }
      }
    }
    for (let a = 0; a < always.length; a++) record(patterns[always[a]!]!, item, text, out);
  }
}

/** Every pattern that matches one subject (text facts and regex-tested scalar facts). */
export function scanSubject(sf: SubjectFacts, rs: RuleSet, scratch: Matches): Matches {
  scratch.clear();
  const out = scratch;
  // keys() + get(): no entry arrays or closures per subject (this runs for every subject).
  for (const fact of sf.texts.keys()) {
    const pf = rs.prefilters.get(fact);
    if (pf) scanItems(sf.texts.get(fact)!, pf, rs.patterns, out);
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

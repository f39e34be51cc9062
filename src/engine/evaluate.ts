/**
 * Runs json-rules-engine over subjects without running it once per subject:
 *
 * 1. each subject is scanned once for rule patterns (match-scan.ts);
 * 2. its candidate rules are those whose subject-kind gate and pattern requirement it meets
 *    (most subjects, e.g. healthy pods, have none and skip the engine entirely);
 * 3. the facts those rules read are reduced to what the rules can tell apart (a text fact becomes
 *    the set of its patterns that matched; a number becomes a representative of its interval
 *    between the rules' thresholds; a string no rule names becomes "other"), and the engine runs
 *    once per distinct (rules, reduced facts) signature — 50,000 pods in CrashLoopBackOff cost one
 *    run;
 * 4. evidence and captures are read per subject from the conditions that passed in that run.
 */
import type { RuleResult } from 'json-rules-engine';
import { factType, type FactType } from './fact-names.ts';
import { MAX_EVIDENCE_PER_CONDITION } from './limits.ts';
import { scalarValue, scanSubject, type Matches, type TextMemo } from './match-scan.ts';
import { compileSpec, MatchView } from './operators.ts';
import type { PatternValue } from './rule-schema.ts';
import { engineFor, runEngine, type CompiledRule, type FactPrefilter, type RuleSet } from './rules.ts';
import { PASTE_KIND } from './loose.ts';
import type { Line, Subject, SubjectFacts } from './types.ts';

/** A rule that fired on one subject, before ranking; evidence is read lazily (see findingLines). */
export interface RawFinding {
  rule: CompiledRule;
  subject: Subject;
  /** First evidence line (for ordering) without building the whole list. */
  firstLine: number;
  sf: SubjectFacts;
  matches: Matches;
  pasteMatches: Matches;
  leaves: PassedLeaf[];
}

const OTHER = '\u0000other';

const pasteOnlyCache = new WeakMap<RuleSet, Set<number>>();

/** Ids of `paste` patterns that only rules gated to the Paste subject read. */
function pasteOnlyPatterns(rs: RuleSet): Set<number> {
  let ids = pasteOnlyCache.get(rs);
  if (ids) return ids;
  const shared = new Set<number>();
  ids = new Set<number>();
  for (const r of rs.rules) {
    const onlyPaste = r.kinds !== null && r.kinds !== undefined && r.kinds.length === 1 && r.kinds[0] === PASTE_KIND;
    for (const id of r.patternIds) if (rs.patterns[id]!.fact === 'paste') (onlyPaste ? ids : shared).add(id);
  }
  for (const id of shared) ids.delete(id);
  pasteOnlyCache.set(rs, ids);
  return ids;
}

/** What one candidate-rule set needs, computed once per set. */
interface CandidateSet {
  key: string;
  rules: CompiledRule[];
  byName: Map<string, CompiledRule>;
  scalarFacts: { fact: string; type: FactType }[];
  textFacts: string[];
}

/** A passing condition of a rule in one signature run. */
interface PassedLeaf {
  fact: string;
  /** Pattern id for `matches` leaves, -1 for scalar leaves whose lines count as evidence. */
  patternId: number;
}

interface RunResult {
  fired: { rule: CompiledRule; leaves: PassedLeaf[] }[];
}

interface EvalCache {
  sets: Map<string, CandidateSet>;
  ungated: Map<string, CandidateSet>;
  /** Candidate set by "kind|satisfied pattern ids". */
  byMatches: Map<string, CandidateSet | null>;
}

const caches = new WeakMap<RuleSet, EvalCache>();

function cacheFor(rs: RuleSet): EvalCache {
  let c = caches.get(rs);
  if (!c) caches.set(rs, (c = { sets: new Map(), ungated: new Map(), byMatches: new Map() }));
  return c;
}

function makeSet(rules: CompiledRule[]): CandidateSet {
  const facts = [...new Set(rules.flatMap((r) => r.facts))].sort();
  return {
    key: rules.map((r) => r.index).join(','),
    rules,
    byName: new Map(rules.map((r) => [r.id, r])),
    scalarFacts: facts.filter((f) => factType(f) !== 'text').map((fact) => ({ fact, type: factType(fact)! })),
    textFacts: facts.filter((f) => factType(f) === 'text'),
  };
}

function candidatesFor(kind: string, satisfied: number[], satKey: string, rs: RuleSet, cache: EvalCache): CandidateSet | null {
  let base = cache.ungated.get(kind);
  if (!base) {
    const rules = [...rs.ungatedAnyKind, ...(rs.ungatedByKind.get(kind) ?? [])].sort((a, b) => a.index - b.index);
    cache.ungated.set(kind, (base = makeSet(rules)));
  }
  if (satisfied.length === 0) return base.rules.length ? base : null;
  const memoKey = kind + '|' + satKey;
  const memo = cache.byMatches.get(memoKey);
  if (memo !== undefined) return memo;
  const set = computeCandidates(kind, satisfied, base, rs, cache);
  cache.byMatches.set(memoKey, set);
  return set;
}

function computeCandidates(kind: string, satisfied: number[], base: CandidateSet, rs: RuleSet, cache: EvalCache): CandidateSet | null {
  const extra: CompiledRule[] = [];
  for (const id of satisfied) {
    for (const r of rs.gatedByPattern.get(id) ?? []) if ((!r.kinds || r.kinds.includes(kind)) && !extra.includes(r)) extra.push(r);
  }
  if (extra.length === 0) return base.rules.length ? base : null;
  const all = [...base.rules];
  for (const r of extra) if (!all.includes(r)) all.push(r);
  all.sort((a, b) => a.index - b.index);
  const key = all.map((r) => r.index).join(',');
  let set = cache.sets.get(key);
  if (!set) cache.sets.set(key, (set = makeSet(all)));
  return set;
}

function bucket(v: number, thresholds: number[]): number {
  if (!thresholds.length || Number.isNaN(v)) return 0;
  if (v < thresholds[0]!) return thresholds[0]! - 1;
  for (let i = 0; i < thresholds.length; i++) {
    const t = thresholds[i]!;
    if (v === t) return t;
    const next = thresholds[i + 1];
    if (next === undefined) return t + 1;
    if (v < next) return (t + next) / 2;
  }
  return thresholds[thresholds.length - 1]! + 1;
}

function reduceScalar(v: string | number | undefined, fact: string, type: FactType, rs: RuleSet): unknown {
  if (v === undefined) return undefined;
  if (type === 'number') return bucket(Number(v), rs.numberThresholds.get(fact) ?? []);
  const consts = rs.stringConstants.get(fact);
  return consts ? (consts.has(String(v)) ? String(v) : OTHER) : v;
}

/** The facts handed to json-rules-engine for one subject (only on a signature cache miss). */
function engineFacts(sf: SubjectFacts, set: CandidateSet, satisfied: number[], rs: RuleSet): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const fact of set.textFacts) {
    const keys = new Set<string>();
    for (const id of satisfied) {
      const p = rs.patterns[id]!;
      if (p.fact === fact) keys.add(p.key);
    }
    facts[fact] = new MatchView(keys);
  }
  for (const { fact, type } of set.scalarFacts) facts[fact] = reduceScalar(scalarValue(sf, fact), fact, type, rs);
  return facts;
}

interface ConditionNode {
  all?: ConditionNode[];
  any?: ConditionNode[];
  not?: ConditionNode;
  fact?: string;
  operator?: string;
  value?: unknown;
  result?: boolean;
}

/** The conditions that passed, flattened (same for every subject of a signature). */
function passedLeaves(node: ConditionNode, top: boolean, rs: RuleSet, out: PassedLeaf[]): PassedLeaf[] {
  if (!top && node.result !== true) return out;
  if (node.all) for (const c of node.all) passedLeaves(c, false, rs, out);
  else if (node.any) for (const c of node.any) passedLeaves(c, false, rs, out);
  else if (node.not) return out;
  else if (node.fact) {
    if (node.operator === 'matches') {
      const p = rs.patternByFactKey.get(`${node.fact}\u0001${compileSpec(node.value as PatternValue).key}`);
      if (p) out.push({ fact: node.fact, patternId: p.id });
    } else if (node.operator !== 'notMatches' && node.operator !== 'notEqual' && node.operator !== 'notIn') {
      out.push({ fact: node.fact, patternId: -1 });
    }
  }
  return out;
}

function addLines(item: Line, lines: number[]): void {
  for (let n = item.start; n <= item.end && n - item.start < 8; n++) if (n >= 1) lines.push(n);
}

/** Evidence line numbers of a raw finding, ascending. */
export function findingLines(f: RawFinding): number[] {
  return evidenceLines(f.rule, f.leaves, f.sf, f.matches, f.pasteMatches);
}

/** Captured values of a raw finding. */
export function findingCaptures(f: RawFinding): Record<string, string> {
  return capturesOf(f.rule, f.leaves, f.sf, f.matches, f.pasteMatches);
}

function evidenceLines(rule: CompiledRule, leaves: PassedLeaf[], sf: SubjectFacts, matches: Matches, pasteMatches: Matches): number[] {
  const lines: number[] = [];
  for (const leaf of leaves) {
    if (leaf.patternId >= 0) {
      const info = (leaf.fact === 'paste' ? pasteMatches : matches).get(leaf.patternId);
      if (info) for (let i = 0; i < info.items.length && i < MAX_EVIDENCE_PER_CONDITION; i++) addLines(info.items[i]!, lines);
    } else for (const n of sf.scalars.get(leaf.fact)?.lines ?? []) lines.push(n);
  }
  for (const fact of rule.params.evidenceFacts ?? []) {
    for (const n of sf.scalars.get(fact)?.lines ?? []) lines.push(n);
    const items = sf.texts.get(fact);
    if (items) for (let i = 0; i < items.length && i < MAX_EVIDENCE_PER_CONDITION; i++) addLines(items[i]!, lines);
  }
  return [...new Set(lines)].sort((a, b) => a - b);
}

function firstEvidenceLine(leaves: PassedLeaf[], sf: SubjectFacts, matches: Matches, pasteMatches: Matches): number {
  let first = Infinity;
  for (const leaf of leaves) {
    if (leaf.patternId >= 0) {
      const s = (leaf.fact === 'paste' ? pasteMatches : matches).get(leaf.patternId)?.items[0]?.start;
      if (s !== undefined && s >= 1 && s < first) first = s;
    } else {
      const s = sf.scalars.get(leaf.fact)?.lines[0];
      if (s !== undefined && s >= 1 && s < first) first = s;
    }
  }
  return first;
}

function capturesOf(rule: CompiledRule, leaves: PassedLeaf[], sf: SubjectFacts, matches: Matches, pasteMatches: Matches): Record<string, string> {
  const captures: Record<string, string> = {};
  for (const leaf of leaves) {
    if (leaf.patternId < 0) continue;
    const c = (leaf.fact === 'paste' ? pasteMatches : matches).get(leaf.patternId)?.captures;
    if (c) for (const k in c) if (!(k in captures)) captures[k] = c[k]!;
  }
  for (const [name, fact] of Object.entries(rule.params.captureFacts ?? {})) {
    if (name in captures) continue;
    const v = scalarValue(sf, fact) ?? sf.texts.get(fact)?.[0]?.text;
    if (v !== undefined) captures[name] = String(v);
  }
  return captures;
}

function satisfiedIds(matches: Matches, pasteSatisfied: number[], rs: RuleSet): number[] {
  if (matches.size === 0) return pasteSatisfied;
  const ids: number[] = [];
  for (const id of matches.keys()) if (matches.get(id)!.count >= rs.patterns[id]!.minCount) ids.push(id);
  for (const id of pasteSatisfied) ids.push(id);
  // Insertion sort: a handful of ids per subject, and Array.prototype.sort allocates per call.
  for (let i = 1; i < ids.length; i++) {
    const v = ids[i]!;
    let j = i - 1;
    while (j >= 0 && ids[j]! > v) {
      ids[j + 1] = ids[j]!;
      j--;
    }
    ids[j + 1] = v;
  }
  return ids;
}

/** Evaluates all subjects; returns every rule that fired on every subject. */
/** Scans the whole paste with the `paste` fact's prefilter (called only when a rule reads the whole paste). */
export type PasteScan = (pf: FactPrefilter, patterns: RuleSet['patterns'], out: Matches) => void;

export async function evaluate(subjects: SubjectFacts[], pasteScan: PasteScan, rs: RuleSet): Promise<RawFinding[]> {
  const cache = cacheFor(rs);
  // The whole-paste fact is scanned only if some subject's candidate rules read it.
  const pasteMatches: Matches = new Map();
  let pasteScanned = false;
  const scanPaste = () => {
    if (pasteScanned) return;
    pasteScanned = true;
    const pastePf = rs.prefilters.get('paste');
    if (pastePf) pasteScan(pastePf, rs.patterns, pasteMatches);
  };
  const gatedOnPaste = rs.rules.some((r) => r.requirement?.some((id) => rs.patterns[id]!.fact === 'paste'));
  if (gatedOnPaste) scanPaste();
  // Patterns read only by rules on the Paste subject (the any-line rules) are not handed to every
  // other subject: that would lengthen each subject's candidate key for nothing.
  const pasteOnly = pasteOnlyPatterns(rs);
  const pasteSatisfiedAll = [...pasteMatches].filter(([id, info]) => info.count >= rs.patterns[id]!.minCount).map(([id]) => id);
  const pasteSatisfiedShared = pasteSatisfiedAll.filter((id) => !pasteOnly.has(id));

  const runs = new Map<string, RunResult>();
  const memo: TextMemo = new Map();
  const out: RawFinding[] = [];
  let scratch: Matches = new Map();
  const pasteKeyShared = pasteSatisfiedShared.join('.');
  const pasteKeyAll = pasteSatisfiedAll.join('.');
  for (const sf of subjects) {
    const onPaste = sf.subject.kind === PASTE_KIND;
    const pasteSatisfied = onPaste ? pasteSatisfiedAll : pasteSatisfiedShared;
    const pasteKey = onPaste ? pasteKeyAll : pasteKeyShared;
    const matches = scanSubject(sf, rs, scratch, memo);
    if (matches === scratch) scratch = new Map(); // this subject keeps its matches
    const satisfied = satisfiedIds(matches, pasteSatisfied, rs);
    const satKey = satisfied === pasteSatisfied ? pasteKey : satisfied.join('.');
    const set = candidatesFor(sf.subject.kind, satisfied, satKey, rs, cache);
    if (!set) continue;
    let signature = set.key + '|' + satKey;
    let allSatisfied = satisfied;
    if (set.textFacts.includes('paste')) {
      scanPaste();
      const ids = [...pasteMatches].filter(([id, info]) => info.count >= rs.patterns[id]!.minCount).map(([id]) => id);
      if (ids.length) {
        allSatisfied = [...new Set([...satisfied, ...ids])].sort((a, b) => a - b);
        signature += '|paste:' + ids.join('.');
      }
    }
    for (const { fact, type } of set.scalarFacts) {
      const r = reduceScalar(scalarValue(sf, fact), fact, type, rs);
      signature += r === undefined ? '|\u0000' : '|' + String(r);
    }
    let run = runs.get(signature);
    if (!run) {
      const r = (await runEngine(engineFor(rs, set.rules), engineFacts(sf, set, allSatisfied, rs))) as { results: RuleResult[] };
      run = { fired: [] };
      for (const res of r.results) {
        const rule = set.byName.get(res.name as string);
        if (rule) run.fired.push({ rule, leaves: passedLeaves(res.conditions as unknown as ConditionNode, true, rs, []) });
      }
      runs.set(signature, run);
    }
    if (run.fired.length === 0) continue;
    for (const { rule, leaves } of run.fired) {
      out.push({ rule, subject: sf.subject, firstLine: firstEvidenceLine(leaves, sf, matches, pasteMatches), sf, matches, pasteMatches, leaves });
    }
  }
  return out;
}

/**
 * Loading rules: parse each `{ path, text }` (the engine does no I/O; the CLI and the site read the
 * files), validate it against the schema, compile every regex once, and precompute what makes
 * evaluation cheap:
 *
 * - the subject kinds a rule can apply to (from a top-level `kind` condition);
 * - the patterns at least one of which must match for the rule to possibly fire ("requirement");
 * - per text fact, one combined literal prefilter so most lines are skipped without running any
 *   rule regex;
 * - per fact, the constants rules compare it with, so subjects can be reduced to a signature and
 *   json-rules-engine runs once per distinct signature rather than once per subject.
 */
import { Engine } from 'json-rules-engine';
import { CATALOGUE_BY_SLUG } from '../content/catalogue.ts';
import { factType } from './fact-names.ts';
import { locateJsonError } from './json-error.ts';
import { compileSpec, matchesOperator, notMatchesOperator } from './operators.ts';
import { analyzeRegex } from './regex-analysis.ts';
import { patternSpec, validateRule, type Condition, type LeafCondition, type PatternValue, type RuleJson, type RuleParams } from './rule-schema.ts';

/** A rule file as read by the caller. */
export interface RuleFile {
  path: string;
  text: string;
  /** Why the caller could not read it (`too many levels of symbolic links (ELOOP)`): reported as the file's error. */
  error?: string;
}

/** A problem with one rule file, naming the file and the field. */
export interface RuleError {
  file: string;
  /** Field path inside the rule (`event.params.article`), or `(json)` for syntax errors. */
  path: string;
  message: string;
}

/** Formats a rule error as `file: path: message`. */
export function formatRuleError(e: RuleError): string {
  return `${e.file}: ${e.path}: ${e.message}`;
}

/** A regex used by some rule on some fact, compiled once. */
export interface PatternInfo {
  id: number;
  fact: string;
  /** Operator identity (flags, minCount, source). */
  key: string;
  re: RegExp;
  minCount: number;
  literals: string[] | null;
}

/** A validated rule with its precomputed gates. */
export interface CompiledRule {
  index: number;
  id: string;
  file: string;
  priority: number;
  params: RuleParams;
  json: RuleJson;
  /** Subject kinds this rule can apply to, or null for any. */
  kinds: string[] | null;
  /** Pattern ids at least one of which must be satisfied, or null when no such gate exists. */
  requirement: number[] | null;
  /** Facts the rule's conditions read. */
  facts: string[];
  /** Ids of the patterns its `matches` / `notMatches` conditions use. */
  patternIds: number[];
}

/** Per text fact: one literal prefilter over all its patterns. */
export interface FactPrefilter {
  /** Global, case-insensitive alternation of literals (longest first); null when none. */
  re: RegExp | null;
  /** Lower-cased literal → pattern ids that may match when it is present. */
  byLiteral: Map<string, number[]>;
  /** Patterns without a usable literal: tested on every line. */
  always: number[];
}

/** Everything the engine needs to evaluate rules quickly. */
export interface RuleSet {
  rules: CompiledRule[];
  patterns: PatternInfo[];
  /** Pattern by `${fact}\u0001${key}`. */
  patternByFactKey: Map<string, PatternInfo>;
  prefilters: Map<string, FactPrefilter>;
  /** Patterns on scalar (string) facts, tested directly. */
  scalarPatterns: Map<string, PatternInfo[]>;
  /** The same as a list, for the per-subject loop. */
  scalarPatternList: { fact: string; patterns: PatternInfo[] }[];
  /** Numeric constants per number fact (for signature reduction). */
  numberThresholds: Map<string, number[]>;
  /** String constants per string fact, for facts not matched by regex (for signature reduction). */
  stringConstants: Map<string, Set<string>>;
  /** Rules without a kind gate or with a given kind, without a pattern requirement. */
  ungatedByKind: Map<string, CompiledRule[]>;
  ungatedAnyKind: CompiledRule[];
  /** Rules with a pattern requirement, indexed by each required pattern. */
  gatedByPattern: Map<number, CompiledRule[]>;
  /** Cache of json-rules-engine instances by candidate-rule set. */
  engines: Map<string, Engine>;
}

/** Thrown by `createRuleSet` when any file is invalid. */
export class RuleLoadFailure extends Error {
  constructor(readonly errors: RuleError[]) {
    super(errors.map(formatRuleError).join('\n'));
  }
}

export interface LoadOptions {
  /** Which article slugs exist; defaults to the catalogue. */
  isKnownSlug?: (slug: string) => boolean;
}

function baseName(path: string): string {
  const file = path.split(/[\\/]/).pop() ?? path;
  return file.replace(/\.json$/i, '');
}

/** Loads rule files, returning the valid rules and every problem found. */
export function loadRules(files: RuleFile[], options: LoadOptions = {}): { ruleSet: RuleSet; errors: RuleError[] } {
  const isKnownSlug = options.isKnownSlug ?? ((s: string) => CATALOGUE_BY_SLUG.has(s));
  const errors: RuleError[] = [];
  const valid: { file: string; json: RuleJson }[] = [];
  const seen = new Map<string, string>();
  for (const f of files) {
    if (f.error !== undefined) {
      errors.push({ file: f.path, path: '(file)', message: f.error });
      continue;
    }
    // A UTF-8 byte order mark (some Windows editors write one) is not part of the JSON.
    const text = f.text.charCodeAt(0) === 0xfeff ? f.text.slice(1) : f.text;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      const place = locateJsonError(text);
      errors.push({ file: f.path, path: '(json)', message: place ? `invalid JSON at line ${place.line}, column ${place.column}: ${place.message}` : `invalid JSON: ${(e as Error).message}` });
      continue;
    }
    const problems = validateRule(parsed, isKnownSlug, baseName(f.path));
    if (problems.length) {
      for (const p of problems) errors.push({ file: f.path, path: p.path, message: p.message });
      continue;
    }
    const json = parsed as RuleJson;
    const other = seen.get(json.name);
    if (other) {
      errors.push({ file: f.path, path: 'name', message: `duplicate rule id "${json.name}" (also in ${other})` });
      continue;
    }
    seen.set(json.name, f.path);
    valid.push({ file: f.path, json });
  }
  return { ruleSet: compileRules(valid), errors };
}

/**
 * What loading works out from the rules alone, kept so a build can ship it: each pattern's
 * required literals (by `flags/source`) and each text fact's prefilter regex source. Passing it
 * back to `compileRules` skips the regex analysis and the trie building (most of a cold start).
 */
export interface CompileHints {
  /** By pattern id (patterns are numbered in the order the rules use them). */
  literals: (string[] | null)[];
  /** Per text fact, the prefilter alternation's source (null: the fact has no literals). */
  prefilters: Map<string, string | null>;
}

/** Loads rule files and throws `RuleLoadFailure` listing every problem when any file is invalid. */
export function createRuleSet(files: RuleFile[], options: LoadOptions = {}): RuleSet {
  const { ruleSet, errors } = loadRules(files, options);
  if (errors.length) throw new RuleLoadFailure(errors);
  return ruleSet;
}

const isLeaf = (c: Condition): c is LeafCondition => 'fact' in c;

function leaves(c: Condition, out: LeafCondition[] = []): LeafCondition[] {
  if (isLeaf(c)) out.push(c);
  else if ('all' in c) c.all.forEach((s) => { leaves(s, out); });
  else if ('any' in c) c.any.forEach((s) => { leaves(s, out); });
  else leaves(c.not, out);
  return out;
}

function kindsOf(c: Condition): string[] | null {
  if (isLeaf(c)) {
    if (c.fact !== 'kind') return null;
    if (c.operator === 'equal' && typeof c.value === 'string') return [c.value];
    if (c.operator === 'in' && Array.isArray(c.value)) return c.value as string[];
    return null;
  }
  if ('all' in c) {
    for (const s of c.all) {
      const k = kindsOf(s);
      if (k) return k;
    }
    return null;
  }
  if ('any' in c) {
    const out: string[] = [];
    for (const s of c.any) {
      const k = kindsOf(s);
      if (!k) return null;
      out.push(...k);
    }
    return [...new Set(out)];
  }
  return null;
}

/** Builds the rule set from validated rules; `hints` (from an earlier compile of the same rules) saves the analysis. */
export function compileRules(valid: { file: string; json: RuleJson }[], hints?: CompileHints): RuleSet {
  const patterns: PatternInfo[] = [];
  const patternByFactKey = new Map<string, PatternInfo>();
  const numberThresholds = new Map<string, number[]>();
  const stringConstants = new Map<string, Set<string>>();
  const regexStringFacts = new Set<string>();

  const patternFor = (fact: string, value: PatternValue): PatternInfo => {
    const spec = compileSpec(value);
    const k = `${fact}\u0001${spec.key}`;
    let p = patternByFactKey.get(k);
    if (!p) {
      const { source, flags } = patternSpec(value);
      const id = patterns.length;
      const literals = hints ? (hints.literals[id] ?? null) : analyzeRegex(source, flags).literals;
      p = { id, fact, key: spec.key, re: new RegExp(source, flags), minCount: spec.minCount, literals };
      patterns.push(p);
      patternByFactKey.set(k, p);
    }
    return p;
  };

  const requirementOf = (c: Condition): number[] | null => {
    if (isLeaf(c)) return c.operator === 'matches' ? [patternFor(c.fact, c.value as PatternValue).id] : null;
    if ('all' in c) {
      // A gate on the whole paste filters nothing per subject: prefer any other requirement.
      let best: number[] | null = null;
      let bestIsPaste = true;
      for (const s of c.all) {
        const r = requirementOf(s);
        if (!r) continue;
        const isPaste = r.every((id) => patterns[id]!.fact === 'paste');
        if (!best || (bestIsPaste && !isPaste) || (isPaste === bestIsPaste && r.length < best.length)) {
          best = r;
          bestIsPaste = isPaste;
        }
      }
      return best;
    }
    if ('any' in c) {
      const out: number[] = [];
      for (const s of c.any) {
        const r = requirementOf(s);
        if (!r) return null;
        out.push(...r);
      }
      return [...new Set(out)];
    }
    return null;
  };

  const rules: CompiledRule[] = valid.map(({ file, json }, index) => {
    const ls = leaves(json.conditions);
    const patternIds: number[] = [];
    for (const l of ls) {
      const type = factType(l.fact);
      if (l.operator === 'matches' || l.operator === 'notMatches') {
        patternIds.push(patternFor(l.fact, l.value as PatternValue).id);
        if (type === 'string') regexStringFacts.add(l.fact);
      } else if (type === 'number') {
        const list = numberThresholds.get(l.fact) ?? [];
        list.push(...(Array.isArray(l.value) ? (l.value as number[]) : [l.value as number]));
        numberThresholds.set(l.fact, list);
      } else if (type === 'string') {
        const set = stringConstants.get(l.fact) ?? new Set<string>();
        for (const v of Array.isArray(l.value) ? (l.value as string[]) : [l.value as string]) set.add(v);
        stringConstants.set(l.fact, set);
      }
    }
    return {
      index,
      id: json.name,
      file,
      priority: json.priority ?? 1,
      params: json.event.params,
      json,
      kinds: kindsOf(json.conditions),
      requirement: requirementOf(json.conditions),
      facts: [...new Set(ls.map((l) => l.fact))],
      patternIds,
    };
  });
  for (const f of regexStringFacts) stringConstants.delete(f);
  for (const [f, list] of numberThresholds) numberThresholds.set(f, [...new Set(list)].sort((a, b) => a - b));

  // Prefilters per text fact, and direct patterns per scalar fact.
  const prefilters = new Map<string, FactPrefilter>();
  const scalarPatterns = new Map<string, PatternInfo[]>();
  const byFact = new Map<string, PatternInfo[]>();
  for (const p of patterns) byFact.set(p.fact, [...(byFact.get(p.fact) ?? []), p]);
  for (const [fact, ps] of byFact) {
    if (factType(fact) !== 'text') {
      scalarPatterns.set(fact, ps);
      continue;
    }
    prefilters.set(fact, prefilterFor(ps, hints?.prefilters.get(fact)));
  }

  const ungatedByKind = new Map<string, CompiledRule[]>();
  const ungatedAnyKind: CompiledRule[] = [];
  const gatedByPattern = new Map<number, CompiledRule[]>();
  for (const r of rules) {
    if (r.requirement) for (const id of r.requirement) gatedByPattern.set(id, [...(gatedByPattern.get(id) ?? []), r]);
    else if (r.kinds) for (const k of r.kinds) ungatedByKind.set(k, [...(ungatedByKind.get(k) ?? []), r]);
    else ungatedAnyKind.push(r);
  }
  const scalarPatternList = [...scalarPatterns].map(([fact, ps]) => ({ fact, patterns: ps }));
  return { rules, patterns, patternByFactKey, prefilters, scalarPatterns, scalarPatternList, numberThresholds, stringConstants, ungatedByKind, ungatedAnyKind, gatedByPattern, engines: new Map() };
}

/**
 * One text fact's prefilter: the literals of its patterns in one alternation, each mapped to the
 * patterns it admits. `shipped` (from a rule bundle) saves building the alternation, the costly part.
 */
function prefilterFor(ps: PatternInfo[], shipped?: string | null): FactPrefilter {
  const byLiteral = new Map<string, number[]>();
  const always: number[] = [];
  for (const p of ps) {
    if (!p.literals) always.push(p.id);
    else for (const lit of p.literals.map(scanLiteral)) byLiteral.set(lit, [...(byLiteral.get(lit) ?? []), p.id]);
  }
  // A literal found in a line also proves every shorter literal it contains is there; the
  // alternation reports only one literal per position, so fold the contained ones in.
  const lits = [...byLiteral.keys()].sort((a, b) => b.length - a.length);
  const closed = new Map<string, number[]>();
  for (const l of lits) {
    const ids = new Set<number>();
    for (const o of lits) if (l.includes(o)) for (const id of byLiteral.get(o)!) ids.add(id);
    closed.set(l, [...ids]);
  }
  const source = shipped !== undefined ? shipped : lits.length ? literalTrie(lits) : null;
  return { re: source === null ? null : new RegExp(source, 'gi'), byLiteral: closed, always };
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

type TrieNode = { next: Map<string, TrieNode>; end: boolean };

/**
 * The part of a literal the prefilter scans for: from its first to its last letter or digit
 * (` resource "` → `resource`). A line holding the literal holds this part too, so nothing is
 * missed; the pattern's own regex decides. Literals that start with a blank or a quote made the
 * alternation try every padding space of a table row: trimmed, 10 MB of events scan in half the time.
 */
export function scanLiteral(literal: string): string {
  const first = literal.search(/[a-z0-9]/);
  if (first < 0) return literal;
  let last = literal.length - 1;
  while (!/[a-z0-9]/.test(literal[last]!)) last--;
  const core = literal.slice(first, last + 1);
  return core.length >= 3 ? core : literal;
}

/**
 * One regex matching any of the literals, written as a trie (`fail(?:ed to pull|edscheduling)`):
 * V8 tries each alternative at each position, so shared prefixes are cheaper factored out. A match
 * is always a whole literal (possibly one that contains shorter ones; see the closure above).
 */
export function literalTrie(literals: string[]): string {
  const root: TrieNode = { next: new Map(), end: false };
  for (const lit of literals) {
    let n = root;
    for (const ch of lit) {
      let c = n.next.get(ch);
      if (!c) n.next.set(ch, (c = { next: new Map(), end: false }));
      n = c;
    }
    n.end = true;
  }
  const emit = (n: TrieNode): string => {
    const alts = [...n.next].map(([ch, c]) => escapeRegex(ch) + emit(c));
    if (alts.length === 0) return '';
    if (n.end) return `(?:${alts.join('|')})?`;
    return alts.length === 1 ? alts[0]! : `(?:${alts.join('|')})`;
  };
  return emit(root);
}

const MAX_CACHED_ENGINES = 512;

/** A json-rules-engine instance holding exactly the given rules (cached per rule set). */
export function engineFor(ruleSet: RuleSet, rules: CompiledRule[]): Engine {
  const key = rules.map((r) => r.index).join(',');
  let engine = ruleSet.engines.get(key);
  if (!engine) {
    if (ruleSet.engines.size >= MAX_CACHED_ENGINES) ruleSet.engines.clear();
    engine = new Engine([], { allowUndefinedFacts: true });
    engine.addOperator('matches', matchesOperator);
    engine.addOperator('notMatches', notMatchesOperator);
    for (const r of rules) engine.addRule(JSON.parse(JSON.stringify(r.json)) as never); // a private copy: json-rules-engine decorates what it is given
    ruleSet.engines.set(key, engine);
  }
  return engine;
}

const queues = new WeakMap<Engine, Promise<unknown>>();

/**
 * Runs an engine with the given facts, one run at a time per engine: json-rules-engine keeps its
 * run status on the instance, so two overlapping runs (two pastes diagnosed at once) could cut
 * each other short.
 */
export function runEngine(engine: Engine, facts: Record<string, unknown>): Promise<{ results: unknown[] }> {
  const previous = queues.get(engine) ?? Promise.resolve();
  const next = previous.then(() => engine.run(facts)) as Promise<{ results: unknown[] }>;
  queues.set(engine, next.catch(() => undefined));
  return next;
}

/**
 * Node-only: checks rule regexes with recheck (makenowjust-labs/recheck), a maintained ReDoS
 * analyser, before a user's rules are loaded (`rules check DIR`, `--rules DIR`). The engine's own
 * structural check (regex-analysis.ts) stays as a fast first gate that also runs in the browser;
 * recheck finds what it cannot see — bounded nested repeats (`(a{1,20}){1,20}$`), large finite
 * repeats (`a{0,99999}b`), chains of lazy gaps after a repeating literal (`X.*?Y.*?Z`) — by
 * automata theory, or by fuzzing with attack strings when a pattern has lookarounds.
 * Why recheck and not scslre: see src/engine/README.md ("Slow regexes").
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { RuleFile } from '../engine/index.ts';
import { analyzeRegex, setRegexVerdicts } from '../engine/regex-analysis.ts';
import { BUILTIN_RULES, readRuleDir } from './io.ts';

/** What recheck says about one pattern. */
export interface RegexVerdict {
  status: 'safe' | 'vulnerable' | 'unknown';
  /** `polynomial` or `exponential` when vulnerable. */
  complexity?: string;
  degree?: number;
  /** recheck's attack string, as a JavaScript expression (`'a'.repeat(31) + '!'`), shortened. */
  attack?: string;
  /** Why the status is unknown (timeout, unsupported syntax). */
  error?: string;
  /** recheck's attack as pumps, to rebuild it at any length. */
  pumps?: { prefix: string; pump: string; bias: number }[];
  suffix?: string;
  /**
   * For a vulnerable pattern: how much longer V8 takes on the attack at 4,096 characters (the
   * engine's line cap) than at 1,024. About 4 is linear; 16 quadratic.
   */
  growth?: number;
}

/** Growth above this confirms recheck's finding in V8 (linear is about 4, quadratic 16). */
export const CONFIRMED_GROWTH = 8;

/** The attack rebuilt with every pump repeated `n` (+ its bias) times. */
function attackString(v: Pick<RegexVerdict, 'pumps' | 'suffix'>, n: number): string {
  return (v.pumps ?? []).map((p) => p.prefix + p.pump.repeat(Math.max(0, n + p.bias))).join('') + (v.suffix ?? '');
}

/** Microseconds per `re.test(s)`, the best of three runs of at least 4 ms each. */
function microsPerTest(re: RegExp, s: string): number {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    let calls = 0;
    const t = performance.now();
    let elapsed = 0;
    do {
      re.test(s);
      calls++;
      elapsed = performance.now() - t;
    } while (elapsed < 4 && calls < 100_000);
    best = Math.min(best, (elapsed * 1000) / calls);
  }
  return best;
}

/**
 * Confirms a recheck finding in the engine that runs the rules (V8's irregexp): the attack at
 * 1,024 and at 4,096 characters, time against time. recheck's fuzzer models a generic
 * backtracking matcher and, on patterns with lookaheads, now and then reports growth V8 does not
 * show; a finding V8 shows is never waved through.
 */
export function attackGrowth(source: string, flags: string, v: Pick<RegexVerdict, 'pumps' | 'suffix'>): number {
  const unit = (v.pumps ?? []).reduce((n, p) => n + p.pump.length, 0);
  if (unit === 0) return 1;
  const fixed = attackString(v, 0).length;
  const n1 = Math.max(2, Math.floor((1024 - fixed) / unit));
  const re = new RegExp(source, flags.replace(/[gy]/g, ''));
  const once = () => microsPerTest(re, attackString(v, 4 * n1)) / Math.max(microsPerTest(re, attackString(v, n1)), 0.05);
  // A busy machine only ever makes one of the two timings look slow; a super-linear pattern is
  // slow every time. So a growth above the bar is measured again, up to three times, keeping the least.
  let growth = once();
  for (let round = 1; round < 3 && growth > CONFIRMED_GROWTH; round++) growth = Math.min(growth, once());
  return growth;
}

export interface PatternRef {
  source: string;
  flags: string;
}

/** A pattern's identity: flags and source. */
export function patternKey(p: PatternRef): string {
  return `${p.flags}/${p.source}`;
}

/** Time recheck may spend on one pattern before it is reported as unknown. */
export const CHECK_TIMEOUT_MS = 10_000;
/** Patterns checked at once (recheck's agent works on several in parallel). */
const CONCURRENCY = 4;

/**
 * Every `matches` / `notMatches` pattern in the files, read with an explicit stack (a file may nest
 * `not` ten thousand deep). Files that are not valid JSON are skipped: the loader reports them.
 */
export function collectPatterns(files: RuleFile[]): PatternRef[] {
  const out = new Map<string, PatternRef>();
  for (const f of files) {
    let json: unknown;
    try {
      json = JSON.parse(f.text.charCodeAt(0) === 0xfeff ? f.text.slice(1) : f.text);
    } catch {
      continue;
    }
    const stack: unknown[] = [(json as { conditions?: unknown } | null)?.conditions];
    while (stack.length) {
      const c = stack.pop();
      if (!c || typeof c !== 'object') continue;
      const node = c as Record<string, unknown>;
      if (Array.isArray(node.all)) stack.push(...node.all);
      if (Array.isArray(node.any)) stack.push(...node.any);
      if ('not' in node) stack.push(node.not);
      if (node.operator !== 'matches' && node.operator !== 'notMatches') continue;
      const v = node.value as unknown;
      const ref = typeof v === 'string' ? { source: v, flags: 'i' } : v && typeof v === 'object' && typeof (v as { pattern?: unknown }).pattern === 'string' ? { source: (v as { pattern: string }).pattern, flags: typeof (v as { flags?: unknown }).flags === 'string' ? (v as { flags: string }).flags : 'i' } : null;
      if (ref) out.set(patternKey(ref), ref);
    }
  }
  return [...out.values()];
}

type Check = (source: string, flags: string, params: Record<string, unknown>) => Promise<{
  status: RegexVerdict['status'];
  complexity?: { type: string; degree?: number };
  attack?: { pattern: string; pumps: { prefix: string; pump: string; bias: number }[]; suffix: string };
  error?: { kind: string };
}>;

let recheck: { check: Check; version: string } | null | undefined;

/** recheck, when installed (a dev dependency: absent from a production install). */
function loadRecheck(): { check: Check; version: string } | null {
  if (recheck !== undefined) return recheck;
  try {
    const require = createRequire(import.meta.url);
    const mod = require('recheck') as { check: Check };
    const version = (require('recheck/package.json') as { version: string }).version;
    recheck = { check: mod.check, version };
  } catch {
    recheck = null;
  }
  return recheck;
}

/** True when recheck can be used here. */
export function recheckAvailable(): boolean {
  return loadRecheck() !== null;
}

function cacheFile(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'k8s-kb', 'regex-verdicts-2.json');
}

function readCache(version: string): Record<string, RegexVerdict> {
  try {
    const json = JSON.parse(readFileSync(cacheFile(), 'utf8')) as { recheck?: string; verdicts?: Record<string, RegexVerdict> };
    return json.recheck === version && json.verdicts && typeof json.verdicts === 'object' ? json.verdicts : {};
  } catch {
    return {};
  }
}

function writeCache(version: string, verdicts: Record<string, RegexVerdict>): void {
  try {
    const file = cacheFile();
    mkdirSync(join(file, '..'), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ recheck: version, verdicts }));
    renameSync(tmp, file);
  } catch {
    // A read-only home: the next run checks again.
  }
}

const hash = (key: string) => createHash('sha256').update(key).digest('base64url').slice(0, 22);

/**
 * recheck's verdict on each pattern (by patternKey), checked a few at a time. Definite verdicts are
 * cached per recheck version (`~/.cache/k8s-kb/`), so `diagnose --rules DIR` pays once per pattern.
 * Returns null when recheck is not installed.
 */
export async function checkPatterns(patterns: PatternRef[], options: { timeoutMs?: number; cache?: boolean } = {}): Promise<Map<string, RegexVerdict> | null> {
  const rc = loadRecheck();
  if (!rc) return null;
  const useCache = options.cache ?? true;
  const cache = useCache ? readCache(rc.version) : {};
  const out = new Map<string, RegexVerdict>();
  const todo: PatternRef[] = [];
  for (const p of patterns) {
    const cached = cache[hash(patternKey(p))];
    if (cached) out.set(patternKey(p), cached);
    else todo.push(p);
  }
  let next = 0;
  let added = false;
  const worker = async () => {
    while (next < todo.length) {
      const p = todo[next++]!;
      let v: RegexVerdict;
      try {
        const d = await rc.check(p.source, p.flags, { timeout: options.timeoutMs ?? CHECK_TIMEOUT_MS });
        v = { status: d.status };
        if (d.complexity && d.status === 'vulnerable') {
          v.complexity = d.complexity.type;
          if (d.complexity.degree !== undefined) v.degree = d.complexity.degree;
        }
        if (d.attack) {
          v.attack = d.attack.pattern.length > 120 ? d.attack.pattern.slice(0, 117) + '…' : d.attack.pattern;
          v.pumps = d.attack.pumps;
          v.suffix = d.attack.suffix;
          v.growth = Math.round(attackGrowth(p.source, p.flags, v) * 10) / 10;
        }
        if (d.error) v.error = d.error.kind;
      } catch (e) {
        v = { status: 'unknown', error: (e as Error).message };
      }
      out.set(patternKey(p), v);
      if (v.status !== 'unknown') {
        cache[hash(patternKey(p))] = v;
        added = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, todo.length) }, worker));
  if (useCache && added) writeCache(rc.version, cache);
  return out;
}

/** The rule-file problem for a verdict, or null when the pattern is safe. */
export function verdictProblem(v: RegexVerdict | undefined): string | null {
  if (!v || v.status === 'safe') return null;
  if (v.status === 'vulnerable') {
    if (v.growth !== undefined && v.growth <= CONFIRMED_GROWTH) return null;
    const how = v.complexity === 'exponential' ? 'exponential' : `polynomial (degree ${v.degree ?? 2})`;
    return `can take ${how} time on hostile lines (recheck${v.attack ? `, e.g. ${v.attack}` : ''}); bound each gap so it cannot cross the literal before it, e.g. "X(?:(?!X).)*?Y" instead of "X.*?Y", and avoid nested or large repeats`;
  }
  return `could not be shown to run in linear time (recheck: ${v.error ?? 'unknown'} within ${CHECK_TIMEOUT_MS / 1000} s); simplify it`;
}

/**
 * Before a user's rules are loaded: runs recheck on their patterns that no built-in rule shares
 * (built-in patterns are vetted by test/engine/regex-recheck.test.ts) and that pass the engine's own
 * check, then hands the verdicts to the engine, so a slow pattern is an ordinary rule error naming
 * the file and field. Returns false when recheck is not installed.
 */
export async function vetUserRules(dir: string): Promise<boolean> {
  if (!recheckAvailable()) return false;
  let files: RuleFile[];
  let builtin: RuleFile[];
  try {
    files = readRuleDir(resolve(dir));
    builtin = readRuleDir(BUILTIN_RULES);
  } catch {
    return true; // the command reports the unreadable directory itself
  }
  const shared = new Set(collectPatterns(builtin).map(patternKey));
  const todo = collectPatterns(files).filter((p) => {
    if (shared.has(patternKey(p))) return false;
    try {
      new RegExp(p.source, p.flags);
    } catch {
      return false;
    }
    return analyzeRegex(p.source, p.flags).problems.length === 0;
  });
  if (todo.length === 0) return true;
  const verdicts = await checkPatterns(todo);
  if (verdicts) setRegexVerdicts((source, flags) => verdictProblem(verdicts.get(patternKey({ source, flags }))));
  return true;
}

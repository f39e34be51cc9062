/**
 * Custom json-rules-engine operators. The built-in `contains` only works on arrays, so rules match
 * text with regexes instead:
 *
 * - `matches`: true when at least `minCount` (default 1) items of a text fact, or the string value
 *   of a scalar fact, match the pattern. Patterns are case-insensitive unless flags say otherwise.
 * - `notMatches`: the negation.
 *
 * For speed the engine usually hands these operators a `MatchView` (the set of patterns already
 * known to match, computed in one pass over the lines, see match-scan.ts) instead of the lines
 * themselves; the answer is the same either way.
 */
import { MAX_LINE_CHARS } from './limits.ts';
import { patternSpec, type PatternValue } from './rule-schema.ts';

/** Identity of a `matches` value: flags, minimum count and source. */
export function patternKey(source: string, flags: string, minCount: number): string {
  return `${flags}\u0000${minCount}\u0000${source}`;
}

interface CompiledSpec {
  key: string;
  re: RegExp;
  minCount: number;
}

const stringSpecs = new Map<string, CompiledSpec>();
const objectSpecs = new WeakMap<object, CompiledSpec>();

/** Compiles (once) and returns the operator view of a `matches` value. */
export function compileSpec(value: PatternValue): CompiledSpec {
  const cached = typeof value === 'string' ? stringSpecs.get(value) : objectSpecs.get(value);
  if (cached) return cached;
  const { source, flags, minCount } = patternSpec(value);
  const spec = { key: patternKey(source, flags, minCount), re: new RegExp(source, flags), minCount };
  if (typeof value === 'string') stringSpecs.set(value, spec);
  else objectSpecs.set(value, spec);
  return spec;
}

/** A precomputed answer: which pattern keys are satisfied for one fact of one subject. */
export class MatchView {
  constructor(readonly satisfied: ReadonlySet<string>) {}
}

function itemText(item: unknown): string | undefined {
  if (typeof item === 'string') return item;
  if (item && typeof item === 'object' && typeof (item as { text?: unknown }).text === 'string') return (item as { text: string }).text;
  return undefined;
}

/** The `matches` operator body. */
export function matchesOperator(factValue: unknown, jsonValue: unknown): boolean {
  if (typeof jsonValue !== 'string' && (typeof jsonValue !== 'object' || jsonValue === null)) return false;
  const spec = compileSpec(jsonValue as PatternValue);
  if (factValue instanceof MatchView) return factValue.satisfied.has(spec.key);
  const items = Array.isArray(factValue) ? factValue : [factValue];
  let count = 0;
  for (const item of items) {
    const text = itemText(item) ?? (typeof item === 'number' ? String(item) : undefined);
    if (text === undefined) continue;
    if (spec.re.test(text.length > MAX_LINE_CHARS ? text.slice(0, MAX_LINE_CHARS) : text) && ++count >= spec.minCount) return true;
  }
  return false;
}

/** The `notMatches` operator body. */
export function notMatchesOperator(factValue: unknown, jsonValue: unknown): boolean {
  return !matchesOperator(factValue, jsonValue);
}

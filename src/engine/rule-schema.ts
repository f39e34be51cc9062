/**
 * Schema of a rule file. A rule is json-rules-engine's own serialisable shape
 * (`name`, `priority`, `conditions`, `event: { type, params }`), restricted to what the engine can
 * evaluate fast and safely, plus our `event.params`. Every problem is reported with the field path,
 * e.g. `event.params.article: unknown slug "oomkiled"`.
 *
 * ```json
 * {
 *   "name": "oomkilled-last-state",
 *   "priority": 90,
 *   "conditions": { "all": [
 *     { "fact": "kind", "operator": "equal", "value": "Pod" },
 *     { "fact": "lastTerminationReasons", "operator": "matches", "value": "^OOMKilled$" }
 *   ] },
 *   "event": { "type": "finding", "params": {
 *     "article": "oomkilled", "severity": "critical", "score": 0.95,
 *     "supersedes": ["crashloop-app-error"] } }
 * }
 * ```
 */
import { factType, type FactType } from './fact-names.ts';
import { analyzeRegex } from './regex-analysis.ts';
import { MAX_CONDITION_DEPTH, MAX_CONDITION_LEAVES, MAX_PATTERN_LENGTH } from './limits.ts';

/** A `matches` value: a regex source, or an object with flags and a minimum number of matching lines. */
export type PatternValue = string | { pattern: string; flags?: string; minCount?: number };

export interface LeafCondition {
  fact: string;
  operator: string;
  value: unknown;
}
export type Condition = LeafCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };

/** Parameters of a rule's event: what the finding links to and how it ranks. */
export interface RuleParams {
  /** Catalogue slug of the article the finding links to. */
  article: string;
  /** critical | warning | info */
  severity: 'critical' | 'warning' | 'info';
  /** 0–1: how sure and how important; findings are ordered by it. */
  score: number;
  /** Rule ids or article slugs this rule outranks when both fire on the same subject. */
  supersedes?: string[];
  /** Scalar facts whose value is reported as a capture: `{ "exitCode": "lastExitCodes" }`. */
  captureFacts?: Record<string, string>;
  /** Facts whose lines are added to the evidence when the rule fires. */
  evidenceFacts?: string[];
  /** A sentence for rule maintainers (not shown to users). */
  description?: string;
  /**
   * Articles to check next when this finding is all the paste shows (a Pending pod with no
   * scheduler event, a NotReady node with no condition): offered as "possibly related".
   */
  alsoSee?: string[];
}

export interface RuleJson {
  name: string;
  priority?: number;
  conditions: Condition;
  event: { type: 'finding'; params: RuleParams };
}

/** One schema problem: the field path inside the rule and what is wrong. */
export interface SchemaProblem {
  path: string;
  message: string;
}

const NUMBER_OPS = ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn'];
const STRING_OPS = ['equal', 'notEqual', 'in', 'notIn', 'matches', 'notMatches'];
const TEXT_OPS = ['matches', 'notMatches'];
const OPS_BY_TYPE: Record<FactType, string[]> = { number: NUMBER_OPS, string: STRING_OPS, text: TEXT_OPS };
const SEVERITIES = ['critical', 'warning', 'info'];
const RULE_KEYS = ['name', 'priority', 'conditions', 'event'];
const PARAM_KEYS = ['article', 'severity', 'score', 'supersedes', 'captureFacts', 'evidenceFacts', 'description', 'alsoSee'];
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Normalises a `matches` value to source, flags and minimum count. */
export function patternSpec(value: PatternValue): { source: string; flags: string; minCount: number } {
  if (typeof value === 'string') return { source: value, flags: 'i', minCount: 1 };
  return { source: value.pattern, flags: value.flags ?? 'i', minCount: value.minCount ?? 1 };
}

/**
 * Validates one parsed rule file. `isKnownSlug` decides which articles exist; `expectedName` is the
 * file's base name (a rule's id is its file name, so ids stay unique and findable).
 */
export function validateRule(rule: unknown, isKnownSlug: (slug: string) => boolean, expectedName?: string): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  if (!isObject(rule)) {
    add('(root)', 'a rule file must hold one JSON object');
    return problems;
  }
  for (const k of Object.keys(rule)) if (!RULE_KEYS.includes(k)) add(k, `unknown field (allowed: ${RULE_KEYS.join(', ')})`);
  if (typeof rule.name !== 'string' || !ID.test(rule.name)) add('name', 'must be a kebab-case rule id such as "oomkilled-last-state"');
  else if (expectedName !== undefined && rule.name !== expectedName) add('name', `must equal the file name "${expectedName}"`);
  if (rule.priority !== undefined && (!Number.isInteger(rule.priority) || (rule.priority as number) < 1 || (rule.priority as number) > 100)) {
    add('priority', 'must be an integer from 1 to 100');
  }
  if (!isObject(rule.conditions)) add('conditions', 'must be an object with "all", "any" or "not"');
  else {
    const keys = Object.keys(rule.conditions);
    if (keys.length !== 1 || !['all', 'any', 'not'].includes(keys[0]!)) add('conditions', 'the top level must be exactly one of "all", "any" or "not"');
    else {
      const shape = { leaves: 0 };
      validateCondition(rule.conditions, 'conditions', add, 1, shape);
      if (shape.leaves > MAX_CONDITION_LEAVES) add('conditions', `more than ${MAX_CONDITION_LEAVES} conditions; split the rule`);
    }
  }
  if (!isObject(rule.event)) add('event', 'must be an object { "type": "finding", "params": { ... } }');
  else {
    for (const k of Object.keys(rule.event)) if (k !== 'type' && k !== 'params') add(`event.${k}`, 'unknown field (allowed: type, params)');
    if (rule.event.type !== 'finding') add('event.type', 'must be "finding"');
    const p = rule.event.params;
    if (!isObject(p)) add('event.params', 'must be an object with article, severity and score');
    else validateParams(p, isKnownSlug, add);
  }
  return problems;
}

function validateParams(p: Record<string, unknown>, isKnownSlug: (slug: string) => boolean, add: (path: string, message: string) => void): void {
  for (const k of Object.keys(p)) if (!PARAM_KEYS.includes(k)) add(`event.params.${k}`, `unknown field (allowed: ${PARAM_KEYS.join(', ')})`);
  if (typeof p.article !== 'string') add('event.params.article', 'must be a catalogue slug');
  else if (!isKnownSlug(p.article)) add('event.params.article', `unknown slug "${p.article}"`);
  if (typeof p.severity !== 'string' || !SEVERITIES.includes(p.severity)) add('event.params.severity', `must be one of ${SEVERITIES.join(', ')}`);
  if (typeof p.score !== 'number' || !(p.score >= 0 && p.score <= 1)) add('event.params.score', 'must be a number from 0 to 1');
  if (p.supersedes !== undefined) {
    if (!Array.isArray(p.supersedes)) add('event.params.supersedes', 'must be a list of rule ids or article slugs');
    else p.supersedes.forEach((s, i) => { if (typeof s !== 'string' || !ID.test(s)) add(`event.params.supersedes[${i}]`, 'must be a rule id or article slug'); });
  }
  if (p.captureFacts !== undefined) {
    if (!isObject(p.captureFacts)) add('event.params.captureFacts', 'must map capture names to fact names');
    else for (const [k, v] of Object.entries(p.captureFacts)) {
      if (!/^[A-Za-z_$][\w$]*$/.test(k)) add(`event.params.captureFacts.${k}`, 'capture names must be identifiers');
      else if (k in Object.prototype) add(`event.params.captureFacts.${k}`, `"${k}" cannot be a capture name (it is a property of every object)`);
      if (typeof v !== 'string' || factType(v) === undefined) add(`event.params.captureFacts.${k}`, `unknown fact ${JSON.stringify(v)}`);
    }
  }
  if (p.evidenceFacts !== undefined) {
    if (!Array.isArray(p.evidenceFacts)) add('event.params.evidenceFacts', 'must be a list of fact names');
    else p.evidenceFacts.forEach((f, i) => { if (typeof f !== 'string' || factType(f) === undefined) add(`event.params.evidenceFacts[${i}]`, `unknown fact ${JSON.stringify(f)}`); });
  }
  if (p.description !== undefined && typeof p.description !== 'string') add('event.params.description', 'must be a string');
  if (p.alsoSee !== undefined) {
    if (!Array.isArray(p.alsoSee)) add('event.params.alsoSee', 'must be a list of catalogue slugs');
    else p.alsoSee.forEach((s, i) => { if (typeof s !== 'string' || !isKnownSlug(s)) add(`event.params.alsoSee[${i}]`, `unknown slug ${JSON.stringify(s)}`); });
  }
}

function validateCondition(c: unknown, path: string, add: (path: string, message: string) => void, depth: number, shape: { leaves: number }): void {
  if (!isObject(c)) {
    add(path, 'must be a condition object');
    return;
  }
  // Checked before going deeper: ten thousand nested "not" overflowed the call stack.
  if (depth > MAX_CONDITION_DEPTH) {
    add(path, `conditions nested more than ${MAX_CONDITION_DEPTH} deep`);
    return;
  }
  if (shape.leaves > MAX_CONDITION_LEAVES) return;
  if ('all' in c || 'any' in c) {
    const op = 'all' in c ? 'all' : 'any';
    const extra = Object.keys(c).filter((k) => k !== op);
    if (extra.length) add(`${path}.${extra[0]}`, `unexpected field next to "${op}"`);
    const list = c[op];
    if (!Array.isArray(list) || list.length === 0) add(`${path}.${op}`, 'must be a non-empty list of conditions');
    else list.forEach((sub, i) => { validateCondition(sub, `${path}.${op}[${i}]`, add, depth + 1, shape); });
    return;
  }
  if ('not' in c) {
    const extra = Object.keys(c).filter((k) => k !== 'not');
    if (extra.length) add(`${path}.${extra[0]}`, 'unexpected field next to "not"');
    validateCondition(c.not, `${path}.not`, add, depth + 1, shape);
    return;
  }
  if ('condition' in c) {
    add(`${path}.condition`, 'named condition references are not supported; write the condition inline');
    return;
  }
  shape.leaves++;
  for (const k of Object.keys(c)) if (!['fact', 'operator', 'value'].includes(k)) add(`${path}.${k}`, 'unknown field (allowed in a leaf: fact, operator, value)');
  const fact = c.fact;
  const type = typeof fact === 'string' ? factType(fact) : undefined;
  if (typeof fact !== 'string') {
    add(`${path}.fact`, 'must be a fact name');
    return;
  }
  if (!type) {
    add(`${path}.fact`, `unknown fact "${fact}"`);
    return;
  }
  const op = c.operator;
  if (typeof op !== 'string' || !OPS_BY_TYPE[type].includes(op)) {
    add(`${path}.operator`, `"${String(op)}" cannot be used on ${type} fact "${fact}" (allowed: ${OPS_BY_TYPE[type].join(', ')})`);
    return;
  }
  validateValue(op, type, c.value, `${path}.value`, add);
}

function validateValue(op: string, type: FactType, v: unknown, path: string, add: (path: string, message: string) => void): void {
  const scalarOk = (x: unknown) => (type === 'number' ? typeof x === 'number' && Number.isFinite(x) : typeof x === 'string');
  if (op === 'matches' || op === 'notMatches') {
    if (typeof v === 'string') {
      validatePattern(v, 'i', path, add);
      return;
    }
    if (!isObject(v) || typeof v.pattern !== 'string') {
      add(path, 'must be a regex string or { "pattern": "...", "flags": "i", "minCount": 2 }');
      return;
    }
    for (const k of Object.keys(v)) if (!['pattern', 'flags', 'minCount'].includes(k)) add(`${path}.${k}`, 'unknown field (allowed: pattern, flags, minCount)');
    if (v.flags !== undefined && (typeof v.flags !== 'string' || !/^[imsu]*$/.test(v.flags) || new Set(v.flags).size !== v.flags.length)) {
      add(`${path}.flags`, 'only the flags i, m, s and u are allowed');
    }
    if (v.minCount !== undefined && (!Number.isInteger(v.minCount) || (v.minCount as number) < 1 || (v.minCount as number) > 1000)) add(`${path}.minCount`, 'must be an integer from 1 to 1000');
    validatePattern(v.pattern, typeof v.flags === 'string' ? v.flags : 'i', `${path}.pattern`, add);
    return;
  }
  if (op === 'in' || op === 'notIn') {
    if (!Array.isArray(v) || v.length === 0 || !v.every(scalarOk)) add(path, `must be a non-empty list of ${type === 'number' ? 'numbers' : 'strings'}`);
    return;
  }
  if (!scalarOk(v)) add(path, `must be a ${type === 'number' ? 'number' : 'string'}`);
}

function validatePattern(source: string, flags: string, path: string, add: (path: string, message: string) => void): void {
  if (source.length === 0) {
    add(path, 'empty pattern');
    return;
  }
  if (source.length > MAX_PATTERN_LENGTH) {
    add(path, `pattern longer than ${MAX_PATTERN_LENGTH} characters`);
    return;
  }
  const a = analyzeRegex(source, flags);
  for (const p of a.problems) add(path, `bad regex /${source}/: ${p}`);
  for (const g of a.groupNames) if (g in Object.prototype) add(path, `bad regex /${source}/: group name "${g}" cannot be a capture name (it is a property of every object)`);
}

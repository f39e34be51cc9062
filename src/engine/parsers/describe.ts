/**
 * Helpers shared by the `kubectl describe` parsers: the `Key:  value` lines (space- or
 * tab-separated, nested by indentation), the top-level keys, and the Events block.
 */
import type { Line } from '../types.ts';
import { eventText, inferKindFromReason, readEventRows } from './events.ts';
import type { RecordBuilder } from './parser.ts';

/** A describe output begins with `Name:` in the first column. */
export const DESCRIBE_START = /^Name:\s+\S/;

/** Top-level describe keys continue a describe section; indented lines always do. */
export function continuesDescribe(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c === 32 || c === 9) return true;
  return /^[A-Z][\w ./-]*:(?:\s|$)/.test(text) && !DESCRIBE_START.test(text) && !/^(?:Error|Warning|error)\b/.test(text);
}

export interface KeyValue {
  indent: number;
  key: string;
  value: string;
}

const KV = /^([ \t]*)([A-Za-z][\w .\-/()]*?):(?:[ \t]+(.*))?$/;

/** Reads `  Key:   value` (value may be empty); indentation counts characters before the key. */
export function keyValue(text: string): KeyValue | null {
  if (text.indexOf(':') === -1) return null;
  const m = KV.exec(text);
  if (!m) return null;
  return { indent: m[1]!.length, key: m[2]!.trim(), value: (m[3] ?? '').trim() };
}

const topLevelCache = new WeakMap<Line[], Map<string, { value: string; line: Line; index: number }>>();

/** Top-level (unindented) keys with their value line, first occurrence wins (memoised per section). */
export function topLevelKeys(lines: Line[]): Map<string, { value: string; line: Line; index: number }> {
  const cached = topLevelCache.get(lines);
  if (cached) return cached;
  const out = new Map<string, { value: string; line: Line; index: number }>();
  topLevelCache.set(lines, out);
  lines.forEach((line, index) => {
    if (line.text.length === 0 || line.text[0] === ' ' || line.text[0] === '\t') return;
    const kv = keyValue(line.text);
    if (kv && kv.indent === 0 && !out.has(kv.key)) out.set(kv.key, { value: kv.value, line, index });
  });
  return out;
}

/** How many of the given keys appear at the top level. */
export function countKeys(keys: Map<string, unknown>, wanted: string[]): number {
  return wanted.reduce((n, k) => n + (keys.has(k) ? 1 : 0), 0);
}

/**
 * Adds the `Events:` block to the builder. Events whose reason plainly belongs to another kind
 * (a Node event in a pod fragment) still go to this subject: describe lists the object's own events.
 */
export function addEvents(lines: Line[], b: RecordBuilder): void {
  const start = lines.findIndex((l) => /^Events:/.test(l.text));
  if (start < 0) return;
  if (/^Events:\s+<none>/.test(lines[start]!.text)) return;
  const { rows } = readEventRows(lines, start + 1);
  for (const r of rows) b.text('events', eventText(r.type, r.reason, r.message), r.line);
}

/** Reads event rows anywhere in a fragment without `Events:` (headerless pastes). */
export function looseEventRows(lines: Line[]): { kind: string; text: string; line: Line }[] {
  const out: { kind: string; text: string; line: Line }[] = [];
  const { rows } = readEventRows(lines, 0);
  for (const r of rows) out.push({ kind: inferKindFromReason(r.reason, r.message), text: eventText(r.type, r.reason, r.message), line: r.line });
  return out;
}

/** Parses the Status/Type condition table rows ("  Ready   False   …   KubeletNotReady   PLEG is not healthy…"). */
const TIMESTAMP = String.raw`(?:[A-Z][a-z]{2},\s+\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}\s+\d{1,2}:\d{2}:\d{2}\s+(?:[+-]\d{4}|[A-Z]{2,5})|\d{4}-\d{2}-\d{2}[T ][\d:.]+Z?|<unknown>|<invalid>)`;
const CONDITION = new RegExp(String.raw`^\s*([A-Z][A-Za-z]+)\s+(True|False|Unknown)(?:\s+${TIMESTAMP})?(?:\s+${TIMESTAMP})?(?:\s+([A-Z][A-Za-z]+))?(?:\s+(.*))?$`);

export interface ConditionRow {
  type: string;
  status: string;
  reason: string;
  message: string;
}

/** One condition row, or null. */
export function parseConditionRow(text: string): ConditionRow | null {
  const m = CONDITION.exec(text);
  if (!m) return null;
  return { type: m[1]!, status: m[2]!, reason: m[3] ?? '', message: (m[4] ?? '').trim() };
}

/** The text rules match for a condition: "Type Status Reason Message". */
export function conditionText(c: ConditionRow): string {
  return [c.type, c.status, c.reason, c.message].filter((s) => s !== '').join(' ');
}

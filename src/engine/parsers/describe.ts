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
  // /^[A-Z][\w ./-]*:(?:\s|$)/ by hand: this runs for every top-level line of a describe paste.
  if (!(c >= 65 && c <= 90)) return false;
  let i = 1;
  for (; i < text.length; i++) {
    const k = text.charCodeAt(i);
    if (k === 58) break;
    if (!((k >= 97 && k <= 122) || (k >= 65 && k <= 90) || (k >= 48 && k <= 57) || k === 95 || k === 32 || k === 46 || k === 47 || k === 45)) return false;
  }
  if (i === text.length) return false;
  const after = text.charCodeAt(i + 1);
  if (!(i + 1 === text.length || after === 32 || (after >= 9 && after <= 13) || after === 0xa0 || after > 0x1000)) return false;
  if (after > 0x1000 && !/\s/.test(text[i + 1]!)) return false;
  return !(c === 78 && DESCRIBE_START.test(text)) && !(c === 69 && /^Error\b/.test(text)) && !(c === 87 && /^Warning\b/.test(text));
}

export interface KeyValue {
  indent: number;
  key: string;
  value: string;
}

/** A character allowed in a describe key: letters, digits, `_`, space, `.`, `-`, `/`, `(`, `)`. */
function isKeyChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 32 || c === 46 || c === 45 || c === 47 || c === 40 || c === 41;
}

/** A character String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator). */
function isTrimmed(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && (c === 0xa0 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000));
}

/**
 * Reads `  Key:   value` (value may be empty); indentation counts characters before the key. The
 * key starts with a letter and ends at the first colon, which must end the line or be followed by
 * a blank. One pass by hand, no regex and no indexOf: this runs for most lines of a describe
 * paste, and on two-byte text (a paste with any Chinese in it) indexOf and trim cost a runtime
 * call each.
 */
export function keyValue(text: string): KeyValue | null {
  const n = text.length;
  let i = 0;
  while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  const c0 = text.charCodeAt(i);
  if (!((c0 >= 97 && c0 <= 122) || (c0 >= 65 && c0 <= 90))) return null;
  let colon = i + 1;
  for (; colon < n; colon++) {
    const c = text.charCodeAt(colon);
    if (c === 58) break;
    if (!isKeyChar(c)) return null;
  }
  if (colon >= n) return null;
  let value = '';
  if (colon + 1 < n) {
    const after = text.charCodeAt(colon + 1);
    if (after !== 32 && after !== 9) return null;
    let from = colon + 2;
    let to = n;
    while (from < to && isTrimmed(text.charCodeAt(from))) from++;
    while (to > from && isTrimmed(text.charCodeAt(to - 1))) to--;
    if (to > from) value = text.slice(from, to);
  }
  let keyEnd = colon;
  while (text.charCodeAt(keyEnd - 1) === 32) keyEnd--;
  return { indent: i, key: text.slice(i, keyEnd), value };
}

type TopLevelKeys = Map<string, { value: string; line: Line; index: number }>;

// The keys of the section being detected and parsed. One entry, not a cache of every section: the
// engine chooses a section's parser and parses it before moving on, and a 10 MB paste has
// thousands of sections whose keys would otherwise all stay in memory.
let lastLines: Line[] | null = null;
let lastKeys: TopLevelKeys | null = null;

/** Top-level (unindented) keys with their value line, first occurrence wins (memoised for the last section). */
export function topLevelKeys(lines: Line[]): TopLevelKeys {
  if (lines === lastLines && lastKeys) return lastKeys;
  const out: TopLevelKeys = new Map();
  lastLines = lines;
  lastKeys = out;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const c = line.text.charCodeAt(0);
    if (line.text.length === 0 || c === 32 || c === 9) continue;
    const kv = keyValue(line.text);
    if (kv && kv.indent === 0 && !out.has(kv.key)) out.set(kv.key, { value: kv.value, line, index });
  }
  return out;
}

/** How many of the given keys appear at the top level. */
export function countKeys(keys: Map<string, unknown>, wanted: string[]): number {
  return wanted.reduce((n, k) => n + (keys.has(k) ? 1 : 0), 0);
}

/** How many lines match `re` (a non-global regex). */
export function countLines(lines: Line[], re: RegExp): number {
  let n = 0;
  for (let i = 0; i < lines.length; i++) if (re.test(lines[i]!.text)) n++;
  return n;
}

/**
 * Adds the `Events:` block to the builder. Events whose reason plainly belongs to another kind
 * (a Node event in a pod fragment) still go to this subject: describe lists the object's own events.
 */
export function addEvents(lines: Line[], b: RecordBuilder): void {
  const start = topLevelKeys(lines).get('Events')?.index ?? -1;
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
  let text = c.type + ' ' + c.status;
  if (c.reason !== '') text += ' ' + c.reason;
  if (c.message !== '') text += ' ' + c.message;
  return text;
}

/**
 * Tolerant readers for `kubectl get -o yaml` and `-o json` that keep line numbers: they flatten a
 * document into `path = value` pairs (`items[0].status.containerStatuses[0].lastState.terminated.reason
 * = OOMKilled`, line 57). They never throw: a paste cut mid-document still yields what was read.
 */
import { MAX_LINE_CHARS } from '../limits.ts';
import { isBlank } from '../normalize.ts';
import type { Line } from '../types.ts';

export interface PathValue {
  path: string;
  value: string;
  line: Line;
}

/**
 * Paths deeper or longer than these are not read. kubectl's own paths are short (the longest a rule
 * needs is `items[i].status.containerStatuses[j].lastState.terminated.exitCode`); a hostile document
 * of 250 levels of 4,000-character keys gave each of its 13,000 values a 1 MB path and ran V8 out
 * of memory.
 */
export const MAX_PATH_DEPTH = 64;
export const MAX_PATH_CHARS = 512;

/**
 * Path characters kept per character of the document (plus a floor): values × path length stays
 * linear in the paste even for a long array of one-character values under a long path. A real
 * kubectl document needs 2–4.
 */
const PATH_CHARS_PER_CHAR = 8;
const PATH_CHARS_FLOOR = 1 << 16;

function pathBudget(lines: Line[]): number {
  let chars = 0;
  for (let i = 0; i < lines.length; i++) chars += lines[i]!.text.length + 1;
  return chars * PATH_CHARS_PER_CHAR + PATH_CHARS_FLOOR;
}

interface Frame {
  indent: number;
  /** null when the path is too deep or too long to be read (its values are skipped). */
  path: string | null;
  isItem: boolean;
  next: number;
}

const QUOTED_KEY = /^(?:"((?:[^"\\]|\\.)*)"|'([^']*)')[ \t]*:(?:[ \t]+(.*)|$)/;
const BLOCK = /^[|>][+-]?\d*$/;

/**
 * A `key: value` line of block YAML: the key (unquoted, or in single or double quotes) and the value
 * (undefined when the line ends at the colon). An unquoted key runs to the first colon, which must
 * end the line or be followed by a blank. By hand rather than one regex: `[^:]*?\s*:` backtracks over
 * every run of blanks, quadratic on a 4 KB line of spaces.
 */
export function yamlKey(content: string): { key: string; value: string | undefined } | null {
  const c0 = content.charCodeAt(0);
  if (c0 === 34 || c0 === 39) {
    const m = QUOTED_KEY.exec(content);
    return m ? { key: m[1] ?? m[2]!, value: m[3] } : null;
  }
  const n = content.length;
  if (n === 0 || c0 === 35 || c0 === 32 || c0 === 9 || c0 === 10 || c0 === 13 || c0 === 12 || c0 === 11) return null;
  if (c0 === 45 && (n === 1 || content.charCodeAt(1) === 58 || /\s/.test(content[1]!))) return null;
  if (c0 > 127 && /\s/.test(content[0]!)) return null;
  const colon = content.indexOf(':');
  if (colon <= 0) return null;
  if (colon + 1 === n) return { key: content.slice(0, colon).trim(), value: undefined };
  const after = content.charCodeAt(colon + 1);
  if (after !== 32 && after !== 9) return null;
  return { key: content.slice(0, colon).trim(), value: content.slice(colon + 2) };
}

function join(path: string | null, key: string): string | null {
  if (path === null) return null;
  const joined = path ? `${path}.${key}` : key;
  return joined.length > MAX_PATH_CHARS ? null : joined;
}

const COMMENT = /\s#/;

function unquote(v: string): string {
  // A trailing comment: from the first blank-then-# on (one pass; `\s+#.*$` backtracks over blanks).
  const hash = v.search(COMMENT);
  const s = hash === -1 ? v : v.slice(0, hash).trimEnd();
  if (s.startsWith("'") && s.endsWith("'") && s.length >= 2) return s.slice(1, -1).replace(/''/g, "'");
  if (s.startsWith('"') && s.endsWith('"') && s.length >= 2) {
    try {
      return JSON.parse(s) as string;
    } catch {
      return s.slice(1, -1);
    }
  }
  return s;
}

/**
 * Where the quote that opens `v` (at 0) closes, scanning from `from`; -1 while it is still open.
 * Callers scan each appended piece once, so a quoted scalar folded over many lines stays linear.
 */
function quoteEnd(v: string, q: string, from: number): number {
  for (let i = from; i < v.length; i++) {
    const c = v[i];
    if (q === '"' && c === '\\') { i++; continue; }
    if (c === q) {
      if (q === "'" && v[i + 1] === "'") { i++; continue; }
      return i;
    }
  }
  return -1;
}

/** Flattens block-style YAML (as kubectl prints it, including go-yaml's folded long strings). */
export function readYaml(lines: Line[]): PathValue[] {
  const out: PathValue[] = [];
  const root: Frame = { indent: -1, path: '', isItem: false, next: 0 };
  const stack: Frame[] = [root];
  type Last = { pv: PathValue; indent: number };
  const lastRef: { v: Last | null } = { v: null };
  const top = () => stack[stack.length - 1]!;
  let budget = pathBudget(lines);

  const emit = (path: string | null, value: string, line: Line, indent: number) => {
    if (path === null || budget < path.length) {
      lastRef.v = null;
      return;
    }
    budget -= path.length;
    const pv = { path, value, line };
    out.push(pv);
    lastRef.v = { pv, indent };
  };
  const push = (frame: Frame) => {
    if (stack.length >= MAX_PATH_DEPTH) frame.path = null;
    stack.push(frame);
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text.indexOf('\t') === -1 ? line.text : line.text.replace(/\t/g, '  ');
    if (isBlank(text) || /^\s*#/.test(text) || /^(?:---|\.\.\.)\s*$/.test(text)) continue;
    const indent = text.length - text.trimStart().length;
    let content = text.slice(indent);
    let keyIndent = indent;
    let kv: ReturnType<typeof yamlKey>;
    if (content === '-' || content.startsWith('- ')) {
      while (stack.length > 1 && (top().indent > indent || (top().isItem && top().indent >= indent))) stack.pop();
      const parent = top();
      const index = parent.next++;
      const itemPath = parent.path === null ? null : `${parent.path}[${index}]`;
      push({ indent, path: itemPath !== null && itemPath.length <= MAX_PATH_CHARS ? itemPath : null, isItem: true, next: 0 });
      content = content.slice(2).trimStart();
      keyIndent = indent + 2;
      lastRef.v = null;
      if (content === '') continue;
      kv = yamlKey(content);
      if (!kv) {
        emit(top().path, unquote(content), line, keyIndent);
        continue;
      }
    } else {
      kv = yamlKey(content);
      if (!kv) {
        // A folded continuation of the previous scalar (kept to one line's worth of text).
        const prev = lastRef.v;
        if (prev && indent > prev.indent && prev.pv.value.length < MAX_LINE_CHARS) {
          prev.pv.value = `${prev.pv.value} ${content.trim()}`;
          prev.pv.line = { text: prev.pv.line.text, start: prev.pv.line.start, end: line.end };
        }
        continue;
      }
      while (stack.length > 1 && top().indent >= indent) stack.pop();
    }
    const path = join(top().path, kv.key);
    const value = (kv.value ?? '').trim();
    if (value === '' || value.startsWith('#')) {
      push({ indent: keyIndent, path, isItem: false, next: 0 });
      lastRef.v = null;
      continue;
    }
    if (BLOCK.test(value)) {
      // The block runs to the first line indented no deeper than the key; its text is kept to
      // one line's worth (the rest is still skipped, so it is not read as keys).
      const parts: string[] = [];
      let chars = 0;
      let end = line.end;
      while (i + 1 < lines.length) {
        const t = lines[i + 1]!.text;
        const ind = t.length - t.trimStart().length;
        if (!isBlank(t) && ind <= keyIndent) break;
        if (chars < MAX_LINE_CHARS) {
          const part = t.trim();
          parts.push(part);
          chars += part.length + 1;
          end = lines[i + 1]!.end;
        }
        i++;
      }
      emit(path, parts.join(value.startsWith('>') ? ' ' : '\n').trim(), { text: line.text, start: line.start, end }, keyIndent);
      continue;
    }
    const q = value[0]!;
    if ((q === '"' || q === "'") && quoteEnd(value, q, 1) === -1) {
      // A quoted scalar folded over several lines: each piece is scanned once for the closing quote.
      let raw = value;
      let end = line.end;
      while (i + 1 < lines.length && raw.length < MAX_LINE_CHARS) {
        const from = raw.length;
        raw += ' ' + lines[i + 1]!.text.trim();
        end = lines[i + 1]!.end;
        i++;
        if (quoteEnd(raw, q, from) !== -1) break;
      }
      emit(path, unquote(raw), { text: line.text, start: line.start, end }, keyIndent);
      continue;
    }
    emit(path, unquote(value), line, keyIndent);
  }
  return out;
}

/** Flattens JSON (pretty-printed or on one line), tolerant of truncation. */
export function readJson(lines: Line[]): PathValue[] {
  const out: PathValue[] = [];
  // path null: too deep or too long to read (see MAX_PATH_DEPTH); values below it are skipped.
  type JFrame = { type: 'obj' | 'arr'; path: string | null; key: string | undefined; index: number };
  const stack: JFrame[] = [];
  let budget = pathBudget(lines);
  const valuePath = (): string | null => {
    const t = stack[stack.length - 1];
    if (!t) return '';
    if (t.path === null || stack.length > MAX_PATH_DEPTH) return null;
    if (t.type === 'obj') return join(t.path, t.key ?? '');
    const p = `${t.path}[${t.index}]`;
    return p.length > MAX_PATH_CHARS ? null : p;
  };
  const emit = (value: string, line: Line) => {
    const path = valuePath();
    if (path === null || budget < path.length) return;
    budget -= path.length;
    out.push({ path, value, line });
  };
  for (const line of lines) {
    const s = line.text;
    let i = 0;
    while (i < s.length) {
      const c = s[i]!;
      if (c === ' ' || c === '\t' || c === ':') { i++; continue; }
      const t = stack[stack.length - 1];
      if (c === '{' || c === '[') {
        stack.push({ type: c === '{' ? 'obj' : 'arr', path: valuePath(), key: undefined, index: 0 });
        i++;
      } else if (c === '}' || c === ']') {
        stack.pop();
        i++;
      } else if (c === ',') {
        if (t?.type === 'arr') t.index++;
        else if (t) t.key = undefined;
        i++;
      } else if (c === '"') {
        let j = i + 1;
        while (j < s.length && s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
        const raw = s.slice(i, Math.min(j + 1, s.length));
        let str: string;
        try {
          str = JSON.parse(raw) as string;
        } catch {
          str = raw.slice(1, -1);
        }
        i = j + 1;
        let k = i;
        while (k < s.length && (s[k] === ' ' || s[k] === '\t')) k++;
        if (t?.type === 'obj' && t.key === undefined && s[k] === ':') t.key = str;
        else if (t?.type === 'obj' && t.key === undefined && k >= s.length) t.key = str; // key, colon on the next line
        else emit(str, line);
      } else {
        const m = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(s.slice(i, i + 40));
        if (m) {
          emit(m[0], line);
          i += m[0].length;
        } else i++;
      }
    }
  }
  return out;
}

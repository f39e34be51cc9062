/**
 * Tolerant readers for `kubectl get -o yaml` and `-o json` that keep line numbers: they flatten a
 * document into `path = value` pairs (`items[0].status.containerStatuses[0].lastState.terminated.reason
 * = OOMKilled`, line 57). They never throw: a paste cut mid-document still yields what was read.
 */
import type { Line } from '../types.ts';

export interface PathValue {
  path: string;
  value: string;
  line: Line;
}

interface Frame {
  indent: number;
  path: string;
  isItem: boolean;
  next: number;
}

const KEY = /^(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s"'#\-][^:]*?|-[^\s:][^:]*?))\s*:(?:[ \t]+(.*)|$)/;
const BLOCK = /^[|>][+-]?\d*$/;

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function unquote(v: string): string {
  const s = v.replace(/\s+#.*$/, '');
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

function quoteOpen(v: string): boolean {
  const q = v[0];
  if (q !== "'" && q !== '"') return false;
  for (let i = 1; i < v.length; i++) {
    const c = v[i];
    if (q === '"' && c === '\\') { i++; continue; }
    if (c === q) {
      if (q === "'" && v[i + 1] === "'") { i++; continue; }
      return false;
    }
  }
  return true;
}

/** Flattens block-style YAML (as kubectl prints it, including go-yaml's folded long strings). */
export function readYaml(lines: Line[]): PathValue[] {
  const out: PathValue[] = [];
  const root: Frame = { indent: -1, path: '', isItem: false, next: 0 };
  const stack: Frame[] = [root];
  type Last = { pv: PathValue; indent: number };
  const lastRef: { v: Last | null } = { v: null };
  const top = () => stack[stack.length - 1]!;

  const emit = (path: string, value: string, line: Line, indent: number) => {
    const pv = { path, value, line };
    out.push(pv);
    lastRef.v = { pv, indent };
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text.replace(/\t/g, '  ');
    if (text.trim() === '' || /^\s*#/.test(text) || /^(?:---|\.\.\.)\s*$/.test(text)) continue;
    const indent = text.length - text.trimStart().length;
    let content = text.slice(indent);
    let keyIndent = indent;
    if (content === '-' || content.startsWith('- ')) {
      while (stack.length > 1 && (top().indent > indent || (top().isItem && top().indent >= indent))) stack.pop();
      const parent = top();
      const itemPath = `${parent.path}[${parent.next++}]`;
      stack.push({ indent, path: itemPath, isItem: true, next: 0 });
      content = content.slice(2).trimStart();
      keyIndent = indent + 2;
      lastRef.v = null;
      if (content === '') continue;
      if (!KEY.test(content)) {
        emit(itemPath, unquote(content), line, keyIndent);
        continue;
      }
    } else {
      const m = KEY.exec(content);
      if (!m) {
        // A folded continuation of the previous scalar.
        const prev = lastRef.v;
        if (prev && indent > prev.indent) {
          prev.pv.value = `${prev.pv.value} ${content.trim()}`;
          prev.pv.line = { text: prev.pv.line.text, start: prev.pv.line.start, end: line.end };
        }
        continue;
      }
      while (stack.length > 1 && top().indent >= indent) stack.pop();
    }
    const m = KEY.exec(content);
    if (!m) continue;
    const key = m[1] ?? m[2] ?? m[3]!.trim();
    const path = join(top().path, key);
    const value = (m[4] ?? '').trim();
    if (value === '' || value.startsWith('#')) {
      stack.push({ indent: keyIndent, path, isItem: false, next: 0 });
      lastRef.v = null;
      continue;
    }
    if (BLOCK.test(value)) {
      const parts: string[] = [];
      let end = line.end;
      while (i + 1 < lines.length) {
        const t = lines[i + 1]!.text;
        const ind = t.length - t.trimStart().length;
        if (t.trim() !== '' && ind <= keyIndent) break;
        parts.push(t.trim());
        end = lines[i + 1]!.end;
        i++;
      }
      emit(path, parts.join(value.startsWith('>') ? ' ' : '\n').trim(), { text: line.text, start: line.start, end }, keyIndent);
      continue;
    }
    if (quoteOpen(value)) {
      let raw = value;
      let end = line.end;
      while (i + 1 < lines.length && quoteOpen(raw)) {
        raw += ' ' + lines[i + 1]!.text.trim();
        end = lines[i + 1]!.end;
        i++;
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
  type JFrame = { type: 'obj' | 'arr'; path: string; key: string | undefined; index: number };
  const stack: JFrame[] = [];
  const valuePath = (): string => {
    const t = stack[stack.length - 1];
    if (!t) return '';
    return t.type === 'arr' ? `${t.path}[${t.index}]` : join(t.path, t.key ?? '');
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
        else out.push({ path: valuePath(), value: str, line });
      } else {
        const m = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(s.slice(i, i + 40));
        if (m) {
          out.push({ path: valuePath(), value: m[0], line });
          i += m[0].length;
        } else i++;
      }
    }
  }
  return out;
}

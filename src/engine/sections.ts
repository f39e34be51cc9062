/**
 * Splits a paste into sections and decides which command produced each. Two signals, in order:
 *
 * 1. shell prompt lines (`$ kubectl get po -A`, `[root@host ~]# kubectl describe po x`, …): a new
 *    section starts at each, and the command tells what its output should be;
 * 2. the content: a table header, a `Name:` line, `apiVersion:`, a log line of another shape, a
 *    kubectl error line — each parser says whether a line begins its kind of output.
 *
 * Each section is then given to the parser whose `detect` scores highest (the command's kind gets
 * a bonus), or to the catch-all log parser.
 */
import { parsePrompt } from './commands.ts';
import { FALLBACK, PARSERS } from './parsers/index.ts';
import type { CommandHint, Parser } from './parsers/parser.ts';
import type { Line } from './types.ts';

export interface Section {
  /** Content lines (the prompt line excluded). */
  lines: Line[];
  /** First and last original line, the prompt line included. */
  startLine: number;
  endLine: number;
  hint?: CommandHint;
  /** The parser whose start line opened the section, if any. */
  opener?: Parser;
  parser: Parser;
}

interface Open {
  lines: Line[];
  startLine: number;
  hint?: CommandHint;
  opener?: Parser;
  /** For JSON documents: bracket depth, to know where the document ends. */
  depth?: number;
}

/** Lines that begin a headerless describe fragment; a table never continues with them. */
const FRAGMENT_START = /^\s*(?:(?:State|Last State|Exit Code|Restart Count|Conditions|Events):(?:\s|$)|(?:Normal|Warning)\s+[A-Z]\w+\s+\S|(?:Ready|MemoryPressure|DiskPressure|PIDPressure|NetworkUnavailable|OutOfDisk)\s+(?:True|False|Unknown)\s)/;

const MIN_SCORE = 0.2;
const HINT_BONUS = 0.15;

function jsonDepthDelta(text: string): number {
  let d = 0;
  let inStr = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inStr) {
      if (c === '\\') i++;
      else if (c === '"') inStr = false;
    } else if (c === '"') inStr = true;
    else if (c === '{' || c === '[') d++;
    else if (c === '}' || c === ']') d--;
  }
  return d;
}

/** The parser whose output begins at this line, if any. */
function openerOf(text: string): Parser | undefined {
  for (const p of PARSERS) if (p.startsAt(text)) return p;
  return undefined;
}

/** Splits normalised lines into sections with a parser chosen for each. */
export function splitSections(lines: Line[]): Section[] {
  const out: Section[] = [];
  let cur: Open | null = null;
  let blockHint: CommandHint | undefined;

  const close = () => {
    if (!cur) return;
    const { lines: ls, startLine } = cur;
    const endLine = ls.length ? ls[ls.length - 1]!.end : startLine;
    if (ls.some((l) => l.text.trim() !== '')) out.push({ lines: ls, startLine, endLine, hint: cur.hint, opener: cur.opener, parser: FALLBACK });
    cur = null;
  };
  const open = (line: Line, opener: Parser | undefined) => {
    close();
    cur = { lines: [line], startLine: line.start, hint: blockHint, opener, depth: opener?.kind === 'json' ? jsonDepthDelta(line.text) : undefined };
  };

  for (const line of lines) {
    const text = line.text;
    if (cur === null && text.trim() === '') continue;
    const c = cur as Open | null;
    if (c?.opener?.kind === 'json' && c.depth !== undefined && c.depth > 0) {
      c.lines.push(line);
      c.depth += jsonDepthDelta(text);
      continue;
    }
    // Cheap path: a line that plainly continues the current section (a table row, an indented
    // describe line, another log line of the same shape) cannot start a new one.
    if (c?.opener?.continues?.(text) && !(c.opener.family === 'describe' && /^Name:\s/.test(text))) {
      c.lines.push(line);
      continue;
    }
    if (text.trim() === '') {
      c?.lines.push(line);
      continue;
    }
    const hint = text.length < 1000 ? parsePrompt(text) : null;
    if (hint) {
      close();
      blockHint = hint;
      cur = { lines: [], startLine: line.start, hint };
      continue;
    }
    const opener = openerOf(text);
    if (opener) {
      if (c && opener.family === 'lines' && c.opener === opener) c.lines.push(line);
      else if (c && c.hint && opener.family === 'lines' && (!c.opener || c.opener.family === 'lines')) {
        // Under a prompt, one command's output stays one section even when its lines vary in shape
        // (etcdctl mixes its own lines with zap JSON); detect() picks the parser for the whole.
        c.opener ??= opener;
        c.lines.push(line);
      } else if (c && !c.opener && c.lines.every((l) => l.text.trim() === '')) {
        // First output line under a prompt: the section keeps the prompt line as its start.
        c.opener = opener;
        c.depth = opener.kind === 'json' ? jsonDepthDelta(text) : undefined;
        c.lines.push(line);
      } else open(line, opener);
      continue;
    }
    if (c && c.opener?.family === 'table' && FRAGMENT_START.test(text)) open(line, undefined);
    else if (c) c.lines.push(line);
    else open(line, undefined);
  }
  close();
  for (const s of out) s.parser = chooseParser(s);
  return out;
}

function chooseParser(s: Section): Parser {
  const candidates = s.opener ? (s.opener.family === 'describe' || s.opener.family === 'lines' ? PARSERS.filter((p) => p.family === s.opener!.family) : [s.opener]) : PARSERS;
  let best: Parser = FALLBACK;
  let bestScore = MIN_SCORE;
  for (const p of candidates) {
    let score = p.detect(s.lines, s.hint);
    if (score > 0 && s.hint?.kind && (s.hint.kind === p.kind || (p.kind === 'describe-deployment' && /^describe-(?:statefulset|replicaset|daemonset)$/.test(s.hint.kind)))) score += HINT_BONUS;
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  if (best === FALLBACK && s.opener && s.opener !== FALLBACK && s.opener.family !== 'describe') return s.opener;
  return best;
}

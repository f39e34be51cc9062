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

const DESCRIBE_NAME = /^Name:\s/;
const DESCRIBE_PARSERS = PARSERS.filter((p) => p.family === 'describe');
const LINE_PARSERS = PARSERS.filter((p) => p.family === 'lines');

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
  for (let i = 0; i < PARSERS.length; i++) if (PARSERS[i]!.startsAt(text)) return PARSERS[i];
  return undefined;
}

/** True when the lines hold something other than blanks. */
function hasContent(lines: Line[]): boolean {
  for (let i = 0; i < lines.length; i++) if (lines[i]!.text.trim() !== '') return true;
  return false;
}

/** Closes the open section into `out` (sections of blank lines only are dropped). */
function closeSection(cur: Open | null, out: Section[]): void {
  if (!cur) return;
  const ls = cur.lines;
  const endLine = ls.length ? ls[ls.length - 1]!.end : cur.startLine;
  if (hasContent(ls)) out.push({ lines: ls, startLine: cur.startLine, endLine, hint: cur.hint, opener: cur.opener, parser: FALLBACK });
}

function openSection(line: Line, opener: Parser | undefined, hint: CommandHint | undefined): Open {
  return { lines: [line], startLine: line.start, hint, opener, depth: opener?.kind === 'json' ? jsonDepthDelta(line.text) : undefined };
}

/** Splits normalised lines into sections with a parser chosen for each. */
export function splitSections(lines: Line[]): Section[] {
  const out = cutSections(lines);
  for (let i = 0; i < out.length; i++) out[i]!.parser = chooseParser(out[i]!);
  return out;
}

/**
 * Splits normalised lines into sections; `parser` is left to `chooseParser`, so a caller can choose
 * and parse one section at a time. This loop runs once per line of pastes up to tens of megabytes:
 * no closures and no iterators.
 */
export function cutSections(lines: Line[]): Section[] {
  const out: Section[] = [];
  let cur = null as Open | null;
  let blockHint: CommandHint | undefined;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text;
    if (cur === null && text.trim() === '') continue;
    if (cur?.opener?.kind === 'json' && cur.depth !== undefined && cur.depth > 0) {
      cur.lines.push(line);
      cur.depth += jsonDepthDelta(text);
      continue;
    }
    // Cheap path: a line that plainly continues the current section (a table row, an indented
    // describe line, another log line of the same shape) cannot start a new one.
    if (cur?.opener?.continues?.(text) && !(cur.opener.family === 'describe' && DESCRIBE_NAME.test(text))) {
      cur.lines.push(line);
      continue;
    }
    if (text.trim() === '') {
      cur?.lines.push(line);
      continue;
    }
    const hint: CommandHint | null = text.length < 1000 ? parsePrompt(text) : null;
    if (hint) {
      closeSection(cur, out);
      blockHint = hint;
      cur = { lines: [], startLine: line.start, hint };
      continue;
    }
    const opener = openerOf(text);
    if (opener) {
      if (cur && opener.family === 'lines' && cur.opener === opener) cur.lines.push(line);
      else if (cur && cur.hint && opener.family === 'lines' && (!cur.opener || cur.opener.family === 'lines')) {
        // Under a prompt, one command's output stays one section even when its lines vary in shape
        // (etcdctl mixes its own lines with zap JSON); detect() picks the parser for the whole.
        cur.opener ??= opener;
        cur.lines.push(line);
      } else if (cur && !cur.opener && !hasContent(cur.lines)) {
        // First output line under a prompt: the section keeps the prompt line as its start.
        cur.opener = opener;
        cur.depth = opener.kind === 'json' ? jsonDepthDelta(text) : undefined;
        cur.lines.push(line);
      } else {
        closeSection(cur, out);
        cur = openSection(line, opener, blockHint);
      }
      continue;
    }
    if (cur && cur.opener?.family === 'table' && FRAGMENT_START.test(text)) {
      closeSection(cur, out);
      cur = openSection(line, undefined, blockHint);
    } else if (cur) cur.lines.push(line);
    else cur = openSection(line, undefined, blockHint);
  }
  closeSection(cur, out);
  return out;
}

/** The parser whose `detect` scores the section highest (the command's kind gets a bonus). */
export function chooseParser(s: Section): Parser {
  const candidates = s.opener ? (s.opener.family === 'describe' ? DESCRIBE_PARSERS : s.opener.family === 'lines' ? LINE_PARSERS : [s.opener]) : PARSERS;
  let best: Parser = FALLBACK;
  let bestScore = MIN_SCORE;
  for (let i = 0; i < candidates.length; i++) {
    const p = candidates[i]!;
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

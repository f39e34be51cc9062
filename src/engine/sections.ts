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
import { isBlank, linesOf } from './normalize.ts';
import type { Line } from './types.ts';

const NO_LINES: Line[] = [];

export interface Section {
  /** Content lines (the prompt line excluded): `texts[from]` up to, not including, `texts[to]`. */
  from: number;
  to: number;
  /** Those lines as `Line`s: filled by `splitSections`, or by the caller just before parsing. */
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
  from: number;
  to: number;
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

/** A line that begins like an application log record: a date and time (`2024-05-01 12:00:01`, `[2024/05/01 12:00:01`). */
const LOG_START = /^\[?\d{4}[-/]\d{2}[-/]\d{2}[ T]\d{2}:\d{2}:\d{2}/;

function startsLog(text: string): boolean {
  const c = text.charCodeAt(0);
  return ((c >= 48 && c <= 57) || c === 91) && LOG_START.test(text);
}

/** The parser whose output begins at this line, if any. */
function openerOf(text: string): Parser | undefined {
  for (let i = 0; i < PARSERS.length; i++) if (PARSERS[i]!.startsAt(text)) return PARSERS[i];
  return undefined;
}

/** True when `texts[from]` up to `texts[to]` hold something other than blanks. */
function hasContent(texts: readonly string[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isBlank(texts[i]!)) return true;
  return false;
}

/** Closes the open section into `out` (sections of blank lines only are dropped). */
function closeSection(cur: Open | null, texts: readonly string[], out: Section[]): void {
  if (!cur || !hasContent(texts, cur.from, cur.to)) return;
  const endLine = cur.to > cur.from ? cur.to : cur.startLine;
  out.push({ from: cur.from, to: cur.to, lines: NO_LINES, startLine: cur.startLine, endLine, hint: cur.hint, opener: cur.opener, parser: FALLBACK });
}

function openSection(i: number, text: string, opener: Parser | undefined, hint: CommandHint | undefined): Open {
  return { from: i, to: i + 1, startLine: i + 1, hint, opener, depth: opener?.kind === 'json' ? jsonDepthDelta(text) : undefined };
}

/**
 * A deadline for the work done line by line: `now()` in ms (performance.now), `deadline` on that
 * clock; `stoppedAt` is set to the index of the first line left unread when it passed.
 */
export interface TimeBudget {
  now: () => number;
  deadline: number;
  stoppedAt?: number;
}

/** Splits normalised lines into sections with a parser chosen for each (and their `lines` filled). */
export function splitSections(texts: readonly string[]): Section[] {
  const out = cutSections(texts);
  for (let i = 0; i < out.length; i++) {
    const s = out[i]!;
    s.lines = linesOf(texts, s.from, s.to);
    s.parser = chooseParser(s);
  }
  return out;
}

/**
 * Splits normalised lines (`texts[i]` is line i + 1) into sections; `lines` and `parser` are left
 * to the caller, so it can build, choose and parse one section at a time and let each section's
 * `Line` objects die young. This loop runs once per line of pastes up to tens of megabytes: no
 * closures, no iterators, no allocation per line.
 */
export function cutSections(texts: readonly string[], budget?: TimeBudget): Section[] {
  const out: Section[] = [];
  let cur = null as Open | null;
  let blockHint: CommandHint | undefined;

  for (let i = 0; i < texts.length; i++) {
    // The clock is read once per 4,096 lines: cheap next to the line's own work.
    if (budget && (i & 4095) === 4095 && budget.now() > budget.deadline) {
      budget.stoppedAt = i;
      break;
    }
    const text = texts[i]!;
    if (cur === null && isBlank(text)) continue;
    if (cur?.opener?.kind === 'json' && cur.depth !== undefined && cur.depth > 0) {
      cur.to = i + 1;
      cur.depth += jsonDepthDelta(text);
      continue;
    }
    // Cheap path: a line that plainly continues the current section (a table row, an indented
    // describe line, another log line of the same shape) cannot start a new one.
    if (cur?.opener?.continues?.(text) && !(cur.opener.family === 'describe' && text.charCodeAt(0) === 78 && DESCRIBE_NAME.test(text))) {
      cur.to = i + 1;
      continue;
    }
    if (isBlank(text)) {
      if (cur) cur.to = i + 1;
      continue;
    }
    const hint: CommandHint | null = text.length < 1000 ? parsePrompt(text) : null;
    if (hint) {
      closeSection(cur, texts, out);
      blockHint = hint;
      cur = { from: i + 1, to: i + 1, startLine: i + 1, hint };
      continue;
    }
    const opener = openerOf(text);
    if (opener) {
      if (cur && opener.family === 'lines' && cur.opener === opener) cur.to = i + 1;
      else if (cur?.hint && opener.family === 'lines' && (!cur.opener || cur.opener.family === 'lines')) {
        // Under a prompt, one command's output stays one section even when its lines vary in shape
        // (etcdctl mixes its own lines with zap JSON); detect() picks the parser for the whole.
        cur.opener ??= opener;
        cur.to = i + 1;
      } else if (cur && !cur.opener && !hasContent(texts, cur.from, cur.to)) {
        // First output line under a prompt: the section keeps the prompt line as its start.
        cur.opener = opener;
        cur.depth = opener.kind === 'json' ? jsonDepthDelta(text) : undefined;
        cur.to = i + 1;
      } else {
        closeSection(cur, texts, out);
        cur = openSection(i, text, opener, blockHint);
      }
      continue;
    }
    if (cur && cur.opener?.family === 'table' && FRAGMENT_START.test(text)) {
      closeSection(cur, texts, out);
      cur = openSection(i, text, undefined, blockHint);
    } else if (cur && cur.opener?.family === 'describe' && startsLog(text) && i + 1 < texts.length && startsLog(texts[i + 1]!)) {
      // `describe` then `logs` pasted with no blank line between: two timestamped lines in a row
      // are not a terminal wrap of a describe value, so the log is read as a log of its own.
      closeSection(cur, texts, out);
      cur = openSection(i, text, undefined, undefined);
    } else if (cur) cur.to = i + 1;
    else cur = openSection(i, text, undefined, blockHint);
  }
  closeSection(cur, texts, out);
  return out;
}

/**
 * Lines of a section its parsers' `detect` look at: a sample is enough to tell kinds apart, and
 * nineteen full passes over a section of millions of lines (`yes | k8s-kb diagnose`) took minutes.
 */
export const DETECT_LINES = 5000;

/** The parser whose `detect` scores the section highest (the command's kind gets a bonus). */
export function chooseParser(s: Section): Parser {
  const candidates = s.opener ? (s.opener.family === 'describe' ? DESCRIBE_PARSERS : s.opener.family === 'lines' ? LINE_PARSERS : [s.opener]) : PARSERS;
  const sample = s.lines.length > DETECT_LINES ? s.lines.slice(0, DETECT_LINES) : s.lines;
  let best: Parser = FALLBACK;
  let bestScore = MIN_SCORE;
  // detect() scores are 0..1 and only the command's kind earns the bonus: a parser that reaches
  // this cannot be beaten (ties keep the first), so the rest need not look at the section.
  const ceiling = s.hint?.kind ? 1 + HINT_BONUS : 1;
  for (let i = 0; i < candidates.length && bestScore < ceiling; i++) {
    const p = candidates[i]!;
    let score = p.detect(sample, s.hint);
    if (score > 0 && s.hint?.kind && (s.hint.kind === p.kind || (p.kind === 'describe-deployment' && /^describe-(?:statefulset|replicaset|daemonset)$/.test(s.hint.kind)))) score += HINT_BONUS;
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  if (best === FALLBACK && s.opener && s.opener !== FALLBACK && s.opener.family !== 'describe') return s.opener;
  return best;
}

/**
 * Turns raw pasted text into lines the parsers can trust, while remembering the original lines for
 * evidence. It removes what terminals and log shippers add (CR, ANSI colours, syslog `#011` tabs,
 * trailing padding) and caps absurd sizes. Lines a terminal wrapped are joined later, by the parser
 * that knows what a record looks like (see `joinWrapped`), because width alone cannot tell a wrapped
 * line from a table whose rows happen to be equally long.
 */
import { BINARY_CONTROL_RATIO, MAX_INPUT_CHARS, MAX_LINE_CHARS, MAX_EVIDENCE_CHARS } from './limits.ts';
import { asciiPunctuation, undecorate } from './decorations.ts';
import type { Line, Message } from './types.ts';

export interface NormalizedInput {
  /** The normalised text of each original line: `texts[i]` is line i + 1. */
  texts: string[];
  /** Original lines (CR removed), for evidence. */
  original: string[];
  messages: Message[];
  /**
   * Every line as a `Line` (`start === end` === the 1-based line number), built on first use. The
   * engine builds them per section instead (`linesOf`), so most die young rather than being copied
   * through the garbage collector's young generation: a 10 MB paste has 300,000 of them.
   */
  readonly lines: Line[];
}

/** `Line` objects for `texts[from]` up to (not including) `texts[to]`. */
export function linesOf(texts: readonly string[], from = 0, to = texts.length): Line[] {
  const out: Line[] = new Array(Math.max(0, to - from));
  for (let i = from; i < to; i++) out[i - from] = { text: texts[i]!, start: i + 1, end: i + 1 };
  return out;
}

function result(texts: string[], original: string[], messages: Message[]): NormalizedInput {
  let lines: Line[] | null = null;
  return {
    texts,
    original,
    messages,
    get lines() {
      return (lines ??= linesOf(texts));
    },
  };
}

// CSI sequences (colours, cursor moves), OSC sequences (titles, hyperlinks), DCS/SOS/PM/APC
// strings, other two-character escapes (`ESC c` resets the terminal), and the syslog-escaped form
// `#033[0;31m` that rsyslog writes for ESC. An unterminated OSC or DCS is left in the text (the
// CLI shows what remains escaped).
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[PX^_][^\x1b]*\x1b\\|\x1b[()][A-Z0-9]|\x1b[=>]|\x1b[@-Z\\\]`-~]|#033\[[0-9;]*[A-Za-z]/g;
const SYSLOG_TAB = /#011/g;
const NOT_BLANK = /\S/;
const NBSP_AND_ZERO_WIDTH = /[\u00a0\u2007\u202f]|[\u200b-\u200d\ufeff]/g;

/** True when the text looks like binary data rather than terminal output. */
export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 65536);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 27) || c === 0xfffd) control++;
  }
  return control / n > BINARY_CONTROL_RATIO;
}

/** Removes terminal colour codes and other escape sequences. */
export function stripAnsi(s: string): string {
  return s.indexOf('\x1b') === -1 && s.indexOf('#033[') === -1 ? s : s.replace(ANSI, '');
}

const SPECIAL_SPACE = /[\u00a0\u2007\u202f\u200b-\u200d\ufeff]/;

const SPECIAL_SPACE_ABOVE_LATIN1 = /[\u2007\u202f\u200b-\u200d\ufeff]/;

/**
 * What a whole paste contains, checked once so clean pastes skip the per-line work. indexOf runs
 * at memory speed; the regex holds no Latin-1 character, so it fails at once on one-byte strings
 * (a single class that also held U+00A0 would scan every character, about 6 ms per 10 MB).
 */
export function pasteTraits(text: string): PasteTraits {
  return {
    ansi: text.indexOf('\x1b') !== -1 || text.indexOf('#033[') !== -1,
    syslogTabs: text.indexOf('#011') !== -1,
    specialSpaces: text.indexOf('\u00a0') !== -1 || SPECIAL_SPACE_ABOVE_LATIN1.test(text),
    fullwidth: FULLWIDTH_PUNCT.test(text),
  };
}

/** What a whole paste contains (see pasteTraits). */
export interface PasteTraits {
  ansi: boolean;
  syslogTabs: boolean;
  specialSpaces: boolean;
  /** Full-width punctuation or the ideographic space (typed by Chinese input methods). */
  fullwidth: boolean;
}

const FULLWIDTH_PUNCT = /[\u3000\uff01-\uff5e]/;
const ALL_TRAITS: PasteTraits = { ansi: true, syslogTabs: true, specialSpaces: true, fullwidth: true };
const TERMINATOR_ABOVE_LATIN1 = /[\u2028\u2029]/;
const TERMINATOR = /[\r\u2028\u2029]/g;

function hasTerminator(s: string): boolean {
  return s.indexOf('\r') !== -1 || s.indexOf('\u2028') !== -1 || s.indexOf('\u2029') !== -1;
}

/** Cleans one physical line for parsing (`traits`: what the whole paste contains, when known). */
export function normalizeLine(raw: string, traits: PasteTraits = ALL_TRAITS): string {
  let s = raw;
  if (s.length > MAX_LINE_CHARS) s = s.slice(0, MAX_LINE_CHARS);
  if (traits.ansi) s = stripAnsi(s);
  if (traits.syslogTabs && s.indexOf('#011') !== -1) s = s.replace(SYSLOG_TAB, '\t');
  if (traits.specialSpaces && SPECIAL_SPACE.test(s)) s = s.replace(NBSP_AND_ZERO_WIDTH, (m) => (m === '\u00a0' || m === '\u2007' || m === '\u202f' ? ' ' : ''));
  if (traits.fullwidth) s = asciiPunctuation(s);
  const last = s.charCodeAt(s.length - 1);
  if (last === 32 || last === 9) s = s.trimEnd();
  return s;
}

/** The text to show as evidence for an original line. */
export function evidenceText(original: string): string {
  const s = stripAnsi(original.length > MAX_EVIDENCE_CHARS * 2 ? original.slice(0, MAX_EVIDENCE_CHARS * 2) : original);
  return s.length > MAX_EVIDENCE_CHARS ? s.slice(0, MAX_EVIDENCE_CHARS) + '…' : s;
}

/** Splits and cleans the input; never throws. */
export function normalize(input: string): NormalizedInput {
  const messages: Message[] = [];
  let text = typeof input === 'string' ? input : '';
  if (text.length > MAX_INPUT_CHARS) {
    // Cut at the last full line inside the limit so no half line is parsed.
    const cut = text.lastIndexOf('\n', MAX_INPUT_CHARS);
    text = text.slice(0, cut > 0 ? cut : MAX_INPUT_CHARS);
    messages.push({ code: 'input-truncated', params: { limit: MAX_INPUT_CHARS } });
  }
  // Not text.trim(): on a 10 MB paste that can copy the whole text just to test it.
  if (!NOT_BLANK.test(text)) {
    messages.push({ code: 'empty-input' });
    return result([], [], messages);
  }
  if (looksBinary(text)) {
    messages.push({ code: 'binary-input' });
    return result([], [], messages);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Line ends of old Mac tools and some exports: CR alone. Without this the paste is one line.
  if (text.indexOf('\n') === -1 && text.indexOf('\r') !== -1) text = text.replace(/\r/g, '\n');
  const original = text.split('\n');
  if (original.length > 1 && original[original.length - 1] === '') original.pop();
  const traits = pasteTraits(text);
  // A CR left inside a line (a progress bar, a hostile paste) or U+2028/9 would stop every `.*` of
  // the parsers and rules short of the line's end, and the backtracking that follows is quadratic:
  // they are read as blanks (the original line keeps them for evidence).
  const terminators = text.indexOf('\r') !== -1 || TERMINATOR_ABOVE_LATIN1.test(text);
  // Most lines need no change: `texts` shares `original` until one does.
  let texts = original;
  let truncated = false;
  for (let i = 0; i < original.length; i++) {
    let raw = original[i]!;
    if (raw.charCodeAt(raw.length - 1) === 13) {
      raw = raw.slice(0, -1);
      original[i] = raw;
      if (texts !== original) texts[i] = raw;
    }
    if (raw.length > MAX_LINE_CHARS) truncated = true;
    const clean = normalizeLine(terminators && hasTerminator(raw) ? raw.replace(TERMINATOR, ' ') : raw, traits);
    if (clean !== raw) {
      if (texts === original) texts = original.slice();
      texts[i] = clean;
    }
  }
  if (truncated) messages.push({ code: 'line-truncated', params: { limit: MAX_LINE_CHARS } });
  return result(undecorate(texts), original, messages);
}

/**
 * Joins a continuation line to the record it belongs to. A terminal wraps at a fixed width, even
 * mid-word, so a long line followed by an unindented fragment is glued back without a space; an
 * indented continuation (kubectl's own multi-line values) gets one space.
 */
export function joinWrapped(prev: Line, next: Line): Line {
  const a = prev.text;
  const b = next.text;
  let text: string;
  // Only the last character of `a` is looked at: a regex on `a` would flatten a long glued record
  // on every join.
  if (/^\s/.test(b)) text = a + ' ' + b.trimStart();
  else if (a.length >= 50 && WRAP_END.test(a[a.length - 1]!) && /^[\w.\-/"'=)\]]/.test(b)) text = a + b;
  else text = a + ' ' + b;
  return { text, start: prev.start, end: next.end };
}
const WRAP_END = /[\w.\-/"'=:]/;

/** True for an empty or all-blank line (without allocating a trimmed copy). */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    return c < 128 ? false : text.trim() === ''; // other Unicode blanks: as trim() sees them
  }
  return true;
}

/** True for elision markers people leave in pastes (`...`, `<omitted>`, `[...]`). */
export function isElision(text: string): boolean {
  return /^\s*(?:\.{3,}|…+|<omitted>|\[\.\.\.\]|\(\.\.\.\)|--More--|\(END\))\s*$/i.test(text);
}

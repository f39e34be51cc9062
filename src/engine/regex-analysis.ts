/**
 * A small reader for the JavaScript regex subset rules use. It answers two questions at load time:
 * 1. is the pattern safe on long, hostile lines (no nested or adjacent overlapping unbounded
 *    quantifiers, no back-references, no leading `.*`)?
 * 2. which literal strings must any match contain? (used to skip lines cheaply before running the
 *    real regex; the answer is conservative: `null` means "no such literal known, always test").
 */

type CharSet = { ascii: Uint8Array; nonAscii: boolean };

type Node =
  | { t: 'char'; ch: string }
  | { t: 'class'; set: CharSet }
  | { t: 'assert'; start?: boolean }
  | { t: 'look'; body: Node }
  | { t: 'backref' }
  | { t: 'group'; body: Node }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'quant'; body: Node; min: number; max: number };

class RegexSyntaxError extends Error {}

/** Repeat counts above this are treated as unbounded. */
const MAX_FINITE_REPEAT = 1000;
/** Nested repeats whose counts multiply beyond this backtrack like unbounded ones (`(a{1,20}){1,20}`). */
const MAX_NESTED_PRODUCT = 100;

function emptySet(): CharSet {
  return { ascii: new Uint8Array(128), nonAscii: false };
}
function fullSet(): CharSet {
  const s = emptySet();
  s.ascii.fill(1);
  s.nonAscii = true;
  return s;
}
function addRange(set: CharSet, from: number, to: number): void {
  for (let c = from; c <= to && c < 128; c++) set.ascii[c] = 1;
  if (to >= 128) set.nonAscii = true;
}
function invert(set: CharSet): CharSet {
  const s = emptySet();
  for (let i = 0; i < 128; i++) s.ascii[i] = set.ascii[i] ? 0 : 1;
  s.nonAscii = true; // a negated class almost always admits non-ASCII characters
  return s;
}
function addEscapeClass(set: CharSet, e: string): void {
  const d = () => addRange(set, 48, 57);
  const w = () => { d(); addRange(set, 65, 90); addRange(set, 97, 122); set.ascii[95] = 1; };
  // Unicode spaces exist, but counting them would make \s and \S look overlapping.
  const s = () => { for (const c of [9, 10, 11, 12, 13, 32]) set.ascii[c] = 1; };
  if (e === 'd') d();
  else if (e === 'w') w();
  else if (e === 's') s();
  else {
    // \D \W \S \p \P: everything but a few characters; treat as (nearly) full.
    const tmp = emptySet();
    if (e === 'D') { addRange(tmp, 48, 57); }
    else if (e === 'W') { addRange(tmp, 48, 57); addRange(tmp, 65, 90); addRange(tmp, 97, 122); tmp.ascii[95] = 1; }
    else if (e === 'S') { for (const c of [9, 10, 11, 12, 13, 32]) tmp.ascii[c] = 1; }
    const inv = e === 'p' || e === 'P' ? fullSet() : invert(tmp);
    for (let i = 0; i < 128; i++) if (inv.ascii[i]) set.ascii[i] = 1;
    set.nonAscii = true;
  }
}

function charSetOf(ch: string, ignoreCase: boolean): CharSet {
  const s = emptySet();
  const c = ch.charCodeAt(0);
  if (c < 128) {
    s.ascii[c] = 1;
    if (ignoreCase) {
      s.ascii[ch.toLowerCase().charCodeAt(0) & 127] = 1;
      s.ascii[ch.toUpperCase().charCodeAt(0) & 127] = 1;
    }
  } else s.nonAscii = true;
  return s;
}

class Parser {
  private i = 0;
  constructor(private readonly src: string, private readonly ignoreCase: boolean) {}

  parse(): Node {
    const n = this.disjunction();
    if (this.i < this.src.length) throw new RegexSyntaxError(`unexpected ")" at ${this.i}`);
    return n;
  }

  private peek(): string | undefined {
    return this.src[this.i];
  }

  private disjunction(): Node {
    const alts: Node[] = [this.alternative()];
    while (this.peek() === '|') {
      this.i++;
      alts.push(this.alternative());
    }
    return alts.length === 1 ? alts[0]! : { t: 'alt', alts };
  }

  private alternative(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      const atom = this.term();
      items.push(this.quantifier(atom));
    }
    return { t: 'seq', items };
  }

  private quantifier(atom: Node): Node {
    const c = this.peek();
    let min = -1;
    let max = -1;
    if (c === '*') { min = 0; max = Infinity; this.i++; }
    else if (c === '+') { min = 1; max = Infinity; this.i++; }
    else if (c === '?') { min = 0; max = 1; this.i++; }
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (m) {
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
        // A repeat this large costs what an unbounded one does on a 4 KB line (`a{0,99999}b`).
        if (max > MAX_FINITE_REPEAT) max = Infinity;
        this.i += m[0].length;
      }
    }
    if (min === -1) return atom;
    if (atom.t === 'assert' || atom.t === 'look') throw new RegexSyntaxError('nothing to repeat');
    if (this.peek() === '?') this.i++; // lazy: same cost profile
    return { t: 'quant', body: atom, min, max };
  }

  private term(): Node {
    const c = this.src[this.i++]!;
    switch (c) {
      case '^':
        return { t: 'assert', start: true };
      case '$':
        return { t: 'assert' };
      case '.':
        return { t: 'class', set: fullSet() };
      case '[':
        return this.charClass();
      case '(':
        return this.group();
      case '\\':
        return this.escape(false) as Node;
      case '*':
      case '+':
      case '?':
        throw new RegexSyntaxError('nothing to repeat');
      default:
        return { t: 'char', ch: c };
    }
  }

  private group(): Node {
    let look = false;
    if (this.src.startsWith('?:', this.i)) this.i += 2;
    else if (this.src.startsWith('?=', this.i) || this.src.startsWith('?!', this.i)) { this.i += 2; look = true; }
    else if (this.src.startsWith('?<=', this.i) || this.src.startsWith('?<!', this.i)) { this.i += 3; look = true; }
    else if (this.src.startsWith('?<', this.i)) {
      const m = /^\?<([A-Za-z_$][\w$]*)>/.exec(this.src.slice(this.i));
      if (!m) throw new RegexSyntaxError('bad group name');
      this.i += m[0].length;
    } else if (this.peek() === '?') throw new RegexSyntaxError('unsupported group');
    const body = this.disjunction();
    if (this.peek() !== ')') throw new RegexSyntaxError('missing ")"');
    this.i++;
    return look ? { t: 'look', body } : { t: 'group', body };
  }

  /** Reads an escape after the backslash; inside a class only chars/classes are allowed. */
  private escape(inClass: boolean): Node | { t: 'char'; ch: string } {
    const e = this.src[this.i++];
    if (e === undefined) throw new RegexSyntaxError('trailing backslash');
    if ('dwsDWS'.includes(e)) { const set = emptySet(); addEscapeClass(set, e); return { t: 'class', set }; }
    if (e === 'p' || e === 'P') {
      const m = /^\{[^}]*\}/.exec(this.src.slice(this.i));
      if (m) this.i += m[0].length;
      const set = emptySet(); addEscapeClass(set, e); return { t: 'class', set };
    }
    if (!inClass && (e === 'b' || e === 'B')) return { t: 'assert' };
    if (!inClass && (/[1-9]/.test(e) || e === 'k')) return { t: 'backref' };
    if (e === 'n') return { t: 'char', ch: '\n' };
    if (e === 't') return { t: 'char', ch: '\t' };
    if (e === 'r') return { t: 'char', ch: '\r' };
    if (e === 'f') return { t: 'char', ch: '\f' };
    if (e === 'v') return { t: 'char', ch: '\v' };
    if (e === '0') return { t: 'char', ch: '\0' };
    if (e === 'b') return { t: 'char', ch: '\b' };
    if (e === 'x') {
      const m = /^[0-9a-fA-F]{2}/.exec(this.src.slice(this.i));
      if (!m) return { t: 'char', ch: 'x' };
      this.i += 2;
      return { t: 'char', ch: String.fromCharCode(parseInt(m[0], 16)) };
    }
    if (e === 'u') {
      const m = /^(?:[0-9a-fA-F]{4}|\{[0-9a-fA-F]{1,6}\})/.exec(this.src.slice(this.i));
      if (!m) return { t: 'char', ch: 'u' };
      this.i += m[0].length;
      return { t: 'char', ch: String.fromCodePoint(parseInt(m[0].replace(/[{}]/g, ''), 16)) };
    }
    if (e === 'c') { this.i++; return { t: 'char', ch: '?' }; }
    return { t: 'char', ch: e };
  }

  private charClass(): Node {
    let negate = false;
    if (this.peek() === '^') { negate = true; this.i++; }
    const set = emptySet();
    while (this.i < this.src.length && this.peek() !== ']') {
      let lo: number;
      const c = this.src[this.i++]!;
      if (c === '\\') {
        const n = this.escape(true);
        if (n.t === 'class') { for (let k = 0; k < 128; k++) if (n.set.ascii[k]) set.ascii[k] = 1; if (n.set.nonAscii) set.nonAscii = true; continue; }
        lo = (n as { ch: string }).ch.charCodeAt(0);
      } else lo = c.charCodeAt(0);
      if (this.peek() === '-' && this.src[this.i + 1] !== undefined && this.src[this.i + 1] !== ']') {
        this.i++;
        let hiCh = this.src[this.i++]!;
        if (hiCh === '\\') {
          const n = this.escape(true);
          if (n.t === 'class') throw new RegexSyntaxError('bad class range');
          hiCh = (n as { ch: string }).ch;
        }
        const hi = hiCh.charCodeAt(0);
        if (hi < lo) throw new RegexSyntaxError('class range out of order');
        addRange(set, lo, hi);
        if (this.ignoreCase) { addRange(set, 65, 90); addRange(set, 97, 122); }
      } else {
        const one = charSetOf(String.fromCharCode(lo), this.ignoreCase);
        for (let k = 0; k < 128; k++) if (one.ascii[k]) set.ascii[k] = 1;
        if (one.nonAscii) set.nonAscii = true;
      }
    }
    if (this.peek() !== ']') throw new RegexSyntaxError('missing "]"');
    this.i++;
    return { t: 'class', set: negate ? invert(set) : set };
  }
}

/** First characters a node can start with (null = may match empty / unknown, treated as "any"). */
function firstSet(n: Node, ignoreCase: boolean): CharSet {
  switch (n.t) {
    case 'char': return charSetOf(n.ch, ignoreCase);
    case 'class': return n.set;
    case 'group': return firstSet(n.body, ignoreCase);
    case 'quant': return firstSet(n.body, ignoreCase);
    case 'seq': {
      const acc = emptySet();
      for (const it of n.items) {
        if (it.t === 'assert' || it.t === 'look') continue;
        const f = firstSet(it, ignoreCase);
        for (let k = 0; k < 128; k++) if (f.ascii[k]) acc.ascii[k] = 1;
        if (f.nonAscii) acc.nonAscii = true;
        if (!canBeEmpty(it)) return acc;
      }
      return acc;
    }
    case 'alt': {
      const acc = emptySet();
      for (const a of n.alts) {
        const f = firstSet(a, ignoreCase);
        for (let k = 0; k < 128; k++) if (f.ascii[k]) acc.ascii[k] = 1;
        if (f.nonAscii) acc.nonAscii = true;
      }
      return acc;
    }
    default: return emptySet();
  }
}

function canBeEmpty(n: Node): boolean {
  switch (n.t) {
    case 'char': case 'class': case 'backref': return false;
    case 'assert': case 'look': return true;
    case 'group': return canBeEmpty(n.body);
    case 'quant': return n.min === 0 || canBeEmpty(n.body);
    case 'seq': return n.items.every(canBeEmpty);
    case 'alt': return n.alts.some(canBeEmpty);
  }
}

function overlaps(a: CharSet, b: CharSet): boolean {
  if (a.nonAscii && b.nonAscii) return true;
  for (let k = 0; k < 128; k++) if (a.ascii[k] && b.ascii[k]) return true;
  return false;
}

/** The largest repeat count of a quantifier inside `n` (1 when there is none; lookarounds included). */
function largestRepeat(n: Node): number {
  switch (n.t) {
    case 'quant': return Math.max(n.max, 1, largestRepeat(n.body));
    case 'group': case 'look': return largestRepeat(n.body);
    case 'seq': return n.items.reduce((m, it) => Math.max(m, largestRepeat(it)), 1);
    case 'alt': return n.alts.reduce((m, it) => Math.max(m, largestRepeat(it)), 1);
    default: return 1;
  }
}

function containsUnbounded(n: Node): boolean {
  switch (n.t) {
    case 'quant': return n.max === Infinity || n.max > 20 || containsUnbounded(n.body);
    case 'group': case 'look': return containsUnbounded(n.body);
    case 'seq': return n.items.some(containsUnbounded);
    case 'alt': return n.alts.some(containsUnbounded);
    default: return false;
  }
}
/**
 * True when the node offers alternative ways through it. Not inside a lookaround: it is atomic in
 * JavaScript, so `(?:(?!A|B).)*` — the bounded gap the rules use — has one way through per step.
 */
function containsAlt(n: Node): boolean {
  switch (n.t) {
    case 'alt': return true;
    case 'look': return false;
    case 'group': case 'quant': return containsAlt(n.body);
    case 'seq': return n.items.some(containsAlt);
    default: return false;
  }
}

function safetyProblems(root: Node, ignoreCase: boolean): string[] {
  const problems: string[] = [];
  const visit = (n: Node): void => {
    switch (n.t) {
      case 'backref': problems.push('back-references are not allowed'); return;
      case 'quant':
        if (n.max > 1 && (containsUnbounded(n.body) || (largestRepeat(n.body) > 1 && n.max * largestRepeat(n.body) > MAX_NESTED_PRODUCT))) problems.push('nested quantifier (like "(a+)+" or "(a{1,20}){1,20}") can backtrack catastrophically');
        else if (n.max === Infinity && containsAlt(n.body)) problems.push('alternation under an unbounded quantifier (like "(a|ab)*") can backtrack catastrophically');
        visit(n.body);
        return;
      case 'group': case 'look': visit(n.body); return;
      case 'alt': n.alts.forEach(visit); return;
      case 'seq': {
        for (let k = 0; k + 1 < n.items.length; k++) {
          const a = n.items[k]!;
          const b = n.items[k + 1]!;
          if (a.t === 'quant' && b.t === 'quant' && a.max === Infinity && b.max === Infinity && overlaps(firstSet(a.body, ignoreCase), firstSet(b.body, ignoreCase))) {
            problems.push('adjacent unbounded quantifiers over overlapping characters (like "\\s*\\s*" or ".*.*")');
          }
        }
        n.items.forEach(visit);
        return;
      }
      default: return;
    }
  };
  visit(root);
  if (startsUnbounded(root)) {
    problems.push('an unanchored pattern must not start with an unbounded repeat (like ".*x" or "[\\w.-]+: x"): every position of a long line would start a scan to its end; start with a literal or anchor with ^');
  }
  return [...new Set(problems)];
}

/** True when a match may begin with an unbounded repeat at any position (quadratic on long lines). */
function startsUnbounded(n: Node): boolean {
  switch (n.t) {
    case 'alt': return n.alts.some(startsUnbounded);
    case 'group': return startsUnbounded(n.body);
    case 'quant': return n.max === Infinity;
    case 'seq': {
      for (const it of n.items) {
        if (it.t === 'assert') {
          if (it.start) return false;
          continue;
        }
        if (it.t === 'look') continue;
        if (it.t === 'quant' && it.min === 0 && it.max !== Infinity) continue;
        return startsUnbounded(it);
      }
      return false;
    }
    default: return false;
  }
}

const MIN_LITERAL = 3;

/** Literal alternatives at least one of which every match contains (lower-cased), or null. */
function literalsOf(n: Node): string[] | null {
  switch (n.t) {
    case 'char': return [n.ch.toLowerCase()];
    case 'group': return literalsOf(n.body);
    case 'quant': return n.min >= 1 ? literalsOf(n.body) : null;
    case 'alt': {
      const out: string[] = [];
      for (const a of n.alts) {
        const l = literalsOf(a);
        if (!l) return null;
        out.push(...l);
      }
      return out;
    }
    case 'seq': {
      const candidates: string[][] = [];
      let run = '';
      const flush = () => { if (run) candidates.push([run]); run = ''; };
      for (const it of n.items) {
        if (it.t === 'assert') continue; // zero-width: does not break a literal run
        const fixed = fixedString(it);
        if (fixed !== null) { run += fixed.toLowerCase(); continue; }
        flush();
        const l = literalsOf(it);
        if (l) candidates.push(l);
      }
      flush();
      let best: string[] | null = null;
      let bestScore = -1;
      for (const c of candidates) {
        const score = Math.min(...c.map((s) => s.length)) * 100 - c.length;
        if (score > bestScore) { best = c; bestScore = score; }
      }
      return best;
    }
    default: return null;
  }
}

/** The exact text a node matches when it matches exactly one string, else null. */
function fixedString(n: Node): string | null {
  switch (n.t) {
    case 'char': return n.ch;
    case 'group': return fixedString(n.body);
    case 'quant': {
      if (n.min !== n.max || n.min > 20) return null;
      const f = fixedString(n.body);
      return f === null ? null : f.repeat(n.min);
    }
    case 'seq': {
      let s = '';
      for (const it of n.items) {
        if (it.t === 'assert') continue;
        const f = fixedString(it);
        if (f === null) return null;
        s += f;
      }
      return s;
    }
    default: return null;
  }
}

export interface RegexAnalysis {
  /** Compile or safety problems; empty when the pattern is acceptable. */
  problems: string[];
  /** Literal alternatives (lower case) one of which any match contains; null = unknown. */
  literals: string[] | null;
  /** Named capture groups. */
  groupNames: string[];
}

const analyses = new Map<string, RegexAnalysis>();

/** Problems another analyser found, by pattern (see setRegexVerdicts). */
let verdicts: ((source: string, flags: string) => string | null) | null = null;

/**
 * Adds the verdicts of a slower, more thorough analyser the caller ran beforehand (the CLI runs
 * recheck on a user's rules before loading them): `lookup` returns a problem or null. The engine
 * itself stays free of it, so the browser bundle does not carry it.
 */
export function setRegexVerdicts(lookup: ((source: string, flags: string) => string | null) | null): void {
  verdicts = lookup;
  analyses.clear();
}

/** Checks a rule pattern and extracts its required literals (memoised: rules share patterns). */
export function analyzeRegex(source: string, flags: string): RegexAnalysis {
  const key = `${flags}/${source}`;
  let a = analyses.get(key);
  if (!a) {
    a = analyze(source, flags);
    if (analyses.size < 5000) analyses.set(key, a);
  }
  return a;
}

function analyze(source: string, flags: string): RegexAnalysis {
  const problems: string[] = [];
  let groupNames: string[] = [];
  try {
    new RegExp(source, flags);
  } catch (e) {
    return { problems: [`does not compile: ${(e as Error).message}`], literals: null, groupNames };
  }
  let ast: Node;
  try {
    ast = new Parser(source, flags.includes('i')).parse();
  } catch (e) {
    return { problems: [`unsupported syntax: ${(e as Error).message}`], literals: null, groupNames };
  }
  groupNames = [...source.matchAll(/\(\?<([A-Za-z_$][\w$]*)>/g)].map((m) => m[1]!);
  problems.push(...safetyProblems(ast, flags.includes('i')));
  const verdict = verdicts?.(source, flags);
  if (verdict && problems.length === 0) problems.push(verdict);
  let literals = literalsOf(ast);
  if (literals && (literals.length === 0 || literals.some((l) => l.length < MIN_LITERAL))) literals = null;
  return { problems, literals: literals ? [...new Set(literals)] : null, groupNames };
}

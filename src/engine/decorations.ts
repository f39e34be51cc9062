/**
 * What people's tools wrap around pasted output, taken off before parsing: k9s / table box borders
 * (`│ … │`), Markdown quoting (`> `), `minikube logs` bullets (`* `), line numbers (`157:`,
 * `  12 | `), CI and `kubectl logs --timestamps` time stamps, container-runtime (CRI) log prefixes,
 * `kubectl logs --prefix` tags and Docker's JSON log lines (`{"log":"…\n","stream":"stderr",…}`).
 *
 * A decoration is taken off only when most of the paste carries it (so a YAML list item or a
 * single quoted line stays as it is), except box-drawing borders, which no tool prints as data.
 * Each line keeps its place: `texts[i]` is still line i + 1, so evidence points at the original.
 */
import { isBlank } from './normalize.ts';

/** Lines looked at to decide which decorations a paste carries. */
const SAMPLE = 400;
/** Share of the sampled non-blank lines that must carry a decoration for it to be removed. */
const DOMINANT = 0.5;

const BOX_CHARS = /[│┃║╎┆]/;
const BOX_LEFT = /^\s*[│┃║╎┆]\s?/;
const BOX_RIGHT = /\s?[│┃║╎┆]\s*$/;
const BOX_RULE = /^[\s─━═┄┈┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬┏┓┗┛┣┫┳┻╋│┃║+-]*$/;
const BOX_RULE_CHAR = /[─━═┌┐└┘├┤┬┴┼╔╗╚╝┏┓┗┛]/;
const BOX_EDGE = /^\s*[┌└╭╰┏┗╔╚][─━═]/;

interface Decoration {
  name: string;
  /** Does the line carry it? */
  test: RegExp;
  /** What to remove (the first match). */
  strip: RegExp;
}

// Order matters: outer decorations first (a quoted, numbered, time-stamped line is peeled in turn).
const DECORATIONS: Decoration[] = [
  { name: 'quote', test: /^\s{0,3}>(?:\s|$)/, strip: /^\s{0,3}(?:>\s?)+/ },
  { name: 'bullet', test: /^\s{0,2}[*•]\s+\S/, strip: /^\s{0,2}[*•]\s+/ },
  // `157:text` (grep -n, editors), `  12 | text`, `12\ttext`; a time (`10:00:01`) is not a line number.
  { name: 'line-number', test: /^\s{0,6}\d{1,6}(?::(?!\d)|\s?[|│]\s|\t)/, strip: /^\s{0,6}\d{1,6}(?::(?!\d)\s?|\s?[|│]\s?|\t)/ },
  // Jenkins `[2024-01-18T10:00:01.123Z] `, GitHub Actions / `kubectl logs --timestamps` `2024-01-18T10:00:01.1234567Z `.
  { name: 'ci-time', test: /^\[?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)\]?\s+(?:(?:stdout|stderr)\s+[FP]\s|\S)/, strip: /^\[?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)\]?\s+(?:(?:stdout|stderr)\s+[FP]\s)?/ },
  // `kubectl logs --prefix`: `[pod/web-1/app] `.
  { name: 'logs-prefix', test: /^\[(?:pod|deployment|job|statefulset|daemonset)\/[\w.-]+\/[\w.-]+\]\s/, strip: /^\[(?:pod|deployment|job|statefulset|daemonset)\/[\w.-]+\/[\w.-]+\]\s/ },
];

const DOCKER_JSON = /^\s*\{"log":"/;

/** The `log` text of a Docker json-file log line, or null when it is not one. */
export function dockerLogText(line: string): string | null {
  if (!DOCKER_JSON.test(line)) return null;
  try {
    const v = JSON.parse(line) as { log?: unknown };
    if (typeof v.log !== 'string') return null;
    return v.log.replace(/\r?\n$/, '').replace(/[\r\n]+/g, ' ');
  } catch {
    // A cut-off line: take the string up to the first unescaped quote.
    const m = /^\s*\{"log":"((?:[^"\\]|\\.)*)/.exec(line);
    if (!m) return null;
    try {
      return (JSON.parse(`"${m[1]}"`) as string).replace(/[\r\n]+/g, ' ').trimEnd();
    } catch {
      return null;
    }
  }
}

function sampleOf(texts: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < texts.length && out.length < SAMPLE; i++) if (!isBlank(texts[i]!)) out.push(texts[i]!);
  return out;
}

/** Which of the line decorations most of the paste carries (and whether box borders occur). */
function detect(sample: string[]): { decorations: Decoration[]; box: boolean; docker: boolean } {
  const decorations: Decoration[] = [];
  let box = false;
  let docker = 0;
  for (const s of sample) {
    if (!box && BOX_CHARS.test(s)) box = true;
    if (DOCKER_JSON.test(s)) docker++;
  }
  // Peel in order, testing each decoration on what is left after the earlier ones.
  let view = box ? sample.map(unbox) : sample;
  for (const d of DECORATIONS) {
    let n = 0;
    let m = 0;
    for (const s of view) {
      if (isBlank(s)) continue;
      m++;
      if (d.test.test(s)) n++;
    }
    if (m > 0 && n >= 2 && n / m >= DOMINANT) {
      decorations.push(d);
      view = view.map((s) => (d.test.test(s) ? s.replace(d.strip, '') : s));
    }
  }
  return { decorations, box, docker: docker >= 1 && docker / sample.length >= DOMINANT };
}

/** A line without its box-drawing border (`│ Name: web │` → `Name: web`); rules become blank. */
function unbox(s: string): string {
  if (!BOX_CHARS.test(s) && !BOX_RULE_CHAR.test(s)) return s;
  // A rule, or a frame's top or bottom edge with a title in it (k9s: `┌── Describe(ns/x) ──┐`).
  if (BOX_RULE_CHAR.test(s) && (BOX_RULE.test(s) || BOX_EDGE.test(s))) return '';
  let t = s.replace(BOX_LEFT, '');
  if (t !== s || BOX_RIGHT.test(t)) t = t.replace(BOX_RIGHT, '').trimEnd();
  return t;
}

/**
 * Takes the paste's decorations off its lines. Returns `texts` itself when there is nothing to
 * take off (the usual case: only the first few hundred lines are looked at).
 */
export function undecorate(texts: string[]): string[] {
  const sample = sampleOf(texts);
  if (sample.length === 0) return texts;
  const { decorations, box, docker } = detect(sample);
  if (!box && !docker && decorations.length === 0) return texts;
  const out = texts.slice();
  for (let i = 0; i < out.length; i++) {
    let s = out[i]!;
    if (box) s = unbox(s);
    for (const d of decorations) if (d.test.test(s)) s = s.replace(d.strip, '');
    if (docker) {
      const log = dockerLogText(s);
      if (log !== null) s = log;
    }
    out[i] = s;
  }
  return out;
}

// Full-width punctuation that Chinese input methods type in place of the ASCII the tools print.
const FULLWIDTH = /[\u3000\uff01-\uff5e]/;
const FULLWIDTH_ALL = /[\u3000\uff01-\uff5e]/g;

/** `错误：x509…` → `错误: x509…`; only lines with full-width characters are copied. */
export function asciiPunctuation(s: string): string {
  if (!FULLWIDTH.test(s)) return s;
  return s.replace(FULLWIDTH_ALL, (c) => {
    if (c === '\u3000') return ' ';
    const ascii = String.fromCharCode(c.charCodeAt(0) - 0xfee0);
    // A full-width colon or comma is followed by no space in Chinese text; the tools print one.
    return ascii === ':' || ascii === ',' ? ascii + ' ' : ascii;
  });
}

/** JSON- or shell-escaped text inside a line (`…\n…\"x\"…`) read as the text it stands for. */
export function unescapeInline(s: string): string {
  if (s.indexOf('\\') === -1) return s;
  return s.replace(/\\[nrt]/g, ' ').replace(/\\"/g, '"').replace(/\\u003[cCeE]/g, (m) => (m.toLowerCase().endsWith('c') ? '<' : '>'));
}

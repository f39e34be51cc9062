/**
 * A bundle diagnosed as one cluster. The files' pieces (prepare.ts) are joined into one paste, each
 * behind its own `$ …` line so the engine cuts a section at every file; the engine then merges the
 * same object seen in several files into one subject (a pod in `get pods`, its `describe`, its
 * events and its logs), exactly as it does for one paste of several commands. Evidence lines of
 * the joined paste are mapped back to `{ file, line, text }`.
 *
 * A bundle larger than MAX_BATCH_CHARS is diagnosed in batches (whole files each); findings of the
 * same article are then merged, their objects listed once.
 */
import type { DiagnoseResult, Evidence, Finding, Message, SectionKind, Severity, Subject } from '../engine/types.ts';
import { MAX_BATCH_CHARS } from './limits.ts';
import type { BundleFormat, Piece, PreparedBundle } from './prepare.ts';
import type { SkippedFile } from './tar.ts';

/** Evidence with the bundle file it is in (`line` is that file's line). */
export interface FileEvidence extends Evidence {
  file: string;
}

export interface BundleFinding extends Omit<Finding, 'evidence'> {
  evidence: FileEvidence[];
}

export interface BundleSection {
  kind: SectionKind;
  file: string;
  startLine: number;
  endLine: number;
}

/** A file the engine read: its path and the number of lines given to the engine. */
export interface ReadFile {
  path: string;
  lines: number;
}

export interface BundleMessage {
  code: string;
  params?: Record<string, string | number>;
}

/** Counts for the one-screen summary. */
export interface BundleSummary {
  /** Findings per severity (superseded ones not counted) and the objects they name. */
  bySeverity: Record<Severity, { findings: number; objects: number }>;
  /** Objects with a warning or critical finding, per namespace (`''` for cluster-wide objects), most first. */
  byNamespace: [string, number][];
  /** The same per node: nodes themselves and pods on them (when a `-o wide` table or a pod list says where). */
  byNode: [string, number][];
}

export interface BundleReport {
  format: BundleFormat;
  files: ReadFile[];
  skipped: SkippedFile[];
  sections: BundleSection[];
  findings: BundleFinding[];
  messages: BundleMessage[];
  related?: { article: string; score: number; lines: number[]; files: string[] }[];
  summary: BundleSummary;
}

/** One engine run: its text and where each of its lines comes from. */
export interface Batch {
  pieces: Piece[];
  /** Index (0-based) of each piece's first line in the batch's text. */
  starts: number[];
  chars: number;
}

/** Whole files in order (rank, then bundle order), packed into batches of at most `maxChars`. */
export function batchesOf(pieces: readonly Piece[], maxChars = MAX_BATCH_CHARS): Batch[] {
  const ordered = pieces.map((p, i) => [p, i] as const).sort((a, b) => a[0].rank - b[0].rank || a[1] - b[1]).map(([p]) => p);
  const out: Batch[] = [];
  let cur: Batch | undefined;
  let line = 0;
  for (const p of ordered) {
    if (!cur || (cur.chars + p.chars > maxChars && cur.pieces.length)) {
      cur = { pieces: [], starts: [], chars: 0 };
      out.push(cur);
      line = 0;
    }
    cur.pieces.push(p);
    cur.starts.push(line);
    cur.chars += p.chars;
    line += p.lines.length;
  }
  return out;
}

/** The batch's text for the engine. */
export function batchText(b: Batch): string {
  const parts: string[] = [];
  for (const p of b.pieces) parts.push(p.lines.join('\n'));
  return parts.join('\n');
}

const sourceLines = new WeakMap<Piece, string[]>();

/** Maps a 1-based line of the batch's text to a file and its 1-based line (0: the `$ …` line). */
export function locate(b: Batch, line: number): { piece: Piece; line: number } | undefined {
  const idx = line - 1;
  let lo = 0;
  let hi = b.starts.length - 1;
  if (idx < 0 || hi < 0) return undefined;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (b.starts[mid]! <= idx) lo = mid;
    else hi = mid - 1;
  }
  const piece = b.pieces[lo]!;
  const local = idx - b.starts[lo]!;
  if (local >= piece.lines.length) return undefined;
  return { piece, line: piece.from[local] ?? 0 };
}

function evidenceOf(b: Batch, e: Evidence): FileEvidence {
  const at = locate(b, e.line);
  if (!at) return { file: '', line: e.line, text: e.text };
  let text = e.text;
  // A reduced JSON list or an event row stands for other lines of the file: show the file's own.
  if (at.line > 0 && at.piece.lines[at.line] !== e.text.trimStart()) {
    let lines = sourceLines.get(at.piece);
    if (!lines) sourceLines.set(at.piece, (lines = at.piece.source.split('\n')));
    const src = lines[at.line - 1];
    if (src !== undefined) text = src.replace(/\r$/, '').slice(0, 1000);
  }
  return { file: at.piece.file, line: Math.max(at.line, 1), text };
}

const subjectKey = (s: Subject) => `${s.kind}\u0000${s.namespace ?? ''}\u0000${s.name}`;
const SEVERITY_RANK: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/**
 * The `$ cat FILE` line before a file with no prompt of its own makes the engine name a client
 * error's subject `Client cat`; the client that printed it was kubectl, as in a paste.
 */
function ownSubjects(f: Finding): Pick<Finding, 'subject' | 'subjects' | 'count'> {
  const fix = (s: Subject): Subject => (s.kind === 'Client' && s.name === 'cat' ? { kind: 'Client', name: 'kubectl' } : s);
  const seen = new Set<string>();
  const subjects = f.subjects.map(fix).filter((s) => !seen.has(subjectKey(s)) && !!seen.add(subjectKey(s)));
  return { subject: fix(f.subject), subjects, count: f.count - (f.subjects.length - subjects.length) };
}

/** Findings of several batches as one list: one finding per article, every object once. */
export function mergeFindings(lists: BundleFinding[][]): BundleFinding[] {
  if (lists.length === 1) return lists[0]!;
  const byArticle = new Map<string, BundleFinding>();
  for (const list of lists) {
    for (const f of list) {
      const had = byArticle.get(f.article);
      if (!had) {
        byArticle.set(f.article, { ...f, subjects: [...f.subjects], evidence: [...f.evidence] });
        continue;
      }
      const lead = f.score > had.score ? f : had;
      const keys = new Set(had.subjects.map(subjectKey));
      const subjects = [...had.subjects];
      let dupes = 0;
      for (const s of f.subjects) if (keys.has(subjectKey(s))) dupes++;
      else {
        keys.add(subjectKey(s));
        subjects.push(s);
      }
      const evidence = [...had.evidence, ...f.evidence].slice(0, 12);
      // `count` may exceed the subjects listed (the engine lists 5,000 at most and counts them all).
      byArticle.set(f.article, { ...lead, subjects, count: had.count + f.count - dupes, evidence, captures: { ...f.captures, ...had.captures, ...lead.captures } });
    }
  }
  return [...byArticle.values()].sort((a, b) => b.score - a.score || b.count - a.count || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

/** Counts by severity, namespace and node for the summary screen. */
export function summarize(findings: readonly BundleFinding[], podNodes: ReadonlyMap<string, string>): BundleSummary {
  const bySeverity: BundleSummary['bySeverity'] = { critical: { findings: 0, objects: 0 }, warning: { findings: 0, objects: 0 }, info: { findings: 0, objects: 0 } };
  const ns = new Map<string, Set<string>>();
  const nodes = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, k: string, s: Subject) => {
    let set = m.get(k);
    if (!set) m.set(k, (set = new Set()));
    set.add(subjectKey(s));
  };
  for (const f of findings) {
    if (f.supersededBy) continue;
    bySeverity[f.severity].findings++;
    bySeverity[f.severity].objects += f.count;
    if (f.severity === 'info') continue;
    for (const s of f.subjects) {
      if (s.kind === 'Paste' || s.kind === 'Log') continue;
      add(ns, s.namespace ?? '', s);
      if (s.kind === 'Node') add(nodes, s.name, s);
      else if (s.kind === 'Pod') {
        const node = podNodes.get(`${s.namespace ?? 'default'}/${s.name}`);
        if (node) add(nodes, node, s);
      }
    }
  }
  const sorted = (m: Map<string, Set<string>>): [string, number][] =>
    [...m].map(([k, v]) => [k, v.size] as [string, number]).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { bySeverity, byNamespace: sorted(ns), byNode: sorted(nodes) };
}

/** Runs the engine (`run`: the CLI's diagnose, or the page's worker) on a prepared bundle. */
export async function diagnoseBundle(prepared: PreparedBundle, run: (text: string) => Promise<DiagnoseResult>, maxChars = MAX_BATCH_CHARS): Promise<BundleReport> {
  const batches = batchesOf(prepared.pieces, maxChars);
  const sections: BundleSection[] = [];
  const lists: BundleFinding[][] = [];
  const messages: BundleMessage[] = [];
  const related = new Map<string, { article: string; score: number; lines: number[]; files: string[] }>();
  for (const b of batches) {
    const result = await run(batchText(b));
    for (const s of result.sections) {
      const from = locate(b, s.startLine);
      const to = locate(b, s.endLine);
      if (!from) continue;
      // A section starts on the `$ …` line of its file: it begins at the file's first line.
      sections.push({ kind: s.kind, file: from.piece.file, startLine: Math.max(from.line, 1), endLine: Math.max(to && to.piece === from.piece ? to.line : from.line, 1) });
    }
    lists.push(result.findings.map((f) => ({ ...f, ...ownSubjects(f), evidence: f.evidence.map((e) => evidenceOf(b, e)) })));
    for (const m of result.messages as Message[]) {
      const line = typeof m.params?.line === 'number' ? locate(b, m.params.line) : undefined;
      if (m.code === 'unrecognised-input' && batches.length > 0) continue;
      messages.push(line ? { code: m.code, params: { ...m.params, file: line.piece.file, line: Math.max(line.line, 1) } } : { code: m.code, params: m.params });
    }
    for (const r of result.related ?? []) {
      const at = r.lines.map((n) => locate(b, n)).filter((x): x is NonNullable<typeof x> => !!x);
      const had = related.get(r.article);
      if (!had || had.score < r.score) related.set(r.article, { article: r.article, score: r.score, lines: at.map((a) => Math.max(a.line, 1)), files: at.map((a) => a.piece.file) });
    }
  }
  const findings = mergeFindings(lists.length ? lists : [[]]);
  const report: BundleReport = {
    format: prepared.format,
    files: prepared.pieces.map((p) => ({ path: p.file, lines: p.lines.length - 1 })),
    skipped: prepared.skipped,
    sections,
    findings,
    messages,
    summary: summarize(findings, prepared.podNodes),
  };
  if (findings.every((f) => f.severity === 'info') && related.size) report.related = [...related.values()].sort((a, b) => b.score - a.score).slice(0, 3);
  if (prepared.pieces.length === 0) report.messages.unshift({ code: 'bundle-empty' });
  return report;
}

/**
 * The one small interface every parser implements, plus the helpers they share. A parser reads one
 * kind of output (see the sample at the top of each parser file) and reports observations about
 * subjects as flat, named facts (vocabulary: ../fact-names.ts).
 */
import type { FactName } from '../fact-names.ts';
import type { Line, ParsedRecord, ScalarFact, SectionKind, Subject } from '../types.ts';

/** What the shell prompt line above a section says about it (`$ kubectl describe pod web-1`). */
export interface CommandHint {
  /** kubectl, oc, journalctl, etcdctl, docker, crictl, … */
  tool: string;
  /** First argument for kubectl-like tools: get, describe, logs, events, apply… */
  verb?: string;
  /** Resource type as typed (pods, po, no, ev, pvc…), lower case. */
  resource?: string;
  /** Object name when given (`describe pod web-1`, `logs web-1`, `-u kubelet`). */
  name?: string;
  namespace?: string;
  /** -o value (wide, yaml, json). */
  output?: string;
  allNamespaces?: boolean;
  /** The kind of output the command produces, when known. */
  kind?: SectionKind;
}

/** Result of parsing one section. */
export interface ParseResult {
  records: ParsedRecord[];
  /** A more precise kind than the parser's own (describe-workload → describe-deployment). */
  kind?: SectionKind;
}

/** How sections find where output of a kind begins. */
export type Family = 'table' | 'describe' | 'document' | 'lines';

/** One parser: a plain object, listed in the registry (parsers/index.ts). */
export interface Parser {
  kind: SectionKind;
  family: Family;
  /** True when this line begins output of this kind (a table header, a `Name:` line, a log line). */
  startsAt(text: string): boolean;
  /** True when the line clearly continues a section of this kind (cheap; skips boundary checks). */
  continues?(text: string): boolean;
  /** 0–1: how much these lines look like this kind's output. */
  detect(lines: Line[], hint?: CommandHint): number;
  parse(lines: Line[], hint?: CommandHint): ParseResult;
}

export const UNNAMED = '(unnamed)';

/** Shared empty maps: most records have only text facts or only scalars (10 MB pastes make many). */
export const NO_SCALARS: ReadonlyMap<string, ScalarFact> = new Map();
export const NO_TEXTS: ReadonlyMap<string, Line[]> = new Map();

/** Collects facts about one subject, keeping the lines each came from. */
export class RecordBuilder {
  scalars: Map<string, ScalarFact> = NO_SCALARS as Map<string, ScalarFact>;
  texts: Map<string, Line[]> = NO_TEXTS as Map<string, Line[]>;
  constructor(public subject: Subject) {}

  /** Sets a scalar fact (first value wins unless `overwrite`). */
  scalar(fact: FactName, value: string | number | undefined, line: Line | number | undefined, overwrite = false): this {
    if (value === undefined || value === '') return this;
    if (!overwrite && this.scalars.has(fact)) return this;
    if (this.scalars === NO_SCALARS) this.scalars = new Map();
    this.scalars.set(fact, { value, lines: lineNumbers(line) });
    return this;
  }

  /** Adds one line-tagged text to a text fact. */
  text(fact: FactName, text: string | undefined, line: Line | number): this {
    if (text === undefined || text === '') return this;
    const l = typeof line === 'number' ? { text, start: line, end: line } : { text, start: line.start, end: line.end };
    const list = this.texts.get(fact);
    if (list) list.push(l);
    else {
      if (this.texts === NO_TEXTS) this.texts = new Map();
      this.texts.set(fact, [l]);
    }
    return this;
  }

  build(): ParsedRecord {
    return { subject: this.subject, scalars: this.scalars, texts: this.texts };
  }
}

function lineNumbers(line: Line | number | undefined): number[] {
  if (line === undefined) return [];
  if (typeof line === 'number') return [line];
  const out: number[] = [];
  for (let n = line.start; n <= line.end; n++) out.push(n);
  return out;
}

const AGE_PART = /(\d+)([ywdhms])/g;
const AGE_UNIT: Record<string, number> = { y: 31536000, w: 604800, d: 86400, h: 3600, m: 60, s: 1 };

/** Converts a kubectl age ("209d", "5h13m", "3m20s", "2y41d") to seconds; undefined if not an age. */
export function parseAge(s: string | undefined): number | undefined {
  if (!s || !/^(?:\d+[ywdhms])+$/.test(s)) return undefined;
  let total = 0;
  for (const m of s.matchAll(AGE_PART)) total += Number(m[1]) * AGE_UNIT[m[2]!]!;
  return total;
}

/** Splits on runs of whitespace. */
export function tokens(text: string): string[] {
  const t = text.trim();
  return t === '' ? [] : t.split(/\s+/);
}

/** Column headers that contain a single space. */
const MULTIWORD = ['LAST SEEN', 'FIRST SEEN', 'ACCESS MODES', 'NOMINATED NODE', 'READINESS GATES', 'VOLUME ATTRIBUTES'];

export interface Column {
  name: string;
  start: number;
}

/** Reads the column names and their start offsets from a table header line. */
export function headerColumns(header: string): Column[] {
  const cols: Column[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(header))) {
    const prev = cols[cols.length - 1];
    const word = m[0];
    if (prev && MULTIWORD.includes(`${prev.name} ${word}`) && header.slice(prev.start + prev.name.length, m.index) === ' ') {
      prev.name = `${prev.name} ${word}`;
      continue;
    }
    cols.push({ name: word, start: m.index });
  }
  return cols;
}

/**
 * Cuts a row at the header's column offsets when the row is aligned with it (each column starts
 * after whitespace); returns null when it is not (tabs, collapsed spaces, a later chunk with other
 * widths), so the caller falls back to token rules.
 */
export function sliceAligned(row: string, cols: Column[]): string[] | null {
  if (row.includes('\t')) return null;
  const out: string[] = [];
  for (let i = 0; i < cols.length; i++) {
    const start = cols[i]!.start;
    const end = i + 1 < cols.length ? cols[i + 1]!.start : row.length;
    if (start > 0 && start < row.length && row[start - 1] !== ' ') return null;
    if (i + 1 < cols.length && end < row.length && row[end - 1] !== ' ' && row[end] !== ' ') return null;
    out.push(start < row.length ? row.slice(start, Math.max(start, end)).trim() : '');
  }
  return out;
}

const KINDS: Record<string, string> = {
  pod: 'Pod', pods: 'Pod', po: 'Pod',
  node: 'Node', nodes: 'Node', no: 'Node', minion: 'Node',
  deployment: 'Deployment', deployments: 'Deployment', deploy: 'Deployment',
  replicaset: 'ReplicaSet', replicasets: 'ReplicaSet', rs: 'ReplicaSet',
  statefulset: 'StatefulSet', statefulsets: 'StatefulSet', sts: 'StatefulSet',
  daemonset: 'DaemonSet', daemonsets: 'DaemonSet', ds: 'DaemonSet',
  persistentvolumeclaim: 'PersistentVolumeClaim', persistentvolumeclaims: 'PersistentVolumeClaim', pvc: 'PersistentVolumeClaim',
  persistentvolume: 'PersistentVolume', pv: 'PersistentVolume',
  service: 'Service', services: 'Service', svc: 'Service',
  endpoints: 'Service', ep: 'Service',
  job: 'Job', jobs: 'Job', cronjob: 'CronJob', cronjobs: 'CronJob',
  namespace: 'Namespace', ns: 'Namespace', configmap: 'ConfigMap', cm: 'ConfigMap', secret: 'Secret',
  horizontalpodautoscaler: 'HorizontalPodAutoscaler', hpa: 'HorizontalPodAutoscaler', ingress: 'Ingress',
};

/** Maps a resource word (pod, po, Pod, pods) to its kind (Pod); unknown words are capitalised. */
export function kindOf(word: string): string {
  const known = KIND_CACHE.get(word);
  if (known) return known;
  const dot = word.indexOf('.');
  const w = (dot === -1 ? word : word.slice(0, dot)).toLowerCase();
  const kind = KINDS[w] ?? (word.charAt(0).toUpperCase() + word.slice(1));
  if (KIND_CACHE.size < 1000) KIND_CACHE.set(word, kind);
  return kind;
}
const KIND_CACHE = new Map<string, string>();

/** Kinds without a namespace (so `default` in a `get events -A` row is dropped). */
export const CLUSTER_SCOPED = new Set(['Node', 'PersistentVolume', 'Namespace', 'ComponentStatus']);

/** Builds a subject, dropping the namespace of cluster-scoped kinds. */
export function subjectOf(kind: string, name: string, namespace?: string): Subject {
  return CLUSTER_SCOPED.has(kind) || !namespace ? { kind, name } : { kind, namespace, name };
}

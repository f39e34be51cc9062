/**
 * Which files of a bundle the engine reads, and as what. Three layouts are known:
 *
 * - `k8s-kb collect` bundles: `manifest.json` (`"format": "k8s-kb-bundle"`) and one file per
 *   command, each opening with its `$ kubectl …` line, so the engine already knows what it reads;
 * - troubleshoot.sh support bundles: `cluster-resources/pods/<ns>.json`, `events/<ns>.json`,
 *   `nodes.json`, workloads and claims (JSON lists, reduced to the lines the engine reads, events
 *   turned into `kubectl get events` rows), and `cluster-resources/pods/logs/<ns>/<pod>/<container>.log`
 *   (read as `kubectl logs -n <ns> <pod>`); the rest of `cluster-resources/` (RBAC, CRDs, config
 *   maps…) says nothing the rules read and is skipped;
 * - anything else: every text file as it is, whatever its name.
 */
import { decodeBytes, isBinaryText } from './text.ts';
import { eventRows, filterObjectList, type Converted } from './json-lines.ts';
import type { BundleFile, SkippedFile } from './tar.ts';

export type BundleFormat = 'k8s-kb' | 'troubleshoot' | 'files';

/** One file as the engine will read it. */
export interface Piece {
  /** Bundle path of the file. */
  file: string;
  /** Lines given to the engine; the first is a `$ …` line naming what follows (it maps to no line). */
  lines: string[];
  /** 1-based line of the file behind each of `lines` (0 for the `$ …` line). */
  from: number[] | Int32Array;
  /** The file's own text, for evidence lines. */
  source: string;
  /** Order in the combined text: small, telling files first (see `rankOf`). */
  rank: number;
  /** Characters of `lines`, newlines included. */
  chars: number;
}

export interface PreparedBundle {
  format: BundleFormat;
  pieces: Piece[];
  skipped: SkippedFile[];
  /** `namespace/pod` → node, from `get pods -o wide` tables and pod lists (for the summary by node). */
  podNodes: Map<string, string>;
}

const TS_LIST = /(?:^|\/)cluster-resources\/(?:(pods|events|deployments|statefulsets|daemonsets|replicasets|pvcs)\/([^/]+)\.json|(nodes)\.json)$/;
const TS_LOG = /(?:^|\/)cluster-resources\/pods\/logs\/([^/]+)\/([^/]+)\/([^/]+?)(-previous)?\.log$/;
const TS_OTHER = /(?:^|\/)cluster-resources\//;
const TS_SKIP = /(?:^|\/)(?:analysis\.json|version\.yaml|execution-data\/[^/]*)$/;

/** A safe word for the `$ …` line: a file name may hold anything, the line must stay one command. */
function word(s: string): string {
  return s.replace(/[^\w.\-/]/g, '_').slice(0, 200) || '_';
}

/** Lines of a text, without the empty line after a final newline. */
function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function piece(file: string, head: string, body: Converted | { lines: string[] }, source: string, rank: number): Piece {
  const n = body.lines.length;
  const from = new Int32Array(n + 1);
  if ('from' in body) for (let i = 0; i < n; i++) from[i + 1] = body.from[i]!;
  else for (let i = 0; i < n; i++) from[i + 1] = i + 1;
  const lines = [head, ...body.lines];
  let chars = 0;
  for (const l of lines) chars += l.length + 1;
  return { file, lines, from, source, rank, chars };
}

/**
 * Rank in the combined text. The engine's whole-paste rules read only the first and last 256 KB of a
 * very large paste, so describes, logs and short files (where those messages are) go first, tables
 * of pods and nodes next, and events last (the newest events end the paste).
 */
function rankOf(file: string, chars: number): number {
  if (/(?:^|\/)events(?:\.[\w-]+)?\.(?:txt|json)$|cluster-resources\/events\//.test(file)) return 3;
  if (chars > 256 * 1024 || /(?:^|\/)(?:pods|nodes)\.(?:txt|json)$|cluster-resources\/(?:pods|nodes)/.test(file)) return 2;
  return 1;
}

/** Rows of a `kubectl get pods -o wide` table: pod → node, read at the NODE column's position. */
function readPodNodes(lines: readonly string[], podNodes: Map<string, string>): void {
  let nameAt = -1;
  let nsAt = -1;
  let nodeAt = -1;
  for (const line of lines) {
    if (/^(?:NAMESPACE\s+)?NAME\s+READY\s+STATUS\s/.test(line)) {
      nsAt = line.startsWith('NAMESPACE') ? 0 : -1;
      nameAt = line.indexOf('NAME', nsAt === 0 ? 9 : 0);
      nodeAt = line.search(/\sNODE\s/) + 1;
      continue;
    }
    if (nodeAt <= 0 || line.length <= nodeAt || line.charCodeAt(nodeAt - 1) !== 32) continue;
    const node = /^\S+/.exec(line.slice(nodeAt))?.[0];
    const name = /^\S+/.exec(line.slice(nameAt))?.[0];
    const ns = nsAt === 0 ? /^\S+/.exec(line)?.[0] : 'default';
    if (node && name && node !== '<none>') podNodes.set(`${ns}/${name}`, node);
  }
}

/** Sorts a bundle's files into pieces for the engine and skipped files, with reasons. */
export function prepareBundle(files: readonly BundleFile[], skippedBefore: readonly SkippedFile[] = []): PreparedBundle {
  const skipped = [...skippedBefore];
  const pieces: Piece[] = [];
  const podNodes = new Map<string, string>();
  let format: BundleFormat = 'files';
  const manifest = files.find((f) => /(?:^|\/)manifest\.json$/.test(f.path) && f.path.split('/').length <= 2);
  if (manifest && /"format"\s*:\s*"k8s-kb-bundle"/.test(decodeBytes(manifest.data.subarray(0, 4096)))) format = 'k8s-kb';
  else if (files.some((f) => TS_LIST.test(f.path) || TS_LOG.test(f.path))) format = 'troubleshoot';
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.path)) {
      skipped.push({ path: f.path, reason: 'duplicate' });
      continue;
    }
    seen.add(f.path);
    if (f === manifest && format === 'k8s-kb') continue;
    if (f.data.length === 0) {
      skipped.push({ path: f.path, reason: 'empty' });
      continue;
    }
    if (isBinaryText(f.data)) {
      skipped.push({ path: f.path, reason: 'binary' });
      continue;
    }
    const source = decodeBytes(f.data);
    const lines = splitLines(source);
    if (format === 'troubleshoot') {
      const list = TS_LIST.exec(f.path);
      if (list) {
        const kind = list[1] ?? list[3]!;
        const converted = kind === 'events' ? eventRows(lines) : filterObjectList(lines, kind === 'pods' ? podNodes : undefined);
        const ns = list[2] ? ` -n ${word(list[2])}` : '';
        const resource = kind === 'pvcs' ? 'pvc' : kind;
        const head = kind === 'events' ? `$ kubectl get events${ns}` : `$ kubectl get ${resource}${ns} -o json`;
        if (converted && converted.lines.length > (kind === 'events' ? 1 : 0)) pieces.push(piece(f.path, head, converted, source, rankOf(f.path, source.length)));
        else if (!converted) pieces.push(piece(f.path, head, { lines }, source, rankOf(f.path, source.length)));
        else skipped.push({ path: f.path, reason: 'empty' });
        continue;
      }
      const log = TS_LOG.exec(f.path);
      if (log) {
        const head = `$ kubectl logs -n ${word(log[1]!)} ${word(log[2]!)} -c ${word(log[3]!)}${log[4] ? ' --previous' : ''}`;
        pieces.push(piece(f.path, head, { lines }, source, 1));
        continue;
      }
      if (TS_OTHER.test(f.path) && !/-errors\.json$/.test(f.path)) {
        skipped.push({ path: f.path, reason: 'not-diagnosed' });
        continue;
      }
      if (TS_SKIP.test(f.path)) {
        skipped.push({ path: f.path, reason: 'not-diagnosed' });
        continue;
      }
    }
    readPodNodes(lines.length > 200_000 ? lines.slice(0, 200_000) : lines, podNodes);
    pieces.push(piece(f.path, `$ cat ${word(f.path)}`, { lines }, source, rankOf(f.path, source.length)));
  }
  return { format, pieces, skipped, podNodes };
}

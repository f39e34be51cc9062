/**
 * Values a finding's recovery commands need, read from the paste around its subject: the pod's
 * namespace and node, the workload that owns it, the container the evidence is in, that container's
 * image, memory limit, requests and JVM heap flags, the claims it mounts. Pure: lines in, strings
 * out; `steps.ts` turns them into filled-in commands.
 *
 * Sources, in order: the subject itself, the rule's captures, the pod's own `kubectl describe pod`
 * block, and its row of `kubectl get pods -o wide`. What the paste does not show stays absent.
 *
 *     Name:             order-service-5f7d8c9b6-x2lkp
 *     Namespace:        shop
 *     Node:             10.128.130.75/10.128.130.75
 *     Controlled By:  ReplicaSet/order-service-5f7d8c9b6
 *     Containers:
 *       order-service:
 *         Limits:
 *           memory:  1Gi
 *         Environment:
 *           JAVA_OPTS:  -Xms768m -Xmx1536m
 */
import { SAFE_CHARS } from './generated-names.ts';
import type { Finding, SectionInfo } from './types.ts';

/** Raw values for one finding (names below); every value is one line of paste text at most. */
export type StepValues = Partial<Record<StepValueName, string>>;

export type StepValueName =
  | 'namespace' | 'pod' | 'node' | 'ownerKind' | 'owner' | 'container' | 'image'
  | 'memLimit' | 'memRequest' | 'cpuRequest' | 'xmx' | 'maxRamPercentage' | 'claim' | 'hostPort';

/** Lines read at most per describe block (a describe pod is 40–150 lines; a block is cut there). */
const MAX_BLOCK_LINES = 2000;
/** A value longer than this is not a Kubernetes name or quantity: not used. */
const MAX_VALUE_CHARS = 253;

const HASHED_POD = new RegExp(`^(.+)-${SAFE_CHARS}{6,10}-${SAFE_CHARS}{5}$`);
const HASHED_RS = new RegExp(`^(.+)-${SAFE_CHARS}{6,10}$`);

const KEY_VALUE = /^([A-Za-z][A-Za-z -]*?):[ \t]*(.*)$/;

function clean(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const s = v.trim();
  if (!s || s.length > MAX_VALUE_CHARS || s === '<none>' || s === '<unset>' || s === '(unnamed)') return undefined;
  return s;
}

function indentOf(s: string): number {
  let i = 0;
  while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
  return i;
}

interface ContainerBlock {
  name: string;
  from: number;
  to: number;
}

/** [from, to) of every pod's block in the describe-pod sections (a section without `Name:` is one block). */
function describeBlocks(texts: readonly string[], sections: readonly SectionInfo[]): [number, number][] {
  const blocks: [number, number][] = [];
  for (const s of sections) {
    if (s.kind !== 'describe-pod') continue;
    const end = Math.min(s.endLine, texts.length);
    let open = -1;
    for (let i = s.startLine - 1; i < end; i++) {
      if (/^Name:[ \t]/.test(texts[i]!)) {
        if (open >= 0) blocks.push([open, i]);
        open = i;
      }
    }
    if (open >= 0) blocks.push([open, end]);
    else if (end > s.startLine - 1) blocks.push([s.startLine - 1, end]);
  }
  return blocks;
}

/** The describe block of `pod`, or the paste's only block when it names no pod (a fragment). */
function findDescribeBlock(texts: readonly string[], blocks: [number, number][], pod: string | undefined): [number, number] | undefined {
  if (blocks.length === 0) return undefined;
  const cut = (b: [number, number]): [number, number] => [b[0], Math.min(b[1], b[0] + MAX_BLOCK_LINES)];
  if (pod) {
    for (const b of blocks) {
      const m = /^Name:[ \t]+(\S+)/.exec(texts[b[0]]!);
      if (m && m[1] === pod) return cut(b);
    }
  }
  if (blocks.length === 1 && (!pod || !/^Name:[ \t]/.test(texts[blocks[0]![0]]!))) return cut(blocks[0]!);
  return undefined;
}

/** Containers (and init containers) of a describe block, each with its line range. */
function containerBlocks(texts: readonly string[], from: number, to: number): ContainerBlock[] {
  const out: ContainerBlock[] = [];
  let inList = false;
  let listIndent = 0;
  for (let i = from; i < to; i++) {
    const t = texts[i]!;
    if (!t.trim()) continue;
    const ind = indentOf(t);
    if (ind === 0) {
      const last = out[out.length - 1];
      if (last && last.to > i) last.to = i;
      inList = /^(Init )?Containers:\s*$/.test(t);
      listIndent = -1;
      continue;
    }
    if (!inList) continue;
    const m = /^[ \t]+([a-z0-9]([-a-z0-9.]*[a-z0-9])?):\s*$/.exec(t);
    if (m && (listIndent < 0 || ind === listIndent)) {
      listIndent = ind;
      if (out.length && out[out.length - 1]!.to > i) out[out.length - 1]!.to = i;
      out.push({ name: m[1]!, from: i, to: to });
    }
  }
  return out;
}

/** Value of `key:` on a line of the block, or of the line under it (Limits:\n  memory: 1Gi). */
function subValue(texts: readonly string[], from: number, to: number, parent: string, key: string): string | undefined {
  for (let i = from; i < to; i++) {
    const t = texts[i]!;
    if (t.trim() !== `${parent}:`) continue;
    const ind = indentOf(t);
    for (let j = i + 1; j < to; j++) {
      const u = texts[j]!;
      if (indentOf(u) <= ind) break;
      const kv = KEY_VALUE.exec(u.trim());
      if (kv && kv[1] === key) return clean(kv[2]);
    }
  }
  return undefined;
}

function topValue(texts: readonly string[], from: number, to: number, key: string): string | undefined {
  for (let i = from; i < to; i++) {
    const t = texts[i]!;
    if (indentOf(t) !== 0) continue;
    const kv = KEY_VALUE.exec(t);
    if (kv && kv[1] === key) return clean(kv[2]);
  }
  return undefined;
}

function ownerFrom(kind: string, name: string): { ownerKind: string; owner: string } | undefined {
  const k = kind.toLowerCase();
  if (k === 'replicaset') {
    const m = HASHED_RS.exec(name);
    return m ? { ownerKind: 'deployment', owner: m[1]! } : { ownerKind: 'replicaset', owner: name };
  }
  if (k === 'statefulset' || k === 'daemonset' || k === 'job' || k === 'deployment') return { ownerKind: k, owner: name };
  return undefined;
}

/** Reads the describe block of a pod into `out`; `evidence` picks the container. */
function readDescribe(texts: readonly string[], from: number, to: number, evidence: Set<number>, captured: string | undefined, out: StepValues): void {
  out.namespace ??= topValue(texts, from, to, 'Namespace');
  const node = topValue(texts, from, to, 'Node');
  if (node) out.node ??= clean(node.split('/')[0]);
  const by = topValue(texts, from, to, 'Controlled By');
  const ob = by && /^([A-Za-z]+)\/(\S+)$/.exec(by);
  if (ob) Object.assign(out, { ...ownerFrom(ob[1]!, ob[2]!), ...pick(out, 'ownerKind', 'owner') });
  const claim = (() => {
    for (let i = from; i < to; i++) {
      const m = /^[ \t]+ClaimName:[ \t]+(\S+)/.exec(texts[i]!);
      if (m) return clean(m[1]);
    }
    return undefined;
  })();
  if (claim) out.claim ??= claim;

  const containers = containerBlocks(texts, from, to);
  let c: ContainerBlock | undefined;
  if (captured) c = containers.find((x) => x.name === captured);
  c ??= containers.find((x) => [...evidence].some((n) => n - 1 >= x.from && n - 1 < x.to));
  if (!c && containers.length === 1) c = containers[0];
  if (!c) return;
  out.container ??= c.name;
  const image = subValueLine(texts, c.from, c.to, 'Image');
  if (image) out.image ??= image;
  out.memLimit ??= subValue(texts, c.from, c.to, 'Limits', 'memory');
  out.memRequest ??= subValue(texts, c.from, c.to, 'Requests', 'memory');
  out.cpuRequest ??= subValue(texts, c.from, c.to, 'Requests', 'cpu');
  // "Host Port: 443/TCP", or "Host Ports: 80/TCP, 443/TCP, 0/TCP" (the first one in use).
  const hostPorts = subValueLine(texts, c.from, c.to, 'Host Port') ?? subValueLine(texts, c.from, c.to, 'Host Ports');
  const hp = hostPorts?.split(',').map((p) => /^\s*(\d{1,5})\b/.exec(p)?.[1]).find((p) => p && p !== '0');
  if (hp) out.hostPort ??= hp;
  for (let i = c.from; i < c.to; i++) {
    const t = texts[i]!;
    const x = /-Xmx(\d+[kKmMgG]?)\b/.exec(t);
    if (x) out.xmx = x[1];
    const p = /-XX:MaxRAMPercentage=(\d+(?:\.\d+)?)/.exec(t);
    if (p) out.maxRamPercentage = p[1];
  }
}

function pick(v: StepValues, ...keys: StepValueName[]): StepValues {
  const o: StepValues = {};
  for (const k of keys) if (v[k] !== undefined) o[k] = v[k];
  return o;
}

/** `Key:  value` at the container's own level (one indent below its name). */
function subValueLine(texts: readonly string[], from: number, to: number, key: string): string | undefined {
  const ind = indentOf(texts[from] ?? '');
  for (let i = from + 1; i < to; i++) {
    const t = texts[i]!;
    const d = indentOf(t);
    if (d <= ind && t.trim()) break;
    const kv = KEY_VALUE.exec(t.trim());
    if (kv && kv[1] === key) return clean(kv[2]);
  }
  return undefined;
}

/** The NODE cell of the pod's row in `kubectl get pods -o wide`. */
function nodeFromGetPods(texts: readonly string[], sections: readonly SectionInfo[], pod: string, namespace: string | undefined): string | undefined {
  for (const s of sections) {
    if (s.kind !== 'get-pods') continue;
    let nodeCol = -1;
    let nsCol = -1;
    const end = Math.min(s.endLine, texts.length);
    for (let i = s.startLine - 1; i < end; i++) {
      // "14 (2m10s ago)" in RESTARTS is one column with blanks in it.
      const cells = texts[i]!.replace(/\s\(\S+ ago\)/g, '').trim().split(/\s+/);
      if (cells.includes('NAME') && cells.includes('STATUS')) {
        nodeCol = cells.indexOf('NODE');
        nsCol = cells.indexOf('NAMESPACE');
        continue;
      }
      if (nodeCol < 0) continue;
      const nameCol = nsCol >= 0 ? nsCol + 1 : 0;
      if (cells[nameCol] !== pod || (namespace && nsCol >= 0 && cells[nsCol] !== namespace)) continue;
      return clean(cells[nodeCol]);
    }
  }
  return undefined;
}

/**
 * The values for one finding. `texts` are the normalised lines (`texts[i]` is line i + 1) and
 * `sections` the recognised sections, as `diagnose()` has them.
 */
export function stepValues(
  finding: Pick<Finding, 'subject' | 'captures' | 'evidence'>,
  texts: readonly string[],
  sections: readonly SectionInfo[],
  blocks: () => [number, number][] = () => describeBlocks(texts, sections),
): StepValues {
  const out: StepValues = {};
  const { subject, captures } = finding;
  const name = clean(subject.name);
  out.namespace = clean(subject.namespace);
  switch (subject.kind) {
    case 'Pod':
      out.pod = name;
      break;
    case 'Node':
      out.node = name;
      break;
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
      if (name) Object.assign(out, ownerFrom(subject.kind, name));
      break;
    case 'PersistentVolumeClaim':
      out.claim = name;
      break;
  }
  // What the rule read from the evidence line itself.
  const cap = (k: string) => clean(captures[k]);
  out.container ??= cap('container');
  out.image ??= cap('image');
  out.claim ??= cap('claim');
  out.node ??= cap('node');
  if (!out.owner && cap('deployment')) Object.assign(out, { ownerKind: 'deployment', owner: cap('deployment') });
  if (/^\d{1,5}$/.test(captures.port ?? '')) out.hostPort = captures.port;

  if (subject.kind === 'Pod') {
    const evidence = new Set(finding.evidence.map((e) => e.line));
    const block = findDescribeBlock(texts, blocks(), out.pod);
    if (block) readDescribe(texts, block[0], block[1], evidence, out.container, out);
    if (out.pod && !out.node) out.node = nodeFromGetPods(texts, sections, out.pod, out.namespace);
    if (out.pod && !out.owner) {
      const m = HASHED_POD.exec(out.pod);
      if (m) Object.assign(out, { ownerKind: 'deployment', owner: m[1] });
    }
  }
  for (const k of Object.keys(out) as StepValueName[]) if (out[k] === undefined) delete out[k];
  return out;
}

/** Adds `values` to every finding (see stepValues). */
export function attachStepValues(findings: Finding[], texts: readonly string[], sections: readonly SectionInfo[]): void {
  // The describe blocks are found once per paste, when the first pod finding needs them.
  let blocks: [number, number][] | undefined;
  const once = () => (blocks ??= describeBlocks(texts, sections));
  for (const f of findings) {
    const v = stepValues(f, texts, sections, once);
    if (Object.keys(v).length) f.values = v;
  }
}

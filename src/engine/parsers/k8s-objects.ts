/**
 * Turns flattened `-o yaml` / `-o json` documents (single objects or `List`s) into facts: pods'
 * container states and last states, node conditions and taints, events, workload replica counts,
 * claims. Shared by the yaml and json parsers.
 */
import type { FactName } from '../fact-names.ts';
import type { Line, ParsedRecord } from '../types.ts';
import { eventText } from './events.ts';
import { kindOf, RecordBuilder, subjectOf, UNNAMED, type CommandHint } from './parser.ts';
import type { PathValue } from './path-values.ts';

type Obj = Map<string, PathValue>;

/** Splits path values into objects: `items[i]` of a List, or the single root object. */
function splitObjects(pvs: PathValue[]): Obj[] {
  const items = new Map<number, Obj>();
  const root: Obj = new Map();
  for (const pv of pvs) {
    const m = /^items\[(\d+)\]\.(.*)$/.exec(pv.path);
    if (m) {
      const idx = Number(m[1]);
      let o = items.get(idx);
      if (!o) items.set(idx, (o = new Map()));
      o.set(m[2]!, pv);
    } else root.set(pv.path, pv);
  }
  return items.size ? [...items.values()] : [root];
}

function indexed(obj: Obj, prefix: RegExp): Map<number, Map<string, PathValue>> {
  const out = new Map<number, Map<string, PathValue>>();
  for (const [path, pv] of obj) {
    const m = prefix.exec(path);
    if (!m) continue;
    const i = Number(m[1]);
    let o = out.get(i);
    if (!o) out.set(i, (o = new Map()));
    o.set(m[2]!, pv);
  }
  return out;
}

function guessKind(obj: Obj, defaultKind: string | undefined): string {
  const kind = obj.get('kind')?.value;
  if (kind && kind !== 'List') return kind;
  const paths = [...obj.keys()];
  if (obj.has('involvedObject.kind')) return 'Event';
  if (paths.some((p) => /containerStatuses|^spec\.containers|^status\.qosClass/.test(p))) return 'Pod';
  if (paths.some((p) => /^status\.nodeInfo|^spec\.taints|^spec\.podCIDR/.test(p))) return 'Node';
  const conditionTypes = paths.filter((p) => /^status\.conditions\[\d+\]\.type$/.test(p)).map((p) => obj.get(p)!.value);
  if (conditionTypes.some((t) => /^(?:PodScheduled|ContainersReady|Initialized|PodReadyToStartContainers)$/.test(t))) return 'Pod';
  if (conditionTypes.some((t) => /^(?:MemoryPressure|DiskPressure|PIDPressure|NetworkUnavailable|OutOfDisk)$/.test(t))) return 'Node';
  return defaultKind ?? '';
}

function addConditions(obj: Obj, b: RecordBuilder, scalars?: Record<string, FactName>): void {
  for (const c of indexed(obj, /^status\.conditions\[(\d+)\]\.(.+)$/).values()) {
    const type = c.get('type');
    const status = c.get('status');
    if (!type || !status) continue;
    const reason = c.get('reason')?.value ?? '';
    const message = c.get('message');
    const text = [type.value, status.value, reason, message?.value ?? ''].filter(Boolean).join(' ');
    const lines = [type.line, status.line, c.get('reason')?.line, message?.line].filter((l): l is Line => !!l);
    const start = Math.min(...lines.map((l) => l.start));
    const end = Math.max(...lines.map((l) => l.end));
    b.text('conditions', text, { text, start, end });
    const fact = scalars?.[type.value];
    if (fact) b.scalar(fact, status.value, status.line);
  }
}

function podFacts(obj: Obj, b: RecordBuilder): void {
  const phase = obj.get('status.phase');
  if (phase) b.scalar('phase', phase.value, phase.line);
  const reason = obj.get('status.reason');
  if (reason) b.scalar('podReason', reason.value, reason.line);
  const message = obj.get('status.message');
  if (message) b.text('podMessage', message.value, message.line);
  const del = obj.get('metadata.deletionTimestamp');
  if (del) b.scalar('deletionRequested', 'true', del.line);
  for (const [path, pv] of obj) if (/^metadata\.finalizers\[\d+\]$/.test(path)) b.text('finalizers', pv.value, pv.line);
  addConditions(obj, b);
  let restarts: PathValue | undefined;
  for (const cs of indexed(obj, /^status\.(?:init|ephemeral)?[cC]ontainerStatuses\[(\d+)\]\.(.+)$/).values()) {
    const get = (k: string) => cs.get(k);
    const w = get('state.waiting.reason');
    if (w) b.text('waitingReasons', w.value, w.line);
    const t = get('state.terminated.reason');
    if (t) b.text('terminatedReasons', t.value, t.line);
    const te = get('state.terminated.exitCode');
    if (te) b.text('exitCodes', te.value, te.line);
    const lt = get('lastState.terminated.reason');
    if (lt) b.text('lastTerminationReasons', lt.value, lt.line);
    const le = get('lastState.terminated.exitCode');
    if (le) b.text('lastExitCodes', le.value, le.line);
    for (const k of ['state.waiting.message', 'state.terminated.message', 'lastState.terminated.message']) {
      const m = get(k);
      if (m) b.text('containerMessages', m.value, m.line);
    }
    const rc = get('restartCount');
    if (rc && (!restarts || Number(rc.value) > Number(restarts.value))) restarts = rc;
  }
  if (restarts) b.scalar('restarts', Number(restarts.value), restarts.line);
}

const NODE_CONDITIONS: Record<string, FactName> = {
  Ready: 'readyCondition',
  MemoryPressure: 'memoryPressure',
  DiskPressure: 'diskPressure',
  PIDPressure: 'pidPressure',
  NetworkUnavailable: 'networkUnavailable',
  OutOfDisk: 'outOfDisk',
};

function nodeFacts(obj: Obj, b: RecordBuilder): void {
  addConditions(obj, b, NODE_CONDITIONS);
  for (const t of indexed(obj, /^spec\.taints\[(\d+)\]\.(.+)$/).values()) {
    const key = t.get('key');
    if (!key) continue;
    const value = t.get('value')?.value;
    const effect = t.get('effect')?.value ?? '';
    b.text('taints', `${key.value}${value ? `=${value}` : ''}:${effect}`, key.line);
  }
  const u = obj.get('spec.unschedulable');
  if (u) b.scalar('unschedulable', u.value, u.line);
}

function workloadFacts(obj: Obj, b: RecordBuilder): void {
  const num = (fact: FactName, ...paths: string[]) => {
    for (const p of paths) {
      const pv = obj.get(p);
      if (pv && /^\d+$/.test(pv.value)) return void b.scalar(fact, Number(pv.value), pv.line);
    }
  };
  num('replicasDesired', 'spec.replicas', 'status.desiredNumberScheduled');
  num('replicasUpdated', 'status.updatedReplicas', 'status.updatedNumberScheduled');
  num('replicasAvailable', 'status.availableReplicas', 'status.numberAvailable');
  num('replicasReady', 'status.readyReplicas', 'status.numberReady');
  num('replicasUnavailable', 'status.unavailableReplicas', 'status.numberUnavailable');
  addConditions(obj, b);
}

/** Facts from every object found in the path values. */
export function recordsFromPathValues(pvs: PathValue[], hint?: CommandHint): ParsedRecord[] {
  const records: ParsedRecord[] = [];
  const defaultKind = hint?.resource ? kindOf(hint.resource) : undefined;
  for (const obj of splitObjects(pvs)) {
    const kind = guessKind(obj, defaultKind);
    const name = obj.get('metadata.name')?.value ?? (kind === defaultKind ? hint?.name : undefined) ?? UNNAMED;
    const ns = obj.get('metadata.namespace')?.value ?? hint?.namespace;
    if (kind === 'Event') {
      const io = (k: string) => obj.get(`involvedObject.${k}`)?.value;
      const type = obj.get('type');
      const reason = obj.get('reason');
      const message = obj.get('message');
      if (!reason) continue;
      const b = new RecordBuilder(subjectOf(kindOf(io('kind') ?? 'Pod'), io('name') ?? UNNAMED, io('namespace') ?? ns));
      const text = eventText(type?.value ?? 'Normal', reason.value, message?.value ?? '');
      const at = message?.line ?? reason.line;
      b.text('events', text, { text, start: at.start, end: at.end });
      records.push(b.build());
      continue;
    }
    if (!kind) continue;
    if (kind === 'Endpoints') {
      const hasAddresses = [...obj.keys()].some((p) => /^subsets\[\d+\]\.addresses\[/.test(p));
      const at = obj.get('kind') ?? obj.get('metadata.name');
      if (at) records.push(new RecordBuilder(subjectOf('Service', name, ns)).scalar('endpoints', hasAddresses ? 'ready' : '<none>', at.line).build());
      continue;
    }
    const b = new RecordBuilder(subjectOf(kind, name, ns));
    if (kind === 'Pod') podFacts(obj, b);
    else if (kind === 'Node') nodeFacts(obj, b);
    else if (['Deployment', 'StatefulSet', 'ReplicaSet', 'DaemonSet'].includes(kind)) workloadFacts(obj, b);
    else if (kind === 'PersistentVolumeClaim') {
      const phase = obj.get('status.phase');
      if (phase) b.scalar('pvcStatus', phase.value, phase.line);
      const sc = obj.get('spec.storageClassName');
      if (sc) b.scalar('storageClass', sc.value, sc.line);
    } else continue;
    records.push(b.build());
  }
  return records;
}

/**
 * troubleshoot.sh writes each list of objects as one pretty-printed JSON document (Go's
 * `json.MarshalIndent(list, "", "  ")`, one key per line):
 *
 * ```
 * {
 *   "kind": "PodList",
 *   "apiVersion": "v1",
 *   "metadata": { … },
 *   "items": [
 *     {
 *       "kind": "Pod",
 *       "metadata": {
 *         "name": "web-7d9f8c6b5-xk2p4",
 *         "managedFields": [ … 40 lines … ],
 * ```
 *
 * The engine reads such a list as it is, but a pod is 150–300 lines of which it needs 30: at 5,000
 * pods and 50,000 events the lists are 100 MB. So the lines the engine reads are kept (original line
 * numbers beside them, for evidence) and the rest dropped; events become `kubectl get events` rows.
 * Lines are walked one by one with a stack of keys: no JSON.parse of a 16 MB document.
 */

/** Text for the engine, with the 1-based line of the source file behind each of its lines. */
export interface Converted {
  lines: string[];
  from: number[];
}

/** What a kept path means: the whole subtree, or only the lines of wanted paths below it. */
type Keep = 'all' | 'some' | 'none';

const KEEP_ALL = [
  /^(?:kind|apiVersion)$/,
  /^items\[\]\.(?:kind|apiVersion)$/,
  /^items\[\]\.metadata\.(?:name|namespace|deletionTimestamp|finalizers)$/,
  /^items\[\]\.spec\.(?:nodeName|taints|unschedulable|replicas|storageClassName)$/,
  /^items\[\]\.status\.(?:phase|reason|message|replicas|updatedReplicas|readyReplicas|availableReplicas|unavailableReplicas|desiredNumberScheduled|currentNumberScheduled|updatedNumberScheduled|numberAvailable|numberReady|numberUnavailable)$/,
  /^items\[\]\.status\.conditions\[\]\.(?:type|status|reason|message)$/,
  /^items\[\]\.status\.(?:init|ephemeral)?[cC]ontainerStatuses\[\]\.(?:name|state|lastState|restartCount|ready)$/,
];
const KEEP_SOME = /^(?:|items|items\[\]|items\[\]\.(?:metadata|spec|status)|items\[\]\.status\.conditions(?:\[\])?|items\[\]\.status\.(?:init|ephemeral)?[cC]ontainerStatuses(?:\[\])?)$/;

/** A `want` function with its answers cached: paths repeat for every item of a list. */
function cached(decide: (path: string) => Keep): (path: string) => Keep {
  const memo = new Map<string, Keep>();
  return (path) => {
    let k = memo.get(path);
    if (k === undefined) memo.set(path, (k = decide(path)));
    return k;
  };
}

const keepOf = cached((path) => {
  for (const re of KEEP_ALL) if (re.test(path)) return 'all';
  return KEEP_SOME.test(path) ? 'some' : 'none';
});

/** For events: the fields a `get events` row needs. */
const eventWant = cached((path) => {
  if (/^items\[\]\.(?:type|reason|message|lastTimestamp|eventTime|metadata\.namespace|involvedObject\.(?:kind|name|namespace))$/.test(path)) return 'all';
  return /^(?:|items|items\[\]|items\[\]\.(?:metadata|involvedObject))$/.test(path) ? 'some' : 'none';
});

const KEY_LINE = /^"((?:[^"\\]|\\.)*)"\s*:\s*(.*)$/;

function unquote(s: string): string {
  const t = s.replace(/,\s*$/, '');
  if (!t.startsWith('"')) return t;
  try {
    return JSON.parse(t) as string;
  } catch {
    return t.slice(1, -1);
  }
}

interface Frame {
  path: string;
  keep: Keep;
  array: boolean;
}

type Visit = (path: string, kind: 'open' | 'close' | 'scalar' | 'inner', value: string, index: number, keep: Keep) => void;

const isBlank = (c: number) => c === 32 || c === 9 || c === 13;

/**
 * Walks pretty-printed JSON line by line and calls `visit` for every line whose path `want`s it
 * ('some': the line and, one by one, the paths below; 'all': the whole subtree). A subtree taken or
 * left whole is passed over by counting brackets at line ends (`inner` lines), with no path work:
 * most of a pod is managedFields, spec and images, which nothing reads. Paths use `[]` for every
 * array index (`items[].metadata.name`). Returns false when the text is not one-key-per-line JSON
 * (a document on one line): the caller then uses it as it is.
 */
function walk(lines: readonly string[], want: (path: string) => Keep, visit: Visit): boolean {
  const stack: Frame[] = [];
  let skipDepth = 0;
  let skipKeep: Keep = 'none';
  for (let i = 0; i < lines.length; i++) {
    const s = lines[i]!;
    let a = 0;
    while (a < s.length && isBlank(s.charCodeAt(a))) a++;
    if (a === s.length) continue;
    let b = s.length - 1;
    while (b > a && isBlank(s.charCodeAt(b))) b--;
    const first = s.charCodeAt(a);
    if (skipDepth > 0) {
      let last = s.charCodeAt(b);
      if (last === 44 /* , */ && b > a) last = s.charCodeAt(b - 1);
      if (first === 125 /* } */ || first === 93 /* ] */) skipDepth--;
      else if (last === 123 /* { */ || last === 91 /* [ */) skipDepth++;
      if (skipKeep === 'all') visit('', 'inner', '', i, 'all');
      continue;
    }
    const t = s.slice(a, b + 1);
    const top = stack[stack.length - 1];
    if (first === 125 || first === 93) {
      if (!top) return false;
      stack.pop();
      visit(top.path, 'close', '', i, top.keep);
      continue;
    }
    let path: string;
    let rest: string;
    if (!top) {
      path = '';
      rest = t;
    } else if (top.array) {
      path = top.path;
      rest = t;
    } else {
      const m = KEY_LINE.exec(t);
      if (!m) return false;
      path = top.path ? `${top.path}.${m[1]}` : m[1]!;
      rest = m[2]!;
    }
    const keep = want(path);
    const r = rest.charCodeAt(rest.length - 1) === 44 ? rest.slice(0, -1).trimEnd() : rest;
    if (r === '{' || r === '[') {
      const framePath = r === '[' ? `${path}[]` : path;
      visit(framePath, 'open', r, i, keep);
      // An array's own frame carries `[]`, so its elements' paths do too.
      const frameKeep = r === '[' && keep === 'some' ? want(framePath) : keep;
      if (frameKeep === 'some') stack.push({ path: framePath, keep: frameKeep, array: r === '[' });
      else {
        skipDepth = 1;
        skipKeep = frameKeep;
      }
    } else {
      // A scalar, or an object/array opened and closed on the same line: too short to matter.
      if ((r.charCodeAt(0) === 123 || r.charCodeAt(0) === 91) && !/[}\]]$/.test(r)) return false;
      visit(path, 'scalar', r, i, keep);
    }
  }
  return stack.length === 0 && skipDepth === 0;
}

/** The lines of a troubleshoot.sh list (pods, nodes, workloads, claims) the engine reads. */
export function filterObjectList(lines: readonly string[], podNodes?: Map<string, string>): Converted | undefined {
  const out: Converted = { lines: [], from: [] };
  let item: { name?: string; namespace?: string; node?: string } = {};
  const ok = walk(lines, keepOf, (path, kind, value, i, keep) => {
    if (path === 'items[].metadata.name' && kind === 'scalar') item.name = unquote(value);
    else if (path === 'items[].metadata.namespace' && kind === 'scalar') item.namespace = unquote(value);
    else if (path === 'items[].spec.nodeName' && kind === 'scalar') item.node = unquote(value);
    else if (path === 'items[]' && kind === 'close') {
      if (podNodes && item.name && item.node) podNodes.set(`${item.namespace ?? ''}/${item.name}`, item.node);
      item = {};
    }
    if (keep === 'none') return;
    out.lines.push(lines[i]!.trim());
    out.from.push(i + 1);
  });
  return ok ? out : undefined;
}

/** The usual `kubectl get events -A` header; the engine's get-events parser reads its rows. */
export const EVENTS_HEADER = 'NAMESPACE   LAST SEEN   TYPE      REASON   OBJECT   MESSAGE';

/**
 * A troubleshoot.sh EventList as `kubectl get events -A` rows, one per event, each mapped to the
 * line of the event's `"message"` (else its `"reason"`) in the JSON.
 */
export function eventRows(lines: readonly string[]): Converted | undefined {
  const out: Converted = { lines: [EVENTS_HEADER], from: [1] };
  let ev: Record<string, string> = {};
  let at = 0;
  const ok = walk(lines, eventWant, (path, kind, value, i) => {
    if (kind === 'scalar' && path.startsWith('items[].')) {
      const key = path.slice(8);
      if (key === 'message' || (key === 'reason' && !at)) at = i + 1;
      if (/^(?:type|reason|message|lastTimestamp|eventTime|metadata\.namespace|involvedObject\.(?:kind|name|namespace))$/.test(key)) ev[key] = unquote(value);
    } else if (kind === 'close' && path === 'items[]') {
      if (ev.reason) {
        const ns = ev['involvedObject.namespace'] || ev['metadata.namespace'] || '<none>';
        const obj = `${(ev['involvedObject.kind'] || 'Pod').toLowerCase()}/${ev['involvedObject.name'] || '<unknown>'}`;
        const when = ev.lastTimestamp && ev.lastTimestamp !== 'null' ? ev.lastTimestamp : ev.eventTime && ev.eventTime !== 'null' ? ev.eventTime : '<unknown>';
        const message = (ev.message ?? '').replace(/\s+/g, ' ').trim() || '<none>';
        out.lines.push(`${ns}   ${when}   ${ev.type === 'Warning' ? 'Warning' : 'Normal'}   ${ev.reason.replace(/\s+/g, '_')}   ${obj.replace(/\s+/g, '_')}   ${message}`);
        out.from.push(at || i + 1);
      }
      ev = {};
      at = 0;
    }
  });
  return ok ? out : undefined;
}

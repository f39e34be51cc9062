/**
 * `kubectl get events` / `kubectl events`, every layout seen across versions:
 *
 * ```
 * NAMESPACE   LAST SEEN   TYPE      REASON             OBJECT                    MESSAGE
 * default     2m13s       Warning   BackOff            pod/web-7d9f8c6b5-xk2p4   Back-off restarting failed container app in pod web-7d9f8c6b5-xk2p4_default(3f1c…)
 * ```
 * `-o wide` (1.17+):
 * ```
 * LAST SEEN   TYPE      REASON    OBJECT          SUBOBJECT                SOURCE            MESSAGE                         FIRST SEEN   COUNT   NAME
 * 42s         Warning   Failed    pod/web-1       spec.containers{app}     kubelet, node-2   Error: ImagePullBackOff         5m           21      web-1.17a8b9c0d1e2f3a4
 * ```
 * 1.14–1.16: `LAST SEEN   TYPE   REASON   KIND   MESSAGE`; ≤ 1.13:
 * ```
 * LAST SEEN   FIRST SEEN   COUNT   NAME          KIND   SUBOBJECT                TYPE      REASON    SOURCE                  MESSAGE
 * LASTSEEN    FIRSTSEEN    COUNT   NAME          KIND   SUBOBJECT                TYPE      REASON    SOURCE                  MESSAGE
 * 1m          1m           1       ruby-ex-1     Pod                             Normal    Scheduled {default-scheduler }    Successfully assigned ruby-ex-1 to 10.3.0.57
 * ```
 * Headerless rows (a single pasted event line, `| grep`) are read by shape.
 */
import { MAX_CONTINUATION_LINES, MAX_LINE_CHARS } from '../limits.ts';
import { isElision, joinWrapped } from '../normalize.ts';
import type { Line, ParsedRecord, ScalarFact, Subject } from '../types.ts';
import { inferKindFromReason } from './events.ts';
import { headerColumns, kindOf, NO_SCALARS, sliceAligned, subjectOf, UNNAMED, type Column, type Parser } from './parser.ts';

const HEADER = /^(?:NAMESPACE\s+)?(?:LAST SEEN|LASTSEEN)\s+(?:TYPE|FIRST SEEN|FIRSTSEEN)\s/;
const TYPE_WORD = /\s(?:Normal|Warning)\s/;

// Fast shapes for the current layout (the one 10 MB pastes are made of).
const CURRENT_NS = /^(\S+)\s+(\S+)\s+(Normal|Warning)\s+(\S+)\s+(\S+)\s+(.*)$/;
const CURRENT = /^(\S+)\s+(Normal|Warning)\s+(\S+)\s+(\S+)\s+(.*)$/;

interface Event {
  namespace?: string;
  type: string;
  reason: string;
  objectKind?: string;
  objectName?: string;
  message: string;
}

type Layout = 'current' | 'kind' | 'wide' | 'old' | 'headerless';

/** One subject's event rows, in paste order. */
interface SubjectRows {
  subject: Subject;
  list: Line[];
}

function layoutOf(cols: Column[]): Layout {
  const names = cols.map((c) => c.name);
  if (names.includes('COUNT') && names.indexOf('TYPE') > names.indexOf('COUNT')) return 'old';
  if (names.includes('SOURCE')) return 'wide';
  if (names.includes('KIND') && !names.includes('OBJECT')) return 'kind';
  return 'current';
}

function splitObject(obj: string): { kind?: string; name: string } {
  const slash = obj.indexOf('/');
  return slash > 0 ? { kind: obj.slice(0, slash), name: obj.slice(slash + 1) } : { name: obj };
}

/** Strips the random suffix of an event name (`web-1.17a8b9c0d1e2f3a4` → `web-1`). */
function objectFromEventName(name: string): string {
  return name.replace(/\.[0-9a-f]{8,}$/, '');
}

function parseByTokens(text: string, layout: Layout, hasNamespace: boolean): Event | null {
  const toks: { t: string; i: number }[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) toks.push({ t: m[0], i: m.index });
  const typeIdx = toks.findIndex((x) => x.t === 'Normal' || x.t === 'Warning');
  if (typeIdx < 1 || typeIdx + 2 > toks.length) return null;
  const ns = hasNamespace ? toks[0]!.t : undefined;
  const reason = toks[typeIdx + 1]?.t;
  if (!reason) return null;
  const type = toks[typeIdx]!.t;
  const restFrom = (k: number) => (toks[k] ? text.slice(toks[k]!.i) : '');
  if (layout === 'old') {
    const off = hasNamespace ? 1 : 0;
    const name = toks[off + 3]?.t;
    const kind = toks[off + 4]?.t;
    let k = typeIdx + 2;
    // SOURCE: "{kubelet 10.3.0.57}", "{default-scheduler }", "kubelet, node-1" or one word.
    if (toks[k]?.t.startsWith('{')) { while (k < toks.length && !toks[k]!.t.endsWith('}')) k++; k++; }
    else if (toks[k]?.t.endsWith(',')) k += 2;
    else k += 1;
    return { namespace: ns, type, reason, objectKind: kind, objectName: name ? objectFromEventName(name) : undefined, message: restFrom(k) };
  }
  const obj = toks[typeIdx + 2]?.t;
  if (layout === 'kind') return { namespace: ns, type, reason, objectKind: obj, message: restFrom(typeIdx + 3) };
  const { kind, name } = splitObject(obj ?? '');
  if (layout === 'wide') {
    let k = typeIdx + 3;
    const sub = toks[k]?.t;
    // SUBOBJECT: `spec.containers{app}`, `{kubelet` (by hand: `\{.*\}$` rescans a run of `{`).
    if (sub && (sub.startsWith('spec.') || sub.startsWith('{') || (sub.endsWith('}') && sub.includes('{')))) k++;
    if (toks[k]?.t.endsWith(',')) k += 2;
    else k += 1;
    const end = toks.length - 3; // FIRST SEEN, COUNT, NAME
    const message = k < end && toks[end] ? text.slice(toks[k]!.i, toks[end]!.i).trimEnd() : restFrom(k);
    return { namespace: ns, type, reason, objectKind: kind, objectName: name, message };
  }
  return { namespace: ns, type, reason, objectKind: kind, objectName: name, message: restFrom(typeIdx + 3) };
}

function parseAlignedRow(text: string, cols: Column[], layout: Layout): Event | null {
  const cells = sliceAligned(text, cols);
  if (!cells) return null;
  const get = (n: string) => {
    const i = cols.findIndex((c) => c.name === n);
    return i >= 0 ? cells[i] : undefined;
  };
  const type = get('TYPE');
  if (type !== 'Normal' && type !== 'Warning') return null;
  const reason = get('REASON') ?? '';
  const message = get('MESSAGE') ?? '';
  const namespace = get('NAMESPACE') || undefined;
  if (layout === 'old') {
    const name = get('NAME');
    return { namespace, type, reason, objectKind: get('KIND') || undefined, objectName: name ? objectFromEventName(name) : undefined, message };
  }
  if (layout === 'kind') return { namespace, type, reason, objectKind: get('KIND') || undefined, message };
  const { kind, name } = splitObject(get('OBJECT') ?? '');
  return { namespace, type, reason, objectKind: kind, objectName: name || undefined, message };
}

const scratchColumns = { nsEnd: 0, objStart: 0, slash: 0, objEnd: 0 };

/**
 * Column boundaries of a current-layout row ([NAMESPACE] LAST SEEN TYPE REASON OBJECT MESSAGE)
 * found by scanning for blanks; null when the row does not have that shape.
 */
function fastColumns(text: string, hasNamespace: boolean): typeof scratchColumns | null {
  const n = text.length;
  if (n === 0 || text.charCodeAt(0) <= 32) return null;
  // Word boundaries of the first five columns, found in one pass (no closures: this runs per row).
  let i = 0;
  let col = 0;
  const want = hasNamespace ? 5 : 4;
  let typeStart = 0;
  let typeEnd = 0;
  let objStart = 0;
  let objEnd = 0;
  let nsEnd = 0;
  while (col < want && i < n) {
    const start = i;
    while (i < n && text.charCodeAt(i) > 32) i++;
    const end = i;
    while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    const c = hasNamespace ? col : col + 1;
    if (c === 0) nsEnd = end;
    else if (c === 2) {
      typeStart = start;
      typeEnd = end;
    } else if (c === 4) {
      objStart = start;
      objEnd = end;
    }
    col++;
  }
  if (col < want || i >= n) return null;
  const type = typeEnd - typeStart;
  if (!((type === 6 && text.startsWith('Normal', typeStart)) || (type === 7 && text.startsWith('Warning', typeStart)))) return null;
  const slash = text.indexOf('/', objStart);
  if (slash <= objStart || slash >= objEnd) return null;
  scratchColumns.nsEnd = nsEnd;
  scratchColumns.objStart = objStart;
  scratchColumns.slash = slash;
  scratchColumns.objEnd = objEnd;
  return scratchColumns;
}

function parseHeaderless(text: string): Event | null {
  let m = CURRENT.exec(text);
  if (m && m[4]!.includes('/')) {
    const { kind, name } = splitObject(m[4]!);
    return { type: m[2]!, reason: m[3]!, objectKind: kind, objectName: name, message: m[5]! };
  }
  m = CURRENT_NS.exec(text);
  if (m && m[5]!.includes('/')) {
    const { kind, name } = splitObject(m[5]!);
    return { namespace: m[1], type: m[3]!, reason: m[4]!, objectKind: kind, objectName: name, message: m[6]! };
  }
  m = /^(\S+)\s+(Normal|Warning)\s+(\S+)\s+([A-Z][A-Za-z]+)\s+(.*)$/.exec(text);
  if (m) return { type: m[2]!, reason: m[3]!, objectKind: m[4], message: m[5]! };
  return null;
}

/** Parses one row of a table with the given header (or none). */
function parseRow(text: string, cols: Column[] | null, layout: Layout): Event | null {
  if (!cols) return parseHeaderless(text);
  const hasNamespace = cols[0]?.name === 'NAMESPACE';
  if (layout === 'current') {
    const m = (hasNamespace ? CURRENT_NS : CURRENT).exec(text);
    if (m) {
      const o = hasNamespace ? 1 : 0;
      const { kind, name } = splitObject(m[4 + o]!);
      return { namespace: hasNamespace ? m[1] : undefined, type: m[2 + o]!, reason: m[3 + o]!, objectKind: kind, objectName: name, message: m[5 + o]! };
    }
  }
  return parseAlignedRow(text, cols, layout) ?? parseByTokens(text, layout, hasNamespace);
}

export const getEvents: Parser = {
  kind: 'get-events',
  family: 'table',
  startsAt: (text) => HEADER.test(text),
  continues: (text) => TYPE_WORD.test(text),
  detect(lines, hint) {
    if (lines.some((l) => HEADER.test(l.text))) return 1;
    let rows = 0;
    let other = 0;
    for (const l of lines.slice(0, 50)) {
      if (l.text.trim() === '') continue;
      if (parseHeaderless(l.text)) rows++;
      else other++;
    }
    if (rows === 0) return 0;
    return hint?.kind === 'get-events' ? 0.9 : rows >= other ? 0.6 : 0.3;
  },
  parse(lines) {
    // Subjects by namespace, then by object: the fast path keys on the OBJECT cell as printed
    // ("pod/web-1"), so a row costs two slices and two lookups, never a concatenated key.
    const byNamespace = new Map<string, Map<string, SubjectRows>>();
    const order: SubjectRows[] = [];
    let lastNs: string | null = null;
    let lastNsRows: Map<string, SubjectRows> | null = null;
    // The previous fast-path row's object cell and where it went.
    let lastObject = '';
    let lastObjectNs: Map<string, SubjectRows> | null = null;
    let lastObjectEntry: SubjectRows | null = null;
    const rowsOf = (ns: string, object: string, kind: string, name: string): SubjectRows => {
      let inNs = byNamespace.get(ns);
      if (!inNs) byNamespace.set(ns, (inNs = new Map()));
      let entry = inNs.get(object);
      if (!entry) {
        entry = { subject: subjectOf(kind, name, ns || undefined), list: [] };
        inNs.set(object, entry);
        order.push(entry);
      }
      return entry;
    };
    let cols: Column[] | null = null;
    let layout: Layout = 'headerless';
    let prev: { ev: Event; line: Line; entry: SubjectRows; taken: number } | null = null;
    let lastEntry: SubjectRows | null = null;
    let lastLine: Line | null = null;
    // The row itself is the event's text (it holds type, reason, object and message): no copy per
    // event, which matters for 10 MB `get events -A` pastes.
    const add = (ev: Event, line: Line): SubjectRows => {
      const kind = ev.objectKind ? kindOf(ev.objectKind) : inferKindFromReason(ev.reason, ev.message);
      const name = ev.objectName || UNNAMED;
      const entry = rowsOf(ev.namespace ?? '', kind + '/' + name, kind, name);
      entry.list.push(line);
      return entry;
    };
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const text = line.text;
      if (text === '') continue;
      const c0 = text.charCodeAt(0);
      // Cheap first-character checks before the regexes (this loop runs per event).
      if ((c0 === 46 || c0 === 60 || c0 === 91 || c0 === 40 || c0 === 45 || c0 === 8230 || c0 === 32) && isElision(text)) continue;
      if ((c0 === 78 || c0 === 76) && HEADER.test(text)) {
        cols = headerColumns(text);
        layout = layoutOf(cols);
        prev = null;
        lastEntry = null;
        lastLine = null;
        continue;
      }
      if (layout === 'current' && cols) {
        // Fast path for the layout of large pastes: find the columns by hand, no regex and no
        // intermediate objects per row; consecutive rows of one namespace reuse its map.
        const f = fastColumns(text, cols[0]!.name === 'NAMESPACE');
        if (f) {
          let inNs: Map<string, SubjectRows> | null = lastNsRows;
          if (inNs === null || lastNs === null || f.nsEnd !== lastNs.length || !text.startsWith(lastNs)) {
            lastNs = f.nsEnd > 0 ? text.slice(0, f.nsEnd) : '';
            inNs = byNamespace.get(lastNs) ?? null;
            if (!inNs) byNamespace.set(lastNs, (inNs = new Map()));
            lastNsRows = inNs;
          }
          // Events are listed by name, which starts with the object's name: one object's rows come
          // together, so compare with the previous row's object before slicing and hashing.
          let entry: SubjectRows | undefined;
          if (lastObjectEntry !== null && lastObjectNs === inNs && f.objEnd - f.objStart === lastObject.length && text.startsWith(lastObject, f.objStart)) entry = lastObjectEntry;
          else {
            const object = text.slice(f.objStart, f.objEnd);
            entry = inNs.get(object) ?? rowsOf(lastNs, object, kindOf(text.slice(f.objStart, f.slash)), text.slice(f.slash + 1, f.objEnd));
            lastObject = object;
            lastObjectNs = inNs;
            lastObjectEntry = entry;
          }
          entry.list.push(line);
          prev = null;
          lastEntry = entry;
          lastLine = line;
          continue;
        }
      }
      const ev = parseRow(text, cols, layout);
      if (ev) {
        prev = { ev, line, entry: add(ev, line), taken: 0 };
        lastEntry = prev.entry;
        lastLine = line;
        continue;
      }
      if (!prev && lastEntry && lastLine) {
        const again = parseRow(lastLine.text, cols, layout);
        if (again) prev = { ev: again, line: lastLine, entry: lastEntry, taken: 0 };
        else lastLine = null; // asked once per row, not once per following line
      }
      if (prev && prev.taken < MAX_CONTINUATION_LINES && prev.line.text.length < MAX_LINE_CHARS) {
        // A wrapped row: glue it back and replace the event text (the row is the text; nothing is
        // re-parsed per line, which made a long run of wrapped lines quadratic).
        const joined = joinWrapped(prev.line, line);
        const list = prev.entry.list;
        list[list.length - 1] = joined;
        prev = { ev: prev.ev, line: joined, entry: prev.entry, taken: prev.taken + 1 };
        lastLine = joined;
      }
    }
    const records: ParsedRecord[] = [];
    for (const { subject, list } of order) {
      const texts = new Map<string, Line[]>();
      texts.set('events', list);
      records.push({ subject, scalars: NO_SCALARS as Map<string, ScalarFact>, texts });
    }
    return { records };
  },
};

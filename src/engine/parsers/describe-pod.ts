/**
 * `kubectl describe pod` — current layout, the old tab-separated one, and headerless fragments
 * (a lone `Last State:` block, a lone Events table):
 *
 * ```
 * Name:             web-7d9f8c6b5-xk2p4
 * Namespace:        shop
 * Node:             10.128.130.75/10.128.130.75
 * Status:           Running
 * Containers:
 *   app:
 *     Image:          registry.local/shop/web:1.4.2
 *     State:          Waiting
 *       Reason:       CrashLoopBackOff
 *     Last State:     Terminated
 *       Reason:       OOMKilled
 *       Exit Code:    137
 *     Ready:          False
 *     Restart Count:  12
 * Conditions:
 *   Type              Status
 *   Ready             False
 * Events:
 *   Type     Reason   Age                  From     Message
 *   ----     ------   ----                 ----     -------
 *   Warning  BackOff  2m (x50 over 12m)    kubelet  Back-off restarting failed container app in pod web-7d9f8c6b5-xk2p4_shop(…)
 * ```
 * Evicted pods carry `Status: Failed`, `Reason: Evicted`, `Message: The node was low on resource: memory.`;
 * deleted ones `Status: Terminating (lasts 3d)`.
 */
import { MAX_CONTINUATION_LINES, MAX_LINE_CHARS } from '../limits.ts';
import type { Line } from '../types.ts';
import { addEvents, conditionText, continuesDescribe, countKeys, countLines, DESCRIBE_START, keyValue, looseEventRows, parseConditionRow, topLevelKeys } from './describe.ts';
import { isEventHeader } from './events.ts';
import { parseAge, RecordBuilder, subjectOf, UNNAMED, type Parser } from './parser.ts';

const POD_KEYS = ['Namespace', 'Priority', 'Node', 'Start Time', 'Containers', 'IP', 'QoS Class', 'Controlled By', 'Controllers', 'Service Account', 'Tolerations', 'Volumes'];
const FRAGMENT = /^\s*(?:State|Last State|Exit Code|Restart Count|Reason|Container ID):\s/;

export const describePod: Parser = {
  kind: 'describe-pod',
  family: 'describe',
  startsAt: (text) => DESCRIBE_START.test(text),
  continues: continuesDescribe,
  detect(lines, hint) {
    const keys = topLevelKeys(lines);
    if (keys.has('Name')) {
      if (keys.has('Containers') || keys.has('QoS Class') || keys.has('Start Time')) return 1;
      const n = countKeys(keys, POD_KEYS);
      return n >= 2 ? 0.7 : hint?.kind === 'describe-pod' ? 0.6 : 0.1;
    }
    // Fragments: state blocks, or an events table whose rows are pod events.
    const states = countLines(lines, FRAGMENT);
    if (states >= 2) return hint?.kind === 'describe-pod' ? 0.9 : 0.7;
    const events = looseEventRows(lines);
    if (events.length > 0 && events.every((e) => e.kind === 'Pod')) return hint?.kind === 'describe-pod' ? 0.9 : 0.5;
    return 0;
  },
  parse(lines, hint) {
    const keys = topLevelKeys(lines);
    const name = keys.get('Name')?.value || hint?.name || UNNAMED;
    const b = new RecordBuilder(subjectOf('Pod', name, keys.get('Namespace')?.value || hint?.namespace));

    const status = keys.get('Status');
    if (status) {
      b.scalar('phase', status.value.split(/\s/)[0], status.line);
      const term = /^Terminating(?:\s+\(lasts\s+(\S+)\))?/.exec(status.value);
      if (term) {
        b.scalar('deletionRequested', 'true', status.line);
        b.scalar('terminatingSeconds', parseAge(term[1]), status.line);
      }
    }
    const reason = keys.get('Reason');
    if (reason) b.scalar('podReason', reason.value, reason.line);
    const message = keys.get('Message');
    if (message) b.text('podMessage', message.value, continued(lines, message.index));

    readContainers(lines, keys.get('Events')?.index ?? lines.length, b);
    readConditions(lines, keys.get('Conditions')?.index ?? -1, b);
    if (keys.has('Events')) addEvents(lines, b);
    else for (const e of looseEventRows(lines)) b.text('events', e.text, e.line);
    return { records: [b.build()] };
  },
};

/** A top-level value plus the unindented-looking continuation lines a terminal wrapped off it. */
function continued(lines: Line[], index: number): Line {
  const l = lines[index]!;
  const value = /^[^:]+:\s+(.*)$/.exec(l.text)?.[1] ?? '';
  let text = value;
  let end = l.end;
  for (let i = index + 1; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (t === '' || keyValue(t) || /^\s{2,}\S/.test(t)) break;
    if (i - index > MAX_CONTINUATION_LINES || text.length >= MAX_LINE_CHARS) break;
    text += t;
    end = lines[i]!.end;
  }
  return { text, start: l.start, end };
}

type StateBlock = { which: 'state' | 'last'; state: string; indent: number } | null;

/** Reads every `State:` / `Last State:` block and restart counts before the Events block. */
function readContainers(lines: Line[], events: number, b: RecordBuilder): void {
  let block: StateBlock = null;
  let maxRestarts: { n: number; line: Line } | null = null;
  // Up to the Events block (`events`: its index, or the end).
  for (let i = 0; i < events; i++) {
    const line = lines[i]!;
    const kv = keyValue(line.text);
    if (!kv) continue;
    if (kv.key === 'State' || kv.key === 'Last State') {
      const state = kv.value.split(/\s/)[0] ?? '';
      block = { which: kv.key === 'State' ? 'state' : 'last', state, indent: kv.indent };
      continue;
    }
    if (block && kv.indent > block.indent) {
      const { which, state } = block;
      if (kv.key === 'Reason') {
        if (which === 'last' && state === 'Terminated') b.text('lastTerminationReasons', kv.value, line);
        else if (which === 'state' && state === 'Terminated') b.text('terminatedReasons', kv.value, line);
        else if (which === 'state' && state === 'Waiting') b.text('waitingReasons', kv.value, line);
      } else if (kv.key === 'Exit Code') {
        if (which === 'last') b.text('lastExitCodes', kv.value, line);
        else b.text('exitCodes', kv.value, line);
      } else if (kv.key === 'Message') b.text('containerMessages', kv.value, line);
      continue;
    }
    block = null;
    if (kv.key === 'Restart Count') {
      const n = Number(kv.value);
      if (Number.isFinite(n) && (!maxRestarts || n > maxRestarts.n)) maxRestarts = { n, line };
    }
  }
  if (maxRestarts) b.scalar('restarts', maxRestarts.n, maxRestarts.line);
}

/** Pod conditions ("  PodScheduled   False"), newer clients add reason/message columns in yaml only. */
function readConditions(lines: Line[], start: number, b: RecordBuilder): void {
  if (start < 0) return;
  for (let i = start + 1; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (t === '' || !/^\s/.test(t)) break;
    if (isEventHeader(t) || /^\s*Type\s+Status/.test(t)) continue;
    const c = parseConditionRow(t);
    if (c) b.text('conditions', conditionText(c), lines[i]!);
  }
}

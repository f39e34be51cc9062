/**
 * `kubectl describe node` (also headerless condition rows pasted alone):
 *
 * ```
 * Name:               10.128.130.75
 * Roles:              node
 * Taints:             node.kubernetes.io/unreachable:NoExecute
 *                     node.kubernetes.io/unreachable:NoSchedule
 * Unschedulable:      false
 * Conditions:
 *   Type             Status    LastHeartbeatTime                 LastTransitionTime                Reason              Message
 *   ----             ------    -----------------                 ------------------                ------              -------
 *   MemoryPressure   Unknown   Thu, 18 Jan 2024 10:00:01 +0800   Thu, 18 Jan 2024 10:04:41 +0800   NodeStatusUnknown   Kubelet stopped posting node status.
 *   Ready            False     Thu, 18 Jan 2024 10:07:12 +0800   Thu, 18 Jan 2024 10:03:55 +0800   KubeletNotReady     PLEG is not healthy: pleg was last seen active 3m20.4s ago; threshold is 3m0s
 * ```
 * Clients up to 1.12 also print `OutOfDisk`; old output separates columns with tabs.
 */
import { MAX_CONTINUATION_LINES, MAX_LINE_CHARS } from '../limits.ts';
import type { Line } from '../types.ts';
import { addEvents, conditionText, continuesDescribe, countKeys, countLines, DESCRIBE_START, keyValue, parseConditionRow, topLevelKeys } from './describe.ts';
import { isEventHeader } from './events.ts';
import { RecordBuilder, subjectOf, UNNAMED, type Parser } from './parser.ts';
import type { FactName } from '../fact-names.ts';

const NODE_KEYS = ['Roles', 'Taints', 'Unschedulable', 'Addresses', 'Capacity', 'Allocatable', 'System Info', 'PodCIDR', 'Non-terminated Pods', 'Allocated resources', 'Lease', 'CreationTimestamp'];
const NODE_CONDITION = /^\s*(?:Ready|MemoryPressure|DiskPressure|PIDPressure|NetworkUnavailable|OutOfDisk)\s+(?:True|False|Unknown)\b/;
const CONDITION_FACT: Record<string, FactName> = {
  Ready: 'readyCondition',
  MemoryPressure: 'memoryPressure',
  DiskPressure: 'diskPressure',
  PIDPressure: 'pidPressure',
  NetworkUnavailable: 'networkUnavailable',
  OutOfDisk: 'outOfDisk',
};

export const describeNode: Parser = {
  kind: 'describe-node',
  family: 'describe',
  startsAt: (text) => DESCRIBE_START.test(text),
  continues: continuesDescribe,
  detect(lines, hint) {
    const keys = topLevelKeys(lines);
    if (keys.has('Name')) {
      const n = countKeys(keys, NODE_KEYS);
      return n >= 3 ? 1 : n >= 1 ? 0.75 : hint?.kind === 'describe-node' ? 0.6 : 0;
    }
    const rows = countLines(lines, NODE_CONDITION);
    if (rows === 0) return 0;
    return hint?.kind === 'describe-node' ? 0.9 : rows >= 2 ? 0.8 : 0.6;
  },
  parse(lines, hint) {
    const keys = topLevelKeys(lines);
    const b = new RecordBuilder(subjectOf('Node', keys.get('Name')?.value || hint?.name || UNNAMED));
    const unsched = keys.get('Unschedulable');
    if (unsched) b.scalar('unschedulable', unsched.value, unsched.line);
    readTaints(lines, keys.get('Taints'), b);
    const start = keys.get('Conditions')?.index ?? -1;
    for (let i = start < 0 ? 0 : start + 1; i < lines.length; i++) {
      const t = lines[i]!.text;
      if (start >= 0 && t !== '' && !/^\s/.test(t)) break;
      if (isEventHeader(t) || /^\s*Type\s+Status/.test(t)) continue;
      if (!NODE_CONDITION.test(t)) continue;
      const c = parseConditionRow(t);
      if (!c) continue;
      // A wrapped message continues on the next line if it is not another row or key.
      let line: Line = lines[i]!;
      let message = c.message;
      // Only a long row can have been wrapped by the terminal.
      while (lines[i]!.text.length >= 80 && i + 1 < lines.length && lines[i + 1]!.text !== '' && !NODE_CONDITION.test(lines[i + 1]!.text) && !keyValue(lines[i + 1]!.text) && !/^\S+:/.test(lines[i + 1]!.text)) {
        const next = lines[i + 1]!;
        // Glued to one line's worth at most; the rest of such a run is skipped.
        if (next.start - line.start < MAX_CONTINUATION_LINES && message.length < MAX_LINE_CHARS) message += (/^\s/.test(next.text) ? ' ' : '') + next.text.trim();
        line = { text: line.text, start: line.start, end: next.end };
        i++;
      }
      const row = { ...c, message };
      b.text('conditions', conditionText(row), line);
      const fact = CONDITION_FACT[c.type];
      if (fact) b.scalar(fact, c.status, line);
    }
    addEvents(lines, b);
    return { records: [b.build()] };
  },
};

function readTaints(lines: Line[], taints: { value: string; line: Line; index: number } | undefined, b: RecordBuilder): void {
  if (!taints) return;
  if (taints.value && taints.value !== '<none>') b.text('taints', taints.value, taints.line);
  for (let i = taints.index + 1; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (!/^\s+\S/.test(t) || keyValue(t)) break;
    b.text('taints', t.trim(), lines[i]!);
  }
}

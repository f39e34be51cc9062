/**
 * Event rows as `kubectl describe` prints them, shared by every describe parser:
 *
 * ```
 * Events:
 *   Type     Reason            Age               From               Message
 *   ----     ------            ----              ----               -------
 *   Warning  FailedScheduling  4s (x6 over 7s)   default-scheduler  0/10 nodes are available: 10 Insufficient memory.
 * ```
 * and the old (≤ 1.9) tab-separated layout:
 * ```
 *   FirstSeen	LastSeen	Count	From			SubObjectPath	Type		Reason			Message
 *   ---------	--------	-----	----			-------------	--------	------			-------
 *   1m		1m		1	{default-scheduler }			Warning		FailedScheduling	No nodes are available that match all of the following predicates:: Insufficient cpu (9).
 * ```
 */
import { MAX_CONTINUATION_LINES, MAX_LINE_CHARS } from '../limits.ts';
import { isBlank, isElision, joinWrapped } from '../normalize.ts';
import type { Line } from '../types.ts';

export interface EventRow {
  type: string;
  reason: string;
  message: string;
  line: Line;
}

const NEW_ROW = /^\s*(Normal|Warning)\s+(\S+)\s+(\S+(?:\s+\(x\d+\s+over\s+\S+\))?)\s+(\S+,\s+\S+|\S+)(?:\s+(.*))?$/;
const OLD_ROW = /^\s*\S+\s+\S+\s+\d+\s+(?:\{[^{}]*\}|\S+,\s+\S+|\S+)\s+(?:spec\.\S+\s+|\S+\{[^{}]*\}\s+)?(Normal|Warning)\s+(\S+)\s+(.*)$/;
const HEADER = /^\s*(?:Type\s+Reason\s+Age\s+From\s+Message|FirstSeen\s+LastSeen\s+Count\s+From\s+SubObjectPath\s+Type\s+Reason\s+Message|FirstSeen\s+LastSeen\s+Count\s+From)\s*$/i;
const SEPARATOR = /^\s*-{2,}(?:\s+-{2,})+\s*$/;

/** The text rules match for an event: "Type Reason message". */
export function eventText(type: string, reason: string, message: string): string {
  return `${type} ${reason} ${message}`.trimEnd();
}

/** Parses one describe-style event row (new or old layout). */
export function parseDescribeEventRow(text: string): { type: string; reason: string; message: string } | null {
  let m = NEW_ROW.exec(text);
  if (m) return { type: m[1]!, reason: m[2]!, message: m[5] ?? '' };
  m = OLD_ROW.exec(text);
  if (m) return { type: m[1]!, reason: m[2]!, message: m[3]! };
  return null;
}

/** True for an event table header or its dashed separator. */
export function isEventHeader(text: string): boolean {
  return HEADER.test(text) || SEPARATOR.test(text);
}

/**
 * Reads describe-style event rows from `lines[from]` on, until a blank line or the end. Lines that
 * are not rows continue the previous row (terminal wraps, multi-line messages), up to
 * MAX_CONTINUATION_LINES lines or MAX_LINE_CHARS characters; the glued row is parsed once, when it
 * is complete. (Re-parsing it after every line was quadratic: `describe` followed by an app log
 * with no blank line between glued the whole log onto the last event.)
 */
export function readEventRows(lines: Line[], from: number): { rows: EventRow[]; next: number } {
  const rows: EventRow[] = [];
  let i = from;
  // The row being continued and how many lines it has taken.
  let open: EventRow | null = null;
  let taken = 0;
  const close = () => {
    if (open && taken > 0) {
      const reparsed = parseDescribeEventRow(open.line.text);
      if (reparsed) rows[rows.length - 1] = { type: reparsed.type, reason: reparsed.reason, message: reparsed.message, line: open.line };
    }
    open = null;
    taken = 0;
  };
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    if (isBlank(l.text)) break;
    if (isEventHeader(l.text) || isElision(l.text)) continue;
    const row = parseDescribeEventRow(l.text);
    if (row) {
      close();
      open = { type: row.type, reason: row.reason, message: row.message, line: l };
      rows.push(open);
      continue;
    }
    if (!open) {
      if (/^\S+:\s/.test(l.text) && !/^\s/.test(l.text)) break; // another top-level key
      continue;
    }
    if (taken >= MAX_CONTINUATION_LINES || open.line.text.length >= MAX_LINE_CHARS) continue;
    const joined = joinWrapped(open.line, l);
    open = { type: open.type, reason: open.reason, message: open.message, line: joined };
    rows[rows.length - 1] = open;
    taken++;
  }
  close();
  return { rows, next: i };
}

const NODE_REASONS = new Set([
  'NodeNotReady', 'NodeReady', 'NodeHasDiskPressure', 'NodeHasNoDiskPressure', 'NodeHasInsufficientMemory',
  'NodeHasSufficientMemory', 'NodeHasInsufficientPID', 'NodeHasSufficientPID', 'NodeHasSufficientDisk', 'NodeOutOfDisk',
  'NodeAllocatableEnforced', 'EvictionThresholdMet', 'FreeDiskSpaceFailed', 'ImageGCFailed', 'ContainerGCFailed',
  'Rebooted', 'NodeSchedulable', 'NodeNotSchedulable', 'RegisteredNode', 'RemovingNode', 'SystemOOM', 'OOMKilling',
  'InvalidDiskCapacity', 'CIDRNotAvailable', 'KubeletSetupFailed', 'Starting', 'TaskHung', 'KernelOops', 'NTPProblem',
  'NodeHasNetworkUnavailable', 'DeletingNode', 'CordonStarting', 'NodeControllerEviction',
]);
const PVC_REASONS = new Set(['ProvisioningFailed', 'FailedBinding', 'ExternalProvisioning', 'ProvisioningSucceeded', 'WaitForFirstConsumer', 'WaitForPodScheduled', 'VolumeResizeFailed', 'Resizing', 'ClaimLost', 'ClaimMisbound']);

/** Guesses the kind an event is about from its reason and message (for rows without an object). */
export function inferKindFromReason(reason: string, message: string): string {
  if (NODE_REASONS.has(reason)) return 'Node';
  if (PVC_REASONS.has(reason)) return 'PersistentVolumeClaim';
  if (reason === 'ScalingReplicaSet' || reason === 'DeploymentRollback' || reason === 'DeploymentPaused') return 'Deployment';
  if (reason === 'FailedCreate' || reason === 'SuccessfulCreate' || reason === 'SuccessfulDelete' || reason === 'FailedDelete') {
    if (/\bStatefulSet\b/.test(message)) return 'StatefulSet';
    if (/\bDaemonSet\b/i.test(message)) return 'DaemonSet';
    return 'ReplicaSet';
  }
  return 'Pod';
}

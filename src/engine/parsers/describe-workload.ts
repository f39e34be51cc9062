/**
 * `kubectl describe deployment | statefulset | replicaset | daemonset`:
 *
 * ```
 * Name:                   gateway-proxy
 * Namespace:              gateway-system
 * Replicas:               3 desired | 1 updated | 4 total | 3 available | 1 unavailable
 * StrategyType:           RollingUpdate
 * Conditions:
 *   Type           Status  Reason
 *   ----           ------  ------
 *   Available      True    MinimumReplicasAvailable
 *   Progressing    False   ProgressDeadlineExceeded
 * NewReplicaSet:   gateway-proxy-64969dc8c8 (1/1 replicas created)
 * ```
 * StatefulSet: `Replicas: 3 desired | 3 total`, `Pods Status: 1 Running / 2 Waiting / 0 Succeeded / 0 Failed`.
 * ReplicaSet: `Replicas: 0 current / 3 desired`, condition `ReplicaFailure True FailedCreate` and
 * `FailedCreate` events such as `Error creating: pods "web-7d9f8c6b5-" is forbidden: exceeded quota: …`.
 * DaemonSet: `Desired Number of Nodes Scheduled: 3`, `Number of Nodes Scheduled with Available Pods: 1`.
 */
import type { SectionKind } from '../types.ts';
import { addEvents, conditionText, continuesDescribe, DESCRIBE_START, parseConditionRow, topLevelKeys } from './describe.ts';
import { isEventHeader } from './events.ts';
import { RecordBuilder, subjectOf, UNNAMED, type Parser } from './parser.ts';

type Keys = ReturnType<typeof topLevelKeys>;

function workloadKind(keys: Keys): { kind: string; section: SectionKind } | null {
  const replicas = keys.get('Replicas')?.value ?? '';
  if (keys.has('Desired Number of Nodes Scheduled')) return { kind: 'DaemonSet', section: 'describe-daemonset' };
  if (keys.has('StrategyType') || /\bupdated\b(?:(?!updated).)*\bavailable\b/.test(replicas)) return { kind: 'Deployment', section: 'describe-deployment' };
  if (/\bcurrent\s*\/\s*\d+\s+desired/.test(replicas) || /^Deployment\//.test(keys.get('Controlled By')?.value ?? '')) return { kind: 'ReplicaSet', section: 'describe-replicaset' };
  if (keys.has('Update Strategy') || keys.has('Volume Claims') || /desired\s*\|\s*\d+\s+total\s*$/.test(replicas)) return { kind: 'StatefulSet', section: 'describe-statefulset' };
  return null;
}

export const describeWorkload: Parser = {
  kind: 'describe-deployment',
  family: 'describe',
  startsAt: (text) => DESCRIBE_START.test(text),
  continues: continuesDescribe,
  detect(lines, hint) {
    const keys = topLevelKeys(lines);
    if (!keys.has('Name')) return 0;
    if (workloadKind(keys)) return 1;
    return hint?.kind && /describe-(?:deployment|statefulset|replicaset|daemonset)/.test(hint.kind) ? 0.6 : 0;
  },
  parse(lines, hint) {
    const keys = topLevelKeys(lines);
    const wk = workloadKind(keys) ?? { kind: hintKind(hint?.kind), section: hint?.kind ?? 'describe-deployment' };
    const b = new RecordBuilder(subjectOf(wk.kind, keys.get('Name')?.value || hint?.name || UNNAMED, keys.get('Namespace')?.value || hint?.namespace));
    const rep = keys.get('Replicas');
    if (rep) {
      const num = (word: string) => {
        const m = new RegExp(String.raw`(\d+)\s+${word}`).exec(rep.value);
        return m ? Number(m[1]) : undefined;
      };
      b.scalar('replicasDesired', num('desired'), rep.line)
        .scalar('replicasUpdated', num('updated'), rep.line)
        .scalar('replicasAvailable', num('available'), rep.line)
        .scalar('replicasUnavailable', num('unavailable'), rep.line);
      if (wk.kind === 'ReplicaSet') b.scalar('replicasReady', num('current'), rep.line);
    }
    const ds = (k: string) => keys.get(k);
    const desired = ds('Desired Number of Nodes Scheduled');
    if (desired) b.scalar('replicasDesired', Number(desired.value), desired.line);
    const avail = ds('Number of Nodes Scheduled with Available Pods');
    if (avail) b.scalar('replicasAvailable', Number(avail.value), avail.line);
    if (desired && avail) b.scalar('replicasUnavailable', Math.max(0, Number(desired.value) - Number(avail.value)), avail.line);
    const pods = keys.get('Pods Status');
    if (pods) {
      const m = /(?<!\d)(\d+)\s+Running/.exec(pods.value);
      if (m) b.scalar('replicasReady', Number(m[1]), pods.line);
    }
    const start = keys.get('Conditions')?.index ?? -1;
    if (start >= 0) {
      for (let i = start + 1; i < lines.length; i++) {
        const t = lines[i]!.text;
        if (t === '' || !/^\s/.test(t)) break;
        if (isEventHeader(t) || /^\s*Type\s+Status/.test(t)) continue;
        const c = parseConditionRow(t);
        if (c) b.text('conditions', conditionText(c), lines[i]!);
      }
    }
    addEvents(lines, b);
    return { records: [b.build()], kind: wk.section };
  },
};

function hintKind(kind: SectionKind | undefined): string {
  if (kind === 'describe-statefulset') return 'StatefulSet';
  if (kind === 'describe-replicaset') return 'ReplicaSet';
  if (kind === 'describe-daemonset') return 'DaemonSet';
  return 'Deployment';
}

/**
 * `kubectl get nodes` (plain and `-o wide`; 1.6–1.7 had no ROLES, ≤ 1.5 no VERSION):
 *
 * ```
 * NAME             STATUS                        ROLES    AGE    VERSION
 * 10.128.130.75    NotReady                      node     212d   v1.13.12-netease
 * 10.128.130.76    Ready,SchedulingDisabled      node     212d   v1.13.12-netease
 * ```
 * ```
 * NAME       STATUS   ROLES           AGE   VERSION   INTERNAL-IP    EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION      CONTAINER-RUNTIME
 * worker-3   Ready    <none>          41d   v1.29.3   10.0.12.23     <none>        Ubuntu 22.04.4 LTS   5.15.0-97-generic   containerd://1.7.13
 * ```
 */
import { isElision } from '../normalize.ts';
import { parseAge, RecordBuilder, subjectOf, type Parser } from './parser.ts';

const HEADER = /^NAME\s+STATUS\s+(?:ROLES\s+)?AGE(?:\s+VERSION)?\b/;
const STRONG_HEADER = /^NAME\s+STATUS\s+(?:ROLES\s+AGE|AGE\s+VERSION)\b/;
const STATUS = /^(?:Ready|NotReady|Unknown|SchedulingDisabled)(?:,\w+)*$/;
const ROW = /^(\S+)\s+((?:Ready|NotReady|Unknown)(?:,\w+)*)\s+(?:(\S+)\s+)?(\S+)(?:\s+(v\d\S*))?/;

export const getNodes: Parser = {
  kind: 'get-nodes',
  family: 'table',
  startsAt: (text) => STRONG_HEADER.test(text),
  continues: (text) => ROW.test(text),
  detect(lines, hint) {
    if (lines.some((l) => STRONG_HEADER.test(l.text))) return 1;
    if (hint?.kind === 'get-nodes' && lines.some((l) => HEADER.test(l.text) || ROW.test(l.text))) return 0.9;
    const rows = lines.filter((l) => ROW.test(l.text) && /\sv\d+\.\d+/.test(l.text)).length;
    return rows > 0 ? 0.5 : 0;
  },
  parse(lines) {
    const records = [];
    for (const line of lines) {
      const text = line.text;
      if (text === '' || isElision(text) || HEADER.test(text)) continue;
      const m = ROW.exec(text);
      if (!m || !STATUS.test(m[2]!)) continue;
      // Without ROLES the third column is AGE; an age-shaped third token means no ROLES column.
      const roleOrAge = m[3];
      const age = m[4] !== undefined && parseAge(m[4]) !== undefined ? m[4] : roleOrAge;
      const b = new RecordBuilder(subjectOf('Node', m[1]!));
      b.scalar('nodeStatus', m[2]!, line).scalar('ageSeconds', parseAge(age), line);
      if (m[2]!.includes('SchedulingDisabled')) b.scalar('unschedulable', 'true', line);
      records.push(b.build());
    }
    return { records };
  },
};

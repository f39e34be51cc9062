/**
 * `kubectl get componentstatuses` / `kubectl get cs` (deprecated since 1.19 but still printed):
 *
 * ```
 * Warning: v1 ComponentStatus is deprecated in v1.19+
 * NAME                 STATUS      MESSAGE                                                                                       ERROR
 * scheduler            Unhealthy   Get "http://127.0.0.1:10251/healthz": dial tcp 127.0.0.1:10251: connect: connection refused
 * controller-manager   Healthy     ok
 * etcd-0               Healthy     {"health":"true","reason":""}
 * ```
 * Old clients: `scheduler   Unhealthy   Get http://127.0.0.1:10251/healthz: dial tcp 127.0.0.1:10251: getsockopt: connection refused`.
 */
import { isElision } from '../normalize.ts';
import { RecordBuilder, subjectOf, type Parser } from './parser.ts';

const HEADER = /^NAME\s+STATUS\s+MESSAGE(?:\s+ERROR)?\s*$/;
const ROW = /^(scheduler|controller-manager|etcd-\d+|[\w-]+)\s+(Healthy|Unhealthy|Unknown)(?:\s+(.*))?$/;

export const getComponentStatuses: Parser = {
  kind: 'get-componentstatuses',
  family: 'table',
  startsAt: (text) => HEADER.test(text),
  continues: (text) => ROW.test(text),
  detect(lines, hint) {
    if (lines.some((l) => HEADER.test(l.text))) return 1;
    const rows = lines.filter((l) => /^(?:scheduler|controller-manager|etcd-\d+)\s+(?:Healthy|Unhealthy)\b/.test(l.text)).length;
    if (rows === 0) return 0;
    return hint?.kind === 'get-componentstatuses' ? 0.9 : 0.7;
  },
  parse(lines) {
    const records = [];
    for (const line of lines) {
      const text = line.text;
      if (text === '' || isElision(text) || HEADER.test(text)) continue;
      const m = ROW.exec(text);
      if (!m) continue;
      const b = new RecordBuilder(subjectOf('ComponentStatus', m[1]!));
      b.scalar('componentStatus', m[2]!, line);
      if (m[3]) b.text('componentMessage', m[3], line);
      records.push(b.build());
    }
    return { records };
  },
};

/**
 * Anything else: application or container logs (`kubectl logs`, `docker logs`), shell output,
 * unrecognised text. Every line becomes a log line of the pod named by the prompt, or of an
 * anonymous log subject.
 *
 * ```
 * 2024-01-18 10:00:01.123 ERROR 1 --- [main] o.s.b.SpringApplication : Application run failed
 * java.net.UnknownHostException: mysql.db.svc.cluster.local: Temporary failure in name resolution
 * ```
 */
import { logRecords } from './log-lines.ts';
import { RecordBuilder, subjectOf, UNNAMED, type Parser } from './parser.ts';

export const log: Parser = {
  kind: 'log',
  family: 'lines',
  startsAt: () => false,
  detect: () => 0.1,
  parse(lines, hint) {
    const subject = hint?.verb === 'logs' && hint.name ? subjectOf('Pod', hint.name, hint.namespace) : subjectOf('Log', UNNAMED);
    const b = new RecordBuilder(subject);
    // Each physical line stays its own record: arbitrary text has no reliable record shape.
    for (const r of logRecords(lines, () => true)) b.text('logLines', r.text, r);
    return { records: [b.build()] };
  },
};

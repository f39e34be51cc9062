/**
 * etcd's own logs: capnslog text (≤ 3.3), zap JSON (3.4+), with or without the CRI prefix of
 * `/var/log/containers/*.log`:
 *
 * ```
 * 2024-01-18 10:00:01.123456 W | rafthttp: health check for peer 8e9e05c52164694d could not connect: dial tcp 10.128.128.162:2380: connect: connection refused
 * 2024-01-18 10:00:02.000000 E | etcdserver: publish error: etcdserver: request timed out
 * {"level":"warn","ts":"2024-01-18T10:00:03.784+0800","caller":"etcdserver/util.go:123","msg":"failed to apply request","error":"etcdserver: no space"}
 * 2023-05-31T00:13:32.461966375Z stderr F {"level":"info","ts":"2023-05-31T00:13:32.461Z","msg":"compacted Raft logs"}
 * ```
 */
import { ETCD, logRecords } from './log-lines.ts';
import { RecordBuilder, subjectOf, type Parser } from './parser.ts';

export const etcdLog: Parser = {
  kind: 'etcd-log',
  family: 'lines',
  startsAt: (text) => ETCD.test(text),
  continues: (text) => ETCD.test(text),
  detect(lines) {
    const sample = lines.filter((l) => l.text.trim() !== '').slice(0, 40);
    if (!sample.length) return 0;
    return sample.filter((l) => ETCD.test(l.text)).length / sample.length >= 0.5 ? 0.9 : 0;
  },
  parse(lines, hint) {
    const name = hint?.verb === 'logs' && hint.name ? hint.name : 'etcd';
    const b = new RecordBuilder(subjectOf('Etcd', name));
    for (const r of logRecords(lines, (t) => ETCD.test(t))) b.text('logLines', r.text, r);
    return { records: [b.build()] };
  },
};

/**
 * Syslog-prefixed node logs: `journalctl -u kubelet`, `/var/log/messages` (where rsyslog writes
 * tabs as `#011`), any locale's month names:
 *
 * ```
 * Jan 18 10:00:01 k8s-node01 kubelet[1234]: E0118 10:00:01.123456    1234 kubelet.go:2183] "Skipping pod synchronization" err="[container runtime is down, PLEG is not healthy: pleg was last seen active 3m5.3s ago; threshold is 3m0s]"
 * 1月 18 10:00:05 k8s-node01 kubelet[1234]: I0118 10:00:05.000000    1234 kubelet_node_status.go:585] "Recording event message for node" node="k8s-node01" event="NodeNotReady"
 * Jan 18 10:00:07 k8s-node01 kernel: Memory cgroup out of memory: Killed process 22146 (java) total-vm:5218432kB
 * ```
 * Lines go to the node named by the host field (etcd's own lines to an Etcd subject).
 */
import { JOURNAL, logRecords } from './log-lines.ts';
import { RecordBuilder, subjectOf, type Parser } from './parser.ts';

export const journal: Parser = {
  kind: 'journal',
  family: 'lines',
  startsAt: (text) => JOURNAL.test(text),
  continues: (text) => JOURNAL.test(text),
  detect(lines) {
    const sample = lines.filter((l) => l.text.trim() !== '').slice(0, 40);
    if (!sample.length) return 0;
    return sample.filter((l) => JOURNAL.test(l.text)).length / sample.length >= 0.5 ? 0.95 : 0;
  },
  parse(lines) {
    const builders = new Map<string, RecordBuilder>();
    const programs = new Map<string, number>();
    for (const rec of logRecords(lines, (t) => JOURNAL.test(t))) {
      const m = JOURNAL.exec(rec.text);
      const host = m?.[1] ?? 'localhost';
      const program = (m?.[2] ?? '').toLowerCase();
      programs.set(program, (programs.get(program) ?? 0) + 1);
      const subject = program === 'etcd' ? subjectOf('Etcd', host) : subjectOf('Node', host);
      const key = `${subject.kind}/${subject.name}`;
      let b = builders.get(key);
      if (!b) builders.set(key, (b = new RecordBuilder(subject)));
      b.text('logLines', rec.text, rec);
    }
    const top = [...programs.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    const kind = top === 'kubelet' ? 'kubelet-log' : top === 'etcd' ? 'etcd-log' : 'journal';
    return { records: [...builders.values()].map((b) => b.build()), kind };
  },
};

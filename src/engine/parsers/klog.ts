/**
 * Bare klog lines (kubelet via `journalctl -o cat`, `kubectl logs` of a control-plane or
 * kube-proxy pod), both the classic and the structured key=value form:
 *
 * ```
 * E0118 10:00:01.123456    1234 kubelet.go:1775] skipping pod synchronization - [PLEG is not healthy: pleg was last seen active 3m5.301s ago; threshold is 3m0s]
 * E0118 10:00:03.000000    1234 kubelet.go:2183] "Skipping pod synchronization" err="[container runtime is down, PLEG is not healthy: pleg was last seen active 4m10.2s ago; threshold is 3m0s]"
 * ```
 * With a `kubectl logs POD` prompt the lines belong to that pod; otherwise to the node.
 */
import { KLOG, logRecords } from './log-lines.ts';
import { RecordBuilder, subjectOf, UNNAMED, type Parser } from './parser.ts';

const NODE_FILES = /^(?:kubelet|kubelet_\w+|pleg|generic|kuberuntime_\w+|eviction_manager|container_manager\w*|cri_stats_provider|pod_workers|remote_runtime|volume_manager|reconciler\w*|operation_generator|manager|cadvisor\w*)\.go$/;

export const klog: Parser = {
  kind: 'kubelet-log',
  family: 'lines',
  startsAt: (text) => KLOG.test(text),
  continues: (text) => KLOG.test(text),
  detect(lines) {
    const sample = lines.filter((l) => l.text.trim() !== '').slice(0, 40);
    if (!sample.length) return 0;
    return sample.filter((l) => KLOG.test(l.text)).length / sample.length >= 0.5 ? 0.9 : 0;
  },
  parse(lines, hint) {
    const records = logRecords(lines, (t) => KLOG.test(t));
    const nodeish = records.some((r) => NODE_FILES.test(KLOG.exec(r.text)?.[1] ?? ''));
    const subject = hint?.name && hint.verb === 'logs'
      ? subjectOf('Pod', hint.name, hint.namespace)
      : nodeish || hint?.name === 'kubelet'
        ? subjectOf('Node', UNNAMED)
        : subjectOf('Log', UNNAMED);
    const b = new RecordBuilder(subject);
    for (const r of records) b.text('logLines', r.text, r);
    // Only the kubelet's own lines are reported as a kubelet log; other components stay "klog".
    return { records: [b.build()], kind: subject.kind === 'Node' ? 'kubelet-log' : 'klog' };
  },
};

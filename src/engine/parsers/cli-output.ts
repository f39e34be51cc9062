/**
 * What kubectl, etcdctl, kubeadm and friends print on their own (errors, warnings, health checks):
 *
 * ```
 * The connection to the server 10.0.0.1:6443 was refused - did you specify the right host or port?
 * E0118 10:00:01.123456   20331 memcache.go:265] couldn't get current server API group list: Get "https://10.0.0.1:6443/api?timeout=32s": dial tcp 10.0.0.1:6443: connect: connection refused
 * Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:ci:deployer" cannot list resource "pods" in API group "" in the namespace "prod"
 * Unable to connect to the server: x509: certificate has expired or is not yet valid: current time 2024-01-18T10:00:01+08:00 is after 2024-01-12T03:21:45Z
 * https://10.128.128.162:2379 is unhealthy: failed to commit proposal: context deadline exceeded
 * ```
 */
import { logRecords } from './log-lines.ts';
import { RecordBuilder, subjectOf, type Parser } from './parser.ts';

/** Lines kubectl-like clients print themselves (including client-side klog lines). */
export const CLI_LINE = /^(?:error: |Error: |error (?:when|validating|converting|parsing|from server)|Error from server|Unable to connect to the server|The connection to the server|The [A-Z]\w+ "[^"]*" is invalid|Warning: |W\d{4} [\d:.]+\s+\d+ warnings\.go:|[EIW]\d{4} [\d:.]+\s+\d+ (?:memcache|cached_discovery|round_trippers|request|helpers|loader|reflector)\.go:\d+\]|Error response from daemon:|\[ERROR [\w-]+\]:|\S+:\/\/[\w.-]+:\d+ is (?:un)?healthy:|Failed to get etcd status|{"level":"\w+","ts":[^}]*"logger":"etcd-client")/;

export const cliOutput: Parser = {
  kind: 'cli-output',
  family: 'lines',
  startsAt: (text) => CLI_LINE.test(text),
  continues: (text) => CLI_LINE.test(text),
  detect(lines, hint) {
    const sample = lines.filter((l) => l.text.trim() !== '').slice(0, 40);
    if (!sample.length) return 0;
    const hits = sample.filter((l) => CLI_LINE.test(l.text)).length;
    // `kubectl logs` prints a program's log, not kubectl's own messages.
    if (hint?.verb === 'logs') return hits > 0 ? 0.3 : 0;
    if (hits / sample.length >= 0.5) return 0.9;
    if (hint?.kind === 'cli-output') return 0.7;
    return hits > 0 ? 0.4 : 0;
  },
  parse(lines, hint) {
    const b = new RecordBuilder(subjectOf('Client', hint?.tool === 'oc' ? 'oc' : hint?.tool ?? 'kubectl'));
    for (const r of logRecords(lines, (t) => CLI_LINE.test(t) || /^\S/.test(t))) b.text('logLines', r.text, r);
    return { records: [b.build()] };
  },
};

/**
 * `kubectl get pods` (plain, `-o wide`, `-A`, `--no-headers`, `| grep`):
 *
 * ```
 * NAMESPACE     NAME                          READY   STATUS             RESTARTS        AGE    IP            NODE            NOMINATED NODE   READINESS GATES
 * kube-system   coredns-6d4b75cb6d-2xk8f      1/1     Running            0               209d   10.244.0.3    10.128.130.77   <none>           <none>
 * shop          web-7d9f8c6b5-xk2p4           0/1     CrashLoopBackOff   12 (3m12s ago)  41m    10.244.2.17   10.128.130.75   <none>           <none>
 * ```
 * Older clients print RESTARTS as a bare number; STATUS may be `Init:0/1`, `Evicted`, `OOMKilled`,
 * `Terminating`, `ContainerCreating`, `OutOfcpu`…
 */
import { isElision, joinWrapped } from '../normalize.ts';
import type { Line } from '../types.ts';
import { parseAge, RecordBuilder, subjectOf, type Parser } from './parser.ts';

const HEADER = /^(?:NAMESPACE\s+)?NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\b/;
// [namespace] name ready status restarts [(3m ago)] age [ip node …]
const ROW = /^(?:(\S+)\s+)?(\S+)\s+(\d+\/\d+)\s+(\S+)\s+(\d+)(?:\s+\(([^)]*)\))?\s+(\S+)(?:\s+(\S+)\s+(\S+))?/;

interface PodRow {
  namespace?: string;
  name: string;
  ready: string;
  status: string;
  restarts: number;
  age: string;
}

function parseRow(text: string, hasNamespace: boolean | undefined): PodRow | null {
  const m = ROW.exec(text);
  if (!m) return null;
  // The optional first group is greedy: with a header we know whether a namespace column exists.
  if (hasNamespace === false && m[1] !== undefined) return null;
  if (hasNamespace === true && m[1] === undefined) return null;
  return { namespace: m[1], name: m[2]!, ready: m[3]!, status: m[4]!, restarts: Number(m[5]), age: m[7]! };
}

export const getPods: Parser = {
  kind: 'get-pods',
  family: 'table',
  startsAt: (text) => HEADER.test(text),
  continues: (text) => ROW.test(text),
  detect(lines, hint) {
    if (lines.some((l) => HEADER.test(l.text))) return 1;
    const sample = lines.slice(0, 40).filter((l) => l.text.trim() !== '');
    const rows = sample.filter((l) => ROW.test(l.text)).length;
    if (rows === 0) return 0;
    if (hint?.kind === 'get-pods') return 0.9;
    return rows / sample.length > 0.5 ? 0.6 : 0.2;
  },
  parse(lines, hint) {
    const records = [];
    let hasNamespace: boolean | undefined = hint?.allNamespaces;
    let prev: Line | null = null;
    for (const line of lines) {
      const text = line.text;
      if (text === '' || isElision(text)) continue;
      const h = HEADER.exec(text);
      if (h) {
        hasNamespace = text.startsWith('NAMESPACE');
        continue;
      }
      let row = parseRow(text, hasNamespace);
      let at = line;
      if (!row && prev) {
        // A row the terminal cut in two: the first half lacked AGE.
        const joined = joinWrapped(prev, line);
        row = parseRow(joined.text, hasNamespace);
        if (row) at = joined;
      }
      if (!row) {
        prev = line;
        continue;
      }
      prev = null;
      const b = new RecordBuilder(subjectOf('Pod', row.name, row.namespace ?? hint?.namespace));
      b.scalar('podStatus', row.status, at)
        .scalar('ready', row.ready, at)
        .scalar('restarts', row.restarts, at)
        .scalar('ageSeconds', parseAge(row.age), at);
      if (row.status === 'Terminating') b.scalar('deletionRequested', 'true', at);
      records.push(b.build());
    }
    return { records };
  },
};

import { describe, expect, it } from 'vitest';
import { cliOutput } from '../../../src/engine/parsers/cli-output.ts';
import { etcdLog } from '../../../src/engine/parsers/etcd-log.ts';
import { journal } from '../../../src/engine/parsers/journal.ts';
import { klog } from '../../../src/engine/parsers/klog.ts';
import { facts, parseWith } from './util.ts';

describe('log parsers', () => {
  it('journal: non-ASCII months, hosts become nodes, etcd lines become Etcd subjects', () => {
    const r = parseWith(journal, '1月 18 10:00:01 k8s-node01 kubelet[1234]: E0118 10:00:01.123456    1234 kubelet.go:2183] "Skipping pod synchronization" err="[PLEG is not healthy: pleg was last seen active 3m5s ago; threshold is 3m0s]"\nJan 18 10:00:02 master-1 etcd[881]: 2024-01-18 10:00:02.000000 W | etcdserver: read-only range request took too long\n');
    expect(r.score).toBeGreaterThan(0.9);
    expect(r.records.map((x) => x.subject)).toEqual([{ kind: 'Node', name: 'k8s-node01' }, { kind: 'Etcd', name: 'master-1' }]);
  });

  it('journal: #011 syslog tabs are normalised before parsing', () => {
    const r = parseWith(journal, 'Mar 19 09:05:12 node-03 kubelet: E0319 09:05:12.330118#0111655 raw.go:146] Failed to watch directory');
    expect(facts(r.records[0])!.texts.logLines![0]).toContain('09:05:12.330118\t1655 raw.go');
  });

  it('klog: classic and structured lines; continuation lines join the record', () => {
    const r = parseWith(klog, 'E0118 09:12:04.401227       1 proxier.go:1412] Failed to execute iptables-restore: exit status 1 (iptables-restore: line 7 failed\n)\nI0118 09:12:04.401301       1 proxier.go:1415] "Closing local ports" reason="x"\n', { tool: 'kubectl', verb: 'logs', name: 'kube-proxy-8fj4t', namespace: 'kube-system' });
    expect(r.kind).toBe('klog');
    expect(facts(r.records[0])).toMatchObject({ subject: { kind: 'Pod', name: 'kube-proxy-8fj4t' }, lines: { logLines: [[1, 2], [3, 3]] } });
  });

  it('etcd: capnslog text, zap JSON and CRI-prefixed lines', () => {
    const r = parseWith(etcdLog, '2024-01-18 10:05:11.201733 W | rafthttp: health check for peer 8e9e05c52164694d could not connect\n{"level":"warn","ts":"2024-02-02T03:11:52.113+0800","msg":"alarm raised","alarm":"NOSPACE"}\n2023-05-31T00:13:32.461966375Z stderr F {"level":"info","ts":"2023-05-31T00:13:32.461Z","msg":"compacted Raft logs"}\n');
    expect(r.score).toBeGreaterThan(0.8);
    expect(facts(r.records[0])!.texts.logLines).toHaveLength(3);
  });

  it('cli-output: kubectl errors go to a Client subject named after the tool', () => {
    const r = parseWith(cliOutput, 'error: You must be logged in to the server (Unauthorized)\n', { tool: 'oc' });
    expect(r.records[0]!.subject).toEqual({ kind: 'Client', name: 'oc' });
  });
});

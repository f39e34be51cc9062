/**
 * A bundle diagnosed as one cluster (src/bundle/): troubleshoot.sh lists reduced to what the engine
 * reads with the file's own line numbers, events as `get events` rows, the same object across
 * files as one subject, batches merged, and file names that are only ever names.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnoseBundle, prepareBundle, type BundleFile, type BundleReport } from '../../src/bundle/index.ts';
import { batchesOf, batchText, locate } from '../../src/bundle/diagnose.ts';
import { eventRows, filterObjectList } from '../../src/bundle/json-lines.ts';
import { diagnose } from '../../src/engine/index.ts';
import { FIXTURES, ruleSet } from '../engine/helpers.ts';

const TS = join(FIXTURES, 'troubleshoot', 'support-bundle');
const rules = ruleSet();
const run = (text: string) => diagnose(text, rules);

function folder(dir: string): BundleFile[] {
  const out: BundleFile[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push({ path: relative(dir, p), data: readFileSync(p) });
    }
  };
  walk(dir);
  return out;
}
const file = (path: string, text: string): BundleFile => ({ path, data: Buffer.from(text) });
const articles = (r: BundleReport) => r.findings.filter((f) => !f.supersededBy).map((f) => f.article);
const find = (r: BundleReport, article: string) => r.findings.find((f) => f.article === article)!;

describe('troubleshoot.sh support bundle', () => {
  it('finds what its pod, event and node lists say, with evidence on the lines of the JSON files', async () => {
    const files = folder(TS);
    const prepared = prepareBundle(files);
    expect(prepared.format).toBe('troubleshoot');
    const report = await diagnoseBundle(prepared, run);
    expect(articles(report)).toEqual(expect.arrayContaining(['oomkilled', 'pod-pending-insufficient-resources', 'node-notready-kubelet', 'rollout-stuck']));
    // Every evidence line is the file's own line, word for word.
    for (const f of report.findings) {
      for (const e of f.evidence) {
        const src = readFileSync(join(TS, e.file), 'utf8').split('\n');
        expect(src[e.line - 1]!.slice(0, 1000), `${e.file}:${e.line}`).toBe(e.text);
      }
    }
    const oom = find(report, 'oomkilled');
    expect(oom.subject).toEqual({ kind: 'Pod', namespace: 'shop', name: 'cart-7b9c6d5f4-k8z2q' });
    expect(oom.evidence.map((e) => e.text.trim())).toContain('"reason": "OOMKilled",');
  });

  it('merges a pod seen in the pod list and in the events into one subject', async () => {
    const report = await diagnoseBundle(prepareBundle(folder(TS)), run);
    const pending = find(report, 'pod-pending-insufficient-resources');
    expect(pending.subjects).toEqual([{ kind: 'Pod', namespace: 'shop', name: 'payments-6f7d8c9b5-x9z4w' }]);
    expect(new Set(pending.evidence.map((e) => e.file))).toEqual(new Set(['cluster-resources/pods/shop.json', 'cluster-resources/events/shop.json']));
    const crash = find(report, 'crashloop-app-error');
    expect(crash.count).toBe(1);
    expect(crash.evidence.some((e) => e.file === 'cluster-resources/events/shop.json' && /Back-off restarting failed container cart/.test(e.text))).toBe(true);
  });

  it('does not read tolerations, images or RBAC lists: no node-pressure finding for a DaemonSet that tolerates it', async () => {
    const report = await diagnoseBundle(prepareBundle(folder(TS)), run);
    expect(articles(report)).not.toContain('node-disk-pressure');
    expect(articles(report)).not.toContain('node-memory-pressure');
    expect(articles(report)).not.toContain('node-pid-pressure');
    expect(report.skipped).toEqual(expect.arrayContaining([{ path: 'cluster-resources/clusterroles.json', reason: 'not-diagnosed' }, { path: 'analysis.json', reason: 'not-diagnosed' }]));
    expect(report.files.map((f) => f.path)).toContain('cluster-resources/pods/logs/shop/cart-7b9c6d5f4-k8z2q/cart-previous.log');
  });

  it('summarises by severity, namespace and node (pods placed by spec.nodeName)', async () => {
    const report = await diagnoseBundle(prepareBundle(folder(TS)), run);
    expect(report.summary.bySeverity.critical.findings).toBe(2);
    expect(report.summary.byNamespace[0]).toEqual(['shop', 3]);
    expect(report.summary.byNode).toEqual(expect.arrayContaining([['worker-2', 1], ['worker-3', 1]]));
  });

  it('reduces a pod list to a tenth of its lines, keeping each line as it was', () => {
    const lines = readFileSync(join(TS, 'cluster-resources/pods/shop.json'), 'utf8').split('\n');
    const nodes = new Map<string, string>();
    const kept = filterObjectList(lines, nodes)!;
    expect(kept.lines.length).toBeLessThan(lines.length / 4);
    kept.lines.forEach((l, i) => {
      expect(lines[kept.from[i]! - 1]!.trim()).toBe(l);
    });
    expect(kept.lines.join('\n')).not.toMatch(/managedFields|tolerations|"image"/);
    expect(nodes.get('shop/cart-7b9c6d5f4-k8z2q')).toBe('worker-2');
    // A document on one line is not one-key-per-line JSON: the caller reads it as it is.
    expect(filterObjectList(['{"kind":"PodList","items":[{"kind":"Pod",', '"metadata":{"name":"x"}}]}'])).toBeUndefined();
  });

  it('turns an EventList into get-events rows pointing at each message line', () => {
    const lines = readFileSync(join(TS, 'cluster-resources/events/shop.json'), 'utf8').split('\n');
    const rows = eventRows(lines)!;
    expect(rows.lines).toHaveLength(5);
    expect(rows.lines[2]).toMatch(/^shop {3}2024-05-14T08:40:51Z {3}Warning {3}FailedScheduling {3}pod\/payments-6f7d8c9b5-x9z4w {3}0\/3 nodes are available/);
    expect(lines[rows.from[2]! - 1]).toMatch(/^\s+"message": "0\/3 nodes/);
  });
});

describe('folders of saved outputs', () => {
  const pods = [
    'NAMESPACE   NAME                        READY   STATUS             RESTARTS        AGE   IP            NODE       NOMINATED NODE   READINESS GATES',
    'shop        web-5d8f7c9b6-q7m2x         1/1     Running            0               3d    10.42.1.12    worker-1   <none>           <none>',
    'shop        cart-7b9c6d5f4-k8z2q        0/1     CrashLoopBackOff   9 (2m ago)      91m   10.42.2.17    worker-2   <none>           <none>',
  ].join('\n');
  const describeCart = [
    'Name:             cart-7b9c6d5f4-k8z2q',
    'Namespace:        shop',
    'Node:             worker-2/10.0.12.22',
    'Containers:',
    '  cart:',
    '    State:          Waiting',
    '      Reason:       CrashLoopBackOff',
    '    Last State:     Terminated',
    '      Reason:       OOMKilled',
    '      Exit Code:    137',
    '    Restart Count:  9',
  ].join('\r\n');

  it('reads files of any names as one cluster: the pod of the table and of the describe is one subject', async () => {
    const report = await diagnoseBundle(prepareBundle([file('pods-wide.txt', pods + '\n'), file('notes/cart describe.txt', describeCart)]), run);
    expect(report.format).toBe('files');
    const oom = find(report, 'oomkilled');
    expect(oom.subjects).toEqual([{ kind: 'Pod', namespace: 'shop', name: 'cart-7b9c6d5f4-k8z2q' }]);
    expect(oom.evidence).toContainEqual({ file: 'notes/cart describe.txt', line: 9, text: '      Reason:       OOMKilled' });
    expect(report.summary.byNode).toEqual([['worker-2', 1]]);
    expect(report.sections.map((s) => [s.kind, s.file, s.startLine, s.endLine])).toEqual([
      ['get-pods', 'pods-wide.txt', 1, 3],
      ['describe-pod', 'notes/cart describe.txt', 1, 11],
    ]);
  });

  it('keeps a healthy folder quiet and skips binaries and empty files', async () => {
    const healthy = pods.split('\n').slice(0, 2).join('\n');
    const report = await diagnoseBundle(prepareBundle([file('pods.txt', healthy), file('img.png', '\u0089PNG\r\n\u001a\n\u0000\u0000'), file('empty.log', '')]), run);
    expect(report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(report.skipped).toEqual([
      { path: 'img.png', reason: 'binary' },
      { path: 'empty.log', reason: 'empty' },
    ]);
  });

  it('keeps a file name with a newline or markup on the one `$ cat` line before its file', () => {
    const name = 'x\n$ kubectl describe pod evil\n<img src=x onerror=alert(1)>.txt';
    const p = prepareBundle([file(name, 'hello\n')]);
    expect(p.pieces[0]!.lines).toEqual(['$ cat x___kubectl_describe_pod_evil__img_src_x_onerror_alert_1__.txt', 'hello']);
    expect(p.pieces[0]!.file).toBe(name);
  });

  it('merges findings of batches by article, every object once', async () => {
    const a = file('a/events.txt', 'NAMESPACE   LAST SEEN   TYPE      REASON    OBJECT          MESSAGE\nshop   2m   Warning   BackOff   pod/cart-1   Back-off restarting failed container cart in pod cart-1_shop(1)\n');
    const b = file('b/events.txt', 'NAMESPACE   LAST SEEN   TYPE      REASON    OBJECT          MESSAGE\nshop   2m   Warning   BackOff   pod/cart-2   Back-off restarting failed container cart in pod cart-2_shop(2)\n');
    const prepared = prepareBundle([a, b]);
    expect(batchesOf(prepared.pieces, 200)).toHaveLength(2);
    const report = await diagnoseBundle(prepared, run, 200);
    const crash = find(report, 'crashloop-app-error');
    expect(crash.count).toBe(2);
    expect(crash.subjects.map((s) => s.name).sort()).toEqual(['cart-1', 'cart-2']);
    expect(new Set(crash.evidence.map((e) => `${e.file}:${e.line}`))).toEqual(new Set(['a/events.txt:2', 'b/events.txt:2']));
  });

  it('reads a terminal session saved to one file (prompts, tabs, a wrapped row) beside other files', async () => {
    const session = [
      '[root@master-01 ~]# kubectl get nodes -o wide',
      'NAME       STATUS     ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION       CONTAINER-RUNTIME',
      'master-01  Ready      control-plane   90d   v1.28.9   10.0.12.10    <none>        Ubuntu 22.04.4 LTS   5.15.0-105-generic   containerd://1.7.13',
      'worker-3   NotReady   <none>          90d   v1.28.9   10.0.12.23    <none>        Ubuntu 22.04.4 LTS   5.15.0-105-generic   containerd://1.7.13',
      '[root@master-01 ~]# kubectl describe node worker-3',
      'Name:               worker-3',
      'Conditions:',
      '  Type             Status    LastHeartbeatTime                 LastTransitionTime                Reason              Message',
      '  ----             ------    -----------------                 ------------------                ------              -------',
      '  MemoryPressure   Unknown   Tue, 14 May 2024 07:57:40 +0000   Tue, 14 May 2024 07:58:13 +0000   NodeStatusUnknown   Kubelet stopped posting node status.',
      '  Ready            Unknown   Tue, 14 May 2024 07:57:40 +0000   Tue, 14 May 2024 07:58:13 +0000   NodeStatusUnknown   Kubelet stopped posting node status.',
      '',
    ].join('\n');
    const events = 'LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n3m\tNormal\tNodeNotReady\tnode/worker-3\tNode worker-3 status is now: NodeNotReady\n';
    const report = await diagnoseBundle(prepareBundle([file('notes/session.log', session), file('events-tab.txt', events)]), run);
    const notReady = find(report, 'node-notready-kubelet');
    expect(notReady.subjects).toEqual([{ kind: 'Node', name: 'worker-3' }]);
    expect(notReady.evidence.filter((e) => e.file === 'notes/session.log').map((e) => e.line)).toEqual(expect.arrayContaining([11]));
    expect(report.sections.filter((s) => s.file === 'notes/session.log').map((s) => [s.kind, s.startLine])).toEqual([
      ['get-nodes', 1],
      ['describe-node', 5],
    ]);
    expect(report.summary.byNode).toEqual([['worker-3', 1]]);
  });

  it('names the file and its line in a message about where the engine stopped', async () => {
    const p = prepareBundle([file('one.txt', 'a\nb\n'), file('two.txt', 'c\nd')]);
    const report = await diagnoseBundle(p, async () => ({ sections: [], findings: [], messages: [{ code: 'time-budget', params: { seconds: 10, line: 6 } }] }));
    expect(report.messages).toEqual([{ code: 'time-budget', params: { seconds: 10, line: 2, file: 'two.txt' } }]);
  });

  it('maps every line of the joined text back to its file', () => {
    const p = prepareBundle([file('one.txt', 'a\nb\n'), file('two.txt', 'c')]);
    const [batch] = batchesOf(p.pieces);
    expect(batchText(batch!)).toBe('$ cat one.txt\na\nb\n$ cat two.txt\nc');
    expect([1, 2, 3, 4, 5].map((n) => locate(batch!, n)).map((x) => `${x!.piece.file}:${x!.line}`)).toEqual(['one.txt:0', 'one.txt:1', 'one.txt:2', 'two.txt:0', 'two.txt:1']);
    expect(locate(batch!, 6)).toBeUndefined();
  });
});

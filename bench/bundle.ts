/**
 * A bundle of a large, unhealthy cluster diagnosed as one: what `k8s-kb collect` writes for 5,000
 * pods (200 of them failing, their describes and logs) and 50,000 events, read from memory (no disk
 * time) through src/bundle/ and the engine. Figures: total time, MB/s, and the ratio against the
 * engine's baseline (split into lines, one regex per line) over the same files, pair by pair.
 */
import { diagnoseBundle, prepareBundle, type BundleFile } from '../src/bundle/index.ts';
import { createRuleSet, diagnose } from '../src/engine/index.ts';
import { readRules } from '../src/cli/io.ts';
import { median, round, timeOnceAsync } from './stats.ts';
import { rng } from './synthetic.ts';

const NS = ['shop', 'payments', 'search', 'analytics', 'auth', 'default', 'kube-system', 'monitoring'];

/** A collect bundle: `pods` pods over `nodes` nodes, `events` events, describes and logs of the failing pods. */
export function syntheticBundle(pods = 5000, events = 50_000, nodes = 60, seed = 19): BundleFile[] {
  const r = rng(seed);
  const enc = (s: string) => Buffer.from(s);
  const nodeName = (i: number) => `worker-${String(i).padStart(3, '0')}`;
  const nodeRows = ['$ kubectl get nodes -o wide', 'NAME         STATUS     ROLES           AGE    VERSION   INTERNAL-IP    EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION      CONTAINER-RUNTIME'];
  for (let i = 0; i < nodes; i++) nodeRows.push(`${nodeName(i).padEnd(13)}${(i === 7 ? 'NotReady' : 'Ready').padEnd(11)}<none>          212d   v1.28.9   10.0.${i >> 8}.${i & 255}   <none>        Ubuntu 22.04.4 LTS   5.15.0-105-generic  containerd://1.7.13`);
  const podRows = ['$ kubectl get pods -A -o wide', 'NAMESPACE     NAME                                READY   STATUS             RESTARTS        AGE    IP             NODE         NOMINATED NODE   READINESS GATES'];
  const failing: { ns: string; name: string; status: string; node: string }[] = [];
  const names: { ns: string; name: string }[] = [];
  for (let i = 0; i < pods; i++) {
    const ns = NS[i % NS.length]!;
    const name = `${['web', 'api', 'worker', 'billing', 'search', 'auth'][i % 6]}-${(i * 2654435761 % 0xfffff).toString(16)}-${(i % 97).toString(36)}x${i}`;
    const node = nodeName(Math.floor(r() * nodes));
    const bad = i % 25 === 3;
    const status = bad ? ['CrashLoopBackOff', 'ImagePullBackOff', 'Pending', 'OOMKilled'][i % 4]! : 'Running';
    const ready = bad ? '0/1' : '1/1';
    const restarts = status === 'CrashLoopBackOff' || status === 'OOMKilled' ? `${3 + (i % 40)} (${i % 59}m ago)` : '0';
    podRows.push(`${ns.padEnd(14)}${name.padEnd(36)}${ready.padEnd(8)}${status.padEnd(19)}${restarts.padEnd(16)}${(1 + (i % 30))}d    10.42.${i >> 8 & 255}.${i & 255}   ${status === 'Pending' ? '<none>' : node}     <none>           <none>`);
    names.push({ ns, name });
    if (bad) failing.push({ ns, name, status, node });
  }
  const evRows = ['$ kubectl get events -A --sort-by=.lastTimestamp', 'NAMESPACE     LAST SEEN   TYPE      REASON              OBJECT                                   MESSAGE'];
  for (let i = 0; i < events; i++) {
    const bad = i % 10 === 0 ? failing[(i / 10) % failing.length]! : undefined;
    const p = bad ?? names[Math.floor(r() * names.length)]!;
    const age = `${1 + (i % 59)}m`;
    const [type, reason, message] = bad
      ? bad.status === 'Pending'
        ? ['Warning', 'FailedScheduling', `0/${nodes} nodes are available: ${nodes} Insufficient memory. preemption: 0/${nodes} nodes are available: ${nodes} No preemption victims found for incoming pod.`]
        : bad.status === 'ImagePullBackOff'
          ? ['Warning', 'Failed', `Failed to pull image "registry.local/${p.ns}/app:v2.7.0-rc1": rpc error: code = NotFound desc = failed to pull and unpack image`]
          : ['Warning', 'BackOff', `Back-off restarting failed container app in pod ${p.name}_${p.ns}(1d3f5a7c-9e2b-4c6d-8f0a-2b4d6f8a0c1e)`]
      : [
          ['Normal', 'Scheduled', `Successfully assigned ${p.ns}/${p.name} to ${nodeName(i % nodes)}`],
          ['Normal', 'Pulled', `Container image "registry.local/${p.ns}/app:1.14.2" already present on machine`],
          ['Normal', 'Created', 'Created container app'],
          ['Normal', 'Started', 'Started container app'],
        ][i % 4]!;
    evRows.push(`${p.ns.padEnd(14)}${age.padEnd(12)}${type!.padEnd(10)}${reason!.padEnd(20)}${`pod/${p.name}`.padEnd(41)}${message}`);
  }
  const files: BundleFile[] = [
    { path: 'manifest.json', data: enc('{"format": "k8s-kb-bundle", "version": 1, "commands": []}\n') },
    { path: 'nodes.txt', data: enc(nodeRows.join('\n') + '\n') },
    { path: 'pods.txt', data: enc(podRows.join('\n') + '\n') },
    { path: 'events.txt', data: enc(evRows.join('\n') + '\n') },
  ];
  // describe of the first 200 failing pods (collect's cap), 20 per file, and logs of 50 crashing ones.
  const described = failing.slice(0, 200);
  for (let k = 0; k < described.length; k += 20) {
    const chunk = described.slice(k, k + 20);
    const text = chunk.map((p) => [
      `Name:             ${p.name}`, `Namespace:        ${p.ns}`, `Node:             ${p.status === 'Pending' ? '<none>' : `${p.node}/10.0.0.1`}`, `Status:           ${p.status === 'Pending' ? 'Pending' : 'Running'}`,
      'Containers:', '  app:', '    State:          Waiting', `      Reason:       ${p.status === 'OOMKilled' ? 'CrashLoopBackOff' : p.status}`,
      ...(p.status === 'OOMKilled' ? ['    Last State:     Terminated', '      Reason:       OOMKilled', '      Exit Code:    137'] : []),
      '    Restart Count:  12', 'Events:', '  Type     Reason   Age   From     Message', '  ----     ------   ----  ----     -------',
      `  Warning  BackOff  2m (x380 over 90m)  kubelet  Back-off restarting failed container app in pod ${p.name}_${p.ns}(1d3f)`, '',
    ].join('\n')).join('\n');
    files.push({ path: `describe/pods-${k / 20}.txt`, data: enc(`$ kubectl describe pods -n ${chunk[0]!.ns} ${chunk.map((p) => p.name).join(' ')}\n${text}`) });
  }
  for (const p of failing.filter((f) => f.status === 'CrashLoopBackOff').slice(0, 50)) {
    const log = [`$ kubectl logs -n ${p.ns} ${p.name} --all-containers=true --tail=200`];
    for (let j = 0; j < 200; j++) log.push(`2024-05-14T08:${String(j % 60).padStart(2, '0')}:01.118Z INFO  [main] handled request id=${j} status=200 in ${j % 17}ms`);
    log.push('2024-05-14T08:59:59.001Z ERROR [main] Caused by: java.net.UnknownHostException: mysql.db.svc.cluster.local: Temporary failure in name resolution');
    files.push({ path: `logs/${p.ns}/${p.name}.log`, data: enc(log.join('\n') + '\n') });
  }
  return files;
}

/** The engine's floor over the same files: split each into lines, one regex per line. */
function baseline(files: BundleFile[]): number {
  const re = /Insufficient|Failed|Error|refused|OOMKilled|NotReady|BackOff/;
  let n = 0;
  for (const f of files) for (const line of Buffer.from(f.data).toString('utf8').split('\n')) if (re.test(line)) n++;
  return n;
}

export async function benchBundle(): Promise<Record<string, unknown>> {
  const ruleSet = createRuleSet(readRules());
  const files = syntheticBundle();
  const bytes = files.reduce((a, f) => a + f.data.length, 0);
  const engineMs: number[] = [];
  const baseMs: number[] = [];
  const ratios: number[] = [];
  let findings = 0;
  for (let round_ = 0; round_ < 4; round_++) {
    const e = await timeOnceAsync(async () => {
      const report = await diagnoseBundle(prepareBundle(files), (text) => diagnose(text, ruleSet));
      findings = report.findings.length;
    });
    const b = await timeOnceAsync(async () => baseline(files));
    if (round_ === 0) continue; // warm-up
    engineMs.push(e);
    baseMs.push(b);
    ratios.push(e / b);
  }
  const ms = median(engineMs);
  return {
    files: files.length,
    pods: 5000,
    events: 50_000,
    mb: round(bytes / 1e6),
    findings,
    ms: round(ms),
    mb_per_s: round(bytes / 1e6 / (ms / 1000)),
    baseline_ms: round(median(baseMs)),
    ratio: round(median(ratios)),
  };
}

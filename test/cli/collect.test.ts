/**
 * `k8s-kb collect`: the read-only guard, the plan read from kubectl tables, the tar writer, and the
 * real CLI run against the stand-in kubectl of test/fixtures/kubectl-replay (recorded output,
 * replayed by argv; it can also answer as an unreachable, unauthorised or RBAC-limited cluster).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { classifyFailure, errorLine, runKubectl } from '../../src/cli/collect-kubectl.ts';
import {
  assertReadOnly,
  basePlan,
  counterFileNames,
  describeNodesPlan,
  describePodsPlan,
  isCrashing,
  isTroubled,
  LIMITS,
  logsPlan,
  NotReadOnlyError,
  READ_ONLY_VERBS,
  readNodeRows,
  readPodRows,
  type PodRow,
} from '../../src/cli/collect-plan.ts';
import { tarArchive } from '../../src/cli/collect-tar.ts';
import { main } from '../../src/cli/main.ts';
import { ROOT } from '../engine/helpers.ts';

const REPLAY = join(ROOT, 'test/fixtures/kubectl-replay');
const KUBECTL = join(REPLAY, 'kubectl');
const CLUSTER = join(REPLAY, 'cluster');
const recorded = (f: string) => readFileSync(join(CLUSTER, f), 'utf8');
// A checkout or copy that lost the executable bit must still run the stand-in.
chmodSync(KUBECTL, 0o755);

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'k8s-kb.mjs'), 'collect', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LANG: 'en_US.UTF-8', KUBECTL, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const made: string[] = [];
const tmp = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
};
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** Every file of a directory, relative, sorted. */
function filesOf(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

/** Reads a tar archive (what collect-tar.ts writes: ustar, pax `path` records) into path → data. */
function untar(tar: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let paxPath: string | undefined;
  for (let off = 0; off + 512 <= tar.length; ) {
    const h = tar.subarray(off, off + 512);
    if (h.every((b) => b === 0)) break;
    const str = (a: number, n: number) => h.subarray(a, a + n).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(str(124, 12), 8);
    const type = str(156, 1);
    const prefix = str(345, 155);
    const data = tar.subarray(off + 512, off + 512 + size);
    const sum = [...h].reduce((s, b, i) => s + (i >= 148 && i < 156 ? 32 : b), 0);
    expect(parseInt(str(148, 8), 8), 'header checksum').toBe(sum);
    if (type === 'x') paxPath = /\d+ path=(.*)\n/.exec(data.toString('utf8'))![1];
    else {
      out.set(paxPath ?? (prefix ? `${prefix}/${str(0, 100)}` : str(0, 100)), data);
      paxPath = undefined;
    }
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

function replayLog(file: string): { argv: string[]; kubeconfig: string | null }[] {
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l)) : [];
}

/** The verb kubectl would run: the first argument after the global `--flag=value` options. */
const verbOf = (argv: string[]) => argv.find((a) => !/^--[a-z-]+=/.test(a));

describe('read-only guard', () => {
  const MUTATING = [
    'apply -f x.yaml', 'create deployment x --image=y', 'delete pod web-1', 'edit deploy web', 'patch node n -p {}',
    'replace -f x.yaml', 'scale deploy web --replicas=0', 'autoscale deploy web --max=3', 'rollout restart deploy web',
    'set image deploy/web web=x', 'label node n a=b', 'annotate pod p a=b', 'taint nodes n k=v:NoSchedule', 'cordon n',
    'uncordon n', 'drain n --ignore-daemonsets', 'exec web-1 -- sh', 'cp web-1:/a /b', 'run x --image=y', 'expose deploy web',
    'attach web-1', 'port-forward web-1 8080', 'proxy', 'debug node/n -it --image=busybox', 'certificate approve csr-1',
    'config use-context prod', 'config set-context prod --namespace=x', 'config view --raw', 'config delete-context prod',
    'auth can-i delete pods', 'kustomize .', 'plugin list', 'events', 'top pods',
  ];
  it.each(MUTATING)('refuses kubectl %s', (cmd) => {
    expect(() => assertReadOnly(cmd.split(' '))).toThrow(NotReadOnlyError);
  });

  it('refuses read verbs that would wait forever or read objects from files, and global flags that hide the verb', () => {
    for (const cmd of ['get pods -w', 'get pods --watch', 'get events --watch-only', 'logs -f web-1', 'logs --follow=true web-1', 'get -f x.yaml', 'get --raw /api', '--context prod delete pod x', '--context=prod delete pod x', '']) {
      expect(() => assertReadOnly(cmd ? cmd.split(' ') : []), cmd).toThrow(NotReadOnlyError);
    }
  });

  it('accepts every command of the plan for the recorded cluster, in both scopes, redacted or not', () => {
    const rows = readPodRows(recorded('pods.out'));
    for (const scope of [{ all: true } as const, { all: false, namespace: 'shop' } as const]) {
      for (const names of [undefined, counterFileNames]) {
        const plan = [
          ...basePlan(scope),
          ...describeNodesPlan(recorded('nodes.out')).commands,
          ...describePodsPlan(rows, names).commands,
          ...logsPlan(rows, { lines: 50, since: '2h' }, names).commands,
        ];
        expect(plan.length).toBeGreaterThan(15);
        for (const c of plan) {
          expect(() => assertReadOnly(['--context=lab', '--kubeconfig=/k', '--request-timeout=58s', ...c.args])).not.toThrow();
          expect(READ_ONLY_VERBS.has(c.args[0]!)).toBe(true);
        }
      }
    }
  });

  it('runKubectl checks before it starts anything: a refused command never reaches kubectl', async () => {
    const log = join(tmp('kb-guard-'), 'calls.jsonl');
    const opts = { program: KUBECTL, globals: [], env: { ...process.env, KUBECTL_REPLAY_LOG: log }, timeoutMs: 10_000 };
    expect(() => runKubectl(['delete', 'pod', 'web-1'], opts)).toThrow(NotReadOnlyError);
    expect(() => runKubectl(['get', 'pods'], { ...opts, globals: ['--context', 'prod'] })).toThrow(NotReadOnlyError);
    expect(replayLog(log)).toEqual([]);
    const ok = await runKubectl(['version'], opts);
    expect(ok.status).toBe('ok');
    expect(replayLog(log).map((c) => c.argv)).toEqual([['version']]);
  });

  it('only collect-kubectl.ts starts processes, and it asserts before it spawns', () => {
    const dir = join(ROOT, 'src/cli');
    const spawners = readdirSync(dir).filter((f) => /^collect-.*\.ts$/.test(f) && /child_process/.test(readFileSync(join(dir, f), 'utf8')));
    expect(spawners).toEqual(['collect-kubectl.ts']);
    const src = readFileSync(join(dir, 'collect-kubectl.ts'), 'utf8');
    const body = src.slice(src.indexOf('export function runKubectl'));
    expect(body.indexOf('assertReadOnly(argv)')).toBeGreaterThan(0);
    expect(body.indexOf('assertReadOnly(argv)')).toBeLessThan(body.indexOf('spawn('));
    expect(src.match(/\bspawn\(/g)).toHaveLength(1);
  });
});

describe('plan from kubectl tables', () => {
  it('reads pod rows with and without NAMESPACE, with restarts like "14 (2m10s ago)"', () => {
    const all = readPodRows(recorded('pods.out'));
    expect(all).toHaveLength(11);
    expect(all.find((p) => p.name.startsWith('order-service'))).toEqual({ namespace: 'shop', name: 'order-service-5f7d8c9b6-x2lkp', ready: '0/1', status: 'CrashLoopBackOff', restarts: 14 });
    const one = readPodRows('NAME                   READY   STATUS    RESTARTS      AGE\ncart-6b7c8d9f4-2kq8w   1/1     Running   3 (20m ago)   6h\n', 'shop');
    expect(one).toEqual([{ namespace: 'shop', name: 'cart-6b7c8d9f4-2kq8w', ready: '1/1', status: 'Running', restarts: 3 }]);
  });

  it('never passes on a cell that is not a Kubernetes name', () => {
    const text = 'NAMESPACE   NAME   READY   STATUS   RESTARTS   AGE\nshop   --all   0/1   Error   0   1m\nshop   Web_1   0/1   Error   0   1m\n-n   x   0/1   Error   0   1m\nWarning: something   happened\n';
    expect(readPodRows(text)).toEqual([]);
    expect(readNodeRows('NAME   STATUS\n--raw   NotReady\nworker-2   NotReady\n')).toEqual([{ name: 'worker-2', status: 'NotReady' }]);
  });

  const pod = (status: string, ready = '0/1', restarts = 0): PodRow => ({ namespace: 'ns', name: 'p', ready, status, restarts });
  it.each([
    [pod('CrashLoopBackOff', '0/1', 4), true, true],
    [pod('Pending'), true, false],
    [pod('ImagePullBackOff'), true, false],
    [pod('Error'), true, true],
    [pod('Init:CrashLoopBackOff', '0/1', 2), true, true],
    [pod('Running', '1/2'), true, false],
    // Restarted and ready again: not described, but its previous logs say why it restarted.
    [pod('Running', '1/1', 3), false, true],
    // Must not: finished jobs and healthy pods are neither described nor logged.
    [pod('Completed', '0/1'), false, false],
    [pod('Running', '1/1'), false, false],
  ])('%o: troubled %s, crashing %s', (p, troubled, crashing) => {
    expect(isTroubled(p)).toBe(troubled);
    expect(isCrashing(p)).toBe(crashing);
  });

  it('describes only nodes that are not Ready', () => {
    const plan = describeNodesPlan('NAME   STATUS\na   Ready\nb   NotReady\nc   Ready,SchedulingDisabled\nd   NotReady,SchedulingDisabled\ne   Unknown\n');
    expect(plan.commands.map((c) => c.args)).toEqual([['describe', 'nodes', 'b', 'd', 'e']]);
  });

  it('keeps a badly broken cluster to the limits, in chunks per namespace', () => {
    const rows = Array.from({ length: 300 }, (_, i): PodRow => ({ namespace: `ns-${i % 3}`, name: `web-${i}`, ready: '0/1', status: 'CrashLoopBackOff', restarts: 5 }));
    const d = describePodsPlan(rows);
    expect(d.commands.reduce((n, c) => n + c.args.length - 4, 0)).toBe(LIMITS.describePods);
    expect(d.skipped).toBe(100);
    expect(Math.max(...d.commands.map((c) => c.args.length - 4))).toBeLessThanOrEqual(LIMITS.describeChunk);
    expect(new Set(d.commands.map((c) => c.file)).size).toBe(d.commands.length);
    const l = logsPlan(rows, { lines: 100 });
    expect(l.commands).toHaveLength(LIMITS.logPods * 2);
    expect(l.skipped).toBe(300 - LIMITS.logPods);
    expect(logsPlan(rows, { lines: 0 }).commands).toEqual([]);
  });
});

describe('kubectl failures', () => {
  it('reads forbidden, unauthorised and unreachable from kubectl messages', () => {
    const fx = (f: string) => readFileSync(join(ROOT, 'test/fixtures/cli-output', f), 'utf8');
    expect(classifyFailure(fx('rbac-forbidden.txt'))).toBe('forbidden');
    expect(classifyFailure(fx('unauthorized.txt'))).toBe('unauthorized');
    for (const f of ['connection-refused-6443.txt', 'tls-handshake-timeout.txt', 'localhost-8080-no-kubeconfig.txt', 'connection-refused-memcache-v1-28.txt']) {
      expect(classifyFailure(fx(f)), f).toBe('unreachable');
    }
    expect(classifyFailure('Error from server (NotFound): pods "x" not found')).toBe('failed');
    expect(errorLine('E0415 08:04:11.031245 memcache.go:265] retry\nThe connection to the server 10.0.12.10:6443 was refused - did you specify the right host or port?\n')).toMatch(/^The connection/);
  });
});

describe('tar writer', () => {
  it('writes archives that tar reads, long names included', () => {
    const long = `bundle/logs/${'very-long-namespace-name-'.repeat(3)}x/${'a-pod-name-that-goes-on-'.repeat(8)}z.previous.log`;
    const entries = [
      { path: 'bundle/' },
      { path: 'bundle/manifest.json', data: Buffer.from('{"format":"k8s-kb-bundle"}\n') },
      { path: 'bundle/empty.txt', data: Buffer.alloc(0) },
      { path: 'bundle/中文.txt', data: Buffer.from('节点 NotReady\n') },
      { path: long, data: Buffer.from('x'.repeat(1500)) },
      { path: `bundle/${'n'.repeat(120)}.txt`, data: Buffer.from('no slash to split at\n') },
    ];
    const tar = tarArchive(entries);
    expect(tar.length % 512).toBe(0);
    const read = untar(tar);
    for (const e of entries.filter((x) => x.data)) expect(read.get(e.path)?.toString(), e.path).toBe(e.data!.toString());
    const hasTar = spawnSync('tar', ['--version']).status === 0;
    if (hasTar) {
      const dir = tmp('kb-tar-');
      writeFileSync(join(dir, 'b.tar'), tar);
      execFileSync('tar', ['-xf', 'b.tar'], { cwd: dir });
      for (const e of entries.filter((x) => x.data)) expect(readFileSync(join(dir, e.path), 'utf8')).toBe(e.data!.toString());
    }
  });
});

describe('k8s-kb collect against the stand-in kubectl', () => {
  const BASE = [
    'kubectl config current-context',
    'kubectl version',
    'kubectl get nodes -o wide',
    'kubectl get pods -A -o wide',
    'kubectl get events -A --sort-by=.lastTimestamp',
    'kubectl get componentstatuses',
    'kubectl get pvc -A',
    'kubectl get pv',
    'kubectl get deployments -A',
    'kubectl get statefulsets -A',
    'kubectl get daemonsets -A',
  ];

  it('runs the documented plan, keeps going past RBAC and NotFound, and writes a directory bundle', () => {
    const out = join(tmp('kb-collect-'), 'bundle');
    const log = join(tmp('kb-log-'), 'calls.jsonl');
    const r = run(['--out', out], { KUBECTL_REPLAY_LOG: log });
    expect(r.code, r.err).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'k8s-kb-bundle', version: 1, context: 'lab-admin@lab', options: { allNamespaces: true, logLines: 200, redacted: false } });
    expect(manifest.commands.map((c: { command: string }) => c.command)).toEqual([
      ...BASE,
      'kubectl describe nodes worker-2',
      'kubectl describe pods -n analytics spark-exec-7 spark-exec-8',
      'kubectl describe pods -n shop checkout-6c9f8d7b5-vx4k2 order-service-5f7d8c9b6-x2lkp',
      'kubectl logs -n shop cart-6b7c8d9f4-2kq8w --all-containers=true --ignore-errors=true --tail=200',
      'kubectl logs -n shop cart-6b7c8d9f4-2kq8w --all-containers=true --ignore-errors=true --tail=200 --previous',
      'kubectl logs -n shop order-service-5f7d8c9b6-x2lkp --all-containers=true --ignore-errors=true --tail=200',
      'kubectl logs -n shop order-service-5f7d8c9b6-x2lkp --all-containers=true --ignore-errors=true --tail=200 --previous',
    ]);
    const by = (cmd: string) => manifest.commands.find((c: { command: string }) => c.command === cmd);
    expect(by('kubectl get pv')).toMatchObject({ status: 'forbidden', exitCode: 1, stderrFile: 'pv.stderr.txt', error: expect.stringContaining('persistentvolumes is forbidden') });
    expect(by('kubectl get pv').file).toBeUndefined();
    expect(by('kubectl describe pods -n analytics spark-exec-7 spark-exec-8')).toMatchObject({ status: 'failed', exitCode: 1, file: 'describe/pods-analytics.txt' });
    expect(by('kubectl get pods -A -o wide')).toMatchObject({ status: 'ok', exitCode: 0, file: 'pods.txt', bytes: Buffer.byteLength(recorded('pods.out')) });
    for (const c of manifest.commands) {
      expect(typeof c.durationMs).toBe('number');
      if (c.file) expect(readFileSync(join(out, c.file), 'utf8').split('\n')[0]).toBe(`$ ${c.command}`);
    }
    expect(readFileSync(join(out, 'pods.txt'), 'utf8')).toBe(`$ kubectl get pods -A -o wide\n${recorded('pods.out')}`);
    expect(filesOf(out)).toContain('logs/shop/order-service-5f7d8c9b6-x2lkp.previous.log');
    expect(manifest.limits).toEqual([
      { what: 'describe-nodes', collected: 1, leftOut: 0 },
      { what: 'describe-pods', collected: 4, leftOut: 0 },
      { what: 'logs', collected: 2, leftOut: 0 },
    ]);
    // Progress: a line per command on stderr, nothing on stdout.
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^\[8\/11\] kubectl get pv … forbidden by RBAC, going on: Error from server \(Forbidden\)/m);
    expect(r.err).toMatch(/^\[18\/18\] kubectl logs .* … ok \(\d+\.\d s, 975 B\)$/m);
    expect(r.err).toContain(`Bundle written: ${out}`);
    expect(r.err).toContain('18 commands, 16 ok, 1 forbidden, 1 failed');
    // What kubectl was asked: read verbs only, each with a request timeout, nothing unrecorded.
    const calls = replayLog(log);
    expect(calls).toHaveLength(18);
    for (const c of calls) {
      expect(READ_ONLY_VERBS.has(verbOf(c.argv)!)).toBe(true);
      expect(c.argv[0]).toMatch(/^--request-timeout=\d+s$/);
    }
    expect(r.err).not.toContain('no recording');
  });

  it('writes a .tar.gz that tar and collect-tar agree on, and the files diagnose on their own', () => {
    const dir = tmp('kb-collect-');
    const out = join(dir, 'site-a.tar.gz');
    const r = run(['--out', out, '--logs', '3', '--since', '2h']);
    expect(r.code, r.err).toBe(0);
    const files = untar(gunzipSync(readFileSync(out)));
    expect([...files.keys()].every((k) => k.startsWith('site-a/'))).toBe(true);
    const manifest = JSON.parse(files.get('site-a/manifest.json')!.toString());
    const logCmd = manifest.commands.find((c: { command: string }) => c.command.startsWith('kubectl logs'));
    expect(logCmd.command).toContain('--tail=3 --since=2h');
    expect(files.get(`site-a/${logCmd.file}`)!.toString().trimEnd().split('\n')).toHaveLength(4);
    expect(existsSync(`${out}.partial`)).toBe(false);
    // Each file starts with its command, so today's diagnose reads it as that command's output.
    const unpacked = join(dir, 'x');
    mkdirSync(unpacked);
    execFileSync('tar', ['-xzf', out, '-C', unpacked]);
    const diagnose = spawnSync(process.execPath, [join(ROOT, 'bin/k8s-kb.mjs'), 'diagnose', '--json', ...['describe/nodes.txt', 'describe/pods-shop.txt', 'pv.stderr.txt'].map((f) => join(unpacked, 'site-a', f))], { encoding: 'utf8', cwd: ROOT });
    const [nodes, shop, pv] = diagnose.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(nodes.findings[0].article).toBe('node-notready-kubelet');
    expect(shop.findings.map((f: { article: string }) => f.article)).toEqual(expect.arrayContaining(['image-pull-failure', 'crashloop-app-error']));
    expect(pv.findings[0].article).toBe('auth-unauthorized-forbidden');
  });

  it('--redact masks names, addresses and the context everywhere, file names and manifest included', () => {
    const out = join(tmp('kb-collect-'), 'redacted.tar.gz');
    const r = run(['--out', out, '--redact', '--context', 'lab-admin@lab', '--kubeconfig', '/etc/kubernetes/admin.conf']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/Redacted: \d+ IP addresses, \d+ host names, \d+ secrets, \d+ names masked\./);
    const files = untar(gunzipSync(readFileSync(out)));
    const everything = [...files].map(([k, v]) => `${k}\n${v.toString()}`).join('\n');
    for (const secret of ['order-service-5f7d8c9b6-x2lkp', 'checkout-6c9f8d7b5-vx4k2', 'spark-exec-7', 'cart-6b7c8d9f4', 'worker-2', 'analytics', 'shop/', '10.0.12.22', '10.42.1.41', 'lab-admin@lab', 'admin.conf', 'registry.local']) {
      expect(everything, secret).not.toContain(secret);
    }
    const manifest = JSON.parse(files.get('redacted/manifest.json')!.toString());
    expect(manifest).toMatchObject({ context: '<context>', options: { redacted: true } });
    expect(manifest.options.kubeconfig).toBeUndefined();
    expect(manifest.redaction.name).toBeGreaterThan(10);
    expect([...files.keys()]).toContain('redacted/logs/pod-2.previous.log');
    // Masks are consistent across files: the pod of the describe is the pod of the table.
    const pods = files.get('redacted/pods.txt')!.toString();
    // A pod is masked as its workload plus the generated tail (`<name-3>-6c9f8d7b5-vx4k2`, issue #15).
    const crashing = /^\S+\s+(<name-\d+>[-a-z0-9]*)\s+0\/1\s+CrashLoopBackOff/m.exec(pods)![1]!;
    expect(files.get('redacted/describe/pods-2.txt')!.toString()).toContain(`Name:             ${crashing}`);
  });

  it('passes --context and --kubeconfig to kubectl and KUBECONFIG through', () => {
    const log = join(tmp('kb-log-'), 'calls.jsonl');
    const r = run(['--out', join(tmp('kb-collect-'), 'b'), '--context', 'lab', '--kubeconfig', '/etc/kubernetes/admin.conf', '--logs', '0'], { KUBECTL_REPLAY_LOG: log, KUBECONFIG: '/home/ops/.kube/a:/home/ops/.kube/b' });
    expect(r.code, r.err).toBe(0);
    const calls = replayLog(log);
    expect(calls.length).toBeGreaterThan(10);
    for (const c of calls) {
      expect(c.argv.slice(0, 2)).toEqual(['--context=lab', '--kubeconfig=/etc/kubernetes/admin.conf']);
      expect(c.kubeconfig).toBe('/home/ops/.kube/a:/home/ops/.kube/b');
      expect(verbOf(c.argv)).not.toBe('logs');
    }
    const bad = run(['--out', join(tmp('kb-collect-'), 'b'), '--context', 'prod']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('context "prod" does not exist');
  });

  it('-n NS keeps namespaced commands to one namespace', () => {
    const out = join(tmp('kb-collect-'), 'b');
    const r = run(['--out', out, '-n', 'shop']);
    expect(r.code, r.err).toBe(0);
    const commands = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).commands.map((c: { command: string }) => c.command);
    expect(commands).toContain('kubectl get pods -n shop -o wide');
    expect(commands).toContain('kubectl describe pods -n shop checkout-6c9f8d7b5-vx4k2 order-service-5f7d8c9b6-x2lkp');
    expect(commands.filter((c: string) => c.includes(' -A'))).toEqual([]);
    expect(commands.some((c: string) => c.includes('analytics'))).toBe(false);
    expect(r.err).toContain('namespace shop');
  });

  it('stops with a clear message when the cluster is unreachable, and keeps the error for diagnose', () => {
    const out = join(tmp('kb-collect-'), 'b');
    const r = run(['--out', out], { KUBECTL_REPLAY_MODE: 'unreachable' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('Cannot reach the cluster: The connection to the server 10.0.12.10:6443 was refused');
    expect(r.err).toContain('--kubeconfig');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.stopped).toBe('unreachable');
    expect(manifest.commands.map((c: { status: string }) => c.status)).toEqual(['ok', 'unreachable']);
    const d = spawnSync(process.execPath, [join(ROOT, 'bin/k8s-kb.mjs'), 'diagnose', '--json', join(out, 'version.stderr.txt')], { encoding: 'utf8', cwd: ROOT });
    expect(JSON.parse(d.stdout).findings[0]).toMatchObject({ article: 'apiserver-unreachable', captures: { port: '6443' } });
  });

  it('stops when the credentials are refused', () => {
    const r = run(['--out', join(tmp('kb-collect-'), 'b')], { KUBECTL_REPLAY_MODE: 'unauthorized' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('The cluster refused the credentials: error: You must be logged in to the server (Unauthorized)');
  });

  it('keeps going when RBAC forbids everything but the version', () => {
    const out = join(tmp('kb-collect-'), 'b');
    const r = run(['--out', out], { KUBECTL_REPLAY_MODE: 'forbidden' });
    expect(r.code).toBe(0);
    const statuses = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).commands.map((c: { status: string }) => c.status);
    expect(statuses).toEqual(['ok', 'ok', ...Array(9).fill('forbidden')]);
    expect(r.err).toContain('11 commands, 2 ok, 9 forbidden');
  });

  it('says clearly when kubectl is missing, and writes nothing', () => {
    const dir = tmp('kb-collect-');
    for (const env of [{ KUBECTL: join(dir, 'no-such-kubectl') }, { KUBECTL: '', PATH: dir }] as Record<string, string>[]) {
      const r = run(['--out', join(dir, 'b')], env);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/kubectl not found \("(?:.*no-such-kubectl|kubectl)": .*ENOENT/);
      expect(r.err).toContain('KUBECTL=/path/to/kubectl');
      expect(existsSync(join(dir, 'b'))).toBe(false);
    }
  });

  it('gives up on a command after --timeout and goes on', () => {
    const out = join(tmp('kb-collect-'), 'b');
    const r = run(['--out', out, '--timeout', '2s', '--logs', '0'], { KUBECTL_REPLAY_SLOW: 'get events' });
    expect(r.code, r.err).toBe(0);
    const events = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).commands.find((c: { command: string }) => c.command.startsWith('kubectl get events'));
    expect(events).toMatchObject({ status: 'timeout', exitCode: null });
    expect(events.durationMs).toBeLessThan(10_000);
    expect(r.err).toMatch(/get events -A --sort-by=\.lastTimestamp … no answer within 2 s, stopped it/);
  });

  it('rejects bad options with exit 2 and never overwrites', async () => {
    for (const args of [['--since', '2 hours'], ['--timeout', 'soon'], ['--logs', '-1'], ['-n', 'Bad_NS'], ['-n', 'shop', '-A'], ['extra'], ['--frobnicate'], ['--lang', 'fr']]) {
      let err = '';
      const code = await main(['collect', ...args], { out: () => {}, err: (s) => (err += s), env: { LANG: 'en_US.UTF-8', KUBECTL } });
      expect(code, args.join(' ')).toBe(2);
      expect(err, args.join(' ')).toMatch(/^k8s-kb/);
    }
    const dir = tmp('kb-collect-');
    writeFileSync(join(dir, 'keep.txt'), 'x');
    const r = run(['--out', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('collect never overwrites');
    expect(readdirSync(dir)).toEqual(['keep.txt']);
  });

  it('prints progress in Chinese for a Chinese locale', () => {
    const r = run(['--out', join(tmp('kb-collect-'), 'b'), '--logs', '0'], { LANG: 'zh_CN.UTF-8' });
    expect(r.code).toBe(0);
    expect(r.err).toContain('RBAC 禁止，继续');
    expect(r.err).toContain('收集包已写入');
  });
});

// A real kubectl, where the machine has one, against a closed port on this machine.
const realKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
describe.skipIf(!realKubectl)('k8s-kb collect with the real kubectl', () => {
  it('reports a refused API server as unreachable', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const dir = tmp('kb-real-');
    const kubeconfig = join(dir, 'config');
    writeFileSync(kubeconfig, `apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: https://127.0.0.1:${port}\ncontexts:\n- name: lab\n  context:\n    cluster: c\n    user: u\ncurrent-context: lab\nusers:\n- name: u\n  user:\n    token: abc\n`);
    const r = run(['--out', join(dir, 'b')], { KUBECTL: '', KUBECONFIG: kubeconfig });
    expect(r.code).toBe(1);
    expect(r.err).toContain(`Cannot reach the cluster: The connection to the server 127.0.0.1:${port} was refused`);
  });
});

/** Any-line rules: found on any line, attached to the object named there, below structured rules. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuleSet, diagnose } from '../../src/engine/index.ts';
import { subjectOnLine } from '../../src/engine/loose.ts';
import { ROOT, ruleSet } from './helpers.ts';

describe('any-line findings', () => {
  it('reads the object a log or error line names', () => {
    expect(subjectOnLine('I1103 14:17:19.868380 1 factory.go:445] "Unable to schedule pod; no fit; waiting" pod="testproj/httpd-example-1-6hdqv" err="0/1 nodes are available: 1 Insufficient memory."')).toEqual({
      kind: 'Pod',
      namespace: 'testproj',
      name: 'httpd-example-1-6hdqv',
    });
    expect(subjectOnLine('Error from server (Forbidden): pods "web-1" is forbidden: User "dev" cannot get resource "pods" in API group "" in the namespace "shop"')).toEqual({ kind: 'Pod', namespace: 'shop', name: 'web-1' });
    expect(subjectOnLine('node/worker-3 cordoned')).toEqual({ kind: 'Node', name: 'worker-3' });
    expect(subjectOnLine('Temporary failure in name resolution')).toBeNull();
  });

  it('finds a scheduler message in a klog line no parser reads as an event, and names the pod', async () => {
    const paste = [
      '157:I1103 14:17:19.868380       1 factory.go:445] "Unable to schedule pod; no fit; waiting" pod="testproj/httpd-example-1-6hdqv" err="0/1 nodes are available: 1 Insufficient memory."',
      '160:I1103 14:18:49.863218       1 factory.go:445] "Unable to schedule pod; no fit; waiting" pod="testproj/httpd-example-1-6hdqv" err="0/1 nodes are available: 1 Insufficient memory."',
    ].join('\n');
    const { findings } = await diagnose(paste, ruleSet());
    expect(findings[0]?.article).toBe('pod-pending-insufficient-resources');
    expect(findings[0]?.subject).toEqual({ kind: 'Pod', namespace: 'testproj', name: 'httpd-example-1-6hdqv' });
    expect(findings[0]?.evidence.map((e) => e.line)).toEqual([1, 2]);
  });

  it('gives way to a structured finding of the same article', async () => {
    const paste = [
      'Events:',
      '  Type     Reason            Age   From               Message',
      '  ----     ------            ----  ----               -------',
      "  Warning  FailedScheduling  5m2s  default-scheduler  0/4 nodes are available: 4 node(s) didn't match Pod's node affinity/selector.",
    ].join('\n');
    const { findings } = await diagnose(paste, ruleSet(), { trace: true }).then((r) => r);
    expect(findings.filter((f) => f.article === 'pod-pending-taint-affinity')).toHaveLength(1);
    expect(findings[0]?.ruleId).not.toMatch(/-any-line$/);
  });

  it('stays quiet on prose that mentions the messages', async () => {
    const readme = [
      '## Troubleshooting',
      'If a pod shows `OOMKilled` or restarts with exit code 137, raise `resources.limits.memory`.',
      'Back-off restarting failed container messages usually follow an OOM.',
      'See the runbook for "Liveness probe failed" as well.',
      'A charge failed: Insufficient memory of credit line for account 6222.',
    ].join('\n');
    const { findings } = await diagnose(readme, ruleSet());
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('leads when the paste does not say why', () => {
  const real = (dir: string, file: string) => readFileSync(join(ROOT, 'test', 'real-pastes', dir, 'cases', file), 'utf8');
  const search = () => [] as { article: string; score: number }[];

  it('offers the other Pending causes for a Pending pod with no scheduler event', async () => {
    // `kubectl get pods -owide` with one Pending pod and nothing else (the thread: a node taint).
    const r = await diagnose(real('pods', '046-pod-pending-taint-affinity.txt'), ruleSet(), { related: search });
    expect(r.findings[0]).toMatchObject({ article: 'pod-pending-insufficient-resources', severity: 'info' });
    expect(r.related?.map((x) => x.article)).toEqual(['pod-pending-taint-affinity', 'pod-pending-unbound-pvc']);
  });

  it('puts the problem shared by more objects first when scores tie', async () => {
    // A blog's `get pods`: 22 Evicted pods and one crash-looping pod.
    const r = await diagnose(real('pods', '027-pod-evicted.txt'), ruleSet());
    expect(r.findings[0]).toMatchObject({ article: 'pod-evicted', count: 22 });
  });

  it('reads a reset connection to 6443 as an unreachable API server (two real pastes)', async () => {
    // kubeasz: a new node's kubelet behind the local kube-lb; a kubelet journal during a failed upgrade.
    for (const [dir, file] of [['holdout-3', '025-apiserver-unreachable.txt'], ['control-plane', '007-static-pod-manifest-missing.txt']] as const) {
      const r = await diagnose(real(dir, file), ruleSet());
      expect(r.findings.map((f) => f.article), file).toContain('apiserver-unreachable');
    }
    const { findings } = await diagnose('read tcp 10.2.0.5:51234->10.2.0.9:443: read: connection reset by peer\n', ruleSet());
    expect(findings.map((f) => f.article)).not.toContain('apiserver-unreachable');
  });

  it('names every generated pod its evidence rows name (custom-columns, kubelet pod_namespace words)', async () => {
    const paste = [
      '$ kubectl get pods -n shop -o custom-columns=NAME:.metadata.name,STATUS:.status.phase,REASON:.status.containerStatuses[0].lastState.terminated.reason',
      'NAME                        STATUS    REASON',
      'api-5d8f7c9b6-2xkqp         Running   OOMKilled',
      'api-5d8f7c9b6-9tjzv         Running   OOMKilled',
      'worker-7c6d5f8b4-lm2np      Running   <none>',
    ].join('\n');
    const { findings } = await diagnose(paste, ruleSet());
    const oom = findings.find((f) => f.article === 'oomkilled');
    expect(oom?.subjects).toEqual([
      { kind: 'Pod', name: 'api-5d8f7c9b6-2xkqp' },
      { kind: 'Pod', name: 'api-5d8f7c9b6-9tjzv' },
    ]);
    expect(oom?.count).toBe(2);
    expect(subjectOnLine('Error syncing pod, skipping: failed to "StartContainer" for "api" with CrashLoopBackOff: "back-off 5m0s restarting failed container=api pod=api-5d8f7c9b6-2xkqp_shop(0c1d2e3f-aaaa)"')).toEqual({
      kind: 'Pod',
      namespace: 'shop',
      name: 'api-5d8f7c9b6-2xkqp',
    });
    // A ReplicaSet name (no pod suffix), a commit hash and an image tag are not pods.
    for (const line of ['replicaset api-5d8f7c9b6 created', 'deploy build-4f2a9c1e7b3d-abcde done', 'image shop/api:1.2.3-5d8f7c9b6']) expect(subjectOnLine(line), line).toBeNull();
  });

  it('rejects an unknown slug in alsoSee, naming the file and the field', () => {
    const rule = JSON.parse(readFileSync(join(ROOT, 'rules', 'pods', 'pod-pending-no-reason.json'), 'utf8'));
    rule.event.params.alsoSee = ['pod-pending-taint-afinity'];
    expect(() => createRuleSet([{ path: 'rules/pods/pod-pending-no-reason.json', text: JSON.stringify(rule) }])).toThrow(
      /rules\/pods\/pod-pending-no-reason\.json: event\.params\.alsoSee\[0\]: unknown slug/,
    );
  });
});

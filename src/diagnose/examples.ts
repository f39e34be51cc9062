import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The examples menu of the diagnose page: realistic pastes taken from the engine's test fixtures
 * (so they never drift from what the engine understands). Build time only (reads files).
 */
export const EXAMPLES: readonly { id: string; fixture: string; title: { en: string; zh: string } }[] = [
  { id: 'pending-memory', fixture: 'describe-pod/insufficient-memory-busybox.txt', title: { en: 'describe pod: Pending, not enough memory', zh: 'describe pod：Pending，内存不足' } },
  { id: 'oom-session', fixture: 'mixed/kubectl-prompt-oom-session.txt', title: { en: 'On-call session: pods restarting after OOM kills', zh: '值班会话：Pod 因 OOM 反复重启' } },
  { id: 'crashloop', fixture: 'describe-pod/crashloop-exit-1-spring.txt', title: { en: 'describe pod: CrashLoopBackOff, exit code 1', zh: 'describe pod：CrashLoopBackOff，退出码 1' } },
  { id: 'image-pull', fixture: 'get-pods/all-namespaces-wide-mixed.txt', title: { en: 'get pods -A -o wide: image pull errors', zh: 'get pods -A -o wide：镜像拉取失败' } },
  { id: 'events-all', fixture: 'get-events/all-namespaces-mixed.txt', title: { en: 'get events -A: a busy cluster', zh: 'get events -A：繁忙集群的事件' } },
  { id: 'node-notready', fixture: 'describe-node/kubelet-stopped-posting-v1-29.txt', title: { en: 'describe node: NotReady, kubelet stopped posting', zh: 'describe node：NotReady，kubelet 停止上报' } },
  { id: 'pleg', fixture: 'mixed/oncall-pleg-session.txt', title: { en: 'On-call session: PLEG is not healthy', zh: '值班会话：PLEG is not healthy' } },
  { id: 'apiserver-refused', fixture: 'cli-output/connection-refused-6443.txt', title: { en: 'kubectl: connection to the server refused (6443)', zh: 'kubectl：连接 6443 被拒绝' } },
  { id: 'apiserver-disk-full', fixture: 'mixed/apiserver-down-disk-full.txt', title: { en: 'Control plane down after the disk filled up', zh: '磁盘写满后控制平面宕机' } },
  { id: 'cert-expired', fixture: 'cli-output/x509-expired.txt', title: { en: 'kubectl: x509 certificate has expired', zh: 'kubectl：x509 证书过期' } },
  { id: 'etcd-quorum', fixture: 'etcd-log/peer-unreachable-v3-3.txt', title: { en: 'etcd log: peers unreachable, no leader', zh: 'etcd 日志：成员不可达、无 leader' } },
  { id: 'dns', fixture: 'log/java-unknownhost.txt', title: { en: 'Application log: UnknownHostException', zh: '应用日志：UnknownHostException' } },
  { id: 'pvc-pending', fixture: 'describe-pvc/no-storageclass.txt', title: { en: 'describe pvc: no storage class', zh: 'describe pvc：未设置 StorageClass' } },
  { id: 'hostport-6443', fixture: 'mixed/traefik-hostport-6443.txt', title: { en: 'Port 6443 taken by a hostPort', zh: '6443 端口被 hostPort 占用' } },
];

/** The examples with their text, in one language; fixtures that do not exist are an error. */
export function loadExamples(root: string, lang: 'zh' | 'en'): { id: string; title: string; text: string }[] {
  return EXAMPLES.map((e) => {
    const path = join(root, 'test/fixtures', e.fixture);
    if (!existsSync(path)) throw new Error(`src/diagnose/examples.ts: example "${e.id}": fixture test/fixtures/${e.fixture} does not exist`);
    return { id: e.id, title: e.title[lang], text: readFileSync(path, 'utf8') };
  });
}

import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSearchDataFromFiles } from '../../src/search/from-files.ts';
import { loadSearch, looksLikeClusterOutput, search, type LoadedSearch } from '../../src/search/query.ts';

// Realistic queries, as people type or paste them, and the article that must rank in the top 3.
// Each runs against the real index of its language (the same data the site ships).
const ARTICLES = join(import.meta.dirname, '../../content/articles');

const CASES: [lang: 'zh' | 'en', query: string, slug: string][] = [
  // English: pasted error strings
  ['en', 'connection refused 6443', 'apiserver-unreachable'],
  ['en', 'The connection to the server 10.0.0.1:6443 was refused - did you specify the right host or port?', 'apiserver-unreachable'],
  ['en', 'Back-off pulling image', 'image-pull-failure'],
  ['en', '0/10 nodes are available: 10 Insufficient memory.', 'pod-pending-insufficient-resources'],
  ['en', 'x509: certificate has expired or is not yet valid', 'certificate-expired'],
  ['en', 'PLEG is not healthy', 'node-pleg-unhealthy'],
  ['en', 'mvcc: database space exceeded', 'etcd-space-exceeded'],
  ['en', 'etcdserver: no leader', 'etcd-quorum-lost'],
  ['en', 'metadata.annotations: Too long', 'configmap-too-long'],
  ['en', 'pod has unbound immediate PersistentVolumeClaims', 'pod-pending-unbound-pvc'],
  ['en', 'Multi-Attach error for volume', 'volume-mount-failure'],
  ['en', 'the object has been modified; please apply your changes to the latest version', 'object-conflict-after-restore'],
  ['en', 'bind: address already in use 6443', 'apiserver-port-conflict'],
  ['en', 'Temporary failure in name resolution', 'dns-resolution-failure'],
  // English: words and typos
  ['en', 'kubelte notready', 'node-notready-kubelet'],
  ['en', 'OOM', 'oomkilled'],
  ['en', 'drain node maintenance', 'node-maintenance-drain'],
  ['en', 'etcd snapshot restore', 'etcd-snapshot-restore'],
  ['en', 'power outage datacenter recovery', 'datacenter-power-recovery'],
  ['en', 'tcpdump capture pod traffic', 'tcpdump-pod-traffic'],
  ['en', 'certificat renew kubeadm', 'certificate-expired'],
  // Chinese
  ['zh', '内存不足', 'pod-pending-insufficient-resources'],
  ['zh', '证书过期', 'certificate-expired'],
  ['zh', '镜像拉取失败', 'image-pull-failure'],
  ['zh', '容器反复重启', 'crashloop-app-error'],
  ['zh', '内存溢出', 'oomkilled'],
  ['zh', '节点不可用', 'node-notready-kubelet'],
  ['zh', '存活探针失败', 'probe-failure'],
  ['zh', '磁盘满了', 'node-disk-pressure'],
  ['zh', 'etcd 失去法定人数', 'etcd-quorum-lost'],
  ['zh', '机房断电恢复', 'datacenter-power-recovery'],
  ['zh', '抓包', 'tcpdump-pod-traffic'],
  ['zh', '跨节点 Pod 网络不通', 'pod-network-cross-node'],
  ['zh', '域名解析失败', 'dns-resolution-failure'],
  ['zh', '6443 端口被占用', 'apiserver-port-conflict'],
  ['zh', 'Pod 被驱逐', 'pod-evicted'],
  ['zh', '污点 容忍', 'pod-pending-taint-affinity'],
  ['zh', '存储卷声明 Pending', 'pvc-pending-provisioning'],
  ['zh', '滚动更新卡住', 'rollout-stuck'],
  ['zh', '节点维护 驱逐', 'node-maintenance-drain'],
  ['zh', '日志在哪里看', 'logs-where-to-look'],
  ['zh', 'connection refused 6443', 'apiserver-unreachable'],
  ['zh', 'kubelte notready', 'node-notready-kubelet'],
];

describe('search ranking', () => {
  const loaded: Partial<Record<'zh' | 'en', LoadedSearch>> = {};
  beforeAll(() => {
    for (const lang of ['zh', 'en'] as const) loaded[lang] = loadSearch(JSON.parse(JSON.stringify(buildSearchDataFromFiles(ARTICLES, lang))));
  });

  it('has a balanced table of at least 40 queries', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(CASES.filter((c) => c[0] === 'zh').length).toBeGreaterThanOrEqual(20);
    expect(CASES.filter((c) => c[0] === 'en').length).toBeGreaterThanOrEqual(20);
  });

  it.each(CASES)('[%s] %s → %s in the top 3', (lang, query, slug) => {
    const top = search(loaded[lang]!, query, 3).map((h) => h.doc.id);
    expect(top).toContain(slug);
  });

  it('finds nothing for words no article uses', () => {
    expect(search(loaded.en!, 'zzqxv flurbl', 3)).toEqual([]);
  });

  it('ranks a title hit above body-only mentions', () => {
    const [first] = search(loaded.en!, 'PLEG', 5);
    expect(first?.doc.id).toBe('node-pleg-unhealthy');
  });
});

describe('looksLikeClusterOutput', () => {
  it.each([
    ['NAME   READY   STATUS    RESTARTS   AGE\nweb-1  0/1     Pending   0          5m', true],
    ['Error from server (Forbidden): pods is forbidden', true],
    ['E0118 10:00:01.123456    1234 kubelet.go:2183] "Skipping pod synchronization"', true],
    ['证书过期', false],
    ['connection refused 6443', false],
  ])('%s → %s', (text, expected) => {
    expect(looksLikeClusterOutput(text)).toBe(expected);
  });
});

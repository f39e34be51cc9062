/**
 * Realistic queries, as people type or paste them, and the article that must rank in the top 3.
 * Shared by the ranking test and the search benchmark.
 */
export const SEARCH_CASES: [lang: 'zh' | 'en', query: string, slug: string][] = [
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


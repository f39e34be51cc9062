/**
 * The article catalogue: every slug here is a contract (URLs, rules, drills and outside links name
 * articles by it). Order within a category is the reading order used for previous/next links.
 * Generated once from shared/CATALOGUE.md; edit here to add articles, never rename a slug.
 */

export type Category = 'pods' | 'nodes' | 'control-plane' | 'networking' | 'storage' | 'workloads';
export const CATEGORIES: readonly Category[] = ['pods', 'nodes', 'control-plane', 'networking', 'storage', 'workloads'];

export interface CatalogueEntry {
  /** URL slug, identical in both languages. */
  slug: string;
  /** D: diagnosable by the engine; P: procedure or playbook. */
  kind: 'D' | 'P';
  category: Category;
  /** Catalogue titles; the article front matter carries the displayed title. */
  title: { en: string; zh: string };
}

export const CATALOGUE: readonly CatalogueEntry[] = [
  { slug: "pod-pending-insufficient-resources", kind: 'D', category: 'pods', title: { en: "Pod Pending: not enough CPU or memory", zh: "Pod 一直 Pending：CPU 或内存不足" } },
  { slug: "pod-pending-taint-affinity", kind: 'D', category: 'pods', title: { en: "Pod Pending: taints, node selectors and affinity", zh: "Pod Pending：污点、节点选择器与亲和性" } },
  { slug: "pod-pending-unbound-pvc", kind: 'D', category: 'pods', title: { en: "Pod Pending: unbound PersistentVolumeClaim", zh: "Pod Pending：PVC 未绑定" } },
  { slug: "pod-pending-hostport", kind: 'D', category: 'pods', title: { en: "Pod Pending: host port already taken", zh: "Pod Pending：主机端口被占用" } },
  { slug: "image-pull-failure", kind: 'D', category: 'pods', title: { en: "ErrImagePull and ImagePullBackOff", zh: "镜像拉取失败（ErrImagePull / ImagePullBackOff）" } },
  { slug: "crashloop-app-error", kind: 'D', category: 'pods', title: { en: "CrashLoopBackOff: the application keeps exiting", zh: "CrashLoopBackOff：容器反复退出" } },
  { slug: "oomkilled", kind: 'D', category: 'pods', title: { en: "Container OOMKilled (exit code 137)", zh: "容器被 OOMKilled（退出码 137）" } },
  { slug: "probe-failure", kind: 'D', category: 'pods', title: { en: "Liveness, readiness and startup probe failures", zh: "存活、就绪与启动探针失败" } },
  { slug: "config-missing", kind: 'D', category: 'pods', title: { en: "CreateContainerConfigError: missing ConfigMap or Secret", zh: "CreateContainerConfigError：ConfigMap 或 Secret 缺失" } },
  { slug: "run-container-error", kind: 'D', category: 'pods', title: { en: "RunContainerError: the container cannot start", zh: "RunContainerError：容器无法启动" } },
  { slug: "container-creating-cni", kind: 'D', category: 'pods', title: { en: "Stuck in ContainerCreating: pod sandbox and CNI errors", zh: "卡在 ContainerCreating：Sandbox 与 CNI 错误" } },
  { slug: "volume-mount-failure", kind: 'D', category: 'pods', title: { en: "Volume mount and attach failures", zh: "存储卷挂载失败" } },
  { slug: "pod-evicted", kind: 'D', category: 'pods', title: { en: "Pods Evicted by the kubelet", zh: "Pod 被驱逐（Evicted）" } },
  { slug: "pod-terminating-stuck", kind: 'D', category: 'pods', title: { en: "Pods stuck in Terminating or Unknown", zh: "Pod 卡在 Terminating 或 Unknown" } },
  { slug: "admission-forbidden", kind: 'D', category: 'pods', title: { en: "Pod creation forbidden: quota, LimitRange, Pod Security", zh: "Pod 创建被拒绝：配额、LimitRange 与 Pod 安全策略" } },
  { slug: "node-notready-kubelet", kind: 'D', category: 'nodes', title: { en: "Node NotReady: kubelet stopped reporting", zh: "节点 NotReady：kubelet 停止上报" } },
  { slug: "node-pleg-unhealthy", kind: 'D', category: 'nodes', title: { en: "Node NotReady: PLEG is not healthy", zh: "节点 NotReady：PLEG is not healthy" } },
  { slug: "node-runtime-down", kind: 'D', category: 'nodes', title: { en: "Container runtime (Docker or containerd) down", zh: "容器运行时（Docker / containerd）故障" } },
  { slug: "node-memory-pressure", kind: 'D', category: 'nodes', title: { en: "Node MemoryPressure and memory exhaustion", zh: "节点内存压力（MemoryPressure）" } },
  { slug: "node-disk-pressure", kind: 'D', category: 'nodes', title: { en: "Node DiskPressure and full disks", zh: "节点磁盘压力与磁盘写满" } },
  { slug: "node-pid-pressure", kind: 'D', category: 'nodes', title: { en: "Node PIDPressure", zh: "节点 PID 压力" } },
  { slug: "node-network-unavailable", kind: 'D', category: 'nodes', title: { en: "Node network not ready (CNI not initialised)", zh: "节点网络未就绪（CNI 未初始化）" } },
  { slug: "node-inotify-exhausted", kind: 'D', category: 'nodes', title: { en: "inotify watches exhausted: \"no space left on device\"", zh: "inotify 句柄耗尽：\"no space left on device\"" } },
  { slug: "node-clock-skew", kind: 'D', category: 'nodes', title: { en: "Node clock skew and time zone offsets", zh: "节点时间偏差与时区问题" } },
  { slug: "node-high-load", kind: 'P', category: 'nodes', title: { en: "High node load and I/O wait", zh: "节点高负载与 IO 等待" } },
  { slug: "node-maintenance-drain", kind: 'P', category: 'nodes', title: { en: "Planned node maintenance: cordon, drain, uncordon", zh: "计划内节点维护：cordon、drain 与 uncordon" } },
  { slug: "node-replace-remove", kind: 'P', category: 'nodes', title: { en: "Replacing or removing a lost node", zh: "替换或移除失联节点" } },
  { slug: "datacenter-power-recovery", kind: 'P', category: 'nodes', title: { en: "Recovering a cluster after a data-centre power loss", zh: "机房断电后的集群恢复" } },
  { slug: "apiserver-unreachable", kind: 'D', category: 'control-plane', title: { en: "API server unreachable: connection refused on 6443", zh: "API Server 不可达：6443 连接被拒绝" } },
  { slug: "apiserver-port-conflict", kind: 'D', category: 'control-plane', title: { en: "Port 6443 taken by another process", zh: "6443 端口被占用" } },
  { slug: "apiserver-overloaded", kind: 'D', category: 'control-plane', title: { en: "API server slow or timing out", zh: "API Server 响应缓慢或超时" } },
  { slug: "certificate-expired", kind: 'D', category: 'control-plane', title: { en: "Expired or invalid cluster certificates", zh: "集群证书过期或无效" } },
  { slug: "auth-unauthorized-forbidden", kind: 'D', category: 'control-plane', title: { en: "Unauthorized and RBAC forbidden errors", zh: "认证失败与 RBAC 权限不足" } },
  { slug: "control-plane-component-unhealthy", kind: 'D', category: 'control-plane', title: { en: "Scheduler or controller-manager unhealthy", zh: "调度器或控制器管理器异常" } },
  { slug: "static-pod-manifest-missing", kind: 'D', category: 'control-plane', title: { en: "Static pod manifest missing or broken", zh: "静态 Pod 清单丢失或损坏" } },
  { slug: "etcd-quorum-lost", kind: 'D', category: 'control-plane', title: { en: "etcd members down and quorum lost", zh: "etcd 成员宕机与失去法定人数" } },
  { slug: "etcd-space-exceeded", kind: 'D', category: 'control-plane', title: { en: "etcd database space exceeded", zh: "etcd 数据库空间超限" } },
  { slug: "etcd-snapshot-restore", kind: 'P', category: 'control-plane', title: { en: "Backing up and restoring etcd from a snapshot", zh: "etcd 快照备份与恢复" } },
  { slug: "object-conflict-after-restore", kind: 'D', category: 'control-plane', title: { en: "\"The object has been modified\" after an etcd restore", zh: "etcd 恢复后出现 \"the object has been modified\"" } },
  { slug: "dns-resolution-failure", kind: 'D', category: 'networking', title: { en: "DNS resolution failures inside the cluster", zh: "集群内 DNS 解析失败" } },
  { slug: "service-no-endpoints", kind: 'D', category: 'networking', title: { en: "Service unreachable: no endpoints or wrong ports", zh: "Service 无法访问：无 Endpoint 或端口错误" } },
  { slug: "kube-proxy-failure", kind: 'D', category: 'networking', title: { en: "kube-proxy down or rules incomplete", zh: "kube-proxy 故障或转发规则缺失" } },
  { slug: "network-policy-blocking", kind: 'P', category: 'networking', title: { en: "NetworkPolicy blocking traffic", zh: "NetworkPolicy 阻断流量" } },
  { slug: "pod-network-cross-node", kind: 'P', category: 'networking', title: { en: "Pods on different nodes cannot reach each other", zh: "跨节点 Pod 网络不通" } },
  { slug: "pod-network-intermittent", kind: 'P', category: 'networking', title: { en: "Intermittent pod-to-pod network failures", zh: "Pod 间网络时断时续" } },
  { slug: "ipvs-hostport-conflict", kind: 'P', category: 'networking', title: { en: "IPVS and hostPort conflicts", zh: "IPVS 与 hostPort 冲突" } },
  { slug: "ingress-misrouting", kind: 'P', category: 'networking', title: { en: "Ingress changes not taking effect", zh: "Ingress 更新未生效" } },
  { slug: "tcpdump-pod-traffic", kind: 'P', category: 'networking', title: { en: "Capturing pod traffic with tcpdump", zh: "使用 tcpdump 抓取 Pod 流量" } },
  { slug: "pvc-pending-provisioning", kind: 'D', category: 'storage', title: { en: "PVC stuck Pending: no volume provisioned", zh: "PVC 一直 Pending：存储未供给" } },
  { slug: "statefulset-stuck", kind: 'P', category: 'storage', title: { en: "StatefulSet pods not starting or not rolling", zh: "StatefulSet Pod 无法启动或滚动更新卡住" } },
  { slug: "data-loss-after-reschedule", kind: 'P', category: 'storage', title: { en: "Data lost after a pod moved: stateful apps without persistent volumes", zh: "Pod 迁移后数据丢失：有状态应用未使用持久卷" } },
  { slug: "configmap-too-long", kind: 'D', category: 'workloads', title: { en: "\"metadata.annotations: Too long\" on kubectl apply", zh: "kubectl apply 报 \"metadata.annotations: Too long\"" } },
  { slug: "rollout-stuck", kind: 'D', category: 'workloads', title: { en: "Deployment rollout stuck or replicas missing", zh: "Deployment 滚动更新卡住或副本数不足" } },
  { slug: "helm-upgrade-failure", kind: 'P', category: 'workloads', title: { en: "Application broken after a Helm upgrade", zh: "Helm 升级后应用异常" } },
  { slug: "cluster-backup-migration", kind: 'P', category: 'workloads', title: { en: "Backing up and migrating cluster resources", zh: "集群资源备份与迁移" } },
  { slug: "cluster-scale-nodes", kind: 'P', category: 'workloads', title: { en: "Adding and removing nodes", zh: "集群扩容与缩容" } },
  { slug: "capacity-planning", kind: 'P', category: 'workloads', title: { en: "Capacity planning and cascading out-of-memory failures", zh: "容量规划与内存雪崩" } },
  { slug: "microservice-api-triage", kind: 'P', category: 'workloads', title: { en: "Triage when a microservice API fails", zh: "微服务接口故障排查" } },
  { slug: "platform-components", kind: 'P', category: 'workloads', title: { en: "Platform components: gateway, service registry and configuration centre", zh: "平台组件：网关、注册中心与配置中心" } },
  { slug: "logs-where-to-look", kind: 'P', category: 'workloads', title: { en: "Where to find the logs", zh: "日志查看指南" } },
];

/** Catalogue entries by slug. */
export const CATALOGUE_BY_SLUG: ReadonlyMap<string, CatalogueEntry> = new Map(CATALOGUE.map((e) => [e.slug, e]));

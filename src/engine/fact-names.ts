/**
 * The fact vocabulary rules may use. Facts are flat and named for what they mean; parsers fill them,
 * rules read them, and the rule schema rejects any other name (a typo in a rule is a load error,
 * not a rule that silently never fires).
 *
 * - `text` facts are lists of line-tagged texts, matched with `matches` / `notMatches`.
 * - `string` and `number` facts are single values, each remembering the lines it came from.
 */
export type FactType = 'text' | 'string' | 'number';

export const FACTS = {
  // Every subject
  kind: { type: 'string', doc: 'Subject kind: Pod, Node, Deployment, StatefulSet, ReplicaSet, DaemonSet, PersistentVolumeClaim, Service, ComponentStatus, Client, Etcd, Log.' },
  name: { type: 'string', doc: 'Subject name ("(unnamed)" for headerless fragments).' },
  namespace: { type: 'string', doc: 'Subject namespace when known.' },
  events: { type: 'text', doc: 'Events about the subject, one per event, as "Type Reason message" (e.g. "Warning FailedScheduling 0/3 nodes are available: ...").' },
  conditions: { type: 'text', doc: 'Status conditions as "Type Status Reason Message" (pods, nodes, workloads).' },
  logLines: { type: 'text', doc: 'Log or command-output lines attributed to the subject (kubelet journal, etcd log, container log, kubectl errors).' },
  paste: { type: 'text', doc: 'Every line of the whole paste (use sparingly: for context such as "an etcd restore happened").' },
  // Pods
  podStatus: { type: 'string', doc: 'STATUS column of kubectl get pods (CrashLoopBackOff, Pending, Evicted, Terminating, OOMKilled, Init:0/1...).' },
  phase: { type: 'string', doc: 'Pod phase from describe "Status:" or status.phase (Pending, Running, Succeeded, Failed, Unknown; describe may say "Terminating").' },
  podReason: { type: 'string', doc: 'Pod-level reason (Evicted, NodeLost, OutOfcpu...).' },
  podMessage: { type: 'text', doc: 'Pod-level message (e.g. "The node was low on resource: memory.").' },
  ready: { type: 'string', doc: 'READY column of get pods ("0/1").' },
  restarts: { type: 'number', doc: 'Highest container restart count.' },
  ageSeconds: { type: 'number', doc: 'AGE column converted to seconds.' },
  terminatingSeconds: { type: 'number', doc: 'How long the pod has been terminating ("Status: Terminating (lasts 2d)").' },
  deletionRequested: { type: 'string', doc: '"true" when the pod has a deletion timestamp or shows Terminating.' },
  finalizers: { type: 'text', doc: 'Finalizers listed on the object.' },
  waitingReasons: { type: 'text', doc: 'Reasons of containers currently Waiting (CrashLoopBackOff, ImagePullBackOff, CreateContainerConfigError...).' },
  terminatedReasons: { type: 'text', doc: 'Reasons of containers currently Terminated (OOMKilled, Error, Completed...).' },
  exitCodes: { type: 'text', doc: 'Exit codes of containers currently Terminated.' },
  lastTerminationReasons: { type: 'text', doc: 'Last State: Terminated reasons (OOMKilled, Error, Completed...).' },
  lastExitCodes: { type: 'text', doc: 'Last State: Terminated exit codes.' },
  containerMessages: { type: 'text', doc: 'Messages of container states (waiting/terminated message fields).' },
  // Nodes
  nodeStatus: { type: 'string', doc: 'STATUS column of kubectl get nodes (Ready, NotReady, Ready,SchedulingDisabled, Unknown).' },
  readyCondition: { type: 'string', doc: 'Status of the node Ready condition (True, False, Unknown).' },
  memoryPressure: { type: 'string', doc: 'Status of the MemoryPressure condition.' },
  diskPressure: { type: 'string', doc: 'Status of the DiskPressure condition.' },
  pidPressure: { type: 'string', doc: 'Status of the PIDPressure condition.' },
  networkUnavailable: { type: 'string', doc: 'Status of the NetworkUnavailable condition.' },
  outOfDisk: { type: 'string', doc: 'Status of the old OutOfDisk condition.' },
  taints: { type: 'text', doc: 'Node taints ("node.kubernetes.io/disk-pressure:NoSchedule").' },
  unschedulable: { type: 'string', doc: '"true" when the node is cordoned.' },
  // Workloads
  replicasDesired: { type: 'number', doc: 'Desired replicas.' },
  replicasUpdated: { type: 'number', doc: 'Updated replicas.' },
  replicasAvailable: { type: 'number', doc: 'Available replicas.' },
  replicasUnavailable: { type: 'number', doc: 'Unavailable replicas.' },
  replicasReady: { type: 'number', doc: 'Ready replicas.' },
  // Storage
  pvcStatus: { type: 'string', doc: 'PVC phase (Pending, Bound, Lost).' },
  storageClass: { type: 'string', doc: 'StorageClass of the claim ("" when none).' },
  // Services
  endpoints: { type: 'string', doc: 'Endpoints of a service ("<none>" when there are none).' },
  // Component statuses
  componentStatus: { type: 'string', doc: 'STATUS column of get componentstatuses (Healthy, Unhealthy).' },
  componentMessage: { type: 'text', doc: 'MESSAGE and ERROR columns of get componentstatuses.' },
} as const satisfies Record<string, { type: FactType; doc: string }>;

export type FactName = keyof typeof FACTS;

/** Type of a fact, or undefined when the name is not part of the vocabulary. */
export function factType(name: string): FactType | undefined {
  return (FACTS as Record<string, { type: FactType }>)[name]?.type;
}

/** What to paste, and the command that prints it; shown when the input is not recognised. */
export const SUPPORTED_INPUTS: readonly { section: string; command: string }[] = [
  { section: 'describe-pod', command: 'kubectl -n ${NS} describe pod ${POD}' },
  { section: 'get-pods', command: 'kubectl get pods -A -o wide' },
  { section: 'get-events', command: 'kubectl get events -A --sort-by=.lastTimestamp' },
  { section: 'describe-node', command: 'kubectl describe node ${NODE}' },
  { section: 'get-nodes', command: 'kubectl get nodes -o wide' },
  { section: 'describe-pvc', command: 'kubectl -n ${NS} describe pvc ${PVC}' },
  { section: 'describe-deployment', command: 'kubectl -n ${NS} describe deployment ${DEPLOY}' },
  { section: 'get-componentstatuses', command: 'kubectl get componentstatuses' },
  { section: 'yaml', command: 'kubectl -n ${NS} get pod ${POD} -o yaml' },
  { section: 'cli-output', command: 'kubectl get nodes   # paste the error it prints' },
  { section: 'journal', command: 'journalctl -u kubelet --since "30 min ago" --no-pager' },
  { section: 'etcd-log', command: 'crictl logs --tail 200 ${ETCD_CONTAINER}' },
  { section: 'log', command: 'kubectl -n ${NS} logs ${POD} --previous --tail 200' },
];

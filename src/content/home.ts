/**
 * The failures on-call engineers meet most, in the order the home page shows them. Slugs that do
 * not exist yet are skipped, so the list can name articles before they are written.
 */
export const COMMON_FAILURES: readonly string[] = [
  'crashloop-app-error',
  'oomkilled',
  'pod-pending-insufficient-resources',
  'image-pull-failure',
  'node-notready-kubelet',
  'apiserver-unreachable',
  'certificate-expired',
  'etcd-quorum-lost',
  'dns-resolution-failure',
];

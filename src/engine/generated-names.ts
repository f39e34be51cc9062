/**
 * The characters Kubernetes uses for generated name suffixes (k8s.io/apimachinery
 * rand.SafeEncodeString: no vowels, no 0, 1 or 3): a ReplicaSet's pod-template hash
 * (`web-5d8f7c9b6`) and a pod's tail (`web-5d8f7c9b6-x2x9k`). As a regex character class.
 */
export const SAFE_CHARS = '[bcdfghjklmnpqrstvwxz2456789]';

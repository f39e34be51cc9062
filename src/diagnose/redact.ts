/**
 * Masks what should not leave the team when a paste is shared: IP addresses, host names,
 * tokens/keys/certificates, and the names of namespaces, pods, workloads (label values, image
 * names, container names). Masking is consistent — the same value always becomes the same
 * placeholder (`<ip-1>`, `<host-2>`, `<name-3>`), and a pod `order-service-7d9f8c6b5-x2x9k` of an
 * app `order-service` becomes `<name-1>-7d9f8c6b5-x2x9k` — so the shared text still reads as one
 * incident. Only sharing and copying use it; the diagnosis runs on the original text.
 */
import { SAFE_CHARS } from '../engine/generated-names.ts';

export interface Redaction {
  text: string;
  /** Number of distinct values masked, per kind. */
  counts: Record<'ip' | 'host' | 'secret' | 'name', number>;
}

const IPV4 = /\b(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}\b/g;
// IPv6: at least three groups with colons; avoids times like 10:00:01 (needs a hex letter or ::).
const IPV6 = /(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![\w:])/gi;
// Every pattern here runs over the whole paste, so each is linear by construction: a gap cannot
// cross the literal that opened it, and a match only starts where its run of characters starts
// (a lookbehind rather than \b, which also holds inside runs like `a+a+a+…` or `eyJ-eyJ-…`).
const SECRET_BLOCK = /-----BEGIN [A-Z ]{1,60}-----(?:(?!-----BEGIN )[\s\S])*?-----END [A-Z ]{1,60}-----/g;
const BEARER = /\b(Bearer|token|password|passwd|secret|apikey|api-key|api_key)(["']?[ \t]*[:=][ \t]*["']?|[ \t]+)([A-Za-z0-9._~+/=-]{8,})/gi;
const JWT = /(?<![\w-])eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}(?![\w-])/g;
const LONG_B64 = /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{40,}={0,2}(?![A-Za-z0-9+/=])/g;
// Host names: dotted names with a letter in the first label, not file names or Kubernetes API
// groups. Labels are at most 63 characters and a name has at most 16 of them here, so each try is
// bounded (an unbounded look-ahead rescanned `1-1-1-…` at every boundary: quadratic).
const HOST = /(?<![a-z0-9-])(?=[a-z0-9-]{0,62}[a-z])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,16}(?:[a-z][a-z0-9-]{1,62})(?![a-z0-9-])/gi;
// File names (`index.html`, `k8s-kb.mjs`, `kubelet.service`) are not hosts: the knowledge base's own
// links must survive redaction.
const NOT_HOST = /\.(ya?ml|json|go|ts|js|mjs|cjs|html?|md|sh|txt|log|conf|cfg|ini|toml|crt|key|pem|csr|service|socket|sock|mount|py|xml|csv|tar|gz|tgz|zip|png|jpe?g|svg|pid|lock|io\/[a-z]|k8s\.io)$|^(kubernetes\.io|k8s\.io|x-k8s\.io|apps\.|batch\.|v\d|node\.kubernetes|[a-z]+\.k8s\.io|spec\.|status\.|metadata\.)/i;
const KEEP_HOSTS = /^(kubernetes\.default(\.svc(\.cluster\.local)?)?|cluster\.local|svc\.cluster\.local|localhost|registry\.k8s\.io|k8s\.gcr\.io|docker\.io|quay\.io|gcr\.io)$/i;
// Namespaces and pod-like names: `-n ns`, `namespace/name`, `Namespace: ns`, `pod/name`, and the first
// two columns of `get pods -A`.
const NS_FLAG = /([ \t]-n[ \t]+|--namespace[= ])([a-z0-9][a-z0-9-]{0,62})/g;
const NS_FIELD = /^([ \t]*Namespace:[ \t]+)([a-z0-9][a-z0-9-]{0,62})[ \t]*$/gm;
const NAME_FIELD = /^(Name:[ \t]+)([a-z0-9][a-z0-9.-]{0,252})[ \t]*$/gm;
const KIND_NAME = /\b(pod|pods|deployment|deploy|replicaset|rs|statefulset|sts|daemonset|ds|service|svc|node|job|cronjob|pvc|persistentvolumeclaim)\/([a-z0-9][a-z0-9.-]{0,252})/gi;
const QUOTED_POD = /\b(pod|Pod|pods|deployment|statefulset|node)s? "([a-z0-9][a-z0-9.-]{0,252})"/g;
const SYSTEM_NS = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);
// Workload names where they hide in plain sight: label values (`app=order-service`), image names
// (`registry/x/order-service:1.2`), container names (`Created container order-service`,
// `spec.containers{order-service}`, `-c order-service`) and klog's `pod="ns/name"`. Each starts at
// a literal and its gaps are bounded, so one try costs a constant.
const LABEL = /(?<![\w./-])(app|k8s-app|run|release|job-name|app\.kubernetes\.io\/(?:name|instance|part-of))=([A-Za-z0-9][A-Za-z0-9._-]{0,62})/g;
const IMAGE = /(\bImage(?: ID)?:[ \t]+(?:[a-z-]{1,20}:\/\/)?|\b[Ii]mage[ \t]+\\?["'])([^\s"'\\@]{0,255}\/)?([a-z0-9][a-z0-9._-]{0,127})/g;
const KEEP_REGISTRY = /^(registry\.k8s\.io|k8s\.gcr\.io)\//;
const CONTAINER_VERB = /\b((?:Created|Started|Stopping|Killing|[Rr]estarting failed|failed) container[ \t]+)(?!(?:with|id|in|image)\b)([a-z0-9][a-z0-9-]{0,62})\b/g;
const CONTAINER_QUOTED = /\b([Cc]ontainers?[ \t]+\\?")([a-z0-9][a-z0-9-]{0,62})(?=\\?")/g;
const CONTAINER_SPEC = /(spec\.(?:initContainers|containers|ephemeralContainers)\{)([a-z0-9][a-z0-9-]{0,62})(?=\})/g;
const CONTAINER_FLAG = /([ \t]-c[ \t]+|--container[= ])([a-z0-9][a-z0-9-]{0,62})/g;
const KLOG_POD = /\b(pod|pods)="([a-z0-9][a-z0-9-]{0,62})\/([a-z0-9][a-z0-9.-]{0,252})"/g;
const IMAGE_KEEP = new Set(['sha256']);
// The object named in a kubectl command line: `kubectl logs order-service-7d9f8c6b5-x2x9k`.
const KUBECTL_OBJECT = /\b((?:kubectl|oc)[ \t]+(?:logs|exec(?:[ \t]+-it)?|(?:describe|get|delete|edit)[ \t]+(?:pods?|po|deployments?|deploy|statefulsets?|sts|daemonsets?|ds|jobs?|svc|services?))[ \t]+)([a-z0-9][a-z0-9.-]{0,252})/g;

/**
 * The generated tail of a pod or ReplicaSet name (`-7d9f8c6b5-x2x9k`, `-x2x9k`, `-7d9f8c6b5`, a
 * StatefulSet's `-0`): Kubernetes draws these from consonants and digits without vowels, 0, 1 or 3,
 * so `web-frontend` keeps its `-frontend`. Tested on the last 18 characters only.
 */
const POD_TAIL = new RegExp(`-(?:${SAFE_CHARS}{6,10}(?:-${SAFE_CHARS}{5})?|${SAFE_CHARS}{5}|\\d{1,4})$`);

/** `order-service-7d9f8c6b5-x2x9k` → [`order-service`, `-7d9f8c6b5-x2x9k`]; undefined when there is no generated tail. */
function splitPodName(name: string): [string, string] | undefined {
  const at = Math.max(0, name.length - 18);
  const m = POD_TAIL.exec(name.slice(at));
  if (!m) return undefined;
  const base = name.slice(0, at + m.index);
  return base.length >= 2 ? [base, name.slice(at + m.index)] : undefined;
}

/** What a redactor keeps as it is. */
export interface RedactOptions {
  /**
   * Host names and addresses never masked: the knowledge base's own address (`location.hostname`),
   * so links to its articles in a redacted report still open.
   */
  keepHosts?: string[];
}

/** Redacts `text` consistently. */
export function redact(text: string, options: RedactOptions = {}): Redaction {
  return createRedactor(options)(text);
}

/**
 * A redactor whose masks are shared across calls: redact the paste, then the report built from
 * it, and the same pod is `<name-1>` in both. Line breaks are preserved, so line numbers still match.
 */
export function createRedactor(options: RedactOptions = {}): (text: string) => Redaction {
  const maps = { ip: new Map<string, string>(), host: new Map<string, string>(), secret: new Map<string, string>(), name: new Map<string, string>() };
  const state: State = { maps, counts: { ip: 0, host: 0, secret: 0, name: 0 }, keep: new Set((options.keepHosts ?? []).filter(Boolean).map((h) => h.toLowerCase())) };
  return (text: string) => redactWith(state, text);
}

type Kind = 'ip' | 'host' | 'secret' | 'name';
type Maps = Record<Kind, Map<string, string>>;
interface State {
  maps: Maps;
  /** Distinct values masked per kind (a pod name stored as `<name-1>-7d9f…` is not a new one). */
  counts: Record<Kind, number>;
  keep: Set<string>;
}

function redactWith(state: State, text: string): Redaction {
  const { maps, keep } = state;
  const mask = (kind: Kind, value: string) => {
    const m = maps[kind];
    let v = m.get(value);
    if (!v) m.set(value, (v = `<${kind}-${++state.counts[kind]}>`));
    return v;
  };
  let out = text.replace(SECRET_BLOCK, (v) => mask('secret', v) + '\n'.repeat(v.split('\n').length - 1));
  out = out.replace(JWT, (v) => mask('secret', v));
  out = out.replace(BEARER, (_m, key: string, sep: string, value: string) => `${key}${sep}${mask('secret', value)}`);
  out = out.replace(LONG_B64, (v) => mask('secret', v));
  out = out.replace(IPV4, (v) => (keep.has(v) ? v : mask('ip', v)));
  // A time (10:00:01) has no hex letter and no '::'; an IPv6 address (or MAC) has one of them.
  out = out.replace(IPV6, (v) => (/[a-f]|::/i.test(v) && v.length > 4 && !keep.has(v.toLowerCase()) ? mask('ip', v) : v));
  out = out.replace(HOST, (v) => (KEEP_HOSTS.test(v) || NOT_HOST.test(v) || keep.has(v.toLowerCase()) ? v : mask('host', v)));
  // A pod name is masked as its workload's name plus the generated tail, and remembered whole.
  const nameMask = (v: string): string => {
    if (SYSTEM_NS.has(v)) return v;
    const known = maps.name.get(v);
    if (known) return known;
    const parts = splitPodName(v);
    if (!parts) return mask('name', v);
    const masked = nameMask(parts[0]) + parts[1];
    maps.name.set(v, masked);
    return masked;
  };
  out = out.replace(LABEL, (_m, key: string, value: string) => `${key}=${nameMask(value)}`);
  out = out.replace(IMAGE, (all, head: string, path: string | undefined, name: string) =>
    (path && KEEP_REGISTRY.test(path)) || IMAGE_KEEP.has(name) ? all : `${head}${path ?? ''}${nameMask(name)}`,
  );
  out = out.replace(CONTAINER_VERB, (_m, head: string, name: string) => head + nameMask(name));
  out = out.replace(CONTAINER_QUOTED, (_m, head: string, name: string) => head + nameMask(name));
  out = out.replace(CONTAINER_SPEC, (_m, head: string, name: string) => head + nameMask(name));
  out = out.replace(CONTAINER_FLAG, (_m, flag: string, name: string) => flag + nameMask(name));
  out = out.replace(KUBECTL_OBJECT, (_m, head: string, name: string) => head + nameMask(name));
  out = out.replace(KLOG_POD, (_m, key: string, ns: string, name: string) => `${key}="${nameMask(ns)}/${nameMask(name)}"`);
  out = redactContainerBlocks(out, nameMask);
  out = out.replace(NS_FLAG, (_m, flag: string, ns: string) => flag + nameMask(ns));
  out = out.replace(NS_FIELD, (_m, head: string, ns: string) => head + nameMask(ns));
  out = out.replace(NAME_FIELD, (_m, head: string, name: string) => head + nameMask(name));
  out = out.replace(KIND_NAME, (_m, kind: string, name: string) => `${kind}/${nameMask(name)}`);
  out = out.replace(QUOTED_POD, (_m, kind: string, name: string) => `${kind} "${nameMask(name)}"`);
  out = redactTables(out, nameMask);
  // Names already masked elsewhere (e.g. in a Name: field) are masked wherever else they appear.
  out = maskKnownNames(out, maps.name);
  return {
    text: out,
    counts: { ...state.counts },
  };
}

/** Longest name a Kubernetes object can have (DNS subdomain). */
const MAX_NAME = 253;
const NAME_RUN = /[A-Za-z0-9.-]+/g;

/**
 * Replaces every whole occurrence of a known name (at least 4 characters): not inside a longer run
 * of name characters, though a `.` may follow (`web-1.service`). One pass over the runs of name
 * characters with a map lookup per candidate, instead of one regex and one pass per name (32,000
 * pod names made that 14 s).
 */
function maskKnownNames(text: string, names: Map<string, string>): string {
  if (names.size === 0) return text;
  return maskOddNames(maskNameRuns(text, names), names);
}

/** Names made of name characters only (almost all): one pass over the runs of such characters. */
function maskNameRuns(text: string, names: Map<string, string>): string {
  let out = '';
  let last = 0;
  NAME_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NAME_RUN.exec(text))) {
    const run = m[0];
    if (run.length < 4) continue;
    // Candidates: the run, and each prefix of it that ends just before a '.'; the longest wins.
    let hit: string | undefined;
    let end = Math.min(run.length, MAX_NAME);
    if (end === run.length) hit = names.get(run);
    for (let k = end - 1; hit === undefined && k >= 4; k--) {
      if (run.charCodeAt(k) !== 46) continue;
      const v = names.get(run.slice(0, k));
      if (v !== undefined) {
        hit = v;
        end = k;
      }
    }
    // A pod of a known workload: `order-service-7d9f8c6b5-x2x9k` when `order-service` is known.
    if (hit === undefined && run.length <= MAX_NAME) {
      const parts = splitPodName(run);
      const base = parts && names.get(parts[0]);
      if (base !== undefined) {
        hit = base + parts![1];
        end = run.length;
      }
    }
    if (hit === undefined) continue;
    out += text.slice(last, m.index) + hit;
    last = m.index + end;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** Table cells masked as names may hold other characters; at most this many are looked for elsewhere. */
const MAX_ODD_NAMES = 256;
const NAME_CHARS_ONLY = /^[A-Za-z0-9.-]+$/;

/**
 * Names with other characters (a table cell such as `[x](y)`): one alternation of at most
 * MAX_ODD_NAMES of them, longest first, so the cost stays bounded whatever the paste holds.
 */
function maskOddNames(text: string, names: Map<string, string>): string {
  const odd: string[] = [];
  for (const name of names.keys()) {
    if (name.length >= 4 && !NAME_CHARS_ONLY.test(name)) odd.push(name);
    if (odd.length >= MAX_ODD_NAMES) break;
  }
  if (odd.length === 0) return text;
  odd.sort((a, b) => b.length - a.length);
  const re = new RegExp(`(?<![A-Za-z0-9.-])(?:${odd.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![A-Za-z0-9-])`, 'g');
  return text.replace(re, (m) => names.get(m) ?? m);
}

/**
 * `kubectl describe`'s container blocks: under `Containers:` / `Init Containers:`, each container
 * opens with its name alone on a line (`  order-service:`), indented a little more than the header.
 * Only there: YAML's `  spec:` or `  containers:` elsewhere are keys, not names.
 */
function redactContainerBlocks(text: string, nameMask: (v: string) => string): string {
  if (!text.includes('Containers:')) return text;
  const lines = text.split('\n');
  let header = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const indent = line.length - line.trimStart().length;
    if (/^[ \t]*(?:Init |Ephemeral )?Containers:[ \t]*$/.test(line)) {
      header = indent;
      continue;
    }
    if (header < 0 || !line.trim()) continue;
    if (indent <= header) {
      header = -1;
      continue;
    }
    if (indent > header + 3) continue;
    const m = /^([ \t]+)([a-z0-9][a-z0-9-]{0,62})(:[ \t]*)$/.exec(line);
    if (m) lines[i] = m[1]! + nameMask(m[2]!) + m[3]!;
  }
  return lines.join('\n');
}

/**
 * `kubectl get` tables: the NAMESPACE and NAME columns (first one or two cells of each row under a
 * header that starts with them) are names.
 */
function redactTables(text: string, nameMask: (v: string) => string): string {
  const lines = text.split('\n');
  let columns = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const header = /^\s*(?:[$#>]\s*)?(NAMESPACE\s+NAME|NAME)\s{2,}[A-Z]/.exec(line);
    if (header) {
      columns = header[1]!.startsWith('NAMESPACE') ? 2 : 1;
      continue;
    }
    if (columns === 0) continue;
    if (!line.trim() || /^\s*[$#]/.test(line)) {
      columns = 0;
      continue;
    }
    const m = /^(\s*)(\S+)(\s+)(\S+)?/.exec(line);
    if (!m) continue;
    const first = nameMask(m[2]!);
    const second = columns === 2 && m[4] ? nameMask(m[4]) : m[4] ?? '';
    lines[i] = m[1]! + first + m[3]! + second + line.slice(m[0].length);
  }
  return lines.join('\n');
}

/**
 * A finding's first recovery commands with the paste's own values filled in.
 *
 * The diagnosis articles open with a `## First response` / `## 首要处置` block: numbered steps, each
 * with a shell block that starts with `# on: …` / `# 执行位置：…` and uses shell variables
 * (`"${NS}"`, `"${POD}"`, `deployment/"${DEPLOY}"`), set by `export` lines of EXAMPLE values. Those
 * blocks are the single source: `parseRecipe` reads them (build time, or the CLI at run time) and
 * `fillSteps` replaces the example values with what the paste shows (see step-values.ts), computed
 * where a number is needed (a memory limit that fits the JVM heap). A value the paste does not give
 * stays a variable with one `export` line per variable saying what to put there.
 *
 * Filled values only ever appear inside single quotes on `export` lines (`'` written as `'\''`), so
 * a pasted "name" such as `$(rm -rf /)` stays text. Pure: no I/O, runs in Node and the browser.
 */
import type { Finding } from './types.ts';

/** One shell block of a First response section: where it runs and its lines (the `# on:` line removed). */
export interface RecipeBlock {
  on: string;
  lines: string[];
}

/** The First response blocks of one article, in order. */
export type Recipe = RecipeBlock[];

/** One filled-in step: where it runs and the commands (lines joined with `\n`). */
export interface Step {
  on: string;
  command: string;
}

export type StepLang = 'zh' | 'en';

const FIRST_RESPONSE = ['First response', '首要处置'];
const ON_LINE = /^#\s*(?:on:|执行位置[:：])\s*(.*)$/;

/** The First response blocks of an article body (Markdown without front matter), or []. */
export function parseRecipe(markdown: string): Recipe {
  const lines = markdown.split('\n');
  const out: Recipe = [];
  let inSection = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const h2 = /^##\s+(.+?)\s*$/.exec(line);
    if (h2) {
      if (inSection) break;
      inSection = FIRST_RESPONSE.includes(h2[1]!);
      continue;
    }
    if (!inSection) continue;
    const fence = /^(\s*)(```|~~~)\s*(bash|sh|shell)\s*$/.exec(line);
    if (!fence) continue;
    const indent = fence[1]!.length;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && lines[j]!.trim() !== fence[2]; j++) body.push(lines[j]!.slice(Math.min(indent, lines[j]!.length - lines[j]!.trimStart().length)));
    i = j;
    const first = ON_LINE.exec(body[0]?.trim() ?? '');
    out.push({ on: first ? first[1]!.trim() : '', lines: first ? body.slice(1) : body });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Shell words

/** `'value'` with `'` written as `'\''`: nothing inside is expanded by the shell. */
export function shellQuote(value: string): string {
  // Controls (an escape sequence, a stray CR) are shown, not sent: the value is one line of text.
  const safe = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return `'${safe.replace(/'/g, `'\\''`)}'`;
}

interface Assignment {
  name: string;
  value: string;
}

/** End of a shell word starting at `i` (quotes and `$( … )` kept whole), or -1 when unbalanced. */
function wordEnd(s: string, i: number): number {
  let depth = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === "'") {
      const k = s.indexOf("'", i + 1);
      if (k < 0) return -1;
      i = k + 1;
      continue;
    }
    if (c === '"') {
      let k = i + 1;
      while (k < s.length && s[k] !== '"') k += s[k] === '\\' ? 2 : 1;
      if (k >= s.length) return -1;
      i = k + 1;
      continue;
    }
    if (c === '$' && s[i + 1] === '(') {
      depth++;
      i += 2;
      continue;
    }
    if (c === ')' && depth > 0) {
      depth--;
      i++;
      continue;
    }
    if ((c === ' ' || c === '\t') && depth === 0) return i;
    i++;
  }
  return depth === 0 ? i : -1;
}

/** `export A=1 B="x y"` or `A=$(cmd)`: the assignments, or undefined when the line is anything else. */
function parseAssignments(line: string): { exported: boolean; list: Assignment[] } | undefined {
  const m = /^(export\s+)?(?=[A-Z_][A-Z0-9_]*=)/.exec(line);
  if (!m) return undefined;
  const list: Assignment[] = [];
  let i = m[0].length;
  while (i < line.length) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (i >= line.length) break;
    const a = /^([A-Z_][A-Z0-9_]*)=/.exec(line.slice(i));
    if (!a) return undefined;
    const start = i + a[0].length;
    const end = wordEnd(line, start);
    if (end < 0) return undefined;
    list.push({ name: a[1]!, value: line.slice(start, end) });
    i = end;
  }
  return { exported: Boolean(m[1]), list };
}

/** Variables a line reads (`${NAME}`, `${NAME:?…}`, `$NAME`), in order. */
function referencedVars(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/\$\{([A-Z_][A-Z0-9_]*)|\$([A-Z_][A-Z0-9_]*)/g)) out.push(m[1] ?? m[2]!);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Quantities

const BINARY: Record<string, number> = { Ki: 1 / 1024, Mi: 1, Gi: 1024, Ti: 1024 * 1024 };
const DECIMAL: Record<string, number> = { k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12 };

/** A Kubernetes memory quantity (`1Gi`, `512Mi`, `1G`, `1073741824`) in MiB, or undefined. */
export function memoryMi(q: string | undefined): number | undefined {
  const m = q && /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|K|M|G|T)?$/.exec(q.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2];
  if (!unit) return n / (1024 * 1024);
  if (unit in BINARY) return n * BINARY[unit]!;
  return (n * DECIMAL[unit]!) / (1024 * 1024);
}

/** A JVM size (`-Xmx1536m`: `1536m`, `2g`, `2097152k`, `2147483648`) in MiB, or undefined. */
export function jvmMi(x: string | undefined): number | undefined {
  const m = x && /^(\d+)([kKmMgG]?)$/.exec(x.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  switch (m[2]!.toLowerCase()) {
    case 'k': return n / 1024;
    case 'm': return n;
    case 'g': return n * 1024;
    default: return n / (1024 * 1024);
  }
}

/** A CPU quantity (`2`, `500m`, `0.5`) in millicores, or undefined. */
export function cpuMilli(q: string | undefined): number | undefined {
  const m = q && /^(\d+(?:\.\d+)?)(m)?$/.exec(q.trim());
  if (!m) return undefined;
  return m[2] ? Number(m[1]) : Number(m[1]) * 1000;
}

function formatMi(mi: number): string {
  return mi % 1024 === 0 ? `${mi / 1024}Gi` : `${mi}Mi`;
}

/**
 * The stopgap memory limit: the current limit × 1.5, and at least the JVM heap (`-Xmx`) plus a
 * quarter of it (at least 256 Mi) for metaspace, thread stacks and direct buffers; rounded up to
 * 64 Mi. Undefined when the paste shows neither the limit nor the heap.
 */
export function suggestMemoryLimit(limit: string | undefined, xmx: string | undefined): string | undefined {
  const cur = memoryMi(limit);
  const heap = jvmMi(xmx);
  let want = 0;
  if (cur !== undefined && cur > 0) want = cur * 1.5;
  if (heap !== undefined && heap > 0) want = Math.max(want, heap + Math.max(256, heap / 4));
  if (want <= 0) return undefined;
  return formatMi(Math.ceil(want / 64) * 64);
}

/** Half of a request that the nodes cannot fit (the other resource's request as it is). */
function suggestRequest(kind: 'cpu' | 'memory', current: string | undefined, insufficient: string | undefined): string | undefined {
  const short = !insufficient || insufficient.toLowerCase().includes(kind);
  if (kind === 'cpu') {
    const m = cpuMilli(current);
    if (m === undefined) return undefined;
    if (!short) return current;
    return `${Math.max(10, Math.ceil(m / 2))}m`;
  }
  const mi = memoryMi(current);
  if (mi === undefined) return undefined;
  if (!short) return current;
  return formatMi(Math.max(16, Math.ceil(mi / 2 / 16) * 16));
}

// ---------------------------------------------------------------------------------------------
// Variables

type Values = NonNullable<Finding['values']>;
type FindingInput = Pick<Finding, 'subject' | 'captures'> & { values?: Values };

interface VarSpec {
  /** The value from the finding, or undefined; absent for values only the reader knows. */
  get?: (f: FindingInput, v: Values) => string | undefined;
  /** What to put there, in each language, for the placeholder export line. */
  hint: Record<StepLang, string>;
}

const WORKLOAD_KINDS = new Set(['deployment', 'statefulset', 'daemonset']);

/**
 * Every variable the First response blocks read and the paste can give (a test checks that each
 * variable of every article is here or assigned in its own block).
 */
export const STEP_VARIABLES: Record<string, VarSpec> = {
  NS: {
    get: (f, v) => v.namespace ?? f.subject.namespace,
    hint: { en: 'namespace — the NAMESPACE column or "Namespace:" in describe', zh: '命名空间 —— 见 NAMESPACE 列或 describe 中的 "Namespace:"' },
  },
  POD: {
    get: (_f, v) => v.pod,
    hint: { en: 'pod name — the NAME column of kubectl get pods', zh: 'Pod 名 —— 见 kubectl get pods 的 NAME 列' },
  },
  DEPLOY: {
    get: (_f, v) => (v.owner && WORKLOAD_KINDS.has(v.ownerKind ?? '') ? v.owner : undefined),
    hint: { en: 'workload name — "Controlled By:" in describe pod, without the ReplicaSet hash', zh: '工作负载名 —— 见 describe pod 的 "Controlled By:"，去掉 ReplicaSet 的哈希后缀' },
  },
  CONTAINER: {
    get: (_f, v) => v.container,
    hint: { en: 'container name — see "Containers:" in describe pod', zh: '容器名 —— 见 describe pod 的 "Containers:"' },
  },
  NODE: {
    get: (_f, v) => v.node,
    hint: { en: 'node name — the NODE column of kubectl get pods -o wide, or kubectl get nodes', zh: '节点名 —— 见 kubectl get pods -o wide 的 NODE 列或 kubectl get nodes' },
  },
  PVC: {
    get: (_f, v) => v.claim,
    hint: { en: 'claim name — "ClaimName:" in describe pod, or kubectl get pvc', zh: 'PVC 名 —— 见 describe pod 的 "ClaimName:" 或 kubectl get pvc' },
  },
  CM: {
    get: (f) => (/^configmaps?$/i.test(f.captures.configKind ?? 'configmap') ? f.captures.configName : undefined),
    hint: { en: 'ConfigMap name — from the error message', zh: 'ConfigMap 名 —— 见报错信息' },
  },
  IMAGE: {
    get: (_f, v) => v.image,
    hint: { en: 'image — "Image:" in describe pod, or the Failed to pull event', zh: '镜像 —— 见 describe pod 的 "Image:" 或拉取失败的事件' },
  },
  PORT: {
    get: (_f, v) => v.hostPort,
    hint: { en: 'host port — "Host Port:" in describe pod', zh: '主机端口 —— 见 describe pod 的 "Host Port:"' },
  },
  SVC: {
    get: (f) => (f.subject.kind === 'Service' && f.subject.name !== '(unnamed)' ? f.subject.name : f.captures.service),
    hint: { en: 'Service name', zh: 'Service 名' },
  },
  USER_NAME: {
    get: (f) => f.captures.user,
    hint: { en: 'user or service account in the error (User "…")', zh: '报错中的用户或服务账号（User "…"）' },
  },
  MEM_LIMIT: {
    get: (_f, v) => suggestMemoryLimit(v.memLimit, v.xmx),
    hint: { en: 'new memory limit — the current "Limits: memory" × 1.5, and above -Xmx plus a quarter', zh: '新的内存 limit —— 现有 "Limits: memory" 的 1.5 倍，且高于 -Xmx 再加四分之一' },
  },
  CPU_REQUEST: {
    get: (f, v) => suggestRequest('cpu', v.cpuRequest, f.captures.resource),
    hint: { en: 'new CPU request — from kubectl top pod (step 3)', zh: '新的 CPU request —— 参考 kubectl top pod（第 3 步）' },
  },
  MEM_REQUEST: {
    get: (f, v) => suggestRequest('memory', v.memRequest, f.captures.resource),
    hint: { en: 'new memory request — from kubectl top pod (step 3)', zh: '新的内存 request —— 参考 kubectl top pod（第 3 步）' },
  },
  KP_POD: {
    get: (_f, v) => (v.pod?.startsWith('kube-proxy-') ? v.pod : undefined),
    hint: { en: 'kube-proxy pod on the node — kubectl -n kube-system get pods -o wide', zh: '该节点上的 kube-proxy Pod —— kubectl -n kube-system get pods -o wide' },
  },
  CNI_NS: {
    hint: { en: 'namespace of the CNI pods (kube-system, calico-system …)', zh: 'CNI Pod 所在命名空间（kube-system、calico-system 等）' },
  },
  CNI_POD: {
    hint: { en: 'CNI pod on the node — kubectl get pods -A -o wide | grep the node', zh: '该节点上的 CNI Pod —— kubectl get pods -A -o wide 按节点过滤' },
  },
  VOLUME_NODE: {
    hint: { en: 'node the local volume is pinned to — nodeAffinity of the PV', zh: '本地卷绑定的节点 —— 见 PV 的 nodeAffinity' },
  },
  PROV_NS: {
    hint: { en: 'namespace of the provisioner (step 3)', zh: 'provisioner 所在命名空间（第 3 步）' },
  },
  PROV_DEPLOY: {
    hint: { en: 'provisioner Deployment (step 3)', zh: 'provisioner 的 Deployment（第 3 步）' },
  },
  MANIFEST: {
    get: (f) => f.captures.manifest,
    hint: { en: 'file that was applied', zh: '执行 apply 的文件' },
  },
  MASTER_IP: {
    hint: { en: 'IP of the control-plane node', zh: '控制面节点的 IP' },
  },
  HEALTHY_MASTER: {
    hint: { en: 'IP of a control-plane node that answers', zh: '能正常响应的控制面节点 IP' },
  },
  ETCD_ENDPOINTS: {
    hint: { en: 'https://IP:2379 of every etcd member, comma-separated', zh: '所有 etcd 成员的 https://IP:2379，用逗号分隔' },
  },
  NODES: {
    hint: { en: 'addresses of all nodes, space-separated', zh: '所有节点的地址，用空格分隔' },
  },
};

/** Whether an `on` text names one node (the finding's node, then filled in). */
const ONE_NODE = {
  en: /\bnode\b/i,
  zh: /节点/,
};
const NOT_ONE_NODE = /control-plane|each |every |any |all |another|控制面|每个|每台|任意|所有|其他/i;

function onText(on: string, node: string | undefined): string {
  if (!node || NOT_ONE_NODE.test(on) || !(ONE_NODE.en.test(on) || ONE_NODE.zh.test(on))) return on;
  return `${on} — ${node}`;
}

/** A value fit to stand in a command: one line, not empty, no longer than a name may be. */
function usable(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const s = v.trim();
  return s && s.length <= 253 && !/[\n\r]/.test(s) ? s : undefined;
}

/**
 * The recipe's blocks with the finding's values: example `export` values replaced, each variable
 * exported in the first block that reads it (filled, or a placeholder saying what to put there),
 * `deployment/"${DEPLOY}"` read as the pod's StatefulSet or DaemonSet when that is its owner.
 */
export function fillSteps(finding: FindingInput, recipe: Recipe, lang: StepLang): Step[] {
  const values: Values = finding.values ?? {};
  const known = new Map<string, string | undefined>();
  const valueFor = (name: string) => {
    if (!known.has(name)) known.set(name, usable(STEP_VARIABLES[name]?.get?.(finding, values)));
    return known.get(name);
  };
  const ownerKind = values.ownerKind && values.ownerKind !== 'deployment' && WORKLOAD_KINDS.has(values.ownerKind) && valueFor('DEPLOY') ? values.ownerKind : undefined;
  const exported = new Set<string>();
  const steps: Step[] = [];
  for (const block of recipe) {
    const body: string[] = [];
    const wanted: string[] = [];
    for (const raw of block.lines) {
      const indent = /^\s*/.exec(raw)![0];
      const parsed = parseAssignments(raw.trim());
      let line = raw;
      if (parsed) {
        // Example values of variables the paste can give are dropped here and exported below.
        const keep = parsed.list.filter((a) => !(a.name in STEP_VARIABLES) || a.value.startsWith('$('));
        for (const a of parsed.list) if (!keep.includes(a)) wanted.push(a.name);
        for (const a of keep) exported.add(a.name);
        if (keep.length === 0) continue;
        if (keep.length < parsed.list.length) line = indent + (parsed.exported ? 'export ' : '') + keep.map((a) => `${a.name}=${a.value}`).join(' ');
      }
      for (const name of referencedVars(line)) wanted.push(name);
      if (ownerKind) line = line.replace(/\b(?:deployment|deploy)([/ ])(?="\$\{DEPLOY\}")/g, `${ownerKind}$1`);
      body.push(line);
    }
    const filled: string[] = [];
    const placeholders: string[] = [];
    for (const name of new Set(wanted)) {
      if (exported.has(name) || !(name in STEP_VARIABLES)) continue;
      exported.add(name);
      const v = valueFor(name);
      if (v !== undefined) filled.push(`${name}=${shellQuote(v)}`);
      else placeholders.push(`export ${name}=${shellQuote(`<${STEP_VARIABLES[name]!.hint[lang]}>`)}`);
    }
    const head = [...(filled.length ? [`export ${filled.join(' ')}`] : []), ...placeholders];
    steps.push({ on: onText(block.on, valueFor('NODE')), command: [...head, ...body].join('\n').trim() });
  }
  return steps;
}

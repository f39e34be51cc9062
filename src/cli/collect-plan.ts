/**
 * What `k8s-kb collect` asks kubectl, and the guard that keeps it read-only.
 *
 * The plan is fixed and documented (README, "Collect a bundle"): first the base commands below,
 * then, from their output, `describe` of nodes that are not Ready and of pods that are not
 * Running/Ready, and `logs` (current and `--previous`) of crashing pods. Every argv goes through
 * `assertReadOnly` in collect-kubectl.ts, the only place that starts kubectl.
 */

/** Verbs collect may run. Everything else (apply, delete, drain, exec, …) is refused before spawning. */
export const READ_ONLY_VERBS: ReadonlySet<string> = new Set(['version', 'get', 'describe', 'logs', 'config']);
/** `config` is allowed only for this subcommand: it prints the context name and changes nothing. */
const CONFIG_SUBCOMMANDS: ReadonlySet<string> = new Set(['current-context']);
/** Flags that make a read verb wait forever (watch, follow) or read a file of objects. */
const REFUSED_FLAGS = /^(?:-w|--watch|--watch-only|-f|--follow|--filename|-k|--kustomize|--raw)(?:=|$)/;

export class NotReadOnlyError extends Error {
  constructor(readonly argv: readonly string[]) {
    super(`refused to run kubectl ${argv.join(' ')}: collect only runs ${[...READ_ONLY_VERBS].join(', ')}`);
  }
}

/**
 * Throws unless `argv` (without the program name) is a read-only kubectl command. Global flags must
 * come first and in `--flag=value` form, so a value can never be mistaken for the verb.
 */
export function assertReadOnly(argv: readonly string[]): void {
  let i = 0;
  while (i < argv.length && argv[i]!.startsWith('-')) {
    if (!/^--[a-z][a-z-]*=/.test(argv[i]!)) throw new NotReadOnlyError(argv);
    i++;
  }
  const verb = argv[i];
  if (verb === undefined || !READ_ONLY_VERBS.has(verb)) throw new NotReadOnlyError(argv);
  const rest = argv.slice(i + 1);
  if (verb === 'config' && !(rest.length === 1 && CONFIG_SUBCOMMANDS.has(rest[0]!))) throw new NotReadOnlyError(argv);
  if (rest.some((a) => REFUSED_FLAGS.test(a))) throw new NotReadOnlyError(argv);
}

/** One step of the plan: the kubectl arguments (no global flags) and the bundle file it writes. */
export interface PlannedCommand {
  args: string[];
  /** Path inside the bundle, `/`-separated. */
  file: string;
  /** Base steps whose failure means the cluster cannot be used at all (collect stops). */
  probe?: boolean;
}

/** Which namespaces: every one (`-A`, the default) or one (`-n NS`). */
export type Scope = { all: true } | { all: false; namespace: string };

const scopeArgs = (s: Scope) => (s.all ? ['-A'] : ['-n', s.namespace]);

/** The fixed first part of the plan, in the order it runs. */
export function basePlan(scope: Scope): PlannedCommand[] {
  const ns = scopeArgs(scope);
  return [
    { args: ['config', 'current-context'], file: 'context.txt' },
    { args: ['version'], file: 'version.txt', probe: true },
    { args: ['get', 'nodes', '-o', 'wide'], file: 'nodes.txt' },
    { args: ['get', 'pods', ...ns, '-o', 'wide'], file: 'pods.txt' },
    { args: ['get', 'events', ...ns, '--sort-by=.lastTimestamp'], file: 'events.txt' },
    { args: ['get', 'componentstatuses'], file: 'componentstatuses.txt' },
    { args: ['get', 'pvc', ...ns], file: 'pvc.txt' },
    { args: ['get', 'pv'], file: 'pv.txt' },
    { args: ['get', 'deployments', ...ns], file: 'deployments.txt' },
    { args: ['get', 'statefulsets', ...ns], file: 'statefulsets.txt' },
    { args: ['get', 'daemonsets', ...ns], file: 'daemonsets.txt' },
  ];
}

/** Caps that keep a bundle of a large, badly broken cluster to minutes and megabytes. */
export const LIMITS = {
  /** Pods described at most (the first ones of `get pods`, in its order). */
  describePods: 200,
  /** Nodes described at most. */
  describeNodes: 50,
  /** Objects named in one `describe` command. */
  describeChunk: 20,
  /** Pods whose logs are read at most. */
  logPods: 50,
} as const;

/** A pod row of `kubectl get pods` (`-A` or not; `-o wide` or not). */
export interface PodRow {
  namespace: string;
  name: string;
  ready: string;
  status: string;
  restarts: number;
}

// Kubernetes names: DNS-1123 subdomains (objects) and labels (namespaces). Anything else read from
// a table (a warning line, a wrapped cell) is never passed to kubectl.
const OBJECT_NAME = /^[a-z0-9](?:[-a-z0-9.]{0,251}[a-z0-9])?$/;
const NAMESPACE_NAME = /^[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?$/;

/** True for a valid namespace name (also checks `-n NS` from the command line). */
export function isNamespaceName(s: string): boolean {
  return NAMESPACE_NAME.test(s);
}

/** Reads the rows of `kubectl get pods` output; `defaultNamespace` fills tables without NAMESPACE. */
export function readPodRows(text: string, defaultNamespace = 'default'): PodRow[] {
  const rows: PodRow[] = [];
  let withNamespace: boolean | undefined;
  for (const line of text.split('\n')) {
    const cells = line.trim().split(/\s+/);
    if (cells[0] === 'NAMESPACE' && cells[1] === 'NAME') withNamespace = true;
    else if (cells[0] === 'NAME' && cells[1] === 'READY') withNamespace = false;
    else if (withNamespace !== undefined && cells.length >= (withNamespace ? 5 : 4)) {
      const [namespace, name, ready, status, restarts] = withNamespace ? cells : [defaultNamespace, ...cells];
      if (!NAMESPACE_NAME.test(namespace!) || !OBJECT_NAME.test(name!) || !/^\d+\/\d+$/.test(ready!)) continue;
      rows.push({ namespace: namespace!, name: name!, ready: ready!, status: status!, restarts: Number.parseInt(restarts!, 10) || 0 });
    }
  }
  return rows;
}

/** Node names and STATUS cells of `kubectl get nodes`. */
export function readNodeRows(text: string): { name: string; status: string }[] {
  const rows: { name: string; status: string }[] = [];
  let inTable = false;
  for (const line of text.split('\n')) {
    const cells = line.trim().split(/\s+/);
    if (cells[0] === 'NAME' && cells[1] === 'STATUS') inTable = true;
    else if (inTable && cells.length >= 2 && OBJECT_NAME.test(cells[0]!)) rows.push({ name: cells[0]!, status: cells[1]! });
  }
  return rows;
}

const DONE = new Set(['Completed', 'Succeeded']);
const CRASHING = /CrashLoopBackOff|Error|OOMKilled|ContainerCannotRun|StartError/;

/** A pod that is neither finished nor Running with every container ready. */
export function isTroubled(p: PodRow): boolean {
  if (DONE.has(p.status)) return false;
  const [ready, total] = p.ready.split('/').map(Number);
  return p.status !== 'Running' || ready! < total!;
}

/** A pod whose containers have crashed: restarts, or a crash status. */
export function isCrashing(p: PodRow): boolean {
  return p.restarts > 0 || CRASHING.test(p.status);
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Names a per-object file. `chunk` counts within the namespace (1, 2, …), `n` across the bundle.
 * Redacted bundles use counters only: a file name must not carry a namespace or pod name.
 */
export type FileNamer = (kind: 'describe-pods' | 'logs', at: { namespace: string; name: string; chunk: number; n: number }) => string;

export const plainFileNames: FileNamer = (kind, { namespace, name, chunk }) =>
  kind === 'describe-pods' ? `describe/pods-${namespace}${chunk > 1 ? `-${chunk}` : ''}.txt` : `logs/${namespace}/${name}`;

export const counterFileNames: FileNamer = (kind, { n }) => (kind === 'describe-pods' ? `describe/pods-${n}.txt` : `logs/pod-${n}`);

/** `describe nodes` for nodes that are not Ready. */
export function describeNodesPlan(nodesText: string): { commands: PlannedCommand[]; skipped: number } {
  const notReady = readNodeRows(nodesText).filter((n) => !n.status.split(',').includes('Ready'));
  const chosen = notReady.slice(0, LIMITS.describeNodes);
  const commands = chunks(chosen, LIMITS.describeChunk).map((c, i) => ({
    args: ['describe', 'nodes', ...c.map((n) => n.name)],
    file: `describe/nodes${i ? `-${i + 1}` : ''}.txt`,
  }));
  return { commands, skipped: notReady.length - chosen.length };
}

/** `describe pods` (one command per namespace and chunk) for pods that are not Running/Ready. */
export function describePodsPlan(rows: PodRow[], names: FileNamer = plainFileNames): { commands: PlannedCommand[]; skipped: number } {
  const troubled = rows.filter(isTroubled);
  const chosen = troubled.slice(0, LIMITS.describePods);
  const byNamespace = new Map<string, string[]>();
  for (const p of chosen) byNamespace.set(p.namespace, [...(byNamespace.get(p.namespace) ?? []), p.name]);
  const commands: PlannedCommand[] = [];
  for (const [ns, pods] of byNamespace) {
    chunks(pods, LIMITS.describeChunk).forEach((c, i) => {
      commands.push({ args: ['describe', 'pods', '-n', ns, ...c], file: names('describe-pods', { namespace: ns, name: '', chunk: i + 1, n: commands.length + 1 }) });
    });
  }
  return { commands, skipped: troubled.length - chosen.length };
}

/** Current and `--previous` logs of crashing pods, every container, limited by lines and age. */
export function logsPlan(rows: PodRow[], opts: { lines: number; since?: string }, names: FileNamer = plainFileNames): { commands: PlannedCommand[]; skipped: number } {
  if (opts.lines <= 0) return { commands: [], skipped: 0 };
  const crashing = rows.filter(isCrashing);
  const chosen = crashing.slice(0, LIMITS.logPods);
  const limits = [`--tail=${opts.lines}`, ...(opts.since ? [`--since=${opts.since}`] : [])];
  const commands: PlannedCommand[] = [];
  chosen.forEach((p, i) => {
    const base = names('logs', { namespace: p.namespace, name: p.name, chunk: 1, n: i + 1 });
    const args = ['logs', '-n', p.namespace, p.name, '--all-containers=true', '--ignore-errors=true', ...limits];
    commands.push({ args, file: `${base}.log` });
    if (p.restarts > 0) commands.push({ args: [...args, '--previous'], file: `${base}.previous.log` });
  });
  return { commands, skipped: crashing.length - chosen.length };
}

/** How many objects a follow-up step collected and how many its limit left out. */
export interface LimitReport {
  what: 'describe-nodes' | 'describe-pods' | 'logs';
  collected: number;
  leftOut: number;
}

/** The describes and logs that follow the base commands, from their `get nodes` and `get pods` output. */
export function followUpPlan(
  nodesText: string,
  podsText: string,
  opts: { scope: Scope; logLines: number; since?: string; redact: boolean },
): { commands: PlannedCommand[]; limits: LimitReport[] } {
  const rows = readPodRows(podsText, opts.scope.all ? 'default' : opts.scope.namespace);
  const names = opts.redact ? counterFileNames : plainFileNames;
  const nodes = describeNodesPlan(nodesText);
  const pods = describePodsPlan(rows, names);
  const logs = logsPlan(rows, { lines: opts.logLines, since: opts.since }, names);
  const named = (cs: PlannedCommand[], before: number) => cs.reduce((n, c) => n + c.args.length - before, 0);
  return {
    commands: [...nodes.commands, ...pods.commands, ...logs.commands],
    limits: [
      { what: 'describe-nodes', collected: named(nodes.commands, 2), leftOut: nodes.skipped },
      { what: 'describe-pods', collected: named(pods.commands, 4), leftOut: pods.skipped },
      { what: 'logs', collected: logs.commands.filter((c) => !c.args.includes('--previous')).length, leftOut: logs.skipped },
    ],
  };
}

/**
 * `k8s-kb collect [--out FILE.tar.gz|DIR] [--context C] [--kubeconfig F] [-n NS|-A] [--since 2h]
 * [--logs N] [--timeout 60s] [--redact]`: runs the read-only plan of collect-plan.ts through
 * kubectl, one progress line per command on stderr, and writes a bundle (collect-bundle.ts).
 *
 * Exit status: 0 when the bundle was written and the cluster answered (single commands may have
 * failed or been forbidden: the manifest says which); 1 when kubectl is missing (no bundle), the
 * cluster could not be used (bundle written with the error) or the bundle could not be written;
 * 2 on usage errors.
 */
import { parseArgs, UsageError } from './args.ts';
import { type BundleFile, defaultOut, type Manifest, type ManifestCommand, outTaken, redactBundle, writeBundle } from './collect-bundle.ts';
import { runKubectl, type KubectlOptions, type RunResult } from './collect-kubectl.ts';
import { ct, STATUS_WORDS, type CollectMessageKey } from './collect-messages.ts';
import { basePlan, followUpPlan, isNamespaceName, LIMITS, type PlannedCommand, type Scope } from './collect-plan.ts';
import type { Io } from './diagnose-command.ts';
import { langFromEnv, type Lang } from './messages.ts';

/** A Go duration as kubectl reads it (`30s`, `10m`, `2h`, `1h30m`). */
const DURATION = /^(?:\d+(?:\.\d+)?(?:h|m|s|ms))+$/;

/** Milliseconds of a Go duration accepted by DURATION. */
export function durationMs(d: string): number {
  const unit: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
  let ms = 0;
  for (const m of d.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) ms += Number(m[1]) * unit[m[2]!]!;
  return ms;
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The stderr file beside an output file: `pods.txt` → `pods.stderr.txt`. */
const stderrPath = (file: string) => file.replace(/\.(?:txt|log)$/, '') + '.stderr.txt';

interface Options {
  lang: Lang;
  out: string;
  scope: Scope;
  context?: string;
  kubeconfig?: string;
  since?: string;
  logLines: number;
  timeoutMs: number;
  redact: boolean;
}

/** Reads the command line; prints the problem and returns a number (exit status 2) when it is wrong. */
function readOptions(argv: string[], io: Io): Options | number {
  let lang = langFromEnv(io.env);
  const args = parseArgs(argv, ['--redact', '-A', '--all-namespaces'], ['--out', '--context', '--kubeconfig', '-n', '--namespace', '--since', '--logs', '--timeout', '--lang']);
  const fail = (key: CollectMessageKey, params: Record<string, string> = {}) => {
    io.err(ct(lang, key, params));
    return 2;
  };
  const langOpt = args.options.get('--lang');
  if (langOpt === 'zh' || langOpt === 'en') lang = langOpt;
  else if (langOpt !== undefined) throw new UsageError('error.badLang', langOpt);
  if (args.positionals.length) return fail('error.positional', { value: args.positionals[0]! });
  const namespace = args.options.get('-n') ?? args.options.get('--namespace');
  if (namespace !== undefined && (args.flags.has('-A') || args.flags.has('--all-namespaces'))) return fail('error.scope');
  if (namespace !== undefined && !isNamespaceName(namespace)) return fail('error.namespace', { value: namespace });
  const since = args.options.get('--since');
  if (since !== undefined && !DURATION.test(since)) return fail('error.duration', { option: '--since', value: since });
  const timeout = args.options.get('--timeout') ?? '60s';
  if (!DURATION.test(timeout) || durationMs(timeout) < 1000) return fail('error.duration', { option: '--timeout', value: timeout });
  const logs = args.options.get('--logs') ?? '200';
  if (!/^\d+$/.test(logs)) return fail('error.lines', { value: logs });
  return {
    lang,
    out: args.options.get('--out') ?? defaultOut(),
    scope: namespace === undefined ? { all: true } : { all: false, namespace },
    context: args.options.get('--context'),
    kubeconfig: args.options.get('--kubeconfig'),
    since,
    logLines: Number(logs),
    timeoutMs: durationMs(timeout),
    redact: args.flags.has('--redact'),
  };
}

/** One line of progress: what a command did. */
function statusText(lang: Lang, r: RunResult, timeoutMs: number): string {
  const error = r.error ?? '';
  switch (r.status) {
    case 'ok':
      return ct(lang, 'status.ok', { seconds: (r.durationMs / 1000).toFixed(1), size: size(r.stdout.length) });
    case 'timeout':
      return ct(lang, 'status.timeout', { seconds: Math.round(timeoutMs / 1000) });
    case 'failed':
      return ct(lang, 'status.failed', { code: r.exitCode ?? '-', error });
    default:
      return ct(lang, `status.${r.status}`, { error });
  }
}

export async function collectCommand(argv: string[], io: Io): Promise<number> {
  const opts = readOptions(argv, io);
  if (typeof opts === 'number') return opts;
  const lang = opts.lang;
  if (outTaken(opts.out)) {
    io.err(ct(lang, 'error.outExists', { out: opts.out }));
    return 1;
  }
  const kubectl: KubectlOptions = {
    program: io.env.KUBECTL || 'kubectl',
    globals: [
      ...(opts.context ? [`--context=${opts.context}`] : []),
      ...(opts.kubeconfig ? [`--kubeconfig=${opts.kubeconfig}`] : []),
      // kubectl gives up on its own, with its own message, a little before collect would kill it.
      `--request-timeout=${Math.max(1, Math.floor(opts.timeoutMs / 1000) - 2)}s`,
    ],
    env: io.env,
    timeoutMs: opts.timeoutMs,
  };
  const scope = opts.scope.all ? ct(lang, 'scope.all') : ct(lang, 'scope.one', { namespace: opts.scope.namespace });
  io.err(ct(lang, 'start', { kubectl: kubectl.program, context: opts.context ?? ct(lang, 'context.current'), scope, out: opts.out }) + '\n');

  const files: BundleFile[] = [];
  const commands: ManifestCommand[] = [];
  const outputs = new Map<string, RunResult>();
  let stopped: Manifest['stopped'];
  let stopError = '';
  const plan: PlannedCommand[] = basePlan(opts.scope);
  const baseCount = plan.length;

  const run = async (step: PlannedCommand, i: number): Promise<'missing' | 'go' | 'stop'> => {
    const command = step.args.join(' ');
    io.err(ct(lang, 'step', { i: i + 1, n: plan.length, command }));
    const r = await runKubectl(step.args, kubectl);
    if (r.status === 'missing') {
      io.err(ct(lang, 'status.missing') + '\n');
      io.err(ct(lang, 'missing', { program: kubectl.program, error: r.error ?? '' }));
      return 'missing';
    }
    io.err(statusText(lang, r, opts.timeoutMs) + '\n');
    outputs.set(step.file, r);
    const record: ManifestCommand = { command: `kubectl ${command}`, status: r.status, exitCode: r.exitCode, durationMs: r.durationMs, bytes: r.stdout.length };
    if (r.stdout.length || r.status === 'ok') {
      files.push({ path: step.file, data: Buffer.concat([Buffer.from(`$ kubectl ${command}\n`), r.stdout]) });
      record.file = step.file;
    }
    if (r.stderr.length) {
      files.push({ path: stderrPath(step.file), data: r.stderr });
      record.stderrFile = stderrPath(step.file);
    }
    if (r.error && r.status !== 'ok') record.error = r.error;
    commands.push(record);
    if (step.probe && r.status !== 'ok') {
      stopped = r.status;
      stopError = r.error ?? '';
      return 'stop';
    }
    return 'go';
  };

  const limits: Manifest['limits'] = [];
  for (let i = 0; i < plan.length; i++) {
    const next = await run(plan[i]!, i);
    if (next === 'missing') return 1;
    if (next === 'stop') break;
    if (i === baseCount - 1) {
      // The base commands are done: describes and logs of what they showed.
      const ok = (f: string) => (outputs.get(f)?.status === 'ok' ? outputs.get(f)!.stdout.toString('utf8') : '');
      const followUp = followUpPlan(ok('nodes.txt'), ok('pods.txt'), opts);
      limits.push(...followUp.limits);
      plan.push(...followUp.commands);
    }
  }
  const limitWords = { 'describe-nodes': ['what.describeNodes', LIMITS.describeNodes], 'describe-pods': ['what.describePods', LIMITS.describePods], logs: ['what.logs', LIMITS.logPods] } as const;
  for (const l of limits) {
    if (l.leftOut > 0) io.err(ct(lang, 'limit', { limit: limitWords[l.what][1], what: ct(lang, limitWords[l.what][0]), count: l.leftOut }) + '\n');
  }

  let manifest: Manifest = {
    format: 'k8s-kb-bundle',
    version: 1,
    createdAt: new Date().toISOString(),
    options: {
      ...(opts.context ? { context: opts.context } : {}),
      ...(opts.kubeconfig ? { kubeconfig: opts.kubeconfig } : {}),
      ...(opts.scope.all ? {} : { namespace: opts.scope.namespace }),
      allNamespaces: opts.scope.all,
      ...(opts.since ? { since: opts.since } : {}),
      logLines: opts.logLines,
      timeoutSeconds: opts.timeoutMs / 1000,
      redacted: opts.redact,
    },
    context: opts.context ?? (outputs.get('context.txt')?.status === 'ok' ? outputs.get('context.txt')!.stdout.toString('utf8').trim() : undefined),
    ...(stopped ? { stopped } : {}),
    commands,
    limits,
  };
  let bundle = files;
  if (opts.redact) {
    ({ files: bundle, manifest } = redactBundle(files, manifest));
  }
  let bytes: number;
  try {
    bytes = writeBundle(opts.out, bundle, manifest);
  } catch (e) {
    io.err(ct(lang, 'error.write', { out: opts.out, error: (e as Error).message }));
    return 1;
  }
  if (stopped) {
    const key = stopped === 'unreachable' || stopped === 'timeout' ? 'stop.unreachable' : stopped === 'unauthorized' ? 'stop.unauthorized' : 'stop.failed';
    io.err(ct(lang, key, { error: stopError || stopped }));
  }
  const counts = new Map<string, number>();
  for (const c of commands) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  const summary = [
    ct(lang, 'summary.commands', { count: commands.length }),
    ...[...counts].map(([status, count]) => ct(lang, 'summary.status', { status: STATUS_WORDS[lang][status] ?? status, count })),
  ].join(', ');
  io.err(ct(lang, 'done', { out: opts.out, size: size(bytes), summary }));
  if (manifest.redaction) io.err(ct(lang, 'redacted', manifest.redaction));
  io.err(stopped ? ct(lang, 'stop.saved', { out: opts.out }) : ct(lang, 'next', { out: opts.out }));
  return stopped ? 1 : 0;
}

/**
 * Runs kubectl for `k8s-kb collect`. This is the only module that starts a process, and it refuses
 * any argv that `assertReadOnly` does not accept, before spawning.
 */
import { spawn } from 'node:child_process';
import { assertReadOnly } from './collect-plan.ts';

/** What happened to one command, as a code (collect-messages.ts words it). */
export type RunStatus = 'ok' | 'failed' | 'forbidden' | 'unauthorized' | 'unreachable' | 'timeout' | 'missing';

export interface RunResult {
  status: RunStatus;
  /** kubectl's exit code; null when it did not start or was killed. */
  exitCode: number | null;
  stdout: Buffer;
  stderr: Buffer;
  durationMs: number;
  /** The first line that explains a failure (kubectl's error, or the spawn error). */
  error?: string;
}

export interface KubectlOptions {
  /** Program to run: `KUBECTL`, else `kubectl` found on PATH. */
  program: string;
  /** Global flags in `--flag=value` form (`--context=…`, `--kubeconfig=…`, `--request-timeout=…`). */
  globals: string[];
  /** Environment of the child (KUBECONFIG, PATH, HOME pass through). */
  env: Record<string, string | undefined>;
  /** Kill the command after this long. */
  timeoutMs: number;
}

/** Bytes kept from one command's output (a 10 MB `get events -A` fits easily). */
const MAX_OUTPUT = 256 * 1024 * 1024;

// kubectl's own words for the three failures collect treats specially.
const FORBIDDEN = /\(Forbidden\)|\bis forbidden:/;
const UNAUTHORIZED = /\(Unauthorized\)|You must be logged in to the server|provide credentials/;
const UNREACHABLE =
  /The connection to the server \S+ was refused|Unable to connect to the server|dial tcp|no such host|i\/o timeout|TLS handshake timeout|connect: connection refused|no route to host|network is unreachable|Client\.Timeout exceeded|context deadline exceeded/;

/** Reads kubectl's stderr into a status (forbidden, unauthorized, unreachable, else failed). */
export function classifyFailure(stderr: string): Exclude<RunStatus, 'ok' | 'timeout' | 'missing'> {
  if (FORBIDDEN.test(stderr)) return 'forbidden';
  if (UNAUTHORIZED.test(stderr)) return 'unauthorized';
  if (UNREACHABLE.test(stderr)) return 'unreachable';
  return 'failed';
}

/** The most telling stderr line: kubectl's final error, not its klog retries or deprecation warnings. */
export function errorLine(stderr: string): string | undefined {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  const useful = lines.filter((l) => !/^[EIW]\d{4} /.test(l) && !/^Warning:/.test(l));
  return (useful[useful.length - 1] ?? lines[lines.length - 1])?.slice(0, 400);
}

/** Runs `program globals… args…` and resolves with what happened; never rejects. */
export function runKubectl(args: string[], opts: KubectlOptions): Promise<RunResult> {
  const argv = [...opts.globals, ...args];
  assertReadOnly(argv);
  const started = performance.now();
  return new Promise((resolve) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let timedOut = false;
    let settled = false;
    const child = spawn(opts.program, argv, {
      env: opts.env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const finish = (code: number | null, spawnError?: NodeJS.ErrnoException) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const stdout = Buffer.concat(out).subarray(0, MAX_OUTPUT);
      const stderr = Buffer.concat(err);
      const durationMs = Math.round(performance.now() - started);
      if (spawnError) {
        const status = spawnError.code === 'ENOENT' || spawnError.code === 'EACCES' ? 'missing' : 'failed';
        resolve({ status, exitCode: null, stdout, stderr, durationMs, error: spawnError.message });
        return;
      }
      const text = stderr.toString('utf8');
      if (timedOut) resolve({ status: 'timeout', exitCode: null, stdout, stderr, durationMs, error: errorLine(text) });
      else if (code === 0) resolve({ status: 'ok', exitCode: 0, stdout, stderr, durationMs });
      else resolve({ status: classifyFailure(text), exitCode: code, stdout, stderr, durationMs, error: errorLine(text) });
    };
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
      // A credential plugin started by kubectl may hold the pipes open after kubectl is gone.
      setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        finish(null);
      }, 2000).unref();
    }, opts.timeoutMs);
    child.stdout.on('data', (b: Buffer) => {
      if (outBytes < MAX_OUTPUT) out.push(b);
      outBytes += b.length;
    });
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e: NodeJS.ErrnoException) => finish(null, e));
    child.on('close', (code) => finish(code));
  });
}

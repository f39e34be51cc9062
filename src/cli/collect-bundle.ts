/**
 * The bundle `k8s-kb collect` writes: one file per command (its command on a `$ kubectl …` prompt
 * line, then kubectl's output, so each file also diagnoses on its own), kubectl's stderr beside it
 * when there was any, and `manifest.json`. Written as a directory or as a `.tar.gz` holding one
 * folder of the same layout.
 *
 * ```
 * manifest.json  version.txt  nodes.txt  pods.txt  events.txt  …
 * describe/nodes.txt  describe/pods-shop.txt
 * logs/shop/order-service-5f7d8c9b6-x2lkp.log  logs/shop/order-service-5f7d8c9b6-x2lkp.previous.log
 * ```
 */
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { createRedactor, type Redaction } from '../diagnose/redact.ts';
import type { RunStatus } from './collect-kubectl.ts';
import type { LimitReport } from './collect-plan.ts';
import { tarGz } from './collect-tar.ts';

/** One command in `manifest.json`. */
export interface ManifestCommand {
  /** The command as a person would type it (global flags such as --context are in `options`). */
  command: string;
  status: Exclude<RunStatus, 'missing'>;
  /** kubectl's exit code; null when it was stopped after the timeout. */
  exitCode: number | null;
  durationMs: number;
  /** Bytes kubectl wrote to stdout (the file has one prompt line more). */
  bytes: number;
  /** Bundle path of the output file; absent when the command printed nothing and failed. */
  file?: string;
  /** Bundle path of kubectl's stderr, when it wrote any. */
  stderrFile?: string;
  /** The line of stderr that explains a failure. */
  error?: string;
}

export interface Manifest {
  /** Always `k8s-kb-bundle`: how a reader knows what it opened. */
  format: 'k8s-kb-bundle';
  /** Layout version; readers should accept what they know and ignore extra fields. */
  version: 1;
  createdAt: string;
  /** How collect was run. */
  options: { context?: string; kubeconfig?: string; namespace?: string; allNamespaces: boolean; since?: string; logLines: number; timeoutSeconds: number; redacted: boolean };
  /** The context kubectl used (`--context`, else the kubeconfig's current context). */
  context?: string;
  /** Why collection stopped early (the cluster could not be used), if it did. */
  stopped?: 'unreachable' | 'unauthorized' | 'forbidden' | 'timeout' | 'failed';
  commands: ManifestCommand[];
  /** Objects left out by the limits in collect-plan.ts. */
  limits: LimitReport[];
  /** Distinct values masked, per kind, when the bundle was redacted. */
  redaction?: Redaction['counts'];
}

export interface BundleFile {
  path: string;
  data: Buffer;
}

/** `--out` ends in .tar.gz or .tgz: an archive; anything else: a directory. */
export function isArchivePath(out: string): boolean {
  return /\.(?:tar\.gz|tgz)$/i.test(out);
}

/** Default `--out`: k8s-kb-bundle-YYYYMMDD-HHMMSS.tar.gz in the current directory. */
export function defaultOut(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `k8s-kb-bundle-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}.tar.gz`;
}

/** True when writing to `out` would overwrite something: an existing file, or a non-empty directory. */
export function outTaken(out: string): boolean {
  if (!existsSync(out)) return false;
  if (isArchivePath(out)) return true;
  return !statSync(out).isDirectory() || readdirSync(out).length > 0;
}

/**
 * Masks the bundle with the diagnose page's redactor. One redactor for every file, so the same pod
 * is the same placeholder everywhere; two passes, because a name is masked wherever it appears only
 * once the redactor has learned it (from a table, a `Name:` field, `pod/…`), and a container named
 * like its deployment may appear in events before the deployments table is read. The kubeconfig
 * path, context and namespace option stay behind; the context name is masked in every file too.
 */
export function redactBundle(files: BundleFile[], manifest: Manifest): { files: BundleFile[]; manifest: Manifest } {
  const r = createRedactor();
  const texts = files.map((f) => f.data.toString('utf8'));
  const strings = manifest.commands.flatMap((c) => [c.command, c.error ?? '']);
  for (const t of [...texts, ...strings]) r(t);
  let last: Redaction | undefined;
  const context = manifest.context && manifest.context.length >= 3 ? manifest.context : undefined;
  const text = (s: string) => {
    const masked = (last = r(s)).text;
    return context ? masked.split(context).join('<context>') : masked;
  };
  const out = files.map((f, i) => ({ path: f.path, data: Buffer.from(text(texts[i]!)) }));
  const commands = manifest.commands.map((c) => ({ ...c, command: text(c.command), ...(c.error ? { error: text(c.error) } : {}) }));
  const { kubeconfig: _path, context: _ctx, namespace: _ns, ...options } = manifest.options;
  return {
    files: out,
    manifest: {
      ...manifest,
      options,
      context: manifest.context === undefined ? undefined : '<context>',
      commands,
      redaction: last?.counts ?? { ip: 0, host: 0, secret: 0, name: 0 },
    },
  };
}

const manifestFile = (m: Manifest): BundleFile => ({ path: 'manifest.json', data: Buffer.from(JSON.stringify(m, null, 2) + '\n') });

/** Writes the bundle; returns its size in bytes. Archives are written to a temporary name, then renamed. */
export function writeBundle(out: string, files: BundleFile[], manifest: Manifest): number {
  const all = [manifestFile(manifest), ...files];
  if (isArchivePath(out)) {
    const root = basename(out).replace(/\.(?:tar\.gz|tgz)$/i, '') || 'k8s-kb-bundle';
    const dirs = new Set<string>();
    for (const f of all) for (let d = dirname(f.path); d !== '.'; d = dirname(d)) dirs.add(d);
    const entries = [
      { path: `${root}/` },
      ...[...dirs].sort().map((d) => ({ path: `${root}/${d}/` })),
      ...all.map((f) => ({ path: `${root}/${f.path}`, data: f.data })),
    ];
    const gz = tarGz(entries);
    mkdirSync(dirname(resolve(out)), { recursive: true });
    const partial = `${out}.partial`;
    writeFileSync(partial, gz);
    renameSync(partial, out);
    return gz.length;
  }
  let size = 0;
  for (const f of all) {
    const p = join(out, ...f.path.split('/'));
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.data);
    size += f.data.length;
  }
  return size;
}

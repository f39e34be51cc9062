/**
 * diagnose-bundle.js, loaded on first use by bundle.ts (a classic script: from file:// a dynamic
 * import is blocked). The diagnose page's bundle reader: pick or drop several files, a `.tar.gz`/`.tgz`/`.tar` (a
 * `k8s-kb collect` bundle, a troubleshoot.sh support bundle), and get one report for the cluster:
 * counts by severity, namespace and node, the files read and skipped, then the findings with
 * `file:line` evidence. Everything runs in this page: archives are inflated with the browser's
 * DecompressionStream (bounded, src/bundle/limits.ts), the engine runs in a worker started from the
 * same source as the paste's, and nothing is uploaded. File names and contents are data: they reach
 * the page through textContent only.
 */
import {
  BundleError,
  diagnoseBundle,
  isGzip,
  MAX_BUNDLE_ENTRIES,
  MAX_BUNDLE_FILE_BYTES,
  MAX_BUNDLE_TOTAL_BYTES,
  MAX_INFLATED_BYTES,
  prepareBundle,
  readTar,
  type BundleFile,
  type BundleReport,
  type SkippedFile,
} from '../../bundle/index.ts';
import type { DiagnoseResult, Finding } from '../../engine/types.ts';
import { inflateCapped } from '../../lib/inflate.ts';
import { el, fill, renderFinding, type PageData } from './render.ts';

export interface BundleHooks {
  /** True while this run is the latest (a newer pick replaces it). */
  current: () => boolean;
  data: PageData;
  /** Where the report goes (the page's results section). */
  results: HTMLElement;
  /** The status line. */
  say: (text: string, busy?: boolean) => void;
  /** Starts a worker running the engine (the page's own worker source). */
  startWorker: () => Worker;
}

const ARCHIVE = /\.(?:tar\.gz|tgz|tar)$/i;

/** The bytes a gzip stream inflates to, stopped at MAX_INFLATED_BYTES (a gzip bomb ends here). */
async function inflate(blob: Blob): Promise<Uint8Array> {
  try {
    return await inflateCapped(blob, 'gzip', MAX_INFLATED_BYTES, () => new BundleError('gzip-limit', { limit: MAX_INFLATED_BYTES / (1024 * 1024) }));
  } catch (e) {
    if (e instanceof BundleError) throw e;
    throw new BundleError('gzip-invalid', { error: String((e as Error)?.message ?? e) });
  }
}

/** The files of what was picked or dropped: archives opened, plain files read, all within the limits. */
export async function readPicked(picked: readonly File[]): Promise<{ files: BundleFile[]; skipped: SkippedFile[] }> {
  const files: BundleFile[] = [];
  const skipped: SkippedFile[] = [];
  let total = 0;
  const several = picked.length > 1;
  for (const f of picked) {
    const name = (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;
    if (ARCHIVE.test(name)) {
      if (f.size > MAX_INFLATED_BYTES) throw new BundleError('gzip-limit', { file: name, limit: MAX_INFLATED_BYTES / (1024 * 1024) });
      const head = new Uint8Array(await f.slice(0, 2).arrayBuffer());
      let tar: ReturnType<typeof readTar>;
      try {
        tar = readTar(isGzip(head) ? await inflate(f) : new Uint8Array(await f.arrayBuffer()));
      } catch (e) {
        if (e instanceof BundleError) e.params.file = name;
        throw e;
      }
      // With several things picked, an archive's files are named under the archive.
      for (const t of tar.files) {
        if (total + t.data.length > MAX_BUNDLE_TOTAL_BYTES) skipped.push({ path: t.path, reason: 'total-limit' });
        else {
          total += t.data.length;
          files.push(several ? { path: `${name}/${t.path}`, data: t.data } : t);
        }
      }
      for (const s of tar.skipped) skipped.push(several ? { ...s, path: `${name}/${s.path}` } : s);
      continue;
    }
    if (files.length + skipped.length >= MAX_BUNDLE_ENTRIES) skipped.push({ path: name, reason: 'entry-limit' });
    else if (f.size > MAX_BUNDLE_FILE_BYTES) skipped.push({ path: name, reason: 'too-large' });
    else if (total + f.size > MAX_BUNDLE_TOTAL_BYTES) skipped.push({ path: name, reason: 'total-limit' });
    else {
      total += f.size;
      files.push({ path: name, data: new Uint8Array(await f.arrayBuffer()) });
    }
  }
  return { files, skipped };
}

/** Runs texts through one worker, one at a time. */
function engineRunner(start: () => Worker): { run: (text: string) => Promise<DiagnoseResult>; stop: () => void } {
  const worker = start();
  let seq = 0;
  const waiting = new Map<number, { resolve: (r: DiagnoseResult) => void; reject: (e: Error) => void }>();
  worker.onmessage = (e: MessageEvent<{ id: number; result?: DiagnoseResult; error?: string }>) => {
    const w = waiting.get(e.data.id);
    if (!w) return;
    waiting.delete(e.data.id);
    if (e.data.result) w.resolve(e.data.result);
    else w.reject(new Error(e.data.error ?? 'failed'));
  };
  worker.onerror = (e) => {
    e.preventDefault();
    for (const w of waiting.values()) w.reject(new Error('worker failed'));
    waiting.clear();
  };
  return {
    run: (text) =>
      new Promise((resolve, reject) => {
        const id = ++seq;
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, text });
      }),
    stop: () => worker.terminate(),
  };
}

const SEVERITIES = ['critical', 'warning', 'info'] as const;

/** `a 3 · b 2` for the summary, the first eight. */
function countList(list: [string, number][], L: PageData['labels']): string {
  const shown = list.slice(0, 8).map(([k, n]) => `${k || L['bundle.clusterWide'] || '—'} ${n}`);
  if (list.length > 8) shown.push(fill(L['bundle.more'] ?? '+{count}', { count: list.length - 8 }));
  return shown.join(' · ');
}

/** The report for a bundle, as elements (text only). */
export function renderBundleReport(report: BundleReport, data: PageData): HTMLElement[] {
  const L = data.labels;
  const out: HTMLElement[] = [];
  const summary = el('section', 'bundle-summary');
  summary.dataset.bundleSummary = report.format;
  summary.append(el('h2', undefined, fill(L['bundle.title'] ?? '{format}', { format: L[`bundle.format.${report.format}`] ?? report.format })));
  const dl = el('dl', 'finding-meta');
  const row = (term: string, value: string, key: string) => {
    dl.append(el('dt', undefined, term));
    const dd = el('dd', undefined, value);
    dd.dataset.bundleCount = key;
    dl.append(dd);
  };
  const sev = SEVERITIES.filter((k) => report.summary.bySeverity[k].findings > 0).map((k) =>
    fill(L['bundle.severityItem'] ?? '{severity} {count}', { severity: L[`severity.${k}`] ?? k, count: report.summary.bySeverity[k].findings, objects: report.summary.bySeverity[k].objects }),
  );
  row(L['bundle.findings'] ?? 'Findings', sev.length ? sev.join(' · ') : (L['bundle.noFindings'] ?? '0'), 'severity');
  if (report.summary.byNamespace.length) row(L['bundle.byNamespace'] ?? 'Namespaces', countList(report.summary.byNamespace, L), 'namespace');
  if (report.summary.byNode.length) row(L['bundle.byNode'] ?? 'Nodes', countList(report.summary.byNode, L), 'node');
  row(L['bundle.files'] ?? 'Files', fill(L['bundle.filesCount'] ?? '{read} / {skipped}', { read: report.files.length, skipped: report.skipped.length }), 'files');
  summary.append(dl);
  for (const m of report.messages) {
    const where = m.params?.file !== undefined ? ` (${m.params.file}${m.params.line !== undefined ? `:${m.params.line}` : ''})` : '';
    const label = L[`bundle.message.${m.code}`] ?? (m.code === 'time-budget' ? L.timeBudget : undefined) ?? m.code;
    summary.append(el('p', 'notice', fill(label, Object.fromEntries(Object.entries(m.params ?? {}).map(([k, v]) => [k, String(v)]))) + where));
  }
  // The files, each name as text: a name like `<img onerror=…>` is shown, never parsed.
  const filesBox = el('details', 'bundle-files');
  filesBox.append(el('summary', undefined, fill(L['bundle.filesRead'] ?? '{n}', { n: report.files.length })));
  const fl = el('ul');
  fl.dataset.bundleFiles = 'read';
  for (const f of report.files.slice(0, 2000)) fl.append(el('li', undefined, `${f.path} (${fill(L['bundle.lines'] ?? '{n}', { n: f.lines })})`));
  fl.style.overflowWrap = 'anywhere';
  filesBox.append(fl);
  summary.append(filesBox);
  if (report.skipped.length) {
    const sk = el('details', 'bundle-files');
    sk.append(el('summary', undefined, fill(L['bundle.filesSkipped'] ?? '{n}', { n: report.skipped.length })));
    const ul = el('ul');
    ul.dataset.bundleFiles = 'skipped';
    ul.style.overflowWrap = 'anywhere';
    for (const s of report.skipped.slice(0, 2000)) ul.append(el('li', undefined, `${s.path} — ${L[`bundle.skip.${s.reason}`] ?? s.reason}`));
    sk.append(ul);
    summary.append(sk);
  }
  out.push(summary);

  const list = el('section', 'findings');
  list.append(el('h2', undefined, `${L.findings} (${report.findings.length})`));
  if (report.findings.length === 0) list.append(el('p', 'no-findings', L['bundle.none'] ?? L.noFindings));
  report.findings.forEach((f, i) => {
    const card = renderFinding(f as unknown as Finding, i, data, () => undefined);
    // Evidence as `file:line  text` rows instead of the paste view's line buttons.
    const links = card.querySelector('.evidence-links');
    if (links) {
      const ul = el('ul', 'bundle-evidence');
      for (const e of f.evidence) {
        const li = el('li');
        // Long paths and log lines wrap instead of widening a phone's page (CSSOM, allowed by the CSP).
        li.style.overflowWrap = 'anywhere';
        li.append(el('code', 'bundle-where', `${e.file}:${e.line}`), ' ', el('span', 'bundle-line', e.text.trim()));
        ul.append(li);
      }
      links.replaceWith(ul);
    }
    list.append(card);
  });
  out.push(list);
  return out;
}

/** Reads, diagnoses and shows what was picked or dropped. */
export async function analyse(picked: File[], hooks: BundleHooks): Promise<void> {
  const L = hooks.data.labels;
  hooks.say(L['bundle.reading'] ?? L.working, true);
  const engine = engineRunner(hooks.startWorker);
  try {
    const { files, skipped } = await readPicked(picked);
    const prepared = prepareBundle(files, skipped);
    hooks.say(fill(L['bundle.analysing'] ?? '{n}', { n: prepared.pieces.length }), true);
    const report = await diagnoseBundle(prepared, engine.run);
    if (!hooks.current()) return;
    hooks.results.replaceChildren(...renderBundleReport(report, hooks.data));
    hooks.say(fill(L['bundle.done'] ?? '{findings}', { findings: report.findings.length, files: report.files.length }));
  } catch (e) {
    if (!hooks.current()) return;
    const p = el('p', 'notice input-problem');
    p.dataset.bundleError = e instanceof BundleError ? e.code : 'failed';
    p.textContent = e instanceof BundleError ? fill(L[`bundle.error.${e.code}`] ?? e.code, { file: '', ...e.params }) : (L.failed ?? String(e));
    hooks.results.replaceChildren(p);
    hooks.say(p.textContent);
  } finally {
    engine.stop();
  }
}

(globalThis as unknown as { __kbBundle?: { analyse: typeof analyse } }).__kbBundle = { analyse };

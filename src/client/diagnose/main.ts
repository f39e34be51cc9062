/**
 * The paste-and-diagnose page: paste → (debounced) → engine in a Web Worker → findings as cards,
 * recognised sections, and the paste with evidence highlighted. Share links carry the paste in the
 * URL fragment (never sent to a server); reports are Markdown; both can be redacted.
 */
import type { DiagnoseResult } from '../../engine/types.ts';
import { buildReport, type ArticleInfo } from '../../diagnose/report.ts';
import { createRedactor } from '../../diagnose/redact.ts';
import { encodeShareFragment, readShareFragment, type SharedPaste } from '../../diagnose/share.ts';
import { MAX_ANSWERS, relatedFor } from '../../engine/related.ts';
import { copyText } from '../copy-code.ts';
import { loadEngine } from '../search-ui.ts';
import { articleHref, el, renderFinding, renderPasteView, renderRelated, renderSections, type PageData } from './render.ts';

declare const __KB_WORKER_SOURCE__: string;

const STORE_KEY = 'k8s-kb.paste.v1';
/** Set when the reader chose to keep the paste after the tab is closed. */
const REMEMBER_KEY = 'k8s-kb.remember.v1';
/** Larger pastes are not kept across reloads (web storage holds about 5 MB per site). */
const STORE_LIMIT = 2_000_000;

const data = JSON.parse(document.getElementById('kb-diagnose-data')!.textContent!) as PageData;
const L = data.labels;
const $ = <T extends HTMLElement>(sel: string) => document.querySelector<T>(sel)!;
const paste = $<HTMLTextAreaElement>('[data-paste]');
const gutter = $<HTMLElement>('[data-gutter]');
const status = $<HTMLElement>('[data-status]');
const results = $<HTMLElement>('[data-results]');
const help = $<HTMLElement>('[data-help]');
const redactBox = $<HTMLInputElement>('[data-redact]');
const copyArea = $<HTMLTextAreaElement>('[data-copy-fallback]');
const rememberBox = $<HTMLInputElement>('[data-remember]');

let worker: Worker | undefined;
let seq = 0;
/** Set when the page opened a share link; shown above the results until the paste changes. */
let restoredText: string | undefined;
let last: { id: number; text: string; result: DiagnoseResult } | undefined;
/** Why the paste is not kept across reloads, shown with the next results (storage full or off). */
let keepNote: string | undefined;

/** The worker's code as a Blob URL, made once: a busy worker is replaced by a fresh one from it. */
let workerUrl: string | undefined;

function startWorker(): Worker {
  workerUrl ??= URL.createObjectURL(new Blob([__KB_WORKER_SOURCE__], { type: 'text/javascript' }));
  const w = new Worker(workerUrl);
  w.onmessage = (e: MessageEvent<{ id: number; result?: DiagnoseResult; error?: string }>) => onResult(e.data);
  // A worker that dies (out of memory, a bug) must not leave "Analysing…" up forever.
  w.onerror = (e) => {
    e.preventDefault();
    if (w !== worker) return;
    w.terminate();
    worker = undefined;
    pending = undefined;
    say(L.failed);
  };
  return w;
}

function say(text: string, busy = false): void {
  status.textContent = text;
  status.toggleAttribute('data-busy', busy);
  results.setAttribute('aria-busy', String(busy));
}

function countLines(text: string): number {
  if (!text) return 0;
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n - 1 : n;
}

let lineCount = 1;

/**
 * Line numbers for the visible part of the textarea only: a 5 MB paste has ~40,000 lines, and
 * laying out 40,000 numbers would block the page for longer than the analysis.
 */
function drawGutter(): void {
  const lh = parseFloat(getComputedStyle(paste).lineHeight) || 18;
  const padTop = parseFloat(getComputedStyle(paste).paddingTop) || 0;
  const first = Math.max(0, Math.floor((paste.scrollTop - padTop) / lh));
  const visible = Math.ceil(paste.clientHeight / lh) + 2;
  const parts: string[] = [];
  for (let i = first; i < Math.min(lineCount, first + visible); i++) parts.push(String(i + 1));
  gutter.textContent = parts.join('\n');
  gutter.style.transform = `translateY(${first * lh - paste.scrollTop}px)`;
}

function updateGutter(text: string): void {
  lineCount = Math.max(1, countLines(text));
  drawGutter();
}

/**
 * Where the paste is kept across reloads: this tab's sessionStorage unless the reader opted in to
 * localStorage. Over file:// every local HTML file shares one localStorage, so an unredacted paste
 * (tokens included) must not sit there unasked.
 */
function store(): Storage | undefined {
  try {
    return rememberBox.checked ? localStorage : sessionStorage;
  } catch {
    return undefined;
  }
}

function save(text: string): void {
  keepNote = undefined;
  const s = store();
  try {
    if (!s) throw new Error('no storage');
    if (text.length <= STORE_LIMIT) s.setItem(STORE_KEY, text);
    else {
      s.removeItem(STORE_KEY);
      keepNote = L.tooLargeToKeep;
    }
  } catch {
    // Storage full or off: the paste lives for this page only, and the reader is told.
    keepNote = L.notKept;
  }
}

function loadRemember(): void {
  try {
    rememberBox.checked = localStorage.getItem(REMEMBER_KEY) === '1';
    // An unredacted paste kept before this choice existed, or after it was turned off, is dropped.
    if (!rememberBox.checked) localStorage.removeItem(STORE_KEY);
  } catch {
    rememberBox.checked = false;
  }
}

rememberBox.addEventListener('change', () => {
  try {
    if (rememberBox.checked) {
      localStorage.setItem(REMEMBER_KEY, '1');
      sessionStorage.removeItem(STORE_KEY);
    } else {
      localStorage.removeItem(REMEMBER_KEY);
      localStorage.removeItem(STORE_KEY);
    }
  } catch {
    /* storage off: nothing is kept either way */
  }
  if (paste.value) save(paste.value);
});

function run(): void {
  const text = paste.value;
  updateGutter(text);
  save(text);
  if (!text.trim()) {
    last = undefined;
    results.replaceChildren();
    help.hidden = false;
    say(L.empty);
    return;
  }
  const id = ++seq;
  say(`${L.working} (${countLines(text).toLocaleString()} ${L.lines})`, true);
  // A newer paste while the worker is still busy: a slow paste must not hold up the next one.
  if (pending && worker) {
    worker.terminate();
    worker = undefined;
  }
  worker ??= startWorker();
  worker.postMessage({ id, text });
  pending = { id, text };
}
let pending: { id: number; text: string } | undefined;

function onResult(msg: { id: number; result?: DiagnoseResult; error?: string }): void {
  if (!pending || msg.id !== pending.id) return; // a newer paste is on its way
  const text = pending.text;
  pending = undefined;
  if (!msg.result) {
    say(L.failed);
    return;
  }
  last = { id: msg.id, text, result: msg.result };
  render(msg.result, text);
}

const MESSAGE_LABEL: Record<string, string> = {
  'empty-input': 'empty',
  'binary-input': 'binary',
  'input-truncated': 'truncated',
  'line-truncated': 'lineTruncated',
  'unrecognised-input': 'unrecognised',
  'time-budget': 'timeBudget',
};

/** The paste's lines as the engine numbers them (CR-only line ends included). */
function pasteLines(text: string): string[] {
  return text.indexOf('\n') === -1 && text.indexOf('\r') !== -1 ? text.split('\r') : text.split(/\r?\n/);
}

function messageText(m: DiagnoseResult['messages'][number]): string {
  const label = L[MESSAGE_LABEL[m.code] ?? ''] ?? m.code;
  return label.replace(/\{(\w+)\}/g, (all, k: string) => String(m.params?.[k] ?? all));
}

function render(result: DiagnoseResult, text: string): void {
  const lines = pasteLines(text);
  const evidence = new Set(result.findings.flatMap((f) => f.evidence.map((e) => e.line)));
  const nodes: Node[] = [];
  if (restoredText !== undefined && restoredText === text) nodes.push(el('p', 'notice', L.restored));
  for (const m of result.messages) nodes.push(el('p', 'notice', messageText(m)));
  if (keepNote) nodes.push(el('p', 'notice', keepNote));
  if (result.sections.length > 0) {
    const sec = el('section', 'recognised');
    sec.append(el('h2', undefined, L.recognised), renderSections(result, data));
    nodes.push(sec);
  }
  const list = el('section', 'findings');
  list.append(el('h2', undefined, `${L.findings} (${result.findings.length})`));
  if (result.findings.length === 0) {
    list.append(el('p', 'no-findings', L.noFindings), el('p', 'meta-line', L.noFindingsHint));
  }
  result.findings.forEach((f, i) => list.append(renderFinding(f, i, data, focusLines)));
  nodes.push(list);
  // Error lines no finding explains: offer what the site's search finds for them.
  if (new Set(result.findings.map((f) => f.article)).size < MAX_ANSWERS) {
    const slot = el('section', 'related');
    slot.hidden = true;
    nodes.push(slot);
    void showRelated(slot, lines, result.findings);
  }
  const view = el('section', 'paste-section');
  view.append(el('h2', undefined, L.pasteView), renderPasteView(lines, evidence, L));
  nodes.push(view);
  results.replaceChildren(...nodes);
  const unrecognised = result.messages.some((m) => m.code === 'unrecognised-input');
  help.hidden = !unrecognised && result.sections.length > 0;
  say(`${L.done}: ${lines.length.toLocaleString()} ${L.lines}`);
}

/** Fills `slot` with "possibly related" articles once the search index is loaded (quietly skipped if it cannot load). */
async function showRelated(slot: HTMLElement, lines: string[], findings: DiagnoseResult['findings']): Promise<void> {
  try {
    const { rt, loaded } = await loadEngine();
    const related = relatedFor(lines, findings, (t) => rt.search(loaded, t, 5).map((h) => ({ article: h.doc.id, score: h.score })));
    if (related.length === 0 || !slot.isConnected) return;
    slot.replaceChildren(...renderRelated(related, data, focusLines));
    slot.hidden = false;
  } catch {
    // Search data missing: the findings stand on their own.
  }
}

/** Scrolls the paste view to `lines` and highlights them. */
function focusLines(lines: number[]): void {
  document.querySelectorAll('.paste-line.is-focus').forEach((e) => e.classList.remove('is-focus'));
  let first: Element | undefined;
  for (const n of lines) {
    const row = document.querySelector(`.paste-line[data-line="${n}"]`);
    if (row) {
      row.classList.add('is-focus');
      first ??= row;
    }
  }
  first?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

async function copy(text: string): Promise<void> {
  if (await copyText(text)) {
    copyArea.hidden = true;
    say(L.copied);
    return;
  }
  // Nothing could copy (e.g. some file:// setups): show the text selected for Ctrl+C.
  copyArea.hidden = false;
  copyArea.value = text;
  copyArea.focus();
  copyArea.select();
  say(L.copyFailed);
}

/** The paste as it will be shared: redacted when the switch is on (same masks as the report). */
function shareable(): { text: string; redactor?: ReturnType<typeof createRedactor> } {
  if (!redactBox.checked) return { text: paste.value };
  const redactor = createRedactor();
  return { text: redactor(paste.value).text, redactor };
}

$('[data-copy-link]').addEventListener('click', async () => {
  const { text } = shareable();
  const url = location.href.replace(/#.*$/, '') + '#' + (await encodeShareFragment(text));
  await copy(url);
});

$('[data-copy-report]').addEventListener('click', async () => {
  if (!last || last.text !== paste.value) return;
  const { text, redactor } = shareable();
  const articles: Record<string, ArticleInfo> = {};
  for (const [slug, a] of Object.entries(data.articles)) {
    articles[slug] = { title: a.title, summary: a.summary, url: new URL(articleHref(slug), location.href).href };
  }
  const sectionKinds = Object.fromEntries(
    Object.entries(L).flatMap(([k, v]) => (k.startsWith('section.') && v !== undefined ? [[k.slice('section.'.length), v]] : [])),
  );
  const report = buildReport(last.result, pasteLines(text), articles, {
    heading: L.reportHeading,
    recognised: L.recognised,
    findings: L.findings,
    noFindings: L.noFindings,
    severity: { critical: L['severity.critical'], warning: L['severity.warning'], info: L['severity.info'] },
    subject: L.subject,
    evidence: L.evidence,
    captured: L.captured,
    article: L.openArticle,
    lineRange: L.lineRange,
    more: L.more,
    sectionKinds,
  }, redactor ? (s) => redactor(s).text : undefined);
  await copy(report);
});

$('[data-run]').addEventListener('click', run);
$('[data-clear]').addEventListener('click', () => {
  paste.value = '';
  try {
    localStorage.removeItem(STORE_KEY);
    sessionStorage.removeItem(STORE_KEY);
  } catch {
    /* ignore */
  }
  if (location.hash) history.replaceState(null, '', location.href.replace(/#.*$/, ''));
  copyArea.hidden = true;
  run();
  paste.focus();
});

const examples = $<HTMLSelectElement>('[data-examples]');
for (const ex of data.examples) {
  const o = el('option', undefined, ex.title);
  o.value = ex.id;
  examples.appendChild(o);
}
examples.addEventListener('change', () => {
  const ex = data.examples.find((e) => e.id === examples.value);
  if (!ex) return;
  paste.value = ex.text;
  examples.value = '';
  run();
});

let timer: ReturnType<typeof setTimeout> | undefined;
paste.addEventListener('input', () => {
  clearTimeout(timer);
  // Small pastes are analysed as you type; big ones wait a little longer after the last change.
  timer = setTimeout(run, paste.value.length > 200_000 ? 800 : 400);
});
paste.addEventListener('scroll', drawGutter, { passive: true });
new ResizeObserver(drawGutter).observe(paste);
document.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    clearTimeout(timer);
    run();
  }
});

async function init(): Promise<void> {
  loadRemember();
  const shared: SharedPaste = location.hash ? await readShareFragment(location.hash) : { kind: 'none' };
  if (shared.kind === 'paste') {
    paste.value = shared.text;
    restoredText = shared.text;
    run();
    return;
  }
  if (shared.kind !== 'none') {
    // Say so rather than silently showing an older paste in its place.
    updateGutter('');
    results.replaceChildren(el('p', 'notice', L.linkDamaged));
    say(L.linkDamaged);
    return;
  }
  try {
    paste.value = store()?.getItem(STORE_KEY) ?? '';
  } catch {
    /* ignore */
  }
  if (paste.value) run();
  else {
    updateGutter('');
    say(L.empty);
  }
}
void init();

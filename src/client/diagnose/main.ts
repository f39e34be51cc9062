/**
 * The paste-and-diagnose page: paste → (debounced) → engine in a Web Worker → findings as cards,
 * recognised sections, and the paste with evidence highlighted. Share links carry the paste in the
 * URL fragment (never sent to a server); reports are Markdown; both can be redacted.
 */
import type { DiagnoseResult } from '../../engine/types.ts';
import { buildReport, type ArticleInfo } from '../../diagnose/report.ts';
import { fillSteps } from '../../engine/steps.ts';
import { createRedactor } from '../../diagnose/redact.ts';
import { encodeShareFragment, readShareFragment, type SharedPaste } from '../../diagnose/share.ts';
import { MAX_ANSWERS, relatedFor } from '../../engine/related.ts';
import { copyText } from '../copy-code.ts';
import { loadEngine } from '../search-ui.ts';
import { initBundle } from './bundle.ts';
import { articleHref, el, fill, renderFinding, renderPasteView, renderRelated, renderSections, type PageData } from './render.ts';

declare const __KB_WORKER_SOURCE__: string;

const STORE_KEY = 'k8s-kb.paste.v1';
/** Set ('1') by an older page when the reader chose to keep the paste after the tab is closed. */
const REMEMBER_KEY = 'k8s-kb.remember.v1';
/** Where the reader wants the paste kept: 'off' or 'local' (absent: this tab only). A choice, never the paste. */
const KEEP_KEY = 'k8s-kb.keep.v1';
type KeepMode = 'off' | 'session' | 'local';
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
const storageText = $<HTMLElement>('[data-storage-text]');
const storageOff = $<HTMLButtonElement>('[data-storage-off]');
const storageOn = $<HTMLButtonElement>('[data-storage-on]');
let keepMode: KeepMode = 'session';
/** Set by a deliberate run (button, Ctrl+Enter, a paste, an example, a link): the results are then brought into view. */
let bringIntoView = false;

let worker: Worker | undefined;
let seq = 0;
/** Set when the page opened a share link; shown above the results until the paste changes. */
let restoredText: string | undefined;
let last: { id: number; text: string; result: DiagnoseResult } | undefined;
/** Why the paste is not kept across reloads, shown with the next results (storage full or off). */
let keepNote: string | undefined;

/** The worker's code as a Blob URL, made once: a busy worker is replaced by a fresh one from it. */
let workerUrl: string | undefined;

/**
 * The Blob URL of the worker's code. The only place that names __KB_WORKER_SOURCE__: esbuild
 * pastes a define's value at every use, and the worker is most of this file.
 */
function workerBlobUrl(): string {
  workerUrl ??= URL.createObjectURL(new Blob([__KB_WORKER_SOURCE__], { type: 'text/javascript' }));
  return workerUrl;
}

function startWorker(): Worker {
  const w = new Worker(workerBlobUrl());
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
  if (keepMode === 'off') return undefined;
  try {
    return keepMode === 'local' ? localStorage : sessionStorage;
  } catch {
    return undefined;
  }
}

/** Removes the paste from both kinds of web storage. */
function forgetPaste(): void {
  for (const get of [() => localStorage, () => sessionStorage]) {
    try {
      get().removeItem(STORE_KEY);
    } catch {
      /* storage off: nothing was kept */
    }
  }
}

function save(text: string): void {
  keepNote = undefined;
  // Nothing to keep (a cleared box) leaves nothing behind, not an empty entry.
  if (keepMode === 'off' || !text) {
    forgetPaste();
    return;
  }
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

function loadKeepMode(): void {
  try {
    const stored = localStorage.getItem(KEEP_KEY);
    keepMode = stored === 'off' || stored === 'local' ? stored : localStorage.getItem(REMEMBER_KEY) === '1' ? 'local' : 'session';
    // An unredacted paste kept before this choice existed, or after it was turned off, is dropped.
    if (keepMode !== 'local') localStorage.removeItem(STORE_KEY);
    if (keepMode === 'off') sessionStorage.removeItem(STORE_KEY);
  } catch {
    keepMode = 'session';
  }
  showKeepMode();
}

/** The notice under the paste box says exactly where the paste is kept, and offers the other choices. */
function showKeepMode(): void {
  storageText.textContent = L[`kept.${keepMode}`] ?? '';
  storageOff.hidden = keepMode === 'off';
  storageOn.hidden = keepMode !== 'off';
  rememberBox.checked = keepMode === 'local';
}

/** Changes where the paste is kept; the choice itself is remembered (in localStorage), the paste moves or goes. */
function setKeepMode(mode: KeepMode): void {
  keepMode = mode;
  forgetPaste();
  try {
    localStorage.removeItem(REMEMBER_KEY);
    if (mode === 'session') localStorage.removeItem(KEEP_KEY);
    else localStorage.setItem(KEEP_KEY, mode);
  } catch {
    /* storage off: nothing is kept either way */
  }
  showKeepMode();
  if (paste.value) save(paste.value);
}

rememberBox.addEventListener('change', () => setKeepMode(rememberBox.checked ? 'local' : 'session'));
storageOff.addEventListener('click', () => setKeepMode('off'));
storageOn.addEventListener('click', () => setKeepMode('session'));
$('[data-storage-clear]').addEventListener('click', () => {
  clearPaste();
  say(L['kept.cleared'] ?? '');
});

function run(): void {
  const text = paste.value;
  updateGutter(text);
  save(text);
  if (!text) {
    last = undefined;
    pending = undefined; // a result for an older paste still on its way is dropped
    results.replaceChildren();
    help.hidden = false;
    say(L.empty);
    return;
  }
  if (!text.trim()) {
    // Only blank space: nothing to send to the engine, but the same message as any unreadable input.
    last = undefined;
    pending = undefined;
    results.replaceChildren(inputProblem('empty'));
    help.hidden = false;
    say(L.summaryUnreadable ?? '');
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
  'line-truncated': 'lineTruncated',
  'time-budget': 'timeBudget',
};

/** Engine messages that mean the input (or part of it) cannot be read, worst first: one element says so. */
const UNREADABLE: Record<string, Reason> = {
  'binary-input': 'binary',
  'empty-input': 'empty',
  'unrecognised-input': 'unrecognised',
  'input-truncated': 'truncated',
};
type Reason = 'binary' | 'empty' | 'unrecognised' | 'truncated' | 'linkDamaged';

/**
 * The one message for input the page cannot read — binary, blank, nothing it recognises, too large,
 * a damaged link: always this element, always "Cannot read (all of) this input: why. What to do."
 */
function inputProblem(reason: Reason, params: Record<string, string | number> = {}): HTMLElement {
  const hint = reason === 'truncated' ? L['hint.split'] : reason === 'linkDamaged' ? L['hint.link'] : L['hint.paste'];
  const template = (reason === 'truncated' ? L.unreadablePart : L.unreadable) ?? '{reason}. {hint}';
  const p = el('p', 'notice input-problem', fill(template, { reason: fill(L[`reason.${reason}`] ?? reason, params), hint: hint ?? '' }));
  p.dataset.inputProblem = reason;
  return p;
}

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
  const problem = result.messages
    .filter((m) => m.code in UNREADABLE)
    .sort((a, b) => Object.keys(UNREADABLE).indexOf(a.code) - Object.keys(UNREADABLE).indexOf(b.code))[0];
  if (problem) {
    const limit = Number(problem.params?.limit);
    nodes.push(inputProblem(UNREADABLE[problem.code]!, { mb: Number.isFinite(limit) ? Math.round(limit / 1048576) : '?' }));
  }
  for (const m of result.messages) if (!(m.code in UNREADABLE)) nodes.push(el('p', 'notice', messageText(m)));
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
  result.findings.forEach((f, i) => { list.append(renderFinding(f, i, data, focusLines)); });
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
  addCopyButtons(results);
  const unreadable = problem !== undefined && problem.code !== 'input-truncated';
  help.hidden = !unreadable && result.sections.length > 0;
  sayResult(result, lines.length, unreadable);
  if (bringIntoView) showResults();
  bringIntoView = false;
}

/**
 * The status line sums up the run — "2 findings — Critical: Container OOMKilled. Analysed 60
 * lines." — with the first finding's title as a link down to its card.
 */
function sayResult(result: DiagnoseResult, lineCount: number, unreadable: boolean): void {
  const analysed = fill(L.analysedLines ?? '{n}', { n: lineCount.toLocaleString() });
  const first = result.findings[0];
  say('');
  if (!first) {
    status.textContent = `${(unreadable ? L.summaryUnreadable : L.summaryNone) ?? ''} ${analysed}`;
    return;
  }
  const template = (result.findings.length === 1 ? L.summaryOne : L.summaryMany) ?? '{count}: {title}';
  const [before, after = ''] = fill(template, { count: result.findings.length, severity: L[`severity.${first.severity}`] ?? first.severity }).split('{title}');
  const jump = el('a', 'status-jump', data.articles[first.article]?.title ?? L.findings);
  jump.href = '#kb-finding-1';
  jump.addEventListener('click', (event) => {
    event.preventDefault(); // the fragment may hold a shared paste: leave it alone
    const card = document.getElementById('kb-finding-1');
    card?.scrollIntoView({ block: 'start' });
    card?.focus({ preventScroll: true });
  });
  status.replaceChildren(before ?? '', jump, `${after}${data.lang === 'zh' ? '。' : '. '}${analysed}`);
}

/** After a deliberate run, scrolls the status line to the top when the results would start out of sight (a phone). */
function showResults(): void {
  const box = status.getBoundingClientRect();
  if (box.top > window.innerHeight * 0.6 || box.bottom < 0) status.scrollIntoView({ block: 'start' });
}

/**
 * A Copy button on every block of commands in the results that has none yet (the first steps of a
 * finding when they are not filled in).
 */
function addCopyButtons(root: HTMLElement): void {
  const label = document.body.dataset.msgCopy ?? 'Copy';
  const done = document.body.dataset.msgCopied ?? 'Copied';
  for (const pre of root.querySelectorAll<HTMLPreElement>('.finding-steps pre')) {
    if (pre.classList.contains('has-copy') || pre.querySelector('button')) continue;
    const text = pre.textContent ?? '';
    pre.classList.add('has-copy');
    const button = el('button', 'copy-code no-print', label);
    button.type = 'button';
    button.addEventListener('click', async () => {
      const ok = await copyText(text);
      button.textContent = ok ? done : label;
      setTimeout(() => (button.textContent = label), 1500);
    });
    pre.append(button);
  }
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
  document.querySelectorAll('.paste-line.is-focus').forEach((e) => { e.classList.remove('is-focus'); });
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
  // The site's own address stays: links to its articles in a redacted report must still open.
  const redactor = createRedactor({ keepHosts: location.protocol === 'file:' ? [] : [location.hostname] });
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
  // The same filled-in steps the cards show, in the report under each finding.
  const lang = data.lang === 'en' ? 'en' : 'zh';
  const findings = last.result.findings.map((f) => {
    const recipe = data.articles[f.article]?.recipe;
    return recipe?.length ? { ...f, steps: fillSteps(f, recipe, lang) } : f;
  });
  const report = buildReport({ ...last.result, findings }, pasteLines(text), articles, {
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
    firstSteps: L.firstSteps,
    stepOn: L.stepOn,
  }, redactor ? (s) => redactor(s).text : undefined);
  await copy(report);
});

/** Empties the paste box and every stored copy of the paste (and a share link's fragment). */
function clearPaste(): void {
  paste.value = '';
  forgetPaste();
  if (location.hash) history.replaceState(null, '', location.href.replace(/#.*$/, ''));
  copyArea.hidden = true;
  run();
}

$('[data-run]').addEventListener('click', () => {
  bringIntoView = true;
  run();
});
$('[data-clear]').addEventListener('click', () => {
  clearPaste();
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
  bringIntoView = true;
  run();
});

let timer: ReturnType<typeof setTimeout> | undefined;
paste.addEventListener('input', (e) => {
  clearTimeout(timer);
  // A paste (not typing) is a deliberate run: its results are brought into view.
  const kind = (e as InputEvent).inputType;
  if (kind === 'insertFromPaste' || kind === 'insertFromDrop') bringIntoView = true;
  // Small pastes are analysed as you type; big ones wait a little longer after the last change.
  timer = setTimeout(run, paste.value.length > 200_000 ? 800 : 400);
});
paste.addEventListener('scroll', drawGutter, { passive: true });
new ResizeObserver(drawGutter).observe(paste);
document.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    clearTimeout(timer);
    bringIntoView = true;
    run();
  }
});

// Bundles and several files (bundle.ts): read in the page, one report, the engine in its own worker.
initBundle({
  data,
  results,
  say,
  startWorker: () => new Worker(workerBlobUrl()),
  onStart: () => {
    clearTimeout(timer);
    pending = undefined;
    help.hidden = true;
  },
});

async function init(): Promise<void> {
  loadKeepMode();
  const shared: SharedPaste = location.hash ? await readShareFragment(location.hash) : { kind: 'none' };
  if (shared.kind === 'paste') {
    paste.value = shared.text;
    restoredText = shared.text;
    bringIntoView = true;
    run();
    return;
  }
  if (shared.kind !== 'none') {
    // Say so rather than silently showing an older paste in its place.
    updateGutter('');
    results.replaceChildren(inputProblem('linkDamaged'));
    say(L.summaryUnreadable ?? L.linkDamaged);
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

/**
 * DOM rendering for the diagnose page. Every piece of pasted text goes in through textContent or
 * text nodes, never innerHTML: a paste that contains <script> or an onerror attribute stays text.
 */
import type { DiagnoseResult, Finding, RelatedArticle, Subject } from '../../engine/types.ts';
import { fillSteps, type Recipe, type Step } from '../../engine/steps.ts';
import { copyText } from '../copy-code.ts';

export interface ArticleData {
  title: string;
  summary: string;
  commands: string;
  /** First response blocks, filled per finding by fillSteps (absent in old page data). */
  recipe?: Recipe;
}

const LABEL_KEYS = [
  'captured', 'copied', 'copyFailed', 'done', 'empty', 'evidence', 'failed', 'findings', 'firstSteps', 'lineN', 'lineRange', 'lines',
  'more', 'noFindings', 'noFindingsHint', 'related', 'relatedHint', 'relatedLines', 'openArticle', 'pasteView', 'recognised', 'reportHeading', 'restored',
  'showSubjects', 'subject', 'subjects', 'supersededBy', 'tooLargeToKeep', 'working', 'viewElided',
  'linkDamaged', 'remember', 'rememberHint', 'notKept', 'timeBudget',
  'summaryOne', 'summaryMany', 'summaryNone', 'summaryUnreadable', 'analysedLines', 'unreadable', 'unreadablePart',
  'reason.empty', 'reason.binary', 'reason.unrecognised', 'reason.truncated', 'reason.linkDamaged',
  'hint.paste', 'hint.split', 'hint.link', 'otherFinding',
  'kept.session', 'kept.local', 'kept.off', 'kept.clear', 'kept.dontKeep', 'kept.keep', 'kept.cleared',
  'severity.critical', 'severity.warning', 'severity.info',
] as const;

/** The page's words: the diagnose.* strings (prefix dropped), severity.* and section.* (kept). */
export type Labels = Record<(typeof LABEL_KEYS)[number], string> & Record<string, string | undefined>;

export interface PageData {
  lang: string;
  articles: Record<string, ArticleData>;
  labels: Labels;
  examples: { id: string; title: string; text: string }[];
  /** Rule id → article slug: a finding that names another rule (`supersededBy`) shows that article's title. */
  ruleArticles?: Record<string, string>;
}

/** A link to the article a rule points at, by its title: readers never see rule ids. */
export function ruleArticleLink(ruleId: string, data: PageData): HTMLElement {
  const slug = data.ruleArticles?.[ruleId];
  const title = slug ? data.articles[slug]?.title : undefined;
  if (!slug || !title) return el('span', undefined, data.labels.otherFinding ?? '—');
  const a = el('a', 'superseded-by', title);
  a.href = articleHref(slug);
  a.dataset.article = slug;
  return a;
}

/** "Possibly related" articles: heading, hint, and one link per article with the lines it came from. */
export function renderRelated(related: RelatedArticle[], data: PageData, onLines: (lines: number[]) => void): HTMLElement[] {
  const L = data.labels;
  const list = el('ul', 'related-list');
  for (const r of related) {
    const li = el('li');
    const a = el('a', 'related-title', data.articles[r.article]?.title ?? r.article);
    a.href = articleHref(r.article);
    a.dataset.article = r.article;
    const from = el('button', 'related-lines', fill(L.relatedLines, { lines: r.lines.join(", ") }));
    from.type = 'button';
    from.addEventListener('click', () => onLines(r.lines));
    li.append(a, ' ', from);
    list.appendChild(li);
  }
  return [el('h2', undefined, L.related), el('p', 'meta-line', L.relatedHint), list];
}

/** Creates an element with a class and text. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Fills `{name}` placeholders of a UI string. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

export function subjectText(s: Subject): string {
  return `${s.kind} ${s.namespace ? `${s.namespace}/` : ''}${s.name}`;
}

/** Relative URL of an article from this page. */
export function articleHref(slug: string): string {
  const root = document.documentElement.dataset.root ?? './';
  const lang = document.documentElement.dataset.lang ?? 'zh';
  return `${root}${lang}/articles/${slug}/index.html`;
}

/** "lines 1–42: kubectl describe pod" for each recognised section. */
export function renderSections(result: DiagnoseResult, data: PageData): HTMLElement {
  const ul = el('ul', 'section-list');
  for (const s of result.sections) {
    const li = el('li');
    li.append(
      el('span', 'section-lines', fill(data.labels.lineRange, { from: s.startLine, to: s.endLine })),
      ': ',
      el('code', undefined, data.labels[`section.${s.kind}`] ?? s.kind),
    );
    ul.appendChild(li);
  }
  return ul;
}

/** One finding card. `onEvidence` is called with the finding's evidence lines when clicked. */
export function renderFinding(f: Finding, index: number, data: PageData, onEvidence: (lines: number[]) => void): HTMLElement {
  const L = data.labels;
  const article = data.articles[f.article];
  const card = el('article', `finding sev-${f.severity}`);
  // Focusable for the status line's jump link only; the card body is for reading and selecting text.
  card.tabIndex = -1;
  card.id = `kb-finding-${index + 1}`;
  card.dataset.article = f.article;
  card.dataset.rule = f.ruleId;
  card.dataset.index = String(index);

  const head = el('header', 'finding-head');
  head.append(el('span', `badge sev-${f.severity === 'warning' ? 'high' : f.severity === 'info' ? 'low' : 'critical'}`, L[`severity.${f.severity}`] ?? f.severity));
  const h = el('h3');
  const link = el('a', 'finding-title', article?.title ?? f.article);
  link.href = articleHref(f.article);
  h.appendChild(link);
  head.appendChild(h);
  card.appendChild(head);
  if (article?.summary) card.appendChild(el('p', 'finding-summary', article.summary));

  const meta = el('dl', 'finding-meta');
  const addMeta = (term: string, value: Node | string) => {
    meta.append(el('dt', undefined, term));
    const dd = el('dd');
    dd.append(value);
    meta.append(dd);
  };
  if (f.count > 1) {
    const details = el('details', 'finding-subjects');
    details.appendChild(el('summary', undefined, `${f.count} ${L.subjects} — ${subjectText(f.subject)} … (${L.showSubjects})`));
    const list = el('ul');
    for (const s of f.subjects.slice(0, 200)) list.appendChild(el('li', undefined, subjectText(s)));
    if (f.subjects.length > 200) list.appendChild(el('li', 'meta-line', `+${f.subjects.length - 200} ${L.more}`));
    details.appendChild(list);
    addMeta(L.subject, details);
  } else {
    addMeta(L.subject, subjectText(f.subject));
  }
  const caps = Object.entries(f.captures);
  if (caps.length > 0) {
    const span = el('span');
    caps.forEach(([k, v], i) => {
      if (i > 0) span.append(', ');
      span.append(`${k}: `, el('code', undefined, v));
    });
    addMeta(L.captured, span);
  }
  if (f.supersededBy) addMeta(L.supersededBy, ruleArticleLink(f.supersededBy, data));
  if (f.evidence.length > 0) {
    const ev = el('span', 'evidence-links');
    f.evidence.slice(0, 12).forEach((e, i) => {
      if (i > 0) ev.append(' ');
      const b = el('button', 'evidence-line', fill(L.lineN, { n: e.line }));
      b.type = 'button';
      b.title = e.text;
      b.addEventListener('click', (event) => {
        event.stopPropagation();
        onEvidence([e.line]);
      });
      ev.append(b);
    });
    addMeta(L.evidence, ev);
  }
  card.appendChild(meta);

  const filled = article?.recipe?.length ? fillSteps(f, article.recipe, data.lang === 'en' ? 'en' : 'zh') : [];
  if (filled.length || article?.commands) {
    const steps = el('details', 'finding-steps');
    steps.open = index === 0;
    steps.appendChild(el('summary', undefined, L.firstSteps));
    if (filled.length) steps.append(...renderSteps(filled, L));
    else steps.appendChild(el('pre', undefined, article!.commands));
    card.appendChild(steps);
  }
  const open = el('a', 'button finding-open', L.openArticle);
  open.href = articleHref(f.article);
  card.appendChild(open);
  // Only the evidence chips lead to the paste view: a click in the card body (selecting a command,
  // a name) must not move the page (issue #15).
  return card;
}

/**
 * Filled-in first steps grouped by where they run: a heading per place, then each step's commands
 * as a block with its own Copy button. Text only (textContent): the values come from the paste.
 */
export function renderSteps(steps: Step[], L: Labels): HTMLElement[] {
  const out: HTMLElement[] = [el('p', 'meta-line steps-hint', L.stepsHint ?? '')];
  let group: HTMLElement | undefined;
  let prev: string | undefined;
  const copyLabel = document.body.dataset.msgCopy ?? 'Copy';
  const copiedLabel = document.body.dataset.msgCopied ?? 'Copied';
  for (const s of steps) {
    if (!group || s.on !== prev) {
      group = el('div', 'step-group');
      if (s.on) group.appendChild(el('p', 'step-on', fill(L.stepOn ?? '{on}', { on: s.on })));
      out.push(group);
      prev = s.on;
    }
    const pre = el('pre', 'step-command has-copy');
    // One element per line, each with its newline (as articles have them, rehype-command-lines.ts):
    // long lines wrap with the ↪ mark, and the code's text is still exactly the command.
    const code = el('code', 'language-bash');
    const lines = s.command.split('\n');
    lines.forEach((line, i) => {
      code.appendChild(el('span', 'cmd-line', i < lines.length - 1 ? `${line}\n` : line));
    });
    const button = el('button', 'copy-code no-print', copyLabel);
    button.type = 'button';
    button.addEventListener('click', async (event) => {
      event.stopPropagation();
      const ok = await copyText(s.command);
      button.textContent = ok ? copiedLabel : copyLabel;
      setTimeout(() => (button.textContent = copyLabel), 1500);
    });
    pre.append(code, button);
    group.appendChild(pre);
  }
  return out;
}

const CONTEXT = 4;
const FULL_VIEW_LIMIT = 4000;

/**
 * The paste with line numbers, evidence lines marked. Large pastes show only windows around the
 * evidence, so the page never builds hundreds of thousands of elements.
 */
export function renderPasteView(lines: string[], evidence: Set<number>, labels: Labels): HTMLElement {
  const view = el('div', 'paste-view');
  const pre = el('pre', 'paste-lines');
  let shown: number[];
  if (lines.length <= FULL_VIEW_LIMIT) {
    shown = lines.map((_, i) => i + 1);
  } else {
    const keep = new Set<number>();
    for (const n of evidence) for (let k = Math.max(1, n - CONTEXT); k <= Math.min(lines.length, n + CONTEXT); k++) keep.add(k);
    for (let k = 1; k <= Math.min(lines.length, 20); k++) keep.add(k);
    shown = [...keep].sort((a, b) => a - b);
    view.appendChild(el('p', 'meta-line', labels.viewElided));
  }
  let prev = 0;
  const frag = document.createDocumentFragment();
  for (const n of shown) {
    if (n !== prev + 1) frag.appendChild(el('span', 'paste-gap', '⋯\n'));
    const row = el('span', evidence.has(n) ? 'paste-line is-evidence' : 'paste-line');
    row.dataset.line = String(n);
    row.append(el('span', 'ln', String(n)), (lines[n - 1] ?? '') + '\n');
    frag.appendChild(row);
    prev = n;
  }
  pre.appendChild(frag);
  view.appendChild(pre);
  return view;
}

/**
 * DOM rendering for the diagnose page. Every piece of pasted text goes in through textContent or
 * text nodes, never innerHTML: a paste that contains <script> or an onerror attribute stays text.
 */
import type { DiagnoseResult, Finding, RelatedArticle, Subject } from '../../engine/types.ts';

export interface ArticleData {
  title: string;
  summary: string;
  commands: string;
}

const LABEL_KEYS = [
  'captured', 'copied', 'copyFailed', 'done', 'empty', 'evidence', 'failed', 'findings', 'firstSteps', 'lineN', 'lineRange', 'lines',
  'more', 'noFindings', 'noFindingsHint', 'related', 'relatedHint', 'relatedLines', 'openArticle', 'pasteView', 'recognised', 'reportHeading', 'restored',
  'showSubjects', 'subject', 'subjects', 'supersededBy', 'tooLargeToKeep', 'working', 'viewElided',
  'linkDamaged', 'remember', 'rememberHint', 'notKept', 'timeBudget',
  'severity.critical', 'severity.warning', 'severity.info',
] as const;

/** The page's words: the diagnose.* strings (prefix dropped), severity.* and section.* (kept). */
export type Labels = Record<(typeof LABEL_KEYS)[number], string> & Record<string, string | undefined>;

export interface PageData {
  lang: string;
  articles: Record<string, ArticleData>;
  labels: Labels;
  examples: { id: string; title: string; text: string }[];
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
  card.tabIndex = 0;
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
  if (f.supersededBy) addMeta(L.supersededBy, data.articles[f.supersededBy]?.title ?? f.supersededBy);
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

  if (article?.commands) {
    const steps = el('details', 'finding-steps');
    steps.open = index === 0;
    steps.appendChild(el('summary', undefined, L.firstSteps));
    steps.appendChild(el('pre', undefined, article.commands));
    card.appendChild(steps);
  }
  const open = el('a', 'button finding-open', L.openArticle);
  open.href = articleHref(f.article);
  card.appendChild(open);
  card.addEventListener('click', (event) => {
    if ((event.target as HTMLElement).closest('a, summary, button')) return;
    onEvidence(f.evidence.map((e) => e.line));
  });
  card.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.target === card) onEvidence(f.evidence.map((e) => e.line));
  });
  return card;
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

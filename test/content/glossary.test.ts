import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

// One vocabulary (issue #17): content/glossary.json lists the variants our Chinese must not use
// (控制面, "master", 升级处理, English severity words in prose, …). This test finds them, with file
// and line, in content/articles/**, content/training/** (modules, game days, drills) and
// content/ui/*.json. docs/glossary.md is the readable glossary; the two must agree.

const ROOT = join(import.meta.dirname, '../..');

interface Term {
  term: string;
  zh: string;
  forbidden?: string[];
  allowedContexts?: string[];
  /** substring (default), word (whole Latin word, not part of a name), standalone (word not inside an English phrase). */
  match?: 'substring' | 'word' | 'standalone';
  /** text (default): all text, code comments included; prose: not in code, inline code, link targets or URLs. */
  scope?: 'text' | 'prose';
  /** zh: only Chinese text. */
  lang?: 'zh';
  caseInsensitive?: boolean;
  use?: string;
}

/** A known violation in an article this pass may not edit: matched by file, variant and text on the same line. */
interface Pending {
  file: string;
  variant: string;
  context: string;
  note?: string;
}

const glossary = JSON.parse(readFileSync(join(ROOT, 'content/glossary.json'), 'utf8')) as { terms: Term[]; pending?: Pending[] };

/** One line of content, in two views: `text` (all text) and `prose` (code, links and URLs blanked). */
interface ScanLine {
  file: string;
  line: number;
  lang: 'zh' | 'en';
  text: string;
  prose: string;
}

const blank = (s: string) => s.replace(/[^\n]/g, ' ');
const LATIN = /[A-Za-z0-9]/;

/** Blanks `inline code` spans (any number of backticks), keeping columns. */
function maskInlineCode(s: string): string {
  return s.replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (m) => blank(m));
}

/** Blanks link targets `](…)`, autolinks `<http…>` and bare URLs. */
function maskLinks(s: string): string {
  return s
    .replace(/\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(\s+"[^"]*")?\)/g, (m) => `](${blank(m.slice(2, -1))})`)
    .replace(/<(?:https?|ftp):\/\/[^>\s]*>/g, (m) => blank(m))
    .replace(/\b(?:https?|ftp):\/\/[^\s)>\]"'，。）、]+/g, (m) => blank(m));
}

/**
 * Blanks '…'-quoted output, the drills' way of quoting English log lines inside Chinese text. An
 * opening quote has no letter or digit before it; the closing one has no letter after it, so the
 * apostrophes of didn't and Pod's stay inside the quote.
 */
function maskSingleQuoted(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const open = s.indexOf("'", i);
    if (open === -1) break;
    if (open > 0 && LATIN.test(s[open - 1]!)) {
      out += s.slice(i, open + 1);
      i = open + 1;
      continue;
    }
    let close = -1;
    for (let j = open + 1; j < s.length; j++) {
      if (s[j] === "'" && !/[A-Za-z]/.test(s[j + 1] ?? '')) {
        close = j;
        break;
      }
    }
    if (close === -1) break;
    out += s.slice(i, open) + blank(s.slice(open, close + 1));
    i = close + 1;
  }
  return out + s.slice(i);
}

/** Front-matter keys whose values are displayed prose; all others (severity, tags, symptoms, …) are data. */
const PROSE_KEYS = new Set(['title', 'summary', 'goals', 'question', 'answer']);

/** Splits a Markdown file (front matter + body) into scan lines. */
function markdownLines(file: string, lang: 'zh' | 'en', source: string): ScanLine[] {
  const lines = source.split(/\r?\n/);
  const out: ScanLine[] = [];
  let i = 0;
  // Front matter: only the values of prose keys are scanned.
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    if (end === -1) throw new Error(`${file}: unterminated front matter`);
    let topKey = '';
    let lastKey = '';
    for (let n = 1; n < end; n++) {
      const raw = lines[n]!;
      const top = /^([A-Za-z][\w-]*):(.*)$/.exec(raw);
      const nested = /^(\s+(?:-\s+)?)([A-Za-z][\w-]*):(\s.*|)$/.exec(raw);
      let key: string;
      let valueStart: number;
      if (top) {
        topKey = lastKey = key = top[1]!;
        valueStart = top[1]!.length + 1;
      } else if (nested) {
        lastKey = key = nested[2]!;
        valueStart = nested[1]!.length + nested[2]!.length + 1;
      } else {
        key = /^\s+-\s/.test(raw) ? topKey : lastKey;
        valueStart = 0;
      }
      const text = PROSE_KEYS.has(key) ? blank(raw.slice(0, valueStart)) + raw.slice(valueStart) : blank(raw);
      out.push({ file, line: n + 1, lang, text: maskLinks(text), prose: maskLinks(maskInlineCode(text)) });
    }
    out.push({ file, line: end + 1, lang, text: '', prose: '' });
    i = end + 1;
  }
  // Body: fenced code (also indented, inside list items) is text but not prose.
  let fence: { char: string; len: number } | null = null;
  for (; i < lines.length; i++) {
    const raw = lines[i]!;
    const f = /^\s*(`{3,}|~{3,})/.exec(raw);
    if (fence) {
      if (f && f[1]![0] === fence.char && f[1]!.length >= fence.len && raw.trim() === f[1]) fence = null;
      out.push({ file, line: i + 1, lang, text: maskLinks(raw), prose: blank(raw) });
      continue;
    }
    if (f) {
      fence = { char: f[1]![0]!, len: f[1]!.length };
      out.push({ file, line: i + 1, lang, text: maskLinks(raw), prose: blank(raw) });
      continue;
    }
    out.push({ file, line: i + 1, lang, text: maskLinks(raw), prose: maskLinks(maskInlineCode(raw)) });
  }
  return out;
}

/** Scan lines of a drill: the zh strings (context and each choice's why); commands and en strings are not Chinese prose. */
function drillLines(file: string, source: string): ScanLine[] {
  const lines = source.split(/\r?\n/);
  const out: ScanLine[] = [];
  for (let n = 0; n < lines.length; n++) {
    const m = /^(\s*)zh:(\s*)(.*)$/.exec(lines[n]!);
    if (!m) continue;
    const indent = m[1]!.length;
    const value = m[3]!;
    const push = (ln: number, text: string) =>
      out.push({ file, line: ln + 1, lang: 'zh', text: maskLinks(text), prose: maskLinks(maskInlineCode(maskSingleQuoted(text))) });
    if (/^[|>][+-]?\s*$/.test(value)) {
      for (let k = n + 1; k < lines.length && (lines[k]!.trim() === '' || lines[k]!.search(/\S/) > indent); k++) push(k, lines[k]!);
    } else {
      push(n, blank(lines[n]!.slice(0, m[1]!.length + 3 + m[2]!.length)) + value);
    }
  }
  return out;
}

/** Scan lines of a UI string file: each "key": "value" line, value only. */
function uiLines(file: string, lang: 'zh' | 'en', source: string): ScanLine[] {
  const out: ScanLine[] = [];
  source.split(/\r?\n/).forEach((raw, n) => {
    const m = /^(\s*"[^"]+":\s*)"(.*)",?\s*$/.exec(raw);
    if (!m) return;
    const text = blank(m[1]!) + ' ' + m[2]!.replace(/\{[a-zA-Z]+\}/g, (p) => blank(p));
    out.push({ file, line: n + 1, lang, text: maskLinks(text), prose: maskLinks(maskInlineCode(maskSingleQuoted(text))) });
  });
  return out;
}

interface Hit {
  file: string;
  line: number;
  column: number;
  variant: string;
  term: Term;
  excerpt: string;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A Latin word is part of a name (master-1, k8s-master-01, system:masters, node-role.kubernetes.io/master,
// ${MASTER_IP}) when an identifier character touches it.
const NAME_BEFORE = '(?<![A-Za-z0-9_./:@$\\-])';
const NAME_AFTER = '(?![A-Za-z0-9_/:@$\\-]|\\.[A-Za-z0-9])';

function variantRegex(term: Term, variant: string): RegExp {
  const body = escapeRegex(variant);
  const flags = term.caseInsensitive ? 'gi' : 'g';
  return term.match === 'word' || term.match === 'standalone' ? new RegExp(NAME_BEFORE + body + NAME_AFTER, flags) : new RegExp(body, flags);
}

/** True when another Latin word stands next to [start, end), i.e. the match is part of an English phrase. */
function inEnglishPhrase(s: string, start: number, end: number): boolean {
  const before = s.slice(0, start).trimEnd();
  const after = s.slice(end).trimStart();
  return LATIN.test(before.slice(-1)) || LATIN.test(after[0] ?? '');
}

/** Every forbidden variant in the given lines. */
function findHits(lines: ScanLine[], terms: Term[]): Hit[] {
  const hits: Hit[] = [];
  for (const term of terms) {
    for (const variant of term.forbidden ?? []) {
      const re = variantRegex(term, variant);
      for (const l of lines) {
        if (term.lang === 'zh' && l.lang !== 'zh') continue;
        const s = term.scope === 'prose' ? l.prose : l.text;
        for (const m of s.matchAll(re)) {
          const start = m.index!;
          const end = start + m[0].length;
          if (term.match === 'standalone' && inEnglishPhrase(s, start, end)) continue;
          const allowed = (term.allowedContexts ?? []).some((ctx) => {
            for (let at = s.indexOf(ctx); at !== -1; at = s.indexOf(ctx, at + 1)) if (at <= start && end <= at + ctx.length) return true;
            return false;
          });
          if (allowed) continue;
          const src = l.text.trim() ? l.text : s;
          hits.push({ file: l.file, line: l.line, column: start + 1, variant: m[0], term, excerpt: src.slice(Math.max(0, start - 20), end + 20).trim() });
        }
      }
    }
  }
  return hits.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

const format = (h: Hit) => `${h.file}:${h.line}:${h.column}: "${h.variant}" → ${h.term.use ?? h.term.zh}  (…${h.excerpt}…)`;

// ---------------------------------------------------------------------------------------------

const md = (dir: string) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `${dir}/${f}`);

function contentLines(): { files: string[]; lines: ScanLine[] } {
  const files: string[] = [];
  const lines: ScanLine[] = [];
  for (const lang of ['zh', 'en'] as const) {
    for (const dir of [`content/articles/${lang}`, `content/training/modules/${lang}`, `content/training/gamedays/${lang}`]) {
      for (const file of md(dir)) {
        files.push(file);
        lines.push(...markdownLines(file, lang, readFileSync(join(ROOT, file), 'utf8')));
      }
    }
    const ui = `content/ui/${lang}.json`;
    files.push(ui);
    lines.push(...uiLines(ui, lang, readFileSync(join(ROOT, ui), 'utf8')));
  }
  for (const f of readdirSync(join(ROOT, 'content/training/drills')).filter((f) => f.endsWith('.yaml')).sort()) {
    const file = `content/training/drills/${f}`;
    files.push(file);
    lines.push(...drillLines(file, readFileSync(join(ROOT, file), 'utf8')));
  }
  return { files, lines };
}

describe('glossary data', () => {
  it('is well-formed', () => {
    const problems: string[] = [];
    for (const t of glossary.terms) {
      if (!t.term?.trim() || !t.zh?.trim()) problems.push(`entry without term or zh: ${JSON.stringify(t)}`);
      if (!t.forbidden?.length) problems.push(`${t.term}: no forbidden variants`);
      if (t.match && !['substring', 'word', 'standalone'].includes(t.match)) problems.push(`${t.term}: unknown match ${t.match}`);
      if (t.scope && !['text', 'prose'].includes(t.scope)) problems.push(`${t.term}: unknown scope ${t.scope}`);
      for (const v of t.forbidden ?? []) if (v === t.zh) problems.push(`${t.term}: the term itself is forbidden`);
    }
    expect(problems).toEqual([]);
  });

  it('agrees with docs/glossary.md', () => {
    // Table rows of the glossary, as cells; header rows (followed by |---|) and separators are skipped.
    const lines = readFileSync(join(ROOT, 'docs/glossary.md'), 'utf8').split('\n');
    const cells = (l: string) => l.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.replace(/[`*]/g, '').trim());
    const isSep = (l: string | undefined) => /^\|\s*:?-{3,}/.test(l ?? '');
    const rows = lines.filter((l, i) => l.startsWith('|') && !isSep(l) && !isSep(lines[i + 1])).map(cells);
    expect(rows.length).toBeGreaterThanOrEqual(80);
    expect(rows.length).toBeLessThanOrEqual(150);
    const problems: string[] = [];
    for (const t of glossary.terms) {
      const row = rows.find((r) => r[0] === t.term && r[1] === t.zh);
      if (!row) {
        problems.push(`docs/glossary.md has no row "| ${t.term} | ${t.zh} |"`);
        continue;
      }
      for (const v of t.forbidden ?? []) if (!row[2]?.includes(v)) problems.push(`docs/glossary.md row "${t.term}" does not name the forbidden variant "${v}"`);
    }
    expect(problems).toEqual([]);
  });
});

describe('the checker is precise', () => {
  const terms = glossary.terms;
  const zhDoc = [
    '---',
    'title: "控制面故障"',
    'severity: high',
    'tags: [控制面, master]',
    'symptoms:',
    '  - "Failed while requesting a signed certificate from the master"',
    'selfcheck:',
    '  - question: "到 master 上看什么？"',
    '    answer: "看 `node-role.kubernetes.io/master` 污点"',
    '---',
    '',
    '打开 Grafana 的控制面板，按 critical 处理。',
    '污点 `node-role.kubernetes.io/master` 是 1.24 以前的，`system:masters` 也不是角色。',
    '节点 k8s-master-01 和 master-2 是主机名；见[高负载](../node-high-load/)和 https://example.com/high/master 。',
    'The node was low on resource: memory 是 kubelet 的原话；按 high 处理。',
    '   ```bash',
    '   # 执行位置：控制面节点',
    '   kubectl get nodes -l node-role.kubernetes.io/master --sort-by=.metadata.name # severity=critical',
    '   echo master high',
    '   ```',
    '每个 Master IP 都要检查；升级处理见下。',
  ].join('\n');
  const hits = findHits(markdownLines('x.md', 'zh', zhDoc), terms).map((h) => `${h.line}:${h.variant}`);

  it('finds the variants in prose, titles, self-check questions and code comments', () => {
    expect(hits).toEqual(['2:控制面', '8:master', '12:critical', '15:high', '17:控制面', '21:Master', '21:升级处理']);
  });

  it('applies Latin rules only to Chinese text', () => {
    expect(findHits(markdownLines('x.md', 'en', 'Escalate as critical; ssh to the master.'), terms)).toEqual([]);
  });

  it('reads drills and UI strings with their line numbers', () => {
    const drill = [
      'context:',
      '  en: "The master is down, severity high."',
      "  zh: \"值班同学贴来了 'Failed while requesting a signed certificate from the master'，控制面正常。\"",
      'choices:',
      '  - article: x',
      '    command: |-',
      '      kubectl get nodes -l node-role.kubernetes.io/master',
      '    why:',
      '      en: "Wrong."',
      '      zh: "不对，按 low 处理就行，master 上的证书没问题。"',
    ].join('\n');
    expect(findHits(drillLines('d.yaml', drill), terms).map((h) => `${h.line}:${h.variant}`)).toEqual(['3:控制面', '10:low', '10:master']);
    const ui = '{\n  "a.b": "严重程度为 {high}",\n  "a.c": "按 high 处理"\n}';
    expect(findHits(uiLines('zh.json', 'zh', ui), terms).map((h) => `${h.line}:${h.variant}`)).toEqual(['3:high']);
  });
});

describe('content uses one vocabulary', () => {
  const { files, lines } = contentLines();

  it('scans every article, module, game day, drill and UI file', () => {
    expect(files.filter((f) => f.startsWith('content/articles/')).length).toBeGreaterThanOrEqual(100);
    expect(files.filter((f) => f.includes('/modules/')).length).toBe(16);
    expect(files.filter((f) => f.includes('/gamedays/')).length).toBeGreaterThanOrEqual(16);
    expect(files.filter((f) => f.includes('/drills/')).length).toBeGreaterThanOrEqual(30);
    // Every zh string of every drill (the context and each choice's why) is among the scanned lines.
    const missing: string[] = [];
    for (const f of files.filter((f) => f.includes('/drills/'))) {
      const data = yaml.load(readFileSync(join(ROOT, f), 'utf8')) as { context: { zh: string }; choices: { why: { zh: string } }[] };
      const scanned = lines.filter((l) => l.file === f).map((l) => l.text).join('\n');
      for (const zh of [data.context.zh, ...data.choices.map((c) => c.why.zh)]) {
        const probe = zh.replace(/["\\]/g, '').slice(0, 12);
        if (!scanned.replace(/["\\]/g, '').includes(probe)) missing.push(`${f}: ${probe}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has no forbidden variant in articles, training or UI strings', () => {
    const hits = findHits(lines, glossary.terms);
    const textAt = new Map(lines.map((l) => [`${l.file}:${l.line}`, l.text]));
    const pending = glossary.pending ?? [];
    const isPending = (h: Hit) =>
      pending.some((p) => p.file === h.file && p.variant.toLowerCase() === h.variant.toLowerCase() && (textAt.get(`${h.file}:${h.line}`) ?? '').includes(p.context));
    const known = hits.filter(isPending);
    if (known.length) console.warn(`glossary: ${known.length} known violation(s) waiting for their article owners:\n${known.map(format).join('\n')}`);
    for (const p of pending) {
      if (!known.some((h) => h.file === p.file && h.variant.toLowerCase() === p.variant.toLowerCase())) {
        console.warn(`glossary: pending entry for ${p.file} ("${p.context}") matches nothing any more; remove it from content/glossary.json`);
      }
    }
    expect(hits.filter((h) => !isPending(h)).map(format)).toEqual([]);
  });

  it('allows known violations only in articles', () => {
    expect((glossary.pending ?? []).filter((p) => !p.file.startsWith('content/articles/'))).toEqual([]);
  });
});

import type { DiagnoseResult, Finding, Subject } from '../engine/types.ts';

/** What the report needs to know about an article, in the reader's language. */
export interface ArticleInfo {
  title: string;
  summary: string;
  /** Link to the article (absolute URL of the page, so it works pasted into a ticket). */
  url: string;
}

/** Words of the report, in the reader's language. */
export interface ReportLabels {
  heading: string;
  recognised: string;
  findings: string;
  noFindings: string;
  severity: Record<'critical' | 'warning' | 'info', string>;
  subject: string;
  evidence: string;
  captured: string;
  article: string;
  /** "lines {from}–{to}" in the reader's language. */
  lineRange: string;
  more: string;
  sectionKinds: Record<string, string>;
  /** "First steps" and "on {on}:" (optional: reports without steps need neither). */
  firstSteps?: string;
  stepOn?: string;
}

/** `Pod shop/web-1`, `Node 10.0.0.7`. */
export function subjectLabel(s: Subject): string {
  return `${s.kind} ${s.namespace ? `${s.namespace}/` : ''}${s.name}`;
}

/**
 * Text from the paste as a Markdown code span: nothing inside one is a link, emphasis or HTML, so a
 * pod named `[x](javascript:…)` or `<script>` stays text wherever the report is rendered. The fence
 * is one backtick longer than the longest run inside, and blanks pad a value that starts or ends
 * with a backtick (CommonMark). Line breaks and other controls become spaces.
 */
export function codeSpan(text: string): string {
  const value = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  let longest = 0;
  for (const run of value.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') || (value.startsWith(' ') && value.endsWith(' ') && value.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/** Our own words in Markdown (article titles): the characters Markdown gives a meaning escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|~]/g, '\\$&');
}

/** A URL as a link destination: parentheses and blanks percent-encoded so they cannot end it. */
function linkTarget(url: string): string {
  return url.replace(/[()<>\s]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

function evidenceBlock(f: Finding, lines: string[], mask: (s: string) => string): string {
  const rows = f.evidence.slice(0, 8).map((e) => `${String(e.line).padStart(5)} | ${(lines[e.line - 1] ?? mask(e.text)).replace(CONTROLS, ' ')}`);
  return codeBlock('text', rows);
}

const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Rows in a fenced block whose fence is longer than any backtick run in them: nothing in them can close it. */
function codeBlock(info: string, rows: string[]): string {
  let longest = 2;
  for (const r of rows) for (const run of r.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  return [`${fence}${info}`, ...rows, fence].join('\n');
}

/** A finding's filled-in steps as one shell block, each place introduced by a `# on …` comment. */
function stepsBlock(steps: { on: string; command: string }[], stepOn: string, mask: (s: string) => string): string {
  const rows: string[] = [];
  let prev: string | undefined;
  for (const s of steps) {
    if (s.on && s.on !== prev) rows.push(`# ${mask(stepOn.replace('{on}', s.on)).replace(CONTROLS, ' ')}`);
    prev = s.on;
    rows.push(...mask(s.command).replace(CONTROLS, ' ').split('\n'));
  }
  return codeBlock('bash', rows);
}

/**
 * The findings as Markdown for a ticket or a chat: what was recognised, then each finding with
 * severity, subject(s), captured values, evidence lines and the article link. `lines` are the
 * lines of the paste as shared (already redacted when the reader asked for it); `mask` is applied
 * to every other value taken from the paste (subject names, captures) — the redactor, when the
 * reader asked for it. Everything from the paste is in code spans or a code block.
 */
export function buildReport(result: DiagnoseResult, lines: string[], articles: Record<string, ArticleInfo>, labels: ReportLabels, mask: (s: string) => string = (s) => s): string {
  const subject = (s: Subject) => codeSpan(mask(subjectLabel(s)));
  const out: string[] = [`## ${labels.heading}`, ''];
  if (result.sections.length > 0) {
    out.push(`**${labels.recognised}:** ` + result.sections.map((s) => `${labels.lineRange.replace('{from}', String(s.startLine)).replace('{to}', String(s.endLine))} \`${labels.sectionKinds[s.kind] ?? s.kind}\``).join('; '), '');
  }
  if (result.findings.length === 0) {
    out.push(labels.noFindings);
    return out.join('\n') + '\n';
  }
  out.push(`### ${labels.findings}`, '');
  result.findings.forEach((f, i) => {
    const a = articles[f.article];
    out.push(`${i + 1}. **${escapeMarkdown(a?.title ?? f.article)}** — ${labels.severity[f.severity]}`);
    const subjects = f.subjects.length > 1 ? `${f.subjects.slice(0, 10).map(subject).join(', ')}${f.subjects.length > 10 ? ` (+${f.subjects.length - 10} ${labels.more})` : ''}` : subject(f.subject);
    out.push(`   - ${labels.subject}: ${subjects}`);
    const caps = Object.entries(f.captures);
    if (caps.length > 0) out.push(`   - ${labels.captured}: ${caps.map(([k, v]) => codeSpan(`${k}=${mask(String(v))}`)).join(', ')}`);
    // The knowledge base's own link is never masked: a redacted report must still lead to the fix.
    if (a) out.push(`   - ${labels.article}: [${escapeMarkdown(a.title)}](${linkTarget(a.url)})`);
    if (f.evidence.length > 0) {
      out.push(`   - ${labels.evidence}:`, '', evidenceBlock(f, lines, mask).replace(/^/gm, '     '), '');
    }
    if (f.steps?.length && labels.firstSteps) {
      out.push(`   - ${labels.firstSteps}:`, '', stepsBlock(f.steps, labels.stepOn ?? '{on}', mask).replace(/^/gm, '     '), '');
    }
  });
  return out.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}

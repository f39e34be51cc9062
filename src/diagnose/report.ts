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
}

/** `Pod shop/web-1`, `Node 10.0.0.7`. */
export function subjectLabel(s: Subject): string {
  return `${s.kind} ${s.namespace ? `${s.namespace}/` : ''}${s.name}`;
}

function evidenceBlock(f: Finding, lines: string[]): string {
  const rows = f.evidence.slice(0, 8).map((e) => `${String(e.line).padStart(5)} | ${lines[e.line - 1] ?? e.text}`);
  return ['```text', ...rows, '```'].join('\n');
}

/**
 * The findings as Markdown for a ticket or a chat: what was recognised, then each finding with
 * severity, subject(s), captured values, evidence lines and the article link. `lines` are the
 * lines of the paste as shared (already redacted when the reader asked for it).
 */
export function buildReport(result: DiagnoseResult, lines: string[], articles: Record<string, ArticleInfo>, labels: ReportLabels): string {
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
    out.push(`${i + 1}. **${a?.title ?? f.article}** — ${labels.severity[f.severity]}`);
    const subjects = f.subjects.length > 1 ? `${f.subjects.slice(0, 10).map(subjectLabel).join(', ')}${f.subjects.length > 10 ? ` (+${f.subjects.length - 10} ${labels.more})` : ''}` : subjectLabel(f.subject);
    out.push(`   - ${labels.subject}: ${subjects}`);
    const caps = Object.entries(f.captures);
    if (caps.length > 0) out.push(`   - ${labels.captured}: ${caps.map(([k, v]) => `${k}=${v}`).join(', ')}`);
    if (a) out.push(`   - ${labels.article}: [${a.title}](${a.url})`);
    if (f.evidence.length > 0) {
      out.push(`   - ${labels.evidence}:`, '', evidenceBlock(f, lines).replace(/^/gm, '     '), '');
    }
  });
  return out.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}

/** Renders a diagnosis for a person, in the reader's language. */
import { SUPPORTED_KINDS, type DiagnoseResult, type Finding, type Subject } from '../engine/index.ts';
import { articleLink, articleLinksArePaths, articleTitle } from './io.ts';
import { t, type Lang } from './messages.ts';

export interface CliMessage {
  code: string;
  params?: Record<string, string | number>;
}

function subjectText(s: Subject): string {
  return `${s.kind} ${s.namespace ? `${s.namespace}/` : ''}${s.name}`;
}

/** One message about the input, in words. */
export function messageText(m: CliMessage, lang: Lang): string {
  const key = `message.${m.code}` as Parameters<typeof t>[1];
  const params = { ...(m.params ?? {}) } as Record<string, string | number>;
  if (m.code === 'unrecognised-input') params.kinds = SUPPORTED_KINDS.join(', ');
  try {
    return t(lang, key, params);
  } catch {
    return m.code;
  }
}

function findingText(f: Finding, i: number, lang: Lang, baseUrl: string | undefined): string[] {
  const out: string[] = [];
  const sev = t(lang, `diagnose.severity.${f.severity}` as const);
  out.push(`${i + 1}. [${sev}] ${articleTitle(f.article, lang)}  ${t(lang, 'diagnose.score', { score: f.score.toFixed(2) })}`);
  let subj = `   ${t(lang, 'diagnose.subject')}: ${subjectText(f.subject)}`;
  if (f.count > 1) {
    const others = f.subjects.slice(1, 6).map(subjectText).join(', ') + (f.count > 6 ? ', …' : '');
    subj += ' ' + t(lang, 'diagnose.more', { count: f.count - 1, list: others });
  }
  out.push(subj);
  const caps = Object.entries(f.captures);
  if (caps.length) out.push(`   ${t(lang, 'diagnose.captures')}: ${caps.map(([k, v]) => `${k}=${v}`).join(', ')}`);
  if (f.evidence.length) {
    out.push(`   ${t(lang, 'diagnose.evidence')}:`);
    const width = String(f.evidence[f.evidence.length - 1]!.line).length;
    for (const e of f.evidence) out.push(`     ${String(e.line).padStart(width)} │ ${e.text}`);
  }
  // A finding another one explains gets its article link only: its own first steps would mislead.
  if (f.steps?.length && !f.supersededBy) out.push(...stepsText(f.steps, lang));
  out.push(`   ${t(lang, 'diagnose.rule')}: ${f.ruleId}${f.supersededBy ? ` (${t(lang, 'diagnose.supersededBy', { rule: f.supersededBy })})` : ''}`);
  out.push(`   ${t(lang, 'diagnose.article')}: ${articleLink(f.article, lang, baseUrl)}`);
  return out;
}

/**
 * The filled-in first steps, each under where it runs; a step that runs where the one before it
 * ran goes under the same heading (blank line between), so the commands copy as they are.
 */
function stepsText(steps: NonNullable<Finding['steps']>, lang: Lang): string[] {
  const out = [`   ${t(lang, 'diagnose.steps')}:`];
  let prev: string | undefined;
  for (const s of steps) {
    if (s.on !== prev) out.push(`     ▸ ${t(lang, 'diagnose.stepOn', { on: s.on })}`);
    else out.push('');
    prev = s.on;
    for (const line of s.command.split('\n')) out.push(`       ${line}`);
  }
  return out;
}

/** The full human report for one input. */
export function renderHuman(name: string, result: DiagnoseResult & { messages: CliMessage[] }, lang: Lang, baseUrl: string | undefined): string {
  const out: string[] = [t(lang, 'diagnose.header', { name })];
  if (result.sections.length) {
    const list = result.sections.map((s) => t(lang, 'diagnose.sectionItem', { kind: s.kind, from: s.startLine, to: s.endLine })).join(', ');
    out.push(t(lang, 'diagnose.sections', { list }));
  }
  for (const m of result.messages) out.push(`! ${messageText(m, lang)}`);
  out.push('');
  const serious = result.findings.filter((f) => f.severity !== 'info');
  if (result.findings.length === 0) {
    if (result.related?.length) out.push(t(lang, 'diagnose.noneMatched'));
    else if (!result.messages.some((m) => m.code !== 'line-truncated' && m.code !== 'input-truncated')) out.push(t(lang, 'diagnose.none'));
  } else {
    if (serious.length === 0) out.push(t(lang, 'diagnose.infoOnly'));
    result.findings.forEach((f, i) => {
      out.push(...findingText(f, i, lang, baseUrl));
      out.push('');
    });
  }
  if (result.related?.length) {
    if (result.findings.length) out.push('');
    out.push(t(lang, 'diagnose.related'));
    for (const r of result.related) {
      out.push(`  - ${articleTitle(r.article, lang)}  (${t(lang, 'diagnose.relatedLines', { lines: r.lines.join(', ') })})`);
      out.push(`    ${articleLink(r.article, lang, baseUrl)}`);
    }
  }
  if ((result.findings.length || result.related?.length) && articleLinksArePaths(baseUrl)) out.push('', t(lang, 'diagnose.linksNote'));
  return escapeControls(out.join('\n').trimEnd()) + '\n';
}

// C0 controls but tab and line feed, DEL, and C1 controls (U+0080–U+009F, e.g. the one-byte CSI).
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Shows terminal controls from the paste as `\x1b`-style escapes instead of sending them to the
 * terminal: an escape sequence in a pod name or a log line could reset the terminal, retitle it or
 * hide output (kubectl escapes them too since CVE-2021-25743). The text this module adds has none.
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => '\\x' + c.charCodeAt(0).toString(16).padStart(2, '0'));
}

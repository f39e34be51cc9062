/**
 * `k8s-kb diagnose BUNDLE` for a person: one screen of counts first (findings by severity,
 * objects by namespace and node, files read and skipped), then the findings grouped by article with
 * every affected object and `file:line` evidence, then the skipped files with their reasons.
 */
import type { BundleReport, BundleFinding } from '../bundle/index.ts';
import type { Subject } from '../engine/index.ts';
import { articleLink, articleTitle } from './io.ts';
import { t, type Lang } from './messages.ts';
import { escapeControls, messageText } from './render.ts';

const WORDS = {
  en: {
    header: 'Diagnosis of {name} ({format}) as one cluster',
    'format.k8s-kb': 'k8s-kb collect bundle',
    'format.troubleshoot': 'troubleshoot.sh support bundle',
    'format.files': 'files',
    files: 'Files: {read} read, {skipped} skipped',
    findings: 'Findings: {list}',
    severityItem: '{count} {severity} ({objects} objects)',
    noFindings: 'Findings: none',
    byNamespace: 'By namespace (objects with a warning or critical finding): {list}',
    byNode: 'By node: {list}',
    cluster: '(cluster-wide)',
    more: '… {count} more',
    objects: 'Objects ({count})',
    none: 'No problems found in the bundle.',
    skippedHeader: 'Skipped files:',
    'skip.link': 'a link (not followed)',
    'skip.special': 'not a regular file',
    'skip.too-large': 'larger than 16 MiB',
    'skip.total-limit': 'over 256 MiB read from the bundle in all',
    'skip.entry-limit': 'over 20,000 files in the bundle; this and later files not read',
    'skip.binary': 'binary, not text',
    'skip.empty': 'empty',
    'skip.not-diagnosed': 'nothing the rules read (RBAC, CRDs, config…)',
    'skip.duplicate': 'the same path twice; the first was read',
    'error.not-tar': '{file} is not a tar archive (nor a .tar.gz of one).',
    'error.truncated': '{file} ends in the middle of a file: the archive is cut short.',
    'error.gzip-limit': '{file} inflates to more than {limit} MiB; stopped (a bundle this large, or a gzip bomb). Unpack it and diagnose the folder, or part of it.',
    'error.gzip-invalid': '{file} is not a valid gzip file: {error}',
    'error.empty-bundle': '{file} holds no files.',
    'error.empty-folder': '{file}: is a directory (EISDIR) with no files in it; nothing to diagnose.',
    'message.bundle-empty': 'No file in the bundle could be read as text.',
  },
  zh: {
    header: '诊断：{name}（{format}），按同一个集群汇总',
    'format.k8s-kb': 'k8s-kb collect 采集包',
    'format.troubleshoot': 'troubleshoot.sh 支持包',
    'format.files': '文件集',
    files: '文件：已读取 {read} 个，跳过 {skipped} 个',
    findings: '发现：{list}',
    severityItem: '{severity} {count} 项（涉及 {objects} 个对象）',
    noFindings: '发现：无',
    byNamespace: '按命名空间（有警告或严重问题的对象数）：{list}',
    byNode: '按节点：{list}',
    cluster: '（集群级）',
    more: '…… 另有 {count} 个',
    objects: '涉及对象（{count} 个）',
    none: '在此包中没有发现问题。',
    skippedHeader: '跳过的文件：',
    'skip.link': '链接（不跟随）',
    'skip.special': '不是普通文件',
    'skip.too-large': '超过 16 MiB',
    'skip.total-limit': '此包已读满 256 MiB',
    'skip.entry-limit': '包内文件超过 20,000 个，此文件及之后的文件未读取',
    'skip.binary': '二进制文件，不是文本',
    'skip.empty': '空文件',
    'skip.not-diagnosed': '规则不读取这类内容（RBAC、CRD、配置等）',
    'skip.duplicate': '路径重复，只读取了第一个',
    'error.not-tar': '{file} 不是 tar 归档（也不是 tar 的 .tar.gz）。',
    'error.truncated': '{file} 在某个文件中途结束：归档不完整。',
    'error.gzip-limit': '{file} 解压后超过 {limit} MiB，已停止（包过大，或是 gzip 炸弹）。请先解压，再诊断整个目录或其中一部分。',
    'error.gzip-invalid': '{file} 不是有效的 gzip 文件：{error}',
    'error.empty-bundle': '{file} 里没有文件。',
    'error.empty-folder': '{file}：是一个目录（EISDIR），里面没有文件，无可诊断。',
    'message.bundle-empty': '包里没有可以作为文本读取的文件。',
  },
} as const;

type Key = keyof (typeof WORDS)['en'];

/** A bundle string in the reader's language, `{name}` placeholders filled. */
export function bundleText(lang: Lang, key: Key | string, params: Record<string, string | number> = {}): string {
  const s = (WORDS[lang] as Record<string, string>)[key] ?? (WORDS.en as Record<string, string>)[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

const subjectText = (s: Subject) => `${s.kind} ${s.namespace ? `${s.namespace}/` : ''}${s.name}`;

/** `a 3 · b 2 · … 4 more`, the first `max` entries. */
function counts(list: [string, number][], lang: Lang, max = 8): string {
  const shown = list.slice(0, max).map(([k, n]) => `${k || bundleText(lang, 'cluster')} ${n}`);
  if (list.length > max) shown.push(bundleText(lang, 'more', { count: list.length - max }));
  return shown.join(' · ');
}

/** Objects listed in the text report per finding; `--json` lists them all. */
const MAX_OBJECTS_SHOWN = 50;

function findingLines(f: BundleFinding, i: number, lang: Lang, baseUrl: string | undefined): string[] {
  const out: string[] = [];
  const sev = t(lang, `diagnose.severity.${f.severity}` as const);
  out.push(`${i + 1}. [${sev}] ${articleTitle(f.article, lang)}  ${t(lang, 'diagnose.score', { score: f.score.toFixed(2) })}`);
  const subjects = f.subjects.filter((s) => s.kind !== 'Paste');
  if (subjects.length) out.push(`   ${bundleText(lang, 'objects', { count: subjects.length })}:`);
  for (const s of subjects.slice(0, MAX_OBJECTS_SHOWN)) out.push(`     - ${subjectText(s)}`);
  if (subjects.length > MAX_OBJECTS_SHOWN) out.push(`     ${bundleText(lang, 'more', { count: subjects.length - MAX_OBJECTS_SHOWN })}`);
  const caps = Object.entries(f.captures);
  if (caps.length) out.push(`   ${t(lang, 'diagnose.captures')}: ${caps.map(([k, v]) => `${k}=${v}`).join(', ')}`);
  if (f.evidence.length) {
    out.push(`   ${t(lang, 'diagnose.evidence')}:`);
    const where = f.evidence.map((e) => `${e.file}:${e.line}`);
    const width = Math.min(80, Math.max(...where.map((w) => w.length)));
    f.evidence.forEach((e, j) => {
      out.push(`     ${where[j]!.padEnd(width)} │ ${e.text.trim()}`);
    });
  }
  out.push(`   ${t(lang, 'diagnose.rule')}: ${f.ruleId}${f.supersededBy ? ` (${t(lang, 'diagnose.supersededBy', { rule: f.supersededBy })})` : ''}`);
  out.push(`   ${t(lang, 'diagnose.article')}: ${articleLink(f.article, lang, baseUrl)}`);
  return out;
}

/** The whole text report for a bundle. */
export function renderBundle(name: string, report: BundleReport, lang: Lang, baseUrl: string | undefined): string {
  const out: string[] = [bundleText(lang, 'header', { name, format: bundleText(lang, `format.${report.format}`) })];
  out.push(bundleText(lang, 'files', { read: report.files.length, skipped: report.skipped.length }));
  const s = report.summary;
  const sev = (['critical', 'warning', 'info'] as const)
    .filter((k) => s.bySeverity[k].findings > 0)
    .map((k) => bundleText(lang, 'severityItem', { count: s.bySeverity[k].findings, severity: t(lang, `diagnose.severity.${k}` as const), objects: s.bySeverity[k].objects }));
  out.push(sev.length ? bundleText(lang, 'findings', { list: sev.join(' · ') }) : bundleText(lang, 'noFindings'));
  if (s.byNamespace.length) out.push(bundleText(lang, 'byNamespace', { list: counts(s.byNamespace, lang) }));
  if (s.byNode.length) out.push(bundleText(lang, 'byNode', { list: counts(s.byNode, lang) }));
  for (const m of report.messages) {
    const where = m.params?.file !== undefined ? ` (${m.params.file}${m.params.line !== undefined ? `:${m.params.line}` : ''})` : '';
    out.push(`! ${m.code.startsWith('bundle-') ? bundleText(lang, `message.${m.code}`) : messageText(m, lang)}${where}`);
  }
  out.push('');
  if (report.findings.length === 0) out.push(bundleText(lang, 'none'));
  report.findings.forEach((f, i) => {
    out.push(...findingLines(f, i, lang, baseUrl));
    out.push('');
  });
  if (report.related?.length) {
    out.push(t(lang, 'diagnose.related'));
    for (const r of report.related) {
      const where = r.lines.map((l, j) => `${r.files[j]}:${l}`).join(', ');
      out.push(`  - ${articleTitle(r.article, lang)}  (${where})`);
      out.push(`    ${articleLink(r.article, lang, baseUrl)}`);
    }
    out.push('');
  }
  if (report.skipped.length) {
    out.push(bundleText(lang, 'skippedHeader'));
    // Grouped by reason, a few names each: a support bundle skips dozens of RBAC lists and links.
    const byReason = new Map<string, string[]>();
    for (const k of report.skipped) byReason.set(k.reason, [...(byReason.get(k.reason) ?? []), k.path]);
    for (const [reason, paths] of byReason) {
      out.push(`  ${bundleText(lang, `skip.${reason}`)} (${paths.length}):`);
      for (const p of paths.slice(0, 5)) out.push(`    - ${p}`);
      if (paths.length > 5) out.push(`    ${bundleText(lang, 'more', { count: paths.length - 5 })}`);
    }
  }
  return escapeControls(out.join('\n').trimEnd()) + '\n';
}

/** The `--json` object: the diagnose contract (evidence and sections carry `file`) plus `bundle`. */
export function bundleJson(report: BundleReport): object {
  const { sections, findings, messages, related, format, files, skipped, summary } = report;
  return { sections, findings, messages, ...(related ? { related } : {}), bundle: { format, files, skipped, summary } };
}

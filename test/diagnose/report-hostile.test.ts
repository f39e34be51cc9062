/**
 * The Markdown report keeps everything from the paste as text (review D9): rendered by a Markdown
 * library, a pod named `[pwn](javascript:…)`, `<script>` in a namespace or a capture, and a code
 * fence in an evidence line produce no link, no element and no early end of the block.
 */
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/diagnose/redact.ts';
import { buildReport, codeSpan, type ReportLabels } from '../../src/diagnose/report.ts';
import { diagnose } from '../../src/engine/index.ts';
import { ruleSet } from '../engine/helpers.ts';

const labels: ReportLabels = {
  heading: 'Diagnosis',
  recognised: 'Recognised',
  findings: 'Findings',
  noFindings: 'No findings',
  severity: { critical: 'critical', warning: 'warning', info: 'info' },
  subject: 'Affects',
  evidence: 'Evidence',
  captured: 'Captured',
  article: 'Article',
  lineRange: 'lines {from}–{to}',
  more: 'more',
  sectionKinds: {},
};
const articles = { 'crashloop-app-error': { title: 'CrashLoopBackOff (app error)', summary: '', url: 'file:///C:/k8s kb (copy)/en/articles/crashloop-app-error/index.html' } };

async function reportFor(paste: string, mask?: (s: string) => string): Promise<string> {
  const result = await diagnose(paste, ruleSet());
  return buildReport(result, paste.split('\n'), articles, labels, mask);
}

describe('the Markdown report (D9)', () => {
  const paste = [
    'NAMESPACE   NAME   READY   STATUS   RESTARTS   AGE',
    'default   [pwn](javascript:alert(1))   0/1   CrashLoopBackOff   5   1m',
    '<script>alert(2)</script>   web-1   0/1   CrashLoopBackOff   5   1m',
    '<img/src=x/onerror=alert(3)>   ```evil   0/1   CrashLoopBackOff   5   1m',
  ].join('\n');

  it('renders no link, script or element from the paste', async () => {
    const md = await reportFor(paste);
    expect(md).toContain('[pwn](javascript:alert(1))'); // still readable as text
    const html = await marked.parse(md);
    expect(html).not.toMatch(/<a [^>]*href="javascript:/i);
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;');
    // Our own link still works, with the parentheses of the path encoded.
    expect(html).toContain('href="file:///C:/k8s%20kb%20%28copy%29/en/articles/crashloop-app-error/index.html"');
  });

  it('keeps redaction placeholders visible: they are in code spans, not read as HTML tags', async () => {
    const redactor = createRedactor();
    const shared = redactor(paste).text;
    const result = await diagnose(paste, ruleSet());
    const md = buildReport(result, shared.split('\n'), articles, labels, (s) => redactor(s).text);
    const html = await marked.parse(md);
    expect(html).toMatch(/<code>Pod &lt;name-\d+&gt;\/&lt;name-\d+&gt;<\/code>/);
    expect(md).not.toContain('javascript:alert(1)');
  });

  it('code spans survive backticks and the evidence fence cannot be closed from inside', async () => {
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`x`')).toBe('`` `x` ``');
    const md = await reportFor('Name: web-1\nNamespace: default\nStatus: Running\nEvents:\n  Warning  BackOff  1m  kubelet  Back-off restarting failed container ``` <b>x</b>\n');
    const html = await marked.parse(md);
    expect(html).not.toContain('<b>x</b>');
  });
});

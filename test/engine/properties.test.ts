/**
 * Property and fuzz tests (fast-check): random text, kubectl-shaped noise and mutated real pastes
 * (test/fixtures and the labelled corpora) go through every parser and the whole engine.
 * - nothing throws;
 * - the output contract holds (codes, line numbers inside the paste, bounded evidence);
 * - time grows linearly with size: a paste four times as long takes at most LINEAR_BOUND times as
 *   long, measured as a ratio in the same process, never against an absolute time.
 * A failure prints fast-check's seed and the shrunk input; rerun with that seed to reproduce.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose, PARSERS, type DiagnoseResult } from '../../src/engine/index.ts';
import { MAX_EVIDENCE_CHARS } from '../../src/engine/limits.ts';
import { linesOf } from '../../src/engine/normalize.ts';
import { fixture, fixtureFiles, realPastes, ruleSet } from './helpers.ts';
import { diagnoseMs, LINEAR_BOUND } from './timing.ts';

const CORPUS: string[] = [...fixtureFiles().map(fixture), ...realPastes().map((p) => p.text)];
const MESSAGE_CODES = new Set(['empty-input', 'binary-input', 'input-truncated', 'line-truncated', 'unrecognised-input', 'time-budget']);
const SEVERITIES = new Set(['critical', 'warning', 'info']);

/** Lines of a paste as the engine numbers them. */
function lineCount(text: string): number {
  const t = text.indexOf('\n') === -1 && text.indexOf('\r') !== -1 ? text.replace(/\r/g, '\n') : text;
  const parts = t.split('\n');
  return parts.length > 1 && parts[parts.length - 1] === '' ? parts.length - 1 : parts.length;
}

/** The output contract of diagnose(): problems as strings (empty when it holds). */
function contractProblems(r: DiagnoseResult, text: string): string[] {
  const out: string[] = [];
  const n = lineCount(text);
  const inPaste = (l: number) => Number.isInteger(l) && l >= 1 && l <= n;
  if (!Array.isArray(r.sections) || !Array.isArray(r.findings) || !Array.isArray(r.messages)) return ['missing arrays'];
  for (const m of r.messages) if (!MESSAGE_CODES.has(m.code)) out.push(`unknown message ${m.code}`);
  for (const s of r.sections) {
    if (typeof s.kind !== 'string' || !inPaste(s.startLine) || !inPaste(s.endLine) || s.startLine > s.endLine) out.push(`bad section ${JSON.stringify(s)}`);
  }
  for (const f of r.findings) {
    if (typeof f.ruleId !== 'string' || typeof f.article !== 'string' || !SEVERITIES.has(f.severity)) out.push(`bad finding ${f.ruleId}`);
    if (typeof f.score !== 'number' || !(f.score >= 0 && f.score <= 1)) out.push(`bad score ${f.score}`);
    if (typeof f.subject?.kind !== 'string' || typeof f.subject?.name !== 'string') out.push('bad subject');
    if (f.count < 1 || f.subjects.length > f.count) out.push(`bad count ${f.count}`);
    for (const e of f.evidence) {
      if (!inPaste(e.line)) out.push(`evidence line ${e.line} outside 1..${n}`);
      if (typeof e.text !== 'string' || e.text.length > MAX_EVIDENCE_CHARS + 1) out.push('bad evidence text');
    }
    for (const v of Object.values(f.captures)) if (typeof v !== 'string' && typeof v !== 'number') out.push('bad capture');
  }
  return out;
}

// Pieces real terminal output is made of, and the noise hostile input adds.
const WORDS = [
  'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'NAMESPACE', 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE', 'Name:', 'Namespace:',
  'Events:', 'Conditions:', 'State:', 'Last State:', 'Reason:', 'Exit Code:', 'Warning', 'Normal', 'FailedScheduling', 'BackOff',
  'CrashLoopBackOff', 'OOMKilled', 'Pending', 'Running', '0/1', '137', '5m', '(x4 over 10m)', 'pod/web-1', 'kubelet', 'default-scheduler',
  'apiVersion:', 'kind:', 'items:', '- name:', '{', '}', '[', ']', '"status":', '"reason":', ':', ',', '$ kubectl get po -A', 'E0501 12:00:00.000000    1234 kubelet.go:2183]',
  'Jan 18 10:00:01 node-1 kubelet[1234]:', '2024-05-01 12:00:00.123 INFO', 'had untolerated taint {', 'Insufficient memory', '...', '<none>',
  '\t', '   ', '\u001b[31m', '\u001b]0;t\u0007', '#011', '\u00a0', '内存不足', '节点', '\ufeff', '`', '<script>', '\\n', '\\"',
];
const token = fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 }), fc.integer({ min: 0, max: 99999 }).map(String));
const line = fc.array(token, { maxLength: 14 }).map((ts) => ts.join(' '));
const kubectlish = fc.array(line, { maxLength: 60 }).map((ls) => ls.join('\n'));
const anyText = fc.oneof(fc.string({ maxLength: 2000 }), fc.string({ unit: 'binary', maxLength: 2000 }), kubectlish);

/** A real paste, then a few edits: cut a range, repeat one, insert noise, shuffle lines, change line ends. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('cut'), at: fc.nat(), len: fc.nat({ max: 400 }) }),
  fc.record({ op: fc.constant('repeat'), at: fc.nat(), len: fc.nat({ max: 200 }), times: fc.integer({ min: 2, max: 30 }) }),
  fc.record({ op: fc.constant('insert'), at: fc.nat(), text: anyText }),
  fc.record({ op: fc.constant('swap'), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('ends'), to: fc.constantFrom('\r\n', '\r', '\n\n', '\n   ') }),
  fc.record({ op: fc.constant('truncate'), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, m: Mutation): string {
  const at = (k: number) => (text.length === 0 ? 0 : k % (text.length + 1));
  switch (m.op) {
    case 'cut': return text.slice(0, at(m.at)) + text.slice(at(m.at) + m.len);
    case 'repeat': { const a = at(m.at); return text.slice(0, a) + text.slice(a, a + m.len).repeat(m.times) + text.slice(a); }
    case 'insert': return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at));
    case 'swap': {
      const ls = text.split('\n');
      if (ls.length < 2) return text;
      const i = m.a % ls.length;
      const j = m.b % ls.length;
      [ls[i], ls[j]] = [ls[j]!, ls[i]!];
      return ls.join('\n');
    }
    case 'ends': return text.replace(/\n/g, m.to);
    case 'truncate': return text.slice(0, at(m.at));
  }
}
const mutatedPaste = fc.tuple(fc.constantFrom(...CORPUS), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([t, ms]) => ms.reduce(mutate, t));

describe('engine properties', () => {
  it('never throws and keeps its output contract on random and kubectl-shaped text', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const r = await diagnose(text, ruleSet());
        expect(contractProblems(r, text)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('never throws and keeps its output contract on mutated real pastes', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedPaste, async (text) => {
        const r = await diagnose(text, ruleSet());
        expect(contractProblems(r, text)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('every parser reads any lines without throwing, scores in 0..1, and reports lines of the input', () => {
    fc.assert(
      fc.property(fc.oneof(kubectlish, mutatedPaste), (text) => {
        const lines = linesOf(text.split('\n'));
        const last = lines.length;
        for (const p of PARSERS) {
          const score = p.detect(lines);
          expect(score >= 0 && score <= 1, `${p.kind} detect ${score}`).toBe(true);
          const { records } = p.parse(lines);
          for (const r of records) {
            expect(typeof r.subject.kind === 'string' && typeof r.subject.name === 'string', p.kind).toBe(true);
            for (const list of r.texts.values()) for (const l of list) expect(l.start >= 1 && l.end <= last && l.start <= l.end, `${p.kind} line ${l.start}-${l.end}`).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it('time grows linearly with size: a mutated paste four times as long costs at most LINEAR_BOUND times as much', async () => {
    const ratios: string[] = [];
    await fc.assert(
      fc.asyncProperty(mutatedPaste, async (text) => {
        // Grow to about 200 KB so the timing is not all noise, then four times that.
        const unit = text.length > 0 ? text.repeat(Math.max(1, Math.ceil(200_000 / text.length))) : 'x\n';
        const small = await diagnoseMs(unit);
        const large = await diagnoseMs(unit.repeat(4));
        ratios.push((large / Math.max(small, 1)).toFixed(1));
        expect(large, `4× the paste took ${large.toFixed(0)} ms against ${small.toFixed(0)} ms`).toBeLessThan(LINEAR_BOUND * small + 50);
      }),
      { numRuns: 12 },
    );
    expect(ratios.length).toBe(12);
  }, 300_000);
});

/**
 * The review's hostile pastes against the rules and the whole engine (D3, D12, the time budget):
 * lines made of a rule's own literals cost about what ordinary lines of the same length cost, a
 * diagnosis that runs out of time says so and returns what it found, CR-only line ends are lines.
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/engine/index.ts';
import { fixture, ruleSet } from './helpers.ts';
import { diagnoseMs } from './timing.ts';

/** `n` lines of 4 KB (the engine's line cap): `head` then `unit` repeated. */
function lines(n: number, head: (i: number) => string, unit: string): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    const h = head(i);
    s += h + unit.repeat(Math.ceil((4096 - h.length) / unit.length)).slice(0, 4096 - h.length) + '\n';
  }
  return s;
}

const klogHead = (i: number) => `E0501 12:00:${String(i % 60).padStart(2, '0')}.000000    1234 kuberuntime_sandbox.go:72] `;
const eventsHeader = 'LAST SEEN   TYPE      REASON             OBJECT      MESSAGE\n';
const eventHead = (i: number) => `5m          Warning   FailedScheduling   pod/web-${i}   `;

describe('hostile lines against the rule regexes (D3)', () => {
  // Before: 11–18 ms per line (cubic), 46 s and 38 s for 16 MB; ordinary lines cost ~0.01 ms.
  it('a kubelet log of "CreatePodSandbox for pod  failed" lines costs about what ordinary log lines cost', async () => {
    const hostile = await diagnoseMs(lines(300, klogHead, 'CreatePodSandbox for pod  failed '), 2);
    const ordinary = await diagnoseMs(lines(300, klogHead, 'Error syncing pod, skipping: rpc error code '), 2);
    expect(hostile).toBeLessThan(5 * ordinary + 20);
  });

  it('get events rows of "FailedScheduling{" and "had untolerated taint {" cost about what ordinary rows cost', async () => {
    const unit = 'N' + 'FAILEDSCHEDULING{F'.repeat(75) + 'HAD UNTOLERATED TAINT {F'.repeat(200);
    const hostile = await diagnoseMs(eventsHeader + lines(300, eventHead, unit), 2);
    const ordinary = await diagnoseMs(eventsHeader + lines(300, eventHead, '0/3 nodes are available: 3 Insufficient cpu. '), 2);
    expect(hostile).toBeLessThan(5 * ordinary + 20);
  });

  it('the rewritten patterns still find what they found', async () => {
    const r = await diagnose(eventsHeader + '5m          Warning   FailedScheduling   pod/web-1   0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu.\n', ruleSet());
    const articles = r.findings.map((f) => f.article);
    expect(articles).toContain('pod-pending-insufficient-resources');
    expect(r.findings.find((f) => f.article === 'pod-pending-insufficient-resources')?.captures).toMatchObject({ resource: 'cpu' });
  });
});

describe('time budget', () => {
  it('stops reading lines when half the budget is spent, says where, and returns what it found', async () => {
    const text = fixture('describe-pod/crashloop-exit-1-spring.txt') + '\n' + 'y\n'.repeat(200_000);
    // A clock that runs 5 ms per reading: the budget runs out while the filler is being read.
    let t = 0;
    const r = await diagnose(text, ruleSet(), { timeBudgetMs: 400, now: () => (t += 5) });
    const msg = r.messages.find((m) => m.code === 'time-budget');
    expect(msg?.params).toMatchObject({ seconds: 0.4 });
    expect(Number(msg!.params!.line)).toBeGreaterThan(51);
    expect(Number(msg!.params!.line)).toBeLessThan(200_000);
    expect(r.findings[0]?.article).toBe('crashloop-app-error');
  });

  it('a diagnosis within the budget has no such message', async () => {
    const r = await diagnose(fixture('describe-pod/crashloop-exit-1-spring.txt'), ruleSet());
    expect(r.messages).toEqual([]);
  });
});

describe('line ends (D12)', () => {
  it('reads CR-only line ends as lines', async () => {
    const text = fixture('describe-pod/crashloop-exit-1-spring.txt');
    const lf = await diagnose(text, ruleSet());
    const cr = await diagnose(text.replace(/\n/g, '\r'), ruleSet());
    expect(cr.sections).toEqual(lf.sections);
    expect(cr.findings.map((f) => [f.ruleId, f.evidence.map((e) => e.line)])).toEqual(lf.findings.map((f) => [f.ruleId, f.evidence.map((e) => e.line)]));
  });
});

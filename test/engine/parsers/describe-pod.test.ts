import { describe, expect, it } from 'vitest';
import { describePod } from '../../../src/engine/parsers/describe-pod.ts';
import { facts, parseWith } from './util.ts';

describe('describe-pod parser', () => {
  it('reads states, last states, restarts and new-style events', () => {
    const r = parseWith(describePod, [
      'Name:         web-1',
      'Namespace:    shop',
      'Status:       Running',
      'Containers:',
      '  app:',
      '    State:          Waiting',
      '      Reason:       CrashLoopBackOff',
      '    Last State:     Terminated',
      '      Reason:       OOMKilled',
      '      Exit Code:    137',
      '    Restart Count:  12',
      'Events:',
      '  Type     Reason   Age                 From     Message',
      '  ----     ------   ----                ----     -------',
      '  Warning  BackOff  2m (x50 over 40m)   kubelet  Back-off restarting failed container app in pod web-1_shop(3f1c)',
    ].join('\n'));
    expect(r.score).toBe(1);
    expect(facts(r.records[0])).toMatchObject({
      subject: { kind: 'Pod', namespace: 'shop', name: 'web-1' },
      scalars: { phase: 'Running', restarts: 12 },
      texts: { waitingReasons: ['CrashLoopBackOff'], lastTerminationReasons: ['OOMKilled'], lastExitCodes: ['137'], events: ['Warning BackOff Back-off restarting failed container app in pod web-1_shop(3f1c)'] },
      lines: { lastTerminationReasons: [[9, 9]] },
    });
  });

  it('reads the old tab-separated layout and its FirstSeen events', () => {
    const r = parseWith(describePod, 'Name:\t\tweb-1\nNamespace:\tdefault\nStatus:\t\tPending\nEvents:\n  FirstSeen\tLastSeen\tCount\tFrom\t\t\tSubObjectPath\tType\t\tReason\t\t\tMessage\n  ---------\t--------\t-----\t----\t\t\t-------------\t--------\t------\t\t\t-------\n  1m\t\t1m\t\t1\t{default-scheduler }\t\t\tWarning\t\tFailedScheduling\tpod (web-1) failed to fit in any node\n');
    expect(facts(r.records[0])).toMatchObject({ scalars: { phase: 'Pending' }, texts: { events: ['Warning FailedScheduling pod (web-1) failed to fit in any node'] } });
  });

  it('reads Evicted and Terminating pods', () => {
    const ev = parseWith(describePod, 'Name:  x\nNamespace: a\nStatus:  Failed\nReason:  Evicted\nMessage: The node was low on resource: memory. Container a was using 2Gi, which exceeds its request of 0.\nContainers:\n');
    expect(facts(ev.records[0])).toMatchObject({ scalars: { phase: 'Failed', podReason: 'Evicted' }, texts: { podMessage: [expect.stringMatching(/^The node was low on resource: memory/)] } });
    const term = parseWith(describePod, 'Name:  y\nNamespace: a\nStatus:  Terminating (lasts 2d)\nContainers:\n');
    expect(facts(term.records[0])!.scalars).toMatchObject({ deletionRequested: 'true', terminatingSeconds: 172800 });
  });

  it('reads a lone Last State block as an unnamed pod', () => {
    const r = parseWith(describePod, '    Last State:     Terminated\n      Reason:       OOMKilled\n      Exit Code:    1\n    Restart Count:  3\n');
    expect(r.score).toBeGreaterThan(0.5);
    expect(facts(r.records[0])).toMatchObject({ subject: { name: '(unnamed)' }, texts: { lastExitCodes: ['1'] }, scalars: { restarts: 3 } });
  });

  it('keeps the 1.35 "spec.containers{x}: " message prefix and joins a wrapped event', () => {
    const r = parseWith(describePod, 'Events:\n  Type     Reason  Age   From     Message\n  ----     ------  ----  ----     -------\n  Warning  Failed  2m    kubelet  spec.containers{web}: Failed to pull image "registry.local/web:1.0": not fo\nund\n');
    expect(facts(r.records[0])!.texts.events).toEqual(['Warning Failed spec.containers{web}: Failed to pull image "registry.local/web:1.0": not found']);
  });
});

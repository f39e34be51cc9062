import { describe, expect, it } from 'vitest';
import { getEvents } from '../../../src/engine/parsers/get-events.ts';
import { facts, parseWith } from './util.ts';

describe('get-events parser', () => {
  it('groups current-layout -A rows by involved object', () => {
    const r = parseWith(getEvents, [
      'NAMESPACE   LAST SEEN   TYPE      REASON             OBJECT          MESSAGE',
      'shop        2m          Warning   BackOff            pod/web-1       Back-off restarting failed container app in pod web-1_shop(1b2c)',
      'shop        1m          Warning   BackOff            pod/web-1       Back-off restarting failed container app in pod web-1_shop(1b2c)',
      'default     4m          Normal    NodeNotReady       node/worker-2   Node worker-2 status is now: NodeNotReady',
    ].join('\n'));
    expect(r.records).toHaveLength(2);
    expect(facts(r.records[0])).toMatchObject({ subject: { kind: 'Pod', namespace: 'shop', name: 'web-1' }, lines: { events: [[2, 2], [3, 3]] } });
    expect(facts(r.records[1])!.subject).toEqual({ kind: 'Node', name: 'worker-2' });
  });

  it('keeps one subject per object and namespace when rows interleave (the fast path compares with the previous row)', () => {
    const r = parseWith(getEvents, [
      'NAMESPACE   LAST SEEN   TYPE      REASON      OBJECT          MESSAGE',
      'shop        2m          Warning   BackOff     pod/web-1       Back-off restarting failed container app in pod web-1_shop(1b2c)',
      'shop        2m          Warning   Unhealthy   pod/web-10      Readiness probe failed: HTTP probe failed with statuscode: 503',
      'shop        1m          Warning   BackOff     pod/web-1       Back-off restarting failed container app in pod web-1_shop(1b2c)',
      'mail        1m          Warning   BackOff     pod/web-1       Back-off restarting failed container app in pod web-1_mail(9f8e)',
      'shop        30s         Normal    Pulled      pod/web-1       Container image "registry.local/web:1.2" already present on machine',
      'sho         10s         Normal    Pulled      pod/web-1       Container image "registry.local/web:1.2" already present on machine',
    ].join('\n'));
    expect(r.records.map((x) => [x.subject, facts(x)!.lines.events])).toEqual([
      [{ kind: 'Pod', namespace: 'shop', name: 'web-1' }, [[2, 2], [4, 4], [6, 6]]],
      [{ kind: 'Pod', namespace: 'shop', name: 'web-10' }, [[3, 3]]],
      [{ kind: 'Pod', namespace: 'mail', name: 'web-1' }, [[5, 5]]],
      [{ kind: 'Pod', namespace: 'sho', name: 'web-1' }, [[7, 7]]],
    ]);
  });

  it('reads -o wide rows where SUBOBJECT is empty and the message sits mid-row', () => {
    const r = parseWith(getEvents, [
      'LAST SEEN   TYPE      REASON    OBJECT          SUBOBJECT   SOURCE              MESSAGE                                     FIRST SEEN   COUNT   NAME',
      '42s         Warning   Failed    pod/web-1                   kubelet, node-2     Error: ImagePullBackOff                     5m           21      web-1.17a8b9c0d1e2f3a4',
    ].join('\n'));
    expect(facts(r.records[0])!.subject).toEqual({ kind: 'Pod', name: 'web-1' });
    expect(facts(r.records[0])!.texts.events![0]).toContain('Error: ImagePullBackOff');
  });

  it('reads the old LASTSEEN/FIRSTSEEN layout with "{kubelet host}" sources and event-name suffixes', () => {
    const r = parseWith(getEvents, [
      'LASTSEEN   FIRSTSEEN   COUNT     NAME              KIND      SUBOBJECT                  TYPE      REASON       SOURCE                 MESSAGE',
      '33s        1m          3         ruby-ex-1-7rzmi   Pod       spec.containers{ruby-ex}   Normal    Pulling      {kubelet 10.3.0.57}    pulling image "172.30.151.66:5000/myproject/ruby-ex"',
      '1m         1m          1         pause-7774d79b5   ReplicaSet                           Warning   FailedCreate replicaset-controller  Error creating: pods "pause-7774d79b5-" is forbidden: no providers available to validate pod request',
    ].join('\n'));
    expect(r.records.map((x) => x.subject)).toEqual([{ kind: 'Pod', name: 'ruby-ex-1-7rzmi' }, { kind: 'ReplicaSet', name: 'pause-7774d79b5' }]);
  });

  it('reads the 1.14 KIND layout (no object names)', () => {
    const r = parseWith(getEvents, 'LAST SEEN   TYPE      REASON         KIND         MESSAGE\n110s        Warning   FailedCreate   ReplicaSet   Error creating: pods "coredns-86c58d9df4-" is forbidden: no providers available to validate pod request\n');
    expect(r.records[0]!.subject).toEqual({ kind: 'ReplicaSet', name: '(unnamed)' });
  });

  it('joins a wrapped row back into one event', () => {
    const r = parseWith(getEvents, 'LAST SEEN   TYPE      REASON             OBJECT      MESSAGE\n5m          Warning   FailedScheduling   pod/web-0   0/5 nodes are available: 5 Insufficient me\nmory.\n');
    expect(facts(r.records[0])).toMatchObject({ texts: { events: [expect.stringContaining('Insufficient memory.')] }, lines: { events: [[2, 3]] } });
  });

  it('detects a single headerless event line', () => {
    expect(parseWith(getEvents, '5m   Warning   FailedScheduling   pod/web-0   0/5 nodes are available: 5 Insufficient cpu.').score).toBeGreaterThan(0.5);
    expect(parseWith(getEvents, 'just some text\nand more').score).toBe(0);
  });
});

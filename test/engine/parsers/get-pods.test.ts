import { describe, expect, it } from 'vitest';
import { getPods } from '../../../src/engine/parsers/get-pods.ts';
import { facts, parseWith } from './util.ts';

describe('get-pods parser', () => {
  it('reads plain rows, restarts with "(3m ago)" and ages', () => {
    const r = parseWith(getPods, 'NAME                     READY   STATUS             RESTARTS       AGE\nweb-7d9f8c6b5-xk2p4      0/1     CrashLoopBackOff   12 (3m12s ago)  41m\napi-5c6d7f8b9-2kq9z      1/1     Running            0              5d\n');
    expect(r.score).toBe(1);
    expect(facts(r.records[0])).toMatchObject({ subject: { kind: 'Pod', name: 'web-7d9f8c6b5-xk2p4' }, scalars: { podStatus: 'CrashLoopBackOff', ready: '0/1', restarts: 12, ageSeconds: 2460 } });
    expect(facts(r.records[1])!.scalars).toMatchObject({ podStatus: 'Running', ageSeconds: 432000 });
  });

  it('reads -A -o wide rows with namespaces and ignores IP/NODE columns', () => {
    const r = parseWith(getPods, 'NAMESPACE     NAME                      READY   STATUS     RESTARTS   AGE    IP            NODE            NOMINATED NODE   READINESS GATES\nkube-system   kube-proxy-8fj4t          0/1     Error      37         212d   10.128.130.75 10.128.130.75   <none>           <none>\n');
    expect(facts(r.records[0])).toMatchObject({ subject: { kind: 'Pod', namespace: 'kube-system', name: 'kube-proxy-8fj4t' }, scalars: { podStatus: 'Error', restarts: 37 } });
  });

  it('reads tab-separated and headerless (grep) rows; uses the namespace from the prompt', () => {
    const r = parseWith(getPods, 'web-1\t0/1\tImagePullBackOff\t0\t38m\n', { tool: 'kubectl', verb: 'get', namespace: 'shop', kind: 'get-pods' });
    expect(r.score).toBeGreaterThan(0.5);
    expect(facts(r.records[0])).toMatchObject({ subject: { namespace: 'shop', name: 'web-1' }, scalars: { podStatus: 'ImagePullBackOff' } });
  });

  it('glues a row the terminal cut in two', () => {
    const r = parseWith(getPods, 'NAME          READY   STATUS             RESTARTS   AGE\nweb-0         0/1     CrashLoopBackOff\n  5          3m\n');
    expect(facts(r.records[0])!.scalars).toMatchObject({ podStatus: 'CrashLoopBackOff', restarts: 5 });
  });

  it('does not take other tables for pods', () => {
    expect(parseWith(getPods, 'NAME       STATUS   ROLES    AGE   VERSION\nworker-1   Ready    <none>   41d   v1.29.3\n').score).toBe(0);
  });
});

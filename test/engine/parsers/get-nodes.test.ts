import { describe, expect, it } from 'vitest';
import { getNodes } from '../../../src/engine/parsers/get-nodes.ts';
import { facts, parseWith } from './util.ts';

describe('get-nodes parser', () => {
  it('reads v1.13 rows with ROLES and VERSION', () => {
    const r = parseWith(getNodes, 'NAME             STATUS     ROLES    AGE    VERSION\n10.128.130.75    NotReady   node     212d   v1.13.12-netease\n');
    expect(facts(r.records[0])).toMatchObject({ subject: { kind: 'Node', name: '10.128.130.75' }, scalars: { nodeStatus: 'NotReady', ageSeconds: 212 * 86400 } });
  });

  it('reads -o wide rows whose OS-IMAGE has spaces, and SchedulingDisabled', () => {
    const r = parseWith(getNodes, 'NAME       STATUS                        ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                KERNEL-VERSION   CONTAINER-RUNTIME\nworker-3   NotReady,SchedulingDisabled   <none>   41d   v1.29.3   10.0.12.23    <none>        CentOS Linux 7 (Core)   3.10.0           docker://20.10.24\n');
    expect(facts(r.records[0])!.scalars).toMatchObject({ nodeStatus: 'NotReady,SchedulingDisabled', unschedulable: 'true', ageSeconds: 41 * 86400 });
  });

  it('reads the 1.6 layout without ROLES', () => {
    const r = parseWith(getNodes, 'NAME          STATUS     AGE       VERSION\n10.12.0.31    Ready      97d       v1.6.4\n', { tool: 'kubectl', kind: 'get-nodes' });
    expect(facts(r.records[0])!.scalars).toMatchObject({ nodeStatus: 'Ready', ageSeconds: 97 * 86400 });
  });
});

import { describe, expect, it } from 'vitest';
import { describeNode } from '../../../src/engine/parsers/describe-node.ts';
import { facts, parseWith } from './util.ts';

describe('describe-node parser', () => {
  it('reads condition rows with RFC 1123 timestamps, reasons and messages, and taints', () => {
    const r = parseWith(describeNode, [
      'Name:               worker-2',
      'Roles:              <none>',
      'Taints:             node.kubernetes.io/unreachable:NoExecute',
      '                    node.kubernetes.io/unreachable:NoSchedule',
      'Unschedulable:      false',
      'Conditions:',
      '  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason            Message',
      '  ----             ------  -----------------                 ------------------                ------            -------',
      '  MemoryPressure   False   Mon, 15 Apr 2024 07:55:12 +0000   Tue, 05 Mar 2024 09:12:44 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available',
      '  Ready            False   Mon, 15 Apr 2024 07:55:12 +0000   Mon, 15 Apr 2024 07:51:02 +0000   KubeletNotReady   PLEG is not healthy: pleg was last seen active 3m20s ago; threshold is 3m0s',
    ].join('\n'));
    expect(facts(r.records[0])).toMatchObject({
      subject: { kind: 'Node', name: 'worker-2' },
      scalars: { memoryPressure: 'False', readyCondition: 'False', unschedulable: 'false' },
      texts: { taints: ['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule'], conditions: ['MemoryPressure False KubeletHasSufficientMemory kubelet has sufficient memory available', 'Ready False KubeletNotReady PLEG is not healthy: pleg was last seen active 3m20s ago; threshold is 3m0s'] },
    });
  });

  it('reads old tab-separated rows including OutOfDisk', () => {
    const r = parseWith(describeNode, 'Name:\t\t10.12.0.33\nRoles:\t\t\nConditions:\n  Type\t\tStatus\tLastHeartbeatTime\t\t\tLastTransitionTime\t\t\tReason\t\t\tMessage\n  OutOfDisk \t\tTrue \tWed, 19 Sep 2018 16:40:03 +0800 \tWed, 19 Sep 2018 16:21:47 +0800 \tKubeletOutOfDisk \t\tout of disk space\n');
    expect(facts(r.records[0])!.scalars).toMatchObject({ outOfDisk: 'True' });
  });

  it('detects headerless condition rows', () => {
    const r = parseWith(describeNode, '  DiskPressure     True    Fri, 12 Apr 2024 21:03:40 +0000   Fri, 12 Apr 2024 20:58:12 +0000   KubeletHasDiskPressure   kubelet has disk pressure\n');
    expect(r.score).toBeGreaterThan(0.5);
    expect(facts(r.records[0])!.scalars).toMatchObject({ diskPressure: 'True' });
  });
});

import { describe, expect, it } from 'vitest';
import { describePvc } from '../../../src/engine/parsers/describe-pvc.ts';
import { describeService } from '../../../src/engine/parsers/describe-service.ts';
import { describeWorkload } from '../../../src/engine/parsers/describe-workload.ts';
import { facts, parseWith } from './util.ts';

describe('describe pvc / workload / service parsers', () => {
  it('reads an unbound claim with an empty StorageClass', () => {
    const r = parseWith(describePvc, 'Name:          data-mysql-0\nNamespace:     db\nStorageClass:\nStatus:        Pending\nVolume:\nAccess Modes:\nVolumeMode:    Filesystem\nUsed By:       mysql-0\nEvents:\n  Type    Reason         Age   From                         Message\n  ----    ------         ----  ----                         -------\n  Normal  FailedBinding  2m    persistentvolume-controller  no persistent volumes available for this claim and no storage class is set\n');
    expect(r.score).toBe(1);
    expect(facts(r.records[0])).toMatchObject({ subject: { kind: 'PersistentVolumeClaim', name: 'data-mysql-0' }, scalars: { pvcStatus: 'Pending', storageClass: '<none>' } });
  });

  it('tells deployment, statefulset, replicaset and daemonset apart and reads replica counts', () => {
    const dep = parseWith(describeWorkload, 'Name:  web\nNamespace: shop\nReplicas:  3 desired | 1 updated | 4 total | 3 available | 1 unavailable\nStrategyType:  RollingUpdate\nConditions:\n  Type           Status  Reason\n  ----           ------  ------\n  Progressing    False   ProgressDeadlineExceeded\n');
    expect(dep.kind).toBe('describe-deployment');
    expect(facts(dep.records[0])).toMatchObject({ subject: { kind: 'Deployment' }, scalars: { replicasDesired: 3, replicasUnavailable: 1 }, texts: { conditions: ['Progressing False ProgressDeadlineExceeded'] } });
    expect(parseWith(describeWorkload, 'Name: mysql\nNamespace: db\nReplicas:  3 desired | 1 total\nUpdate Strategy:  RollingUpdate\nPods Status: 1 Running / 0 Waiting / 0 Succeeded / 0 Failed\n').kind).toBe('describe-statefulset');
    expect(parseWith(describeWorkload, 'Name: web-7d9f\nNamespace: shop\nControlled By:  Deployment/web\nReplicas:  0 current / 3 desired\n').kind).toBe('describe-replicaset');
    expect(parseWith(describeWorkload, 'Name: fluent-bit\nNamespace: logging\nDesired Number of Nodes Scheduled: 3\nNumber of Nodes Scheduled with Available Pods: 1\n').kind).toBe('describe-daemonset');
  });

  it('reads a service without endpoints', () => {
    const r = parseWith(describeService, 'Name:              web\nNamespace:         shop\nSelector:          app=web\nType:              ClusterIP\nPort:              http  80/TCP\nTargetPort:        8080/TCP\nEndpoints:         <none>\nSession Affinity:  None\n');
    expect(facts(r.records[0])).toMatchObject({ subject: { kind: 'Service', name: 'web' }, scalars: { endpoints: '<none>' } });
  });
});

import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/engine/normalize.ts';
import { json } from '../../../src/engine/parsers/json.ts';
import { readJson, readYaml } from '../../../src/engine/parsers/path-values.ts';
import { yaml } from '../../../src/engine/parsers/yaml.ts';
import { facts, parseWith } from './util.ts';

describe('yaml and json readers', () => {
  it('flattens kubectl yaml with sequences at the parent indentation and folded quoted strings', () => {
    const pvs = readYaml(normalize("status:\n  conditions:\n  - type: PodScheduled\n    status: \"False\"\n    message: '0/5 nodes are available: 5 Insufficient\n      cpu.'\n  - type: Ready\n    status: \"False\"\n  phase: Pending\n").lines);
    expect(pvs.map((p) => [p.path, p.value])).toEqual([
      ['status.conditions[0].type', 'PodScheduled'],
      ['status.conditions[0].status', 'False'],
      ['status.conditions[0].message', '0/5 nodes are available: 5 Insufficient cpu.'],
      ['status.conditions[1].type', 'Ready'],
      ['status.conditions[1].status', 'False'],
      ['status.phase', 'Pending'],
    ]);
    expect(pvs[2]!.line).toMatchObject({ start: 5, end: 6 });
  });

  it('reads pod container statuses from yaml', () => {
    const r = parseWith(yaml, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-1\n  namespace: shop\nstatus:\n  containerStatuses:\n  - lastState:\n      terminated:\n        exitCode: 137\n        reason: OOMKilled\n    name: app\n    restartCount: 4\n    state:\n      waiting:\n        reason: CrashLoopBackOff\n');
    expect(facts(r.records[0])).toMatchObject({ subject: { kind: 'Pod', namespace: 'shop', name: 'web-1' }, scalars: { restarts: 4 }, texts: { lastTerminationReasons: ['OOMKilled'], lastExitCodes: ['137'], waitingReasons: ['CrashLoopBackOff'] }, lines: { lastTerminationReasons: [[11, 11]] } });
  });

  it('reads a one-line JSON List and keeps going when JSON is cut off', () => {
    const r = parseWith(json, '{"apiVersion":"v1","items":[{"kind":"Node","metadata":{"name":"n1"},"status":{"conditions":[{"type":"DiskPressure","status":"True","reason":"KubeletHasDiskPressure"}]}}],"kind":"List"}');
    expect(facts(r.records[0])).toMatchObject({ subject: { kind: 'Node', name: 'n1' }, scalars: { diskPressure: 'True' } });
    const cut = readJson(normalize('{\n    "kind": "Pod",\n    "metadata": {\n        "name": "web-1",\n        "namesp').lines);
    expect(cut.map((p) => p.path)).toEqual(['kind', 'metadata.name']);
  });
});

// Log viewers (Kibana, Loki, k9s with newest first) show the newest line on top; people paste them
// that way. A log read bottom-up must lead to the same article as read top-down.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/engine/index.ts';
import { realPastes, ruleSet } from './helpers.ts';

const LOG_KINDS = new Set(['container-log', 'kubelet-log', 'journal', 'etcd-log', 'component-log', 'dmesg']);

describe('reversed log order', () => {
  it('gives every real log paste the same first finding when its lines are reversed', async () => {
    const logs = realPastes().filter((p) => LOG_KINDS.has(p.inputKind));
    expect(logs.length).toBeGreaterThan(80);
    const changed: string[] = [];
    let found = 0;
    for (const p of logs) {
      const forward = (await diagnose(p.text, ruleSet())).findings[0]?.article;
      const backward = (await diagnose(p.text.split('\n').reverse().join('\n'), ruleSet())).findings[0]?.article;
      if (forward) found++;
      if (forward !== backward) changed.push(`${p.dir}/${p.file}: ${forward} → ${backward}`);
    }
    expect(changed).toEqual([]);
    expect(found).toBeGreaterThan(logs.length * 0.8);
  });
});

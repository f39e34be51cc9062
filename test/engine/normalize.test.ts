import { describe, expect, it } from 'vitest';
import { joinWrapped, normalize } from '../../src/engine/normalize.ts';

describe('normalize', () => {
  it('removes CR, ANSI colours, syslog #011 and trailing padding but keeps line numbers', () => {
    const n = normalize('\x1b[01;32mops@jump\x1b[00m$ kubectl get po   \r\nweb-1\t0/1#011Error   \r\n');
    expect(n.lines.map((l) => [l.text, l.start])).toEqual([['ops@jump$ kubectl get po', 1], ['web-1\t0/1\tError', 2]]);
    expect(n.original[0]).toBe('\x1b[01;32mops@jump\x1b[00m$ kubectl get po   ');
  });

  it('caps absurd lines and says so', () => {
    const n = normalize('a'.repeat(10_000));
    expect(n.lines[0]!.text.length).toBe(4096);
    expect(n.messages.map((m) => m.code)).toEqual(['line-truncated']);
  });

  it('glues a mid-word terminal wrap without a space and an indented continuation with one', () => {
    const a = { text: 'Warning  FailedScheduling  41s  default-scheduler  0/6 nodes are available: 2 Insufficient nvidia.com/g', start: 5, end: 5 };
    expect(joinWrapped(a, { text: 'pu, 4 node(s)', start: 6, end: 6 })).toEqual({ text: a.text + 'pu, 4 node(s)', start: 5, end: 6 });
    expect(joinWrapped({ text: 'short', start: 1, end: 1 }, { text: '   tail', start: 2, end: 2 }).text).toBe('short tail');
  });
});

import { describe, expect, it } from 'vitest';
import { joinWrapped, normalize, pasteTraits } from '../../src/engine/normalize.ts';

describe('normalize', () => {
  it('removes CR, ANSI colours, syslog #011 and trailing padding but keeps line numbers', () => {
    const n = normalize('\x1b[01;32mops@jump\x1b[00m$ kubectl get po   \r\nweb-1\t0/1#011Error   \r\n');
    expect(n.lines.map((l) => [l.text, l.start])).toEqual([['ops@jump$ kubectl get po', 1], ['web-1\t0/1\tError', 2]]);
    expect(n.original[0]).toBe('\x1b[01;32mops@jump\x1b[00m$ kubectl get po   ');
    expect(n.texts).toEqual(n.lines.map((l) => l.text));
    // Clean lines are shared, not copied: the texts are the original lines themselves.
    const clean = normalize('a\nb\r\nc\n');
    expect(clean.texts).toBe(clean.original);
    expect(clean.texts).toEqual(['a', 'b', 'c']);
  });

  it('finds what a paste contains the same way in one-byte and two-byte text', () => {
    const none = { ansi: false, syslogTabs: false, specialSpaces: false, fullwidth: false };
    for (const wide of ['', ' 节点 ']) {
      expect(pasteTraits(`plain${wide} text`), wide).toEqual(none);
      expect(pasteTraits(`a\x1b[31mred${wide}`), wide).toEqual({ ...none, ansi: true });
      expect(pasteTraits(`a #033[0;31m b${wide}`), wide).toEqual({ ...none, ansi: true });
      expect(pasteTraits(`a#011b${wide}\u00a0`), wide).toEqual({ ...none, syslogTabs: true, specialSpaces: true });
      expect(pasteTraits(`\x1b[0m x\x1b[0m #011 \x1b[1m${wide}`), wide).toEqual({ ...none, ansi: true, syslogTabs: true });
    }
    expect(pasteTraits('zero\u200bwidth')).toEqual({ ...none, specialSpaces: true });
    expect(pasteTraits('\ufeffbom 节点 \x1b[0m')).toEqual({ ...none, ansi: true, specialSpaces: true });
    expect(pasteTraits('错误：镜像拉取超时\u3000')).toEqual({ ...none, fullwidth: true });
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

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { continuesDescribe, keyValue } from '../../../src/engine/parsers/describe.ts';

/**
 * The regex keyValue replaced (it allocated a match per line); the hand-written scan must agree.
 * With `s`: a CR or U+2028 inside a value now stays in the value instead of refusing the line.
 */
const REFERENCE = /^([ \t]*)([A-Za-z][\w .\-/()]*?):(?:[ \t]+(.*))?$/s;
function reference(text: string) {
  if (text.indexOf(':') === -1) return null;
  const m = REFERENCE.exec(text);
  return m ? { indent: m[1]!.length, key: m[2]!.trim(), value: (m[3] ?? '').trim() } : null;
}

function fixtureLines(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.txt')) out.push(...readFileSync(p, 'utf8').split('\n').map((l) => l.replace(/\r$/, '')));
    }
  };
  walk(join(import.meta.dirname, '../../fixtures'));
  return out;
}

describe('keyValue', () => {
  it('reads describe lines exactly as the reference regex does, over every fixture line', () => {
    const lines = fixtureLines();
    expect(lines.length).toBeGreaterThan(2000);
    let kv = 0;
    for (const line of lines) {
      const want = reference(line);
      expect(keyValue(line), JSON.stringify(line)).toEqual(want);
      if (want) kv++;
    }
    expect(kv).toBeGreaterThan(300);
  });

  it('agrees on the edge cases', () => {
    const cases = [
      'Name:', 'Name:  web-1', '  Last State:     Terminated', '\tReason:\tOOMKilled', 'Labels:       app=web', 'Annotations:  a: b',
      'IP:           10.0.0.1', 'Image:  registry.local:5000/app/web:1.2', 'http://x', 'Node-Selectors:  <none>', 'Controlled By:  ReplicaSet/web',
      'Conditions :  x', '  Ready  True', '1key: v', ':x', ' : x', 'Key:x', 'Key (v1):  y', 'a_b.c/d-e: f', 'Key:   ', 'Key:\t ', 'Kéy: v', 'Key: a:b: c', 'Key: a\rb', 'Key: a\u2028b', 'Key:  a \u3000', 'Key: \u00a0 b\ufeff', 'A:', 'A: ', 'A:  :', '',
    ];
    for (const c of cases) expect(keyValue(c), JSON.stringify(c)).toEqual(reference(c));
  });
});

describe('continuesDescribe', () => {
  const reference = (text: string) => /^\s/.test(text) || (/^[A-Z][\w ./-]*:(?:\s|$)/.test(text) && !/^Name:\s+\S/.test(text) && !/^(?:Error|Warning|error)\b/.test(text));
  it('agrees with the reference regexes over every fixture line and the edge cases', () => {
    const cases = [...fixtureLines(), 'Name:', 'Name:  x', 'Namespace:  x', 'Error: x', 'Errors:  3', 'Warning: y', 'Warnings:', 'Key:', 'Key:x', 'Key:\u3000x', 'Key:\u00a0x', 'Key (v1): y', 'key: y', 'K_e.y/-z: 1', 'Key; x', 'A', ''];
    for (const c of cases) expect(continuesDescribe(c), JSON.stringify(c)).toBe(reference(c));
  });
});

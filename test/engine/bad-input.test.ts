/** Hostile and absurd input: every call returns quickly, nothing throws. */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/engine/index.ts';
import { MAX_INPUT_CHARS, MAX_SUBJECTS } from '../../src/engine/limits.ts';
import { ruleSet } from './helpers.ts';

async function timed(text: string) {
  const t = performance.now();
  const r = await diagnose(text, ruleSet());
  return { r, ms: performance.now() - t };
}

describe('bad input', () => {
  it('empty and whitespace-only input give no findings and an empty-input message', async () => {
    for (const s of ['', '   \n\n\t  \n']) {
      const { r } = await timed(s);
      expect(r.findings).toEqual([]);
      expect(r.messages.map((m) => m.code)).toEqual(['empty-input']);
    }
  });

  it('binary garbage is refused with a binary-input message', async () => {
    const bytes = new Uint8Array(200_000);
    let x = 12345;
    for (let i = 0; i < bytes.length; i++) bytes[i] = (x = (x * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    const { r, ms } = await timed(new TextDecoder('utf-8').decode(bytes));
    expect(r.findings).toEqual([]);
    expect(r.messages.map((m) => m.code)).toContain('binary-input');
    expect(ms).toBeLessThan(1000);
  });

  it('a single 1 MB line is capped and still finds what is at its start', async () => {
    const line = 'The connection to the server 10.0.0.1:6443 was refused - did you specify the right host or port? ' + 'x'.repeat(1_000_000);
    const { r, ms } = await timed(line);
    expect(r.findings[0]?.article).toBe('apiserver-unreachable');
    expect(r.messages.map((m) => m.code)).toContain('line-truncated');
    expect(r.findings[0]!.evidence[0]!.text.length).toBeLessThan(1100);
    expect(ms).toBeLessThan(2000);
  });

  it('50 MB of text is truncated with a message and finishes in seconds', async () => {
    const row = 'default     5m          Normal    Pulled    pod/web-1   Container image "nginx:1.25" already present on machine\n';
    const text = 'LAST SEEN   TYPE      REASON    OBJECT      MESSAGE\n'.replace(/^/, 'NAMESPACE   ') + row.repeat(Math.ceil(50e6 / row.length));
    const { r, ms } = await timed(text);
    expect(r.messages.map((m) => m.code)).toContain('input-truncated');
    expect(r.messages.find((m) => m.code === 'input-truncated')?.params?.limit).toBe(MAX_INPUT_CHARS);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(ms).toBeLessThan(15000);
  }, 30_000);

  it('control characters, NULs in text and lone surrogates do not crash', async () => {
    const { r } = await timed('kubectl get pods\u0000\u0001\ud800 \u001b[31mERR\u001b[0m\n');
    expect(Array.isArray(r.findings)).toBe(true);
  });

  it('unrecognised text gives no findings and the unrecognised-input code', async () => {
    const { r } = await timed('hello world\nthis is not kubectl output\n');
    expect(r.findings).toEqual([]);
    expect(r.messages.map((m) => m.code)).toEqual(['unrecognised-input']);
  });

  it('lists at most MAX_SUBJECTS objects per finding and counts them all (D16: 500k pods made a 36 MB --json)', async () => {
    const n = MAX_SUBJECTS + 1500;
    const rows = Array.from({ length: n }, (_, i) => `shop        worker-${i.toString(36)}-7d9f8c6b5-x${(i % 97).toString(36)}q   0/1     CrashLoopBackOff   ${(i % 40) + 5}         ${(i % 50) + 1}m`);
    const { r } = await timed('NAMESPACE   NAME                        READY   STATUS             RESTARTS   AGE\n' + rows.join('\n') + '\n');
    const f = r.findings.find((x) => x.article === 'crashloop-app-error');
    expect(f?.count).toBe(n);
    expect(f?.subjects).toHaveLength(MAX_SUBJECTS);
    expect(f?.subjects[0]).toEqual(f?.subject);
  });
});

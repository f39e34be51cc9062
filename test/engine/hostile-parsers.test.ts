/**
 * Hostile input against the parsers and joiners (hardening review D1, D2): every one is bounded per
 * line and per section, so time grows linearly with the paste. Each case first reproduced the
 * defect (minutes or an out-of-memory abort); the bounds are ratios between two sizes, measured in
 * the same process, never absolute times.
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/engine/index.ts';
import { readJson, readYaml } from '../../src/engine/parsers/path-values.ts';
import { linesOf } from '../../src/engine/normalize.ts';
import { fixture, ruleSet } from './helpers.ts';
import { diagnoseMs, growth, LINEAR_BOUND } from './timing.ts';

/** The review's D1 paste: `levels` nested keys of `keyLength` characters, then many short values. */
function deepKeyJson(levels: number, keyLength = 4000, rows = 20): string {
  const key = 'k'.repeat(keyLength);
  let s = '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": {"name": "deep"},\n  "status":\n';
  for (let i = 0; i < levels; i++) s += ` "${key}${i}": {\n`;
  for (let r = 0; r < rows; r++) s += ' ' + '"a":1,'.repeat(681) + '\n';
  return s + ' ' + '}'.repeat(levels) + '\n}\n';
}

function deepKeyYaml(levels: number, keyLength = 3000): string {
  const key = 'k'.repeat(keyLength);
  let s = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: deep\nstatus:\n';
  for (let i = 0; i < levels; i++) s += ' '.repeat(i + 1) + `${key}${i}:\n`;
  for (let r = 0; r < 2000; r++) s += ' '.repeat(levels + 1) + `a${r}: 1\n`;
  return s;
}

const lines = (text: string) => linesOf(text.split('\n'));

describe('hostile documents (D1)', () => {
  it('a 1 MB JSON paste of 4,000-character keys 250 levels deep is read in bounded time and memory', async () => {
    const text = deepKeyJson(250);
    expect(text.length).toBeGreaterThan(1_000_000);
    const before = process.memoryUsage().heapUsed;
    const r = await diagnose(text, ruleSet());
    expect(r.sections.map((s) => s.kind)).toEqual(['json']);
    // The reproduction needed more than 4 GB; what is kept now is a few times the paste.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(400 * 1024 * 1024);
    const { ratio } = await growth((n) => deepKeyJson(n), 40);
    expect(ratio).toBeLessThan(LINEAR_BOUND);
  });

  it('the YAML variant (1,000 levels of 3,000-character keys) is read in linear time', async () => {
    const r = await diagnose(deepKeyYaml(1000), ruleSet());
    expect(r.sections.map((s) => s.kind)).toEqual(['yaml']);
    const { ratio } = await growth((n) => deepKeyYaml(n), 100);
    expect(ratio).toBeLessThan(LINEAR_BOUND);
  });

  it('caps path depth and length but still reads the values rules need', () => {
    const json = readJson(lines(deepKeyJson(70, 10, 1)));
    expect(json.find((p) => p.path === 'kind')?.value).toBe('Pod');
    expect(json.some((p) => p.path.length > 512)).toBe(false);
    const yaml = readYaml(lines(deepKeyYaml(100, 10)));
    expect(yaml.find((p) => p.path === 'metadata.name')?.value).toBe('deep');
    expect(yaml.some((p) => p.path.split('.').length > 64)).toBe(false);
  });

  it('a quoted YAML scalar left open over many lines, and keys padded with 4 KB of blanks, stay linear', async () => {
    const open = (n: number) => 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nstatus:\n  message: "never closed\n' + '    more text of the message\n'.repeat(n);
    expect((await growth(open, 5000)).ratio).toBeLessThan(LINEAR_BOUND);
    const blanks = (n: number) => 'apiVersion: v1\nkind: Pod\n' + `  a${' '.repeat(4000)}b\n  c: d${' '.repeat(3000)}#x\n`.repeat(n);
    const typical = (n: number) => 'apiVersion: v1\nkind: Pod\n' + `  a${'b'.repeat(4000)}\n  c: d${'e'.repeat(3000)}\n`.repeat(n);
    // Per-line work: hostile lines cost about what ordinary lines of the same length cost.
    expect(await diagnoseMs(blanks(400))).toBeLessThan(5 * (await diagnoseMs(typical(400))) + 20);
  });
});

describe('rows that keep wrapping (D2)', () => {
  const describePod = fixture('describe-pod/crashloop-exit-1-spring.txt');
  const appLog = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += `2024-05-01 12:00:${String(i % 60).padStart(2, '0')}.123  INFO 1 --- [nio-8080-exec-${i % 10}] c.e.shop.OrderController : processed order id=${i} in ${i % 97} ms\n`;
    return s;
  };

  it('describe followed by an app log with no blank line is linear, and the log is read as a log', async () => {
    const { ratio } = await growth((n) => describePod + appLog(n), 2000);
    expect(ratio).toBeLessThan(LINEAR_BOUND);
    const r = await diagnose(describePod + appLog(100), ruleSet());
    expect(r.sections.map((s) => s.kind)).toEqual(['describe-pod', 'log']);
    expect(r.findings[0]?.article).toBe('crashloop-app-error');
  });

  it('a describe event row followed by thousands of continuation lines is linear', async () => {
    const cont = (n: number) => describePod + '  wrapped tail of the message that goes on\n'.repeat(n);
    expect((await growth(cont, 4000)).ratio).toBeLessThan(LINEAR_BOUND);
  });

  it('a get events row followed by thousands of wrapped lines is linear', async () => {
    const head = 'NAMESPACE   LAST SEEN   TYPE      REASON    OBJECT      MESSAGE\ndefault     5m          Warning   BackOff   pod/web-1   Back-off restarting failed container\n';
    const cont = (n: number) => head + 'wrapped text of the previous row without columns\n'.repeat(n);
    expect((await growth(cont, 4000)).ratio).toBeLessThan(LINEAR_BOUND);
  });

  it('a log record followed by thousands of continuation lines is linear and keeps later lines', async () => {
    const klog = (n: number) => 'E0501 12:00:00.000000    1234 kubelet.go:2183] start\n' + 'continuation line of a stack trace at some.Function(file.go:12)\n'.repeat(n);
    expect((await growth(klog, 4000)).ratio).toBeLessThan(LINEAR_BOUND);
    // Past the continuation cap the lines are still read, as records of their own.
    const r = await diagnose(klog(200) + 'E0501 12:00:01.000000    1234 kubelet.go:2183] "Error syncing pod" err="failed to \\"StartContainer\\" for \\"app\\" with CrashLoopBackOff"\n', ruleSet(), { trace: true });
    expect(r.sections.map((s) => s.kind)).toEqual(['kubelet-log']);
  });

  it('a describe node condition followed by thousands of long lines is linear', async () => {
    const node = fixture('describe-node/cni-uninitialized-v1-18.txt');
    const at = node.indexOf('\n', node.indexOf('Ready ')) + 1;
    const long = (n: number) => node.slice(0, at) + `${'x'.repeat(90)} tail\n`.repeat(n) + node.slice(at);
    expect((await growth(long, 2000)).ratio).toBeLessThan(LINEAR_BOUND);
  });
});

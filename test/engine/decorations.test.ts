/** Decorations around pasted output (box borders, quoting, bullets, line numbers, CI prefixes). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asciiPunctuation, dockerLogText, undecorate, unescapeInline } from '../../src/engine/decorations.ts';
import { diagnose } from '../../src/engine/index.ts';
import { normalize } from '../../src/engine/normalize.ts';
import { ROOT, ruleSet } from './helpers.ts';

const real = (dir: string, file: string) => readFileSync(join(ROOT, 'test', 'real-pastes', dir, 'cases', file), 'utf8');
const first = async (text: string) => (await diagnose(text, ruleSet())).findings[0]?.article;

describe('decorations', () => {
  it('leaves a plain paste alone without copying it', () => {
    const texts = ['NAME   READY   STATUS    RESTARTS   AGE', 'web-1  1/1     Running   0          2d'];
    expect(undecorate(texts)).toBe(texts);
  });

  it('takes off k9s box borders and drops the box rules', () => {
    const out = undecorate(['┌──────── Describe(default/web-1) ────────┐', '│ Name:         web-1                     │', '│ Status:       Pending                   │', '└─────────────────────────────────────────┘']);
    expect(out).toEqual(['', 'Name:         web-1', 'Status:       Pending', '']);
  });

  it('takes off quoting, minikube bullets, line numbers and CI time stamps only when most lines carry them', () => {
    expect(undecorate(['> Warning  FailedScheduling  41s  default-scheduler  0/2 nodes are available', '> second line'])).toEqual([
      'Warning  FailedScheduling  41s  default-scheduler  0/2 nodes are available',
      'second line',
    ]);
    expect(undecorate(['* I0801 10:00:01.000000    1 scheduler.go:1] x', '* E0801 10:00:02.000000    1 scheduler.go:2] y'])).toEqual([
      'I0801 10:00:01.000000    1 scheduler.go:1] x',
      'E0801 10:00:02.000000    1 scheduler.go:2] y',
    ]);
    expect(undecorate(['157:I1103 14:17:19.868380 1 factory.go:445] a', '160:I1103 14:18:49.863218 1 factory.go:445] b'])).toEqual([
      'I1103 14:17:19.868380 1 factory.go:445] a',
      'I1103 14:18:49.863218 1 factory.go:445] b',
    ]);
    expect(undecorate(['2024-03-05T09:20:11.4020000Z kubectl rollout status deploy/web', '2024-03-05T09:20:12.1180000Z error: deployment "web" exceeded its progress deadline'])).toEqual([
      'kubectl rollout status deploy/web',
      'error: deployment "web" exceeded its progress deadline',
    ]);
    // A YAML list, times of day and one quoted line among plain ones stay as they are.
    const yaml = ['containers:', '- name: web', '  image: nginx', '- name: side', '  image: busybox'];
    expect(undecorate(yaml)).toBe(yaml);
    const times = ['10:00:01 started', '10:00:02 ready'];
    expect(undecorate(times)).toBe(times);
    const mostlyPlain = ['a line', 'another line', '> quoted once', 'and more'];
    expect(undecorate(mostlyPlain)).toBe(mostlyPlain);
  });

  it('reads Docker json-file log lines, whole or cut off', () => {
    expect(dockerLogText('{"log":"E0118 10:00:01 dial tcp 10.0.0.1:6443: connect: connection refused\\n","stream":"stderr","time":"2024-01-18T10:00:01Z"}')).toBe(
      'E0118 10:00:01 dial tcp 10.0.0.1:6443: connect: connection refused',
    );
    expect(dockerLogText('{"log":"panic: runtime error\\n","stream":"std')).toBe('panic: runtime error');
    expect(dockerLogText('{"level":"info"}')).toBeNull();
  });

  it('reads full-width punctuation and escaped text as the tools print them', () => {
    expect(asciiPunctuation('错误：镜像拉取超时（i/o timeout）')).toBe('错误: 镜像拉取超时(i/o timeout)');
    expect(unescapeInline('msg=\\"failed\\"\\nnext')).toBe('msg="failed" next');
  });

  it('diagnoses real pastes through their decorations', async () => {
    // k9s event view: the scheduler message inside box borders, wrapped mid-word.
    expect(await first(real('pods', '039-pod-pending-insufficient-resources.txt'))).toBe('pod-pending-insufficient-resources');
    // A Markdown-quoted event row.
    expect(await first(real('pods', '004-pod-pending-hostport.txt'))).toBe('pod-pending-hostport');
    // A seed runbook's docker pull error typed with full-width colons.
    const seed = '>Error response from daemon：Get https://gci.io/v2/: dial tcp: lookup gci.io on 12.2.2.6:53: read udp 12.2.2.6:42013->12.2.2.6:53：i/o timeout';
    // Docker could not resolve the registry: the pull failure and the DNS failure are both named.
    const articles = (await diagnose(seed, ruleSet())).findings.map((f) => f.article);
    expect(articles.slice(0, 2).sort()).toEqual(['dns-resolution-failure', 'image-pull-failure']);
    expect(normalize(seed).texts[0]).toContain('daemon: Get https://gci.io/v2/');
  });
});

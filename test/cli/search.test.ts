/** `k8s-kb search` through the real binary: same index and ranking as the site. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../engine/helpers.ts';

function run(args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'k8s-kb.mjs'), 'search', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LANG: 'en_US.UTF-8' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('k8s-kb search', () => {
  it('--json prints ranked results with slug, title, score and snippet', () => {
    const r = run(['--json', '--lang', 'en', 'connection', 'refused', '6443']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.query).toBe('connection refused 6443');
    expect(j.results[0]).toMatchObject({ slug: 'apiserver-unreachable', category: 'control-plane' });
    expect(j.results[0].title).toContain('6443');
    expect(typeof j.results[0].score).toBe('number');
    expect(j.results[0].snippet.length).toBeGreaterThan(10);
  });

  it('searches the Chinese index and prints for a person', () => {
    const r = run(['--lang', 'zh', '证书过期']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(/^ 1\. .*\[certificate-expired\] {2}score \d/);
  });

  it('says so when nothing matches, and exits 2 without a query', () => {
    expect(run(['--lang', 'en', 'zzqxv']).out).toContain('No articles match');
    expect(run([]).code).toBe(2);
    expect(run(['--lang', 'fr', 'x']).code).toBe(2);
  });
});

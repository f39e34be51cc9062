/**
 * Redaction is linear (review D18): 32,000 pod rows took 14 s (one regex and one pass per masked
 * name), and runs like `1-1-1-…` rescanned at every boundary. Ratios between two sizes, measured
 * in the same process.
 */
import { describe, expect, it } from 'vitest';
import { redact } from '../../src/diagnose/redact.ts';
import { cpuGrowth } from '../engine/timing.ts';

function podTable(n: number): string {
  let s = 'NAMESPACE   NAME                          READY   STATUS             RESTARTS   AGE\n';
  for (let i = 0; i < n; i++) s += `ns-${i % 50}   app-${i}-6f9c8d7b5d-4kq2m   0/1   CrashLoopBackOff   5   10m\n`;
  return s + '\nSuccessfully assigned ns-1/app-1-6f9c8d7b5d-4kq2m to node-7\n';
}

const ratio = async (make: (n: number) => string, n: number) => cpuGrowth(redact, make, n);

describe('redaction on large and hostile pastes', () => {
  it('a get pods -A table of thousands of rows is linear, and names are still masked everywhere', async () => {
    expect(await ratio(podTable, 4000)).toBeLessThan(8);
    const r = redact(podTable(3));
    expect(r.text).not.toMatch(/app-1-6f9c8d7b5d-4kq2m|ns-1\b/);
    // A pod keeps its generated tail after its workload's mask (`<name-2>-1-6f9c8d7b5d-4kq2m`).
    expect(r.text).toMatch(/assigned <name-\d+>(?:-\d+)?\/<name-\d+>[-a-z0-9]* to node-7/);
  });

  it('runs the host, token and certificate patterns once per run of characters', async () => {
    for (const unit of ['1-', 'a.', 'eyJ-', 'a+', '-----BEGIN X-----\n', 'token    ']) {
      expect(await ratio((n) => unit.repeat(n), 20_000), unit).toBeLessThan(8);
    }
  });

  it('masks a known name before a dot but not inside a longer name', () => {
    // `web-frontend-2` is a pod of `web-frontend` (a generated tail): masked the same way since issue #15.
    const r = redact('Name:   web-frontend\nweb-frontend.service web-frontend-2 xweb-frontend web-frontend-api');
    expect(r.text).toBe('Name:   <name-1>\n<name-1>.service <name-1>-2 xweb-frontend web-frontend-api');
  });
});

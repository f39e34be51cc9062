import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchClientSources } from '../../src/build/watch.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('watchClientSources (astro dev)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('rebuilds once after a burst of edits settles, and reports a failed rebuild without stopping', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kb-watch-'));
    dirs.push(root);
    mkdirSync(join(root, 'src/engine/parsers'), { recursive: true });
    mkdirSync(join(root, 'rules'));
    let builds = 0;
    const errors: unknown[] = [];
    let fail = false;
    const w = watchClientSources(
      root,
      async () => {
        builds++;
        if (fail) throw new Error('broken rule');
      },
      (e) => errors.push(e),
      50,
    );
    try {
      await sleep(50);
      for (let i = 0; i < 5; i++) writeFileSync(join(root, 'src/engine/parsers/x.ts'), `export const x = ${i};`);
      await sleep(400);
      expect(builds).toBe(1);
      fail = true;
      writeFileSync(join(root, 'rules/r.json'), '{');
      await sleep(400);
      expect(builds).toBe(2);
      expect(String(errors[0])).toContain('broken rule');
      fail = false;
      writeFileSync(join(root, 'rules/r.json'), '{}');
      await sleep(400);
      expect(builds).toBe(3);
    } finally {
      w.close();
    }
  });
});

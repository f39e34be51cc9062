import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// A broken article must stop the build with a message that names the file. Each case builds a
// copy of the project with one thing broken (they fail early, before pages are rendered).
const ROOT = join(import.meta.dirname, '../..');
let dir: string | undefined;

function brokenCopy(edit: (root: string) => void): { status: number | null; output: string } {
  dir = mkdtempSync(join(tmpdir(), 'kb-broken-'));
  for (const name of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', 'content', 'rules', 'test/fixtures']) {
    cpSync(join(ROOT, name), join(dir, name), { recursive: true, filter: (p) => !p.includes('/public/assets/gen') });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  edit(dir);
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/astro.js'), 'build'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, KB_ALLOW_INCOMPLETE: '' },
    timeout: 120_000,
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const article = (lang: string, slug: string) => join('content/articles', lang, `${slug}.md`);

describe('the build refuses broken content, naming the file', () => {
  it('invalid front matter', () => {
    const r = brokenCopy((root) => {
      const p = join(root, article('en', 'oomkilled'));
      writeFileSync(p, readFileSync(p, 'utf8').replace(/^severity: .*$/m, 'severity: catastrophic'));
    });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('content/articles/en/oomkilled.md');
    expect(r.output).toMatch(/severity/);
  }, 130_000);

  it('a related slug that does not exist', () => {
    const r = brokenCopy((root) => {
      const p = join(root, article('zh', 'oomkilled'));
      writeFileSync(p, readFileSync(p, 'utf8').replace(/^related: \[/m, 'related: [no-such-article, '));
    });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('content/articles/zh/oomkilled.md: related: unknown slug "no-such-article"');
  }, 130_000);

  it('an article missing in one language', () => {
    const r = brokenCopy((root) => {
      writeFileSync(join(root, article('en', 'only-english')), readFileSync(join(root, article('en', 'oomkilled')), 'utf8').replace(/^related: .*$/m, 'related: []'));
    });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('content/articles/en/only-english.md: no zh version (expected content/articles/zh/only-english.md)');
  }, 130_000);
});

import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { round } from './stats.ts';

const ROOT = join(import.meta.dirname, '..');

/** Seconds one `astro build` takes in `cwd`. */
function timeBuild(cwd: string, env: NodeJS.ProcessEnv = {}): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/astro.js'), 'build'], {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`astro build failed in ${cwd}:\n${r.stdout}\n${r.stderr}`);
  return round((performance.now() - t) / 1000);
}

/** build_s: the real site build, in place (it also refreshes dist/ for the page figures). */
export function benchBuild(): number {
  return timeBuild(ROOT);
}

/**
 * build_synthetic2000_s: the site built from 2,000 generated article files (1,000 slugs in two
 * languages, made from the real articles' bodies), in a temporary copy of the project.
 */
export function benchBuildSynthetic(files = 2000): number {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-kb-bench-'));
  try {
    for (const name of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', 'content', 'rules', 'test/fixtures']) {
      cpSync(join(ROOT, name), join(dir, name), { recursive: true, filter: (p) => !p.includes('/public/assets/gen') });
    }
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    for (const lang of ['zh', 'en']) {
      const src = join(ROOT, 'content/articles', lang);
      const real = readdirSync(src).filter((n) => n.endsWith('.md')).sort();
      const out = join(dir, 'content/articles', lang);
      mkdirSync(out, { recursive: true });
      for (let i = 0; i < files / 2; i++) {
        const text = readFileSync(join(src, real[i % real.length]!), 'utf8');
        const renamed = text
          .replace(/^title: ("?)(.*?)\1$/m, (_m, q, t) => `title: ${q}${t} #${i}${q}`)
          .replace(/^related: .*$/m, 'related: []');
        writeFileSync(join(out, `generated-${i}.md`), renamed);
      }
    }
    return timeBuild(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The built site the site tests run against (`npm run build` first; KB_DIST names another folder). */
export const DIST = join(import.meta.dirname, '../..', process.env.KB_DIST || 'dist');

/** Fails with a clear message when dist/ has not been built. */
export function requireDist(): void {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`dist/ is missing: run "npm run build" before the site tests (looked in ${DIST})`);
  }
}

/** Every file under dist/, as paths relative to dist/ with forward slashes. */
export function distFiles(ext?: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!ext || name.endsWith(ext)) out.push(relative(DIST, path).split(sep).join('/'));
    }
  };
  walk(DIST);
  return out.sort();
}

/** Text of a file under dist/. */
export function readDist(path: string): string {
  return readFileSync(join(DIST, path), 'utf8');
}

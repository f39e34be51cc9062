import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Node-only: every `*.json` under `dir` as `{ path, text }`, sorted, with paths relative to `base`
 * (e.g. the repository root, giving `rules/pods/oomkilled-last-state.json` for messages).
 */
export function readRuleFiles(dir: string, base = dir): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.json')) out.push({ path: relative(base, p).split(sep).join('/') || p, text: readFileSync(p, 'utf8') });
    }
  };
  walk(dir);
  return out;
}

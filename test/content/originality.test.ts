import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Articles and training take facts from the seed documents but must not copy their sentences.
// The seeds live beside the repository (../shared/seeds), where CI and developers have them.
const SEEDS = join(import.meta.dirname, '../../../shared/seeds');
const ROOT = join(import.meta.dirname, '../..');
const RUN = 12; // Chinese characters in a row: longer than any shared term or command

function files(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name), ext) : e.name.endsWith(ext) ? [join(dir, e.name)] : [],
  );
}

const squash = (s: string) => s.replace(/\s+/g, '');

describe.runIf(existsSync(SEEDS))('originality', () => {
  it(`copies no run of ${RUN} Chinese characters from the seed documents`, () => {
    const seed = squash(readdirSync(SEEDS).map((f) => readFileSync(join(SEEDS, f), 'utf8')).join('\n'));
    const grams = new Set<string>();
    for (let i = 0; i + RUN <= seed.length; i++) grams.add(seed.slice(i, i + RUN));
    const copied: string[] = [];
    for (const file of [...files(join(ROOT, 'content'), '.md'), ...files(join(ROOT, 'content'), '.yaml')]) {
      const text = squash(readFileSync(file, 'utf8'));
      for (let i = 0; i + RUN <= text.length; i++) {
        const g = text.slice(i, i + RUN);
        if (/^[\u4e00-\u9fff，。、：；（）]+$/.test(g) && grams.has(g)) {
          copied.push(`${file.slice(ROOT.length + 1)}: ${g}`);
          break;
        }
      }
    }
    expect(copied).toEqual([]);
  });
});

/**
 * Every diagnosis article's First response is a recipe the steps filler can use: commands identical
 * in both languages (only `on` and comments are translated), and every variable it reads either
 * known to the filler or set in the article's own blocks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillSteps, parseRecipe, STEP_VARIABLES } from '../../src/engine/steps.ts';
import { ROOT } from './helpers.ts';

const dir = (lang: string) => join(ROOT, 'content', 'articles', lang);
const diagnosis = readdirSync(dir('en'))
  .filter((f) => f.endsWith('.md') && /^kind:\s*diagnosis\s*$/m.test(readFileSync(join(dir('en'), f), 'utf8')))
  .map((f) => f.slice(0, -3));
const recipe = (slug: string, lang: string) => parseRecipe(readFileSync(join(dir(lang), `${slug}.md`), 'utf8'));
// Comments and the messages of `${X:?message}` guards are in the reader's language; the rest is not.
const commandsOnly = (lines: string[]) => lines.filter((l) => !/^\s*#/.test(l)).map((l) => l.replace(/\$\{([A-Z_][A-Z0-9_]*):\?[^}]*\}/g, '${$1}'));

describe('First response recipes', () => {
  it('exist for every diagnosis article', () => {
    expect(diagnosis.length).toBeGreaterThan(30);
    for (const slug of diagnosis) {
      expect(recipe(slug, 'en').length, `${slug} (en)`).toBeGreaterThan(0);
      expect(recipe(slug, 'zh').length, `${slug} (zh)`).toBeGreaterThan(0);
    }
  });

  it('have the same commands in Chinese and English, block by block', () => {
    for (const slug of diagnosis) {
      const en = recipe(slug, 'en');
      const zh = recipe(slug, 'zh');
      expect(zh.map((b) => commandsOnly(b.lines)), slug).toEqual(en.map((b) => commandsOnly(b.lines)));
      for (const b of [...en, ...zh]) expect(b.on, `${slug}: a block without "# on:"`).not.toBe('');
    }
  });

  it('read only variables the filler knows or the article sets itself', () => {
    for (const slug of diagnosis) {
      const lines = recipe(slug, 'en').flatMap((b) => b.lines);
      const set = new Set(lines.flatMap((l) => [...l.matchAll(/(?:^|\s|export\s+)([A-Z_][A-Z0-9_]*)=/g)].map((m) => m[1]!)));
      const read = new Set(lines.flatMap((l) => [...l.matchAll(/\$\{([A-Z_][A-Z0-9_]*)|\$([A-Z_][A-Z0-9_]*)/g)].map((m) => m[1] ?? m[2]!)));
      for (const v of read) expect(v in STEP_VARIABLES || set.has(v), `${slug}: $${v}`).toBe(true);
    }
  });

  it('filled with nothing known, give one export per unknown variable and no example value', () => {
    const empty = { subject: { kind: 'Paste', name: '(paste)' }, captures: {} };
    for (const slug of diagnosis) {
      for (const lang of ['en', 'zh'] as const) {
        const steps = fillSteps(empty, recipe(slug, lang), lang);
        const all = steps.map((s) => s.command).join('\n');
        for (const name of Object.keys(STEP_VARIABLES)) {
          const sets = all.split('\n').filter((l) => new RegExp(`^export (.* )?${name}=`).test(l));
          expect(sets.length, `${slug} ${lang}: ${name}`).toBeLessThanOrEqual(1);
          if (sets.length) expect(sets[0], `${slug} ${lang}`).toMatch(new RegExp(`^export ${name}='<[^'\\n]+>'$`));
        }
      }
    }
  });
});

/** The CLI side of filled-in recovery steps: read each article's First response once, fill it per finding. */
import { existsSync, readFileSync } from 'node:fs';
import type { Finding } from '../engine/index.ts';
import { fillSteps, parseRecipe, type Recipe } from '../engine/steps.ts';
import { articlePath } from './io.ts';
import type { Lang } from './messages.ts';

const recipes = new Map<string, Recipe>();

/** The First response recipe of an article in a language ([] when the article has none). */
export function articleRecipe(slug: string, lang: Lang): Recipe {
  const key = `${lang}/${slug}`;
  let r = recipes.get(key);
  if (!r) {
    const file = articlePath(slug, lang);
    r = existsSync(file) ? parseRecipe(readFileSync(file, 'utf8')) : [];
    recipes.set(key, r);
  }
  return r;
}

/**
 * Gives every finding its `steps` (when its article has a First response) and drops the raw
 * `values` they were filled from: the JSON contract carries the commands, not the engine's notes.
 */
export function addSteps(findings: Finding[], lang: Lang): void {
  for (const f of findings) {
    const recipe = articleRecipe(f.article, lang);
    if (recipe.length) f.steps = fillSteps(f, recipe, lang);
    delete f.values;
  }
}

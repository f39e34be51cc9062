/**
 * Build time: what the diagnose page shows about each article without loading it — title, summary,
 * the First response blocks as a recipe the page fills with the paste's values (engine/steps.ts),
 * and for articles without one the first recovery commands (the first shell block of the Recover /
 * Steps section).
 */
import { parseRecipe, type Recipe } from '../engine/steps.ts';

/** What the diagnose page carries about one article. */
export interface ArticleSummary {
  title: string;
  summary: string;
  /** First response blocks ([] when the article has none). */
  recipe: Recipe;
  /** The first Recover command block, only when there is no recipe ('' otherwise). */
  commands: string;
}

/** The page data of one article from its front matter and Markdown body. */
export function articleSummary(title: string, summary: string, markdown: string): ArticleSummary {
  const recipe = parseRecipe(markdown);
  return { title, summary, recipe, commands: recipe.length ? '' : firstRecoveryCommands(markdown) };
}

const RECOVER_HEADINGS = ['Recover', '恢复', 'Steps', '操作步骤'];

/** The first shell code block of the recovery section of a Markdown body, or ''. */
export function firstRecoveryCommands(markdown: string, maxLines = 12): string {
  const lines = markdown.split('\n');
  let inRecover = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const h2 = /^##\s+(.+?)\s*$/.exec(line);
    if (h2) inRecover = RECOVER_HEADINGS.includes(h2[1]!);
    if (!inRecover) continue;
    const fence = /^(```|~~~)\s*(bash|sh|shell)\b/.exec(line);
    if (!fence) continue;
    const body: string[] = [];
    for (let j = i + 1; j < lines.length && !lines[j]!.startsWith(fence[1]!); j++) body.push(lines[j]!);
    const trimmed = body.slice(0, maxLines);
    if (body.length > maxLines) trimmed.push('# …');
    return trimmed.join('\n');
  }
  return '';
}

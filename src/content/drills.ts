import { getCollection, type CollectionEntry } from 'astro:content';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRuleSet, diagnose, type DiagnoseResult, type RuleSet } from '../engine/index.ts';
import { readRuleFiles } from '../build/rule-files.ts';
import { allArticles, entrySlug } from './articles.ts';
import { allTraining, entryId } from './training.ts';

export type DrillEntry = CollectionEntry<'drills'>;

/** A drill with its paste and the engine's own diagnosis of it (computed at build time). */
export interface LoadedDrill {
  id: string;
  entry: DrillEntry;
  paste: string;
  result: DiagnoseResult;
}

let ruleSet: RuleSet | undefined;
let loaded: Promise<LoadedDrill[]> | undefined;

/**
 * Every drill, with its fixture read and diagnosed by the engine with the rules of rules/. Fails
 * the build when a fixture is missing, an article or module does not exist, or the drill's answer
 * is not the engine's top finding (so drills and rules can never disagree).
 */
export function allDrills(): Promise<LoadedDrill[]> {
  loaded ??= (async () => {
    const root = process.cwd();
    ruleSet ??= createRuleSet(readRuleFiles(join(root, 'rules'), root));
    const [entries, articles, { modules }] = await Promise.all([getCollection('drills'), allArticles(), allTraining()]);
    const slugs = new Set(articles.map(entrySlug));
    const moduleIds = new Set(modules.map(entryId));
    const problems: string[] = [];
    const out: LoadedDrill[] = [];
    for (const entry of entries.sort((a, b) => a.data.module.localeCompare(b.data.module) || a.id.localeCompare(b.id))) {
      const file = `content/training/drills/${entry.id}.yaml`;
      const d = entry.data;
      if (!moduleIds.has(d.module)) problems.push(`${file}: module: unknown module "${d.module}"`);
      for (const c of d.choices) if (!slugs.has(c.article)) problems.push(`${file}: choices: unknown article "${c.article}"`);
      let paste: string;
      try {
        paste = readFileSync(join(root, 'test/fixtures', d.fixture), 'utf8');
      } catch {
        problems.push(`${file}: fixture: test/fixtures/${d.fixture} does not exist`);
        continue;
      }
      const result = await diagnose(paste, ruleSet);
      const top = result.findings[0]?.article;
      if (top !== d.answer) problems.push(`${file}: answer: "${d.answer}" but the engine's top finding is "${top ?? 'nothing'}"`);
      out.push({ id: entry.id, entry, paste, result });
    }
    if (problems.length > 0) throw new Error(`Invalid drills:\n  ${problems.join('\n  ')}`);
    return out;
  })();
  return loaded;
}

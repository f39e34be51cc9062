import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The examples menu of the diagnose page: realistic pastes taken from the engine's test fixtures
 * (so they never drift from what the engine understands). Build time only (reads files).
 */
export const EXAMPLES: readonly { id: string; fixture: string; title: { en: string; zh: string } }[] = [];

/** The examples with their text, in one language; fixtures that do not exist are an error. */
export function loadExamples(root: string, lang: 'zh' | 'en'): { id: string; title: string; text: string }[] {
  return EXAMPLES.map((e) => {
    const path = join(root, 'test/fixtures', e.fixture);
    if (!existsSync(path)) throw new Error(`src/diagnose/examples.ts: example "${e.id}": fixture test/fixtures/${e.fixture} does not exist`);
    return { id: e.id, title: e.title[lang], text: readFileSync(path, 'utf8') };
  });
}

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildSearchDataFromFiles } from '../search/from-files.ts';

/**
 * Writes public/assets/gen/search-<lang>.js: the search data of one language as a classic script
 * (a fetch() of JSON is blocked from file://), plus the category names for result labels.
 */
export async function writeSearchData(root: string, langs: readonly string[]): Promise<void> {
  const outDir = join(root, 'public/assets/gen');
  await mkdir(outDir, { recursive: true });
  for (const lang of langs) {
    const ui = JSON.parse(await readFile(join(root, `content/ui/${lang}.json`), 'utf8')) as Record<string, string>;
    const categories = Object.fromEntries(
      Object.entries(ui)
        .filter(([k]) => /^category\.[a-z-]+$/.test(k) && k !== 'category.label')
        .map(([k, v]) => [k.slice('category.'.length), v]),
    );
    const data = { ...buildSearchDataFromFiles(join(root, 'content/articles'), lang), categories };
    const js = `(window.__kbSearchData=window.__kbSearchData||{})[${JSON.stringify(lang)}]=${JSON.stringify(data)};\n`;
    await writeFile(join(outDir, `search-${lang}.js`), js);
  }
}

/** The CLI's "possibly related" search: the site's own index, built from content/articles on first use. */
import { join } from 'node:path';
import type { RelatedSearch } from '../engine/related.ts';
import { buildSearchDataFromFiles } from '../search/from-files.ts';
import { loadSearch, search, type LoadedSearch } from '../search/query.ts';
import { REPO_ROOT } from './io.ts';

const loaded = new Map<string, LoadedSearch>();

export function relatedFinder(lang: 'zh' | 'en'): RelatedSearch {
  return (text) => {
    let l = loaded.get(lang);
    if (!l) {
      l = loadSearch(buildSearchDataFromFiles(join(REPO_ROOT, 'content/articles'), lang));
      loaded.set(lang, l);
    }
    return search(l, text, 5).map((h) => ({ article: h.doc.id, score: h.score }));
  };
}

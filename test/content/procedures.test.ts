import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { CATALOGUE } from '../../src/content/catalogue.ts';
import { buildSearchDataFromFiles } from '../../src/search/from-files.ts';
import { loadSearch, search } from '../../src/search/query.ts';
import { loadArticles, withoutCode } from '../helpers/articles.ts';

// Procedure articles are opened on purpose, so they must be easy to reach: from search by their
// title, and from at least one diagnosis article (related list or body link).
const articles = loadArticles();
const procedures = CATALOGUE.filter((e) => e.kind === 'P');

describe('procedure articles are reachable', () => {
  for (const lang of ['zh', 'en'] as const) {
    const mine = articles.filter((a) => a.lang === lang);
    const loaded = loadSearch(buildSearchDataFromFiles(join(import.meta.dirname, '../../content/articles'), lang));

    it.each(procedures.map((p) => p.slug))(`[${lang}] %s ranks in the top 3 when searched by its title`, (slug) => {
      const article = mine.find((a) => a.slug === slug);
      expect(article, `${lang}/${slug} exists`).toBeDefined();
      const top = search(loaded, String(article!.frontMatter.title), 3).map((h) => h.doc.id);
      expect(top).toContain(slug);
    });

    it.each(procedures.map((p) => p.slug))(`[${lang}] %s is linked from a diagnosis article`, (slug) => {
      const from = mine.filter(
        (a) =>
          a.frontMatter.kind === 'diagnosis' &&
          ((a.frontMatter.related as string[] | undefined)?.includes(slug) || withoutCode(a.body).includes(`](../${slug}/`)),
      );
      expect(from.map((a) => a.slug)).not.toEqual([]);
    });
  }
});

describe('article prose', () => {
  it('never refers readers to the internal seed documents, which they do not have', () => {
    const bad = articles.flatMap((a) =>
      withoutCode(a.body)
        .split('\n')
        .filter((line) => /\b(the|in|from) seeds?\b|\bseed (runbook|document|incident|case|checklist|file|note)s?\b|种子/i.test(line))
        .map((line) => `${a.file}: ${line.trim().slice(0, 100)}`),
    );
    expect(bad).toEqual([]);
  });
});

import { getCollection, type CollectionEntry } from 'astro:content';
import { LANGS, type Lang } from '../i18n/ui.ts';
import { CATALOGUE } from './catalogue.ts';
import { validateArticleSet, type ArticleRef } from './validate.ts';

export type Article = CollectionEntry<'articles'>;

/** Slug of an entry whose id is `<lang>/<slug>`. */
export function entrySlug(entry: Article): string {
  return entry.id.slice(entry.id.indexOf('/') + 1);
}

/** Language of an entry whose id is `<lang>/<slug>`. */
export function entryLang(entry: Article): Lang {
  return entry.id.slice(0, entry.id.indexOf('/')) as Lang;
}

const catalogueOrder = new Map(CATALOGUE.map((e, i) => [e.slug, i]));

/** Reading order: catalogue order first, then articles outside the catalogue by title. */
function compareArticles(a: Article, b: Article): number {
  const ia = catalogueOrder.get(entrySlug(a)) ?? Number.MAX_SAFE_INTEGER;
  const ib = catalogueOrder.get(entrySlug(b)) ?? Number.MAX_SAFE_INTEGER;
  return ia - ib || a.data.title.localeCompare(b.data.title);
}

let checked: Promise<Article[]> | undefined;

/**
 * Every article of both languages, validated once per build: both languages present, `related`
 * slugs exist, zh and en agree on kind and category. Throws an error naming the files otherwise.
 */
export function allArticles(): Promise<Article[]> {
  checked ??= getCollection('articles').then((entries) => {
    const refs: ArticleRef[] = entries.map((e) => ({
      lang: entryLang(e),
      slug: entrySlug(e),
      file: e.filePath ?? `content/articles/${e.id}.md`,
      kind: e.data.kind,
      category: e.data.category,
      related: e.data.related,
    }));
    const problems = validateArticleSet(refs, LANGS);
    if (problems.length > 0) {
      // Drafts: KB_ALLOW_INCOMPLETE=1 previews a tree with half-written articles (never in CI).
      if (process.env.KB_ALLOW_INCOMPLETE !== '1') throw new Error(`Invalid articles:\n  ${problems.join('\n  ')}`);
      console.warn(`[k8s-kb] ${problems.length} article problems (KB_ALLOW_INCOMPLETE=1):\n  ${problems.join('\n  ')}`);
      const complete = (slug: string) => LANGS.every((l) => refs.some((r) => r.slug === slug && r.lang === l));
      return entries.filter((e) => complete(entrySlug(e))).sort(compareArticles);
    }
    return entries.sort(compareArticles);
  });
  return checked;
}

/** Articles of one language, in reading order. */
export async function articlesIn(lang: Lang): Promise<Article[]> {
  return (await allArticles()).filter((e) => entryLang(e) === lang);
}

import type { Lang } from '../i18n/ui.ts';

/*
 * Internal URLs are written root-absolute with a trailing slash (`/zh/articles/oomkilled/`), which
 * is what `astro dev` serves. After the build, src/build/relativize.ts rewrites every one of them in
 * dist/ into a relative URL ending in `index.html`, so the same dist/ works at a server root, under
 * a sub-path and from file://.
 */

/** URL of an article page. */
export function articleUrl(lang: Lang, slug: string): string {
  return `/${lang}/articles/${slug}/`;
}

/** URL of a category index page. */
export function categoryUrl(lang: Lang, category: string): string {
  return `/${lang}/categories/${category}/`;
}

/** URL of a top-level section of the site in one language (`''` for the language home). */
export function sectionUrl(lang: Lang, section: '' | 'articles' | 'diagnose' | 'search' | 'training'): string {
  return section ? `/${lang}/${section}/` : `/${lang}/`;
}

/** The same page in another language: swaps the leading `/<lang>/` segment. */
export function pathInLang(pathname: string, lang: Lang): string {
  const m = /^\/(zh|en)(\/.*)?$/.exec(pathname);
  if (!m) return `/${lang}/`;
  return `/${lang}${m[2] ?? '/'}`;
}

/** What the cross-article checks need to know about one article file. */
export interface ArticleRef {
  lang: string;
  slug: string;
  /** Path of the source file, used in messages. */
  file: string;
  kind: string;
  category: string;
  related: string[];
}

/**
 * Checks that span several articles (the schema checks each file alone): every slug exists in
 * every language, `related` names existing slugs and not the article itself, and both languages
 * agree on kind and category. Returns one message per problem, each naming the file.
 */
export function validateArticleSet(articles: ArticleRef[], langs: readonly string[]): string[] {
  const problems: string[] = [];
  const bySlug = new Map<string, Map<string, ArticleRef>>();
  for (const a of articles) {
    let perLang = bySlug.get(a.slug);
    if (!perLang) bySlug.set(a.slug, (perLang = new Map()));
    perLang.set(a.lang, a);
  }
  for (const [slug, perLang] of bySlug) {
    const present = [...perLang.values()];
    for (const lang of langs) {
      if (!perLang.has(lang)) {
        problems.push(`${present[0]!.file}: no ${lang} version (expected content/articles/${lang}/${slug}.md)`);
      }
    }
    const [first, ...rest] = present;
    for (const other of rest) {
      if (other.kind !== first!.kind) problems.push(`${other.file}: kind "${other.kind}" differs from ${first!.file} ("${first!.kind}")`);
      if (other.category !== first!.category) problems.push(`${other.file}: category "${other.category}" differs from ${first!.file} ("${first!.category}")`);
    }
  }
  for (const a of articles) {
    for (const rel of a.related) {
      if (rel === a.slug) problems.push(`${a.file}: related: lists the article itself ("${rel}")`);
      else if (!bySlug.has(rel)) problems.push(`${a.file}: related: unknown slug "${rel}"`);
    }
  }
  return problems;
}

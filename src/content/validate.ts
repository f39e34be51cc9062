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
  const problems = parityProblems(articles, langs, 'content/articles');
  const bySlug = groupBySlug(articles);
  for (const perLang of bySlug.values()) {
    const [first, ...rest] = [...perLang.values()];
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

/** Entries keyed by slug, then language. */
function groupBySlug<T extends { slug: string; lang: string }>(entries: T[]): Map<string, Map<string, T>> {
  const bySlug = new Map<string, Map<string, T>>();
  for (const e of entries) {
    let perLang = bySlug.get(e.slug);
    if (!perLang) bySlug.set(e.slug, (perLang = new Map()));
    perLang.set(e.lang, e);
  }
  return bySlug;
}

/** One message per entry that is missing in one of `langs` (mirrored trees under `dir`). */
export function parityProblems(entries: { slug: string; lang: string; file: string }[], langs: readonly string[], dir: string): string[] {
  const problems: string[] = [];
  for (const [slug, perLang] of groupBySlug(entries)) {
    const first = [...perLang.values()][0]!;
    for (const lang of langs) {
      if (!perLang.has(lang)) problems.push(`${first.file}: no ${lang} version (expected ${dir}/${lang}/${slug}.md)`);
    }
  }
  return problems;
}

/** What the training checks need to know about one module or game-day file. */
export interface TrainingRef {
  lang: string;
  slug: string;
  file: string;
  /** Article slugs the file sends readers to. */
  articles: string[];
  /** For game days: the module id they belong to. */
  module?: string;
}

/**
 * Cross-file checks for training content: both languages present, every article slug exists,
 * every game day names an existing module.
 */
export function validateTrainingSet(
  entries: TrainingRef[],
  langs: readonly string[],
  dir: string,
  articleSlugs: ReadonlySet<string>,
  moduleIds?: ReadonlySet<string>,
): string[] {
  const problems = parityProblems(entries, langs, dir);
  for (const e of entries) {
    for (const a of e.articles) if (!articleSlugs.has(a)) problems.push(`${e.file}: articles: unknown slug "${a}"`);
    if (moduleIds && e.module !== undefined && !moduleIds.has(e.module)) problems.push(`${e.file}: module: unknown module "${e.module}"`);
  }
  return problems;
}

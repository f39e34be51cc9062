import { describe, expect, it } from 'vitest';
import { validateArticleSet, type ArticleRef } from '../../src/content/validate.ts';

const ref = (lang: string, slug: string, extra: Partial<ArticleRef> = {}): ArticleRef => ({
  lang,
  slug,
  file: `content/articles/${lang}/${slug}.md`,
  kind: 'diagnosis',
  category: 'pods',
  related: [],
  ...extra,
});

describe('validateArticleSet', () => {
  it('accepts a complete, consistent set', () => {
    const set = [ref('zh', 'a', { related: ['b'] }), ref('en', 'a', { related: ['b'] }), ref('zh', 'b'), ref('en', 'b')];
    expect(validateArticleSet(set, ['zh', 'en'])).toEqual([]);
  });

  it('names the file of an article missing in one language', () => {
    expect(validateArticleSet([ref('zh', 'a')], ['zh', 'en'])).toEqual([
      'content/articles/zh/a.md: no en version (expected content/articles/en/a.md)',
    ]);
  });

  it('names the file and the slug of an unknown related article', () => {
    const problems = validateArticleSet([ref('zh', 'a', { related: ['nope'] }), ref('en', 'a')], ['zh', 'en']);
    expect(problems).toEqual(['content/articles/zh/a.md: related: unknown slug "nope"']);
  });

  it('rejects an article listed as related to itself', () => {
    const problems = validateArticleSet([ref('zh', 'a', { related: ['a'] }), ref('en', 'a')], ['zh', 'en']);
    expect(problems).toEqual(['content/articles/zh/a.md: related: lists the article itself ("a")']);
  });

  it('reports zh and en disagreeing on kind or category', () => {
    const problems = validateArticleSet([ref('zh', 'a'), ref('en', 'a', { kind: 'procedure', category: 'nodes' })], ['zh', 'en']);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^content\/articles\/en\/a\.md: kind "procedure" differs/);
  });
});

import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticCorpus } from '../../bench/synthetic.ts';
import { buildSearchData } from '../../src/search/build-index.ts';
import { buildSearchDataFromFiles, readSearchDocs } from '../../src/search/from-files.ts';
import { loadSearch, looksLikeClusterOutput, search, type LoadedSearch } from '../../src/search/query.ts';
import { SEARCH_CASES } from './queries.ts';

const ARTICLES = join(import.meta.dirname, '../../content/articles');
const CASES = SEARCH_CASES;

describe('search ranking', () => {
  const loaded: Partial<Record<'zh' | 'en', LoadedSearch>> = {};
  beforeAll(() => {
    for (const lang of ['zh', 'en'] as const) loaded[lang] = loadSearch(JSON.parse(JSON.stringify(buildSearchDataFromFiles(ARTICLES, lang))));
    // Building both indexes takes seconds, more on a busy machine than the default 10 s hook limit.
  }, 120_000);

  it('has a balanced table of at least 40 queries', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(CASES.filter((c) => c[0] === 'zh').length).toBeGreaterThanOrEqual(20);
    expect(CASES.filter((c) => c[0] === 'en').length).toBeGreaterThanOrEqual(20);
  });

  it.each(CASES)('[%s] %s → %s in the top 3', (lang, query, slug) => {
    const top = search(loaded[lang]!, query, 3).map((h) => h.doc.id);
    expect(top).toContain(slug);
  });

  it('stops early without changing the answer: the top 3 and 10 equal the top of a full ranking', () => {
    let compared = 0;
    for (const [lang, query] of CASES) {
      const full = search(loaded[lang]!, query, 1_000_000);
      for (const limit of [3, 10]) {
        expect(search(loaded[lang]!, query, limit).map((h) => [h.doc.id, h.score]), `${query} (${limit})`).toEqual(full.slice(0, limit).map((h) => [h.doc.id, h.score]));
        compared++;
      }
    }
    expect(compared).toBe(CASES.length * 2);
    // A larger index, where common words match most documents and the early stop really cuts.
    const docs = syntheticCorpus([...readSearchDocs(ARTICLES, 'zh'), ...readSearchDocs(ARTICLES, 'en')], 400);
    const big = loadSearch(JSON.parse(JSON.stringify(buildSearchData('t', docs))));
    for (const query of ['Pod 被驱逐', '存储卷声明 Pending', 'node not ready', 'OOM']) {
      const full = search(big, query, 1_000_000);
      expect(full.length, query).toBeGreaterThan(30);
      expect(search(big, query, 10).map((h) => [h.doc.id, h.score]), query).toEqual(full.slice(0, 10).map((h) => [h.doc.id, h.score]));
    }
  });

  it('finds nothing for words no article uses', () => {
    expect(search(loaded.en!, 'zzqxv flurbl', 3)).toEqual([]);
  });

  it('ranks a title hit above body-only mentions', () => {
    const [first] = search(loaded.en!, 'PLEG', 5);
    expect(first?.doc.id).toBe('node-pleg-unhealthy');
  });
});

describe('looksLikeClusterOutput', () => {
  it.each([
    ['NAME   READY   STATUS    RESTARTS   AGE\nweb-1  0/1     Pending   0          5m', true],
    ['Error from server (Forbidden): pods is forbidden', true],
    ['E0118 10:00:01.123456    1234 kubelet.go:2183] "Skipping pod synchronization"', true],
    ['证书过期', false],
    ['connection refused 6443', false],
  ])('%s → %s', (text, expected) => {
    expect(looksLikeClusterOutput(text)).toBe(expected);
  });
});

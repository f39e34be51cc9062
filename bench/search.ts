import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { buildSearchData, type SearchData } from '../src/search/build-index.ts';
import { readSearchDocs } from '../src/search/from-files.ts';
import type { SearchDoc } from '../src/search/documents.ts';
import { loadSearch } from '../src/search/query.ts';
import { searchResults } from '../src/search/results.ts';
import { makeTokenizer, type Tokenizer } from '../src/search/tokenize.ts';
import { SEARCH_CASES } from '../test/search/queries.ts';
import { median, percentile, round, timeOnce } from './stats.ts';
import { syntheticCorpus } from './synthetic.ts';

const ARTICLES = join(import.meta.dirname, '../content/articles');

export interface SearchFigures {
  docs: number;
  index_bytes: number;
  index_gzip_bytes: number;
  index_bytes_per_doc: number;
  index_gzip_bytes_per_doc: number;
  load_ms: number;
  query_p50_ms: number;
  query_p95_ms: number;
  scan_p50_ms: number;
  /** query_p50_ms / scan_p50_ms. */
  p50_vs_scan: number;
  /** Median of query time / scan time, computed pair by pair (same query, same round). */
  pairwise_ratio: number;
}

/** Plain lower-cased text of a document: what the brute-force scan searches. */
const flat = (d: SearchDoc) => [d.title, d.summary, d.tags.join(' '), d.symptoms.join(' '), d.headings.join(' '), d.body].join('\n').toLowerCase();

/** Measures one index: size, load time, query latency, and the substring-scan floor. */
export function measureIndex(docs: SearchDoc[], queries: string[], rounds = 7): SearchFigures {
  const data = buildSearchData('bench', docs);
  const json = JSON.stringify(data);
  const bytes = Buffer.byteLength(json);
  const gz = gzipSync(json).length;
  const loads: number[] = [];
  let loaded = loadSearch(JSON.parse(json) as SearchData);
  // Each load starts from a collected heap (npm run bench passes --expose-gc): otherwise a load
  // sometimes pays for the garbage of the index built just before it (zh: 28 ms or 47 ms by chance).
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
  for (let i = 0; i < rounds; i++) {
    gc();
    loads.push(timeOnce(() => (loaded = loadSearch(JSON.parse(json) as SearchData))));
  }
  const texts = docs.map(flat);
  // Warm-up: one pass of every query through both.
  for (const q of queries) {
    searchResults(loaded, q, { limit: 10 });
    texts.filter((t) => t.includes(q.toLowerCase()));
  }
  const queryTimes: number[] = [];
  const scanTimes: number[] = [];
  const ratios: number[] = [];
  for (let round_ = 0; round_ < rounds; round_++) {
    for (const q of queries) {
      const tq = timeOnce(() => searchResults(loaded, q, { limit: 10 }));
      const lower = q.toLowerCase();
      const ts = timeOnce(() => {
        let n = 0;
        for (const t of texts) if (t.includes(lower)) n++;
        return n;
      });
      queryTimes.push(tq);
      scanTimes.push(ts);
      ratios.push(tq / Math.max(ts, 1e-3));
    }
  }
  return {
    docs: docs.length,
    index_bytes: bytes,
    index_gzip_bytes: gz,
    index_bytes_per_doc: round(bytes / docs.length),
    index_gzip_bytes_per_doc: round(gz / docs.length),
    load_ms: round(median(loads)),
    query_p50_ms: round(median(queryTimes)),
    query_p95_ms: round(percentile(queryTimes, 95)),
    scan_p50_ms: round(median(scanTimes)),
    p50_vs_scan: round(median(queryTimes) / Math.max(median(scanTimes), 1e-3)),
    pairwise_ratio: round(median(ratios)),
  };
}

/** Share of a language's ranking queries whose expected article is in the top 3. */
export function top3HitRate(lang: 'zh' | 'en', tokenizer?: Tokenizer): number {
  const docs = readSearchDocs(ARTICLES, lang);
  const loaded = loadSearch(JSON.parse(JSON.stringify(buildSearchData(lang, docs, tokenizer))) as SearchData);
  const cases = SEARCH_CASES.filter((c) => c[0] === lang);
  const hits = cases.filter(([, q, slug]) => searchResults(loaded, q, { limit: 3, tokenizer }).some((h) => h.doc.id === slug)).length;
  return round(hits / cases.length);
}

/** search.zh, search.en, search.synthetic5000 and the Chinese dictionary's measured gain. */
export function benchSearch() {
  const out: Record<string, unknown> = {};
  const allQueries = SEARCH_CASES.map((c) => c[1]);
  const real: SearchDoc[] = [];
  for (const lang of ['zh', 'en'] as const) {
    const docs = readSearchDocs(ARTICLES, lang);
    real.push(...docs);
    out[lang] = measureIndex(docs, SEARCH_CASES.filter((c) => c[0] === lang).map((c) => c[1]));
  }
  out.synthetic5000 = measureIndex(syntheticCorpus(real, 5000), allQueries, 5);
  out.zh_tokenizer = {
    top3_hit_rate: top3HitRate('zh'),
    top3_hit_rate_icu_only: top3HitRate('zh', makeTokenizer({ domainWords: [], pairSingles: false })),
  };
  return out;
}

/**
 * "Possibly related" articles: when no rule explains a paste that carries errors, the site's own
 * search is run over its most error-like lines and the articles those searches agree on are
 * offered (never as findings). Small and free of the rest of the engine, so the diagnose page can
 * run it on the main thread with the search index it already has.
 */
import { errorLines } from './error-lines.ts';
import type { RelatedArticle } from './types.ts';

/** Searches the site's articles for one error line (the engine has no index of its own). */
export type RelatedSearch = (text: string) => { article: string; score: number }[];

const MAX_RELATED = 3;

/** Up to three articles that the error lines' searches agree on (scores summed, then scaled to 0..1). */
export function relatedArticles(texts: readonly string[], search: RelatedSearch, exclude: ReadonlySet<string>): RelatedArticle[] {
  const byArticle = new Map<string, RelatedArticle>();
  for (const l of errorLines(texts)) {
    const hits = search(l.text).slice(0, 5);
    const top = hits[0]?.score ?? 0;
    if (top <= 0) continue;
    hits.forEach((h, i) => {
      if (exclude.has(h.article)) return;
      // Each line votes with its own ranking: the best hit fully, later ones by their relative score.
      const vote = (h.score / top) * (1 - i * 0.1) * l.weight;
      const r = byArticle.get(h.article) ?? { article: h.article, score: 0, lines: [] };
      r.score += vote;
      if (!r.lines.includes(l.line)) r.lines.push(l.line);
      byArticle.set(h.article, r);
    });
  }
  const ranked = [...byArticle.values()].sort((a, b) => b.score - a.score || a.article.localeCompare(b.article)).slice(0, MAX_RELATED);
  const best = ranked[0]?.score || 1;
  return ranked.map((r) => ({ ...r, lines: r.lines.sort((a, b) => a - b), score: Math.round((r.score / best) * 1000) / 1000 }));
}

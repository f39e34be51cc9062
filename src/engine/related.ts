/**
 * "Possibly related" articles: when no rule explains a paste that carries errors, the site's own
 * search is run over its most error-like lines and the articles those searches agree on are
 * offered (never as findings). Small and free of the rest of the engine, so the diagnose page can
 * run it on the main thread with the search index it already has.
 */
import { errorLines } from './error-lines.ts';
import type { RelatedArticle } from './types.ts';

/** At most this many answers in all: findings' articles first, then related ones. */
export const MAX_ANSWERS = 3;

/** Related articles for a diagnosis: what the error lines no finding explains point to, filling the answers up to three. */
export function relatedFor(
  texts: readonly string[],
  findings: readonly { article: string; severity?: string; evidence: readonly { line: number }[]; alsoSee?: readonly string[] }[],
  search: RelatedSearch,
): RelatedArticle[] {
  const found = new Set(findings.map((f) => f.article));
  const explained = new Set<number>();
  for (const f of findings) for (const e of f.evidence) explained.add(e.line);
  // What the rules say to check next comes first, then what the search finds for unexplained lines.
  const out: RelatedArticle[] = [];
  const taken = new Set(found);
  // An info finding exists to point elsewhere (the paste does not say why), so its leads go first.
  const byNeed = [...findings].sort((a, b) => Number(b.severity === 'info') - Number(a.severity === 'info'));
  for (const f of byNeed) {
    for (const article of f.alsoSee ?? []) {
      if (taken.has(article) || found.size + out.length >= MAX_ANSWERS) continue;
      taken.add(article);
      out.push({ article, score: 1, lines: f.evidence.map((e) => e.line) });
    }
  }
  const room = MAX_ANSWERS - found.size - out.length;
  return room > 0 ? [...out, ...relatedArticles(texts, search, taken, explained, room)] : out;
}

/** Searches the site's articles for one error line (the engine has no index of its own). */
export type RelatedSearch = (text: string) => { article: string; score: number }[];

const MAX_RELATED = 3;

/**
 * Up to `max` articles that the searches of the error lines agree on (scores summed, then scaled
 * to 0..1). Lines in `explained` (a finding's evidence) and articles in `exclude` (already found)
 * are left out: what is offered is about what no finding explains.
 */
export function relatedArticles(
  texts: readonly string[],
  search: RelatedSearch,
  exclude: ReadonlySet<string>,
  explained: ReadonlySet<number> = new Set(),
  max = MAX_RELATED,
): RelatedArticle[] {
  if (max <= 0) return [];
  const byArticle = new Map<string, RelatedArticle>();
  for (const l of errorLines(texts, 4, explained)) {
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
  const ranked = [...byArticle.values()].sort((a, b) => b.score - a.score || a.article.localeCompare(b.article)).slice(0, Math.min(max, MAX_RELATED));
  const best = ranked[0]?.score || 1;
  return ranked.map((r) => ({ ...r, lines: r.lines.sort((a, b) => a - b), score: Math.round((r.score / best) * 1000) / 1000 }));
}

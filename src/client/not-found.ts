/**
 * "Did you mean": on the 404 page, the articles whose slug or title is closest to the address
 * that was asked for (`/en/articles/oomkiled/` → OOMKilled), in the language of the address
 * first. Links are relative to the site root (the page's <base>, see Base.astro `anyDepth`).
 */
interface Entry {
  lang: 'zh' | 'en';
  slug: string;
  title: string;
}

/** Levenshtein distance, small strings only. */
export function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

const words = (s: string) => s.toLowerCase().split(/[^a-z0-9\u4e00-\u9fff]+/).filter((w) => w.length > 1);

/** Score of an article for what was typed (lower is closer); undefined when unrelated. */
export function closeness(typed: string, entry: Entry): number | undefined {
  const slugScore = distance(typed, entry.slug) / Math.max(typed.length, entry.slug.length);
  const typedWords = words(typed);
  const known = new Set([...words(entry.slug), ...words(entry.title)]);
  const shared = typedWords.filter((w) => known.has(w) || [...known].some((k) => k.length > 3 && distance(w, k) <= 1)).length;
  const wordScore = typedWords.length ? 1 - shared / typedWords.length : 1;
  const score = Math.min(slugScore, wordScore * 0.9);
  return score <= 0.5 ? score : undefined;
}

/** What the reader typed: the last meaningful segment of the address. */
export function typedPart(pathname: string): { lang?: 'zh' | 'en'; text: string } {
  const parts = decodeURIComponent(pathname).split('/').filter((p) => p && p !== 'index.html');
  const lang = parts.find((p): p is 'zh' | 'en' => p === 'zh' || p === 'en');
  const text = (parts.at(-1) ?? '').replace(/\.html?$/, '').toLowerCase();
  return { lang, text: text === lang || text === 'articles' ? '' : text };
}

function init(): void {
  const box = document.querySelector<HTMLElement>('[data-not-found]');
  const data = document.querySelector('script[data-articles]');
  if (!box || !data) return;
  const entries = JSON.parse(data.textContent ?? '[]') as Entry[];
  const { lang, text } = typedPart(window.location.pathname);
  if (!text) return;
  const ranked = entries
    .map((e) => ({ e, score: closeness(text, e) }))
    .filter((x): x is { e: Entry; score: number } => x.score !== undefined)
    .sort((a, b) => a.score - b.score || (a.e.lang === lang ? -1 : 0) - (b.e.lang === lang ? -1 : 0));
  // One language when the address had one, both otherwise; at most five.
  const shown = ranked.filter((x) => !lang || x.e.lang === lang).slice(0, 5);
  const list = box.querySelector('[data-suggestions]')!;
  for (const { e } of shown) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = `${e.lang}/articles/${e.slug}/index.html`;
    a.lang = e.lang === 'zh' ? 'zh-CN' : 'en';
    a.textContent = e.title;
    li.appendChild(a);
    list.appendChild(li);
  }
  const query = text.replace(/[-_]+/g, ' ');
  box.querySelectorAll<HTMLAnchorElement>('[data-search-link]').forEach((a) => {
    a.href = `${a.getAttribute('href')}?q=${encodeURIComponent(query)}`;
    if (lang && a.dataset.searchLink !== lang) a.hidden = true;
  });
  box.hidden = false;
}

init();

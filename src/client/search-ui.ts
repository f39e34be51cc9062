/**
 * Shared by the header search box and the full results page: loading the engine and the index on
 * first use (classic scripts, which file:// allows), and rendering results as DOM text nodes.
 */
import type { SearchRuntime } from './search-runtime.ts';
import type { LoadedSearch } from '../search/query.ts';
import type { ResultHit } from '../search/results.ts';
import type { SearchData } from '../search/build-index.ts';

interface SearchWindow {
  __kbSearch?: SearchRuntime;
  __kbSearchData?: Record<string, SearchData & { categories?: Record<string, string> }>;
}
const w = window as unknown as SearchWindow;

/** Relative path from this page to the site root (set on <html data-root> at build time). */
export function siteRoot(): string {
  return document.documentElement.dataset.root ?? './';
}

/** Page language. */
export function pageLang(): string {
  return document.documentElement.dataset.lang ?? 'zh';
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.appendChild(s);
  });
}

let engine: Promise<{ rt: SearchRuntime; loaded: LoadedSearch; categories: Record<string, string> }> | undefined;

/** Loads the search engine and this language's index once; later calls share the promise. */
export function loadEngine() {
  engine ??= (async () => {
    const lang = pageLang();
    const root = siteRoot();
    await Promise.all([
      w.__kbSearch ? Promise.resolve() : loadScript(`${root}assets/gen/search.js`),
      w.__kbSearchData?.[lang] ? Promise.resolve() : loadScript(`${root}assets/gen/search-${lang}.js`),
    ]);
    const rt = w.__kbSearch!;
    const data = w.__kbSearchData![lang]!;
    return { rt, loaded: rt.loadSearch(data), categories: data.categories ?? {} };
  })();
  engine.catch(() => (engine = undefined));
  return engine;
}

/** URL of an article (and of one of its sections) from the current page. */
export function articleHref(id: string, anchor = ''): string {
  return `${siteRoot()}${pageLang()}/articles/${id}/index.html${anchor ? `#${encodeURIComponent(anchor)}` : ''}`;
}

/** One result as a link: title, category, and a snippet with the matched terms marked. */
export function renderHit(rt: SearchRuntime, hit: ResultHit, categories: Record<string, string>, queryWords: string[]): HTMLAnchorElement {
  const a = document.createElement('a');
  a.className = 'search-result';
  a.href = articleHref(hit.doc.id, hit.anchor);
  a.dataset.slug = hit.doc.id;
  if (hit.anchor) a.dataset.anchor = hit.anchor;
  const title = document.createElement('span');
  title.className = 'title';
  title.textContent = hit.doc.title;
  const cat = document.createElement('span');
  cat.className = 'cat';
  cat.textContent = categories[hit.doc.category] ?? hit.doc.category;
  const snippet = document.createElement('span');
  snippet.className = 'snippet';
  for (const part of rt.snippetFor(rt.snippetSource(hit), [...hit.terms, ...queryWords])) {
    if (part.mark) {
      const m = document.createElement('mark');
      m.textContent = part.text;
      snippet.appendChild(m);
    } else {
      snippet.appendChild(document.createTextNode(part.text));
    }
  }
  a.append(title, cat, snippet);
  return a;
}

/** A plain paragraph note (no results, loading…), optionally with a link. */
export function note(text: string, link?: { href: string; label: string }): HTMLElement {
  const p = document.createElement('p');
  p.className = 'search-note';
  p.textContent = text;
  if (link) {
    p.append(' ');
    const a = document.createElement('a');
    a.href = link.href;
    a.textContent = link.label;
    p.appendChild(a);
  }
  return p;
}

/** The diagnose page of this language. */
export function diagnoseHref(): string {
  return `${siteRoot()}${pageLang()}/diagnose/index.html`;
}

/**
 * "This looks like pasted output — Diagnose this": a note whose link opens the diagnose page with
 * the paste in its URL fragment (`#paste=…`, src/diagnose/share.ts, which the page restores),
 * never sent to a server. The link's own href stays the plain page until the reader reaches for
 * it (pointer, focus, context menu), so a long paste does not sit in every rendered href.
 */
export async function diagnoseNote(rt: SearchRuntime, text: string, paste: string, label: string): Promise<HTMLElement> {
  const base = diagnoseHref();
  let fragment = '';
  try {
    fragment = await rt.encodeShareFragment(paste);
  } catch {
    // No CompressionStream (old browser): the plain page, where the reader pastes again.
  }
  const p = note(text, { href: base, label });
  p.classList.add('search-diagnose');
  const a = p.querySelector('a')!;
  a.dataset.diagnose = '';
  if (fragment) {
    const arm = () => {
      a.href = `${base}#${fragment}`;
    };
    for (const type of ['pointerdown', 'focus', 'contextmenu', 'click', 'auxclick']) a.addEventListener(type, arm);
  }
  return p;
}

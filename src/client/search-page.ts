import { loadEngine, note, pageLang, renderHit, siteRoot } from './search-ui.ts';

/** The full results page (/<lang>/search/?q=…): same ranking as the header box, all results. */
export function initSearchPage(): void {
  const host = document.querySelector<HTMLElement>('[data-search-page]');
  if (!host) return;
  const query = new URLSearchParams(location.search).get('q')?.trim() ?? '';
  const input = document.querySelector<HTMLInputElement>('[data-search-input]');
  if (input && query) input.value = query;
  const msg = host.dataset;
  const heading = document.createElement('p');
  heading.className = 'lead';
  if (!query) {
    host.replaceChildren(note(msg.msgEmpty ?? ''));
    return;
  }
  heading.textContent = `${msg.msgResults ?? ''} “${query}”`;
  host.replaceChildren(heading, note(msg.msgLoading ?? ''));
  loadEngine()
    .then(({ rt, loaded, categories }) => {
      const hits = rt.search(loaded, query, 50);
      const words = rt.queryTokens(query);
      const list = document.createElement('div');
      list.className = 'search-results';
      list.append(...hits.map((h) => renderHit(rt, h, categories, words)));
      const nodes: Node[] = [heading, list];
      if (hits.length === 0) nodes.push(note(msg.msgNone ?? ''));
      if (rt.looksLikeClusterOutput(query)) {
        nodes.push(note(msg.msgOutput ?? '', { href: `${siteRoot()}${pageLang()}/diagnose/index.html`, label: msg.msgDiagnose ?? '' }));
      }
      host.replaceChildren(...nodes);
    })
    .catch(() => host.replaceChildren(note(msg.msgFailed ?? '')));
}

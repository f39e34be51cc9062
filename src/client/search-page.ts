import { diagnoseNote, loadEngine, note, renderHit } from './search-ui.ts';

/**
 * The full results page (/<lang>/search/?q=…): same ranking as the header box, with the number
 * of results, weak matches left out, and for pasted output "Diagnose this" above the results.
 */
export function initSearchPage(): void {
  const host = document.querySelector<HTMLElement>('[data-search-page]');
  if (!host) return;
  const query = new URLSearchParams(location.search).get('q')?.trim() ?? '';
  const input = document.querySelector<HTMLInputElement>('[data-search-input]');
  if (input && query) input.value = query.replace(/\s*[\r\n]+\s*/g, ' ');
  const msg = host.dataset;
  const heading = document.createElement('p');
  heading.className = 'lead';
  if (!query) {
    host.replaceChildren(note(msg.msgEmpty ?? ''));
    return;
  }
  // The query may be a multi-line paste: the heading shows its first line.
  const firstLine = query.split(/\r?\n/)[0]!;
  const shown = firstLine.length > 120 || firstLine !== query ? `${firstLine.slice(0, 120)}…` : firstLine;
  heading.textContent = `${msg.msgResults ?? ''} “${shown}”`;
  host.replaceChildren(heading, note(msg.msgLoading ?? ''));
  loadEngine()
    .then(async ({ rt, loaded, categories }) => {
      const hits = rt.searchResults(loaded, query, { limit: 50, cutoff: rt.RESULTS_CUTOFF });
      const words = rt.queryTokens(query);
      const count = document.createElement('p');
      count.className = 'search-count';
      count.dataset.count = String(hits.length);
      count.textContent = (hits.length === 1 ? msg.msgCountOne : msg.msgCountOther)?.replace('{n}', String(hits.length)) ?? String(hits.length);
      const list = document.createElement('div');
      list.className = 'search-results';
      list.append(...hits.map((h) => renderHit(rt, h, categories, words)));
      const nodes: Node[] = [heading];
      if (rt.offersDiagnosis(query, hits)) nodes.push(await diagnoseNote(rt, msg.msgOutput ?? '', query, msg.msgDiagnose ?? ''));
      if (hits.length > 0) nodes.push(count, list);
      else nodes.push(note(msg.msgNone ?? ''));
      host.replaceChildren(...nodes);
    })
    .catch(() => host.replaceChildren(note(msg.msgFailed ?? '')));
}

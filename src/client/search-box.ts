import { loadEngine, note, pageLang, renderHit, siteRoot } from './search-ui.ts';

/**
 * The header search box: results as you type (debounced), ↑/↓ to move, Enter to open the selected
 * article (or the full results page when nothing is selected), Esc to close. The engine and index
 * load on first focus, not on page load.
 */
export function initSearchBox(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const input = form?.querySelector<HTMLInputElement>('[data-search-input]');
  const popup = form?.querySelector<HTMLElement>('[data-search-popup]');
  if (!form || !input || !popup) return;
  const msg = form.dataset;
  popup.id = 'search-popup';
  // The popup holds the list of results (the listbox: options only) and, after it, notes and the
  // "all results" link, which are not options.
  const list = document.createElement('div');
  list.id = 'search-popup-list';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', input.labels?.[0]?.textContent ?? '');
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-autocomplete', 'list');

  let selected = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  const items = () => Array.from(popup.querySelectorAll<HTMLAnchorElement>('.search-result'));
  const close = () => {
    popup.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    selected = -1;
  };
  const select = (i: number) => {
    const list = items();
    if (list.length === 0) return;
    selected = (i + list.length) % list.length;
    list.forEach((el, n) => el.setAttribute('aria-selected', String(n === selected)));
    list[selected]!.scrollIntoView({ block: 'nearest' });
    input.setAttribute('aria-activedescendant', list[selected]!.id);
  };

  const run = async () => {
    const query = input.value.trim();
    const mine = ++generation;
    if (!query) return close();
    popup.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (!popup.hasChildNodes()) popup.appendChild(note(msg.msgLoading ?? ''));
    let engine;
    try {
      engine = await loadEngine();
    } catch {
      popup.replaceChildren(note(msg.msgFailed ?? 'Search index could not be loaded.'));
      return;
    }
    if (mine !== generation) return;
    const { rt, loaded, categories } = engine;
    const hits = rt.search(loaded, query, 8);
    const words = rt.queryTokens(query);
    const options = hits.map((h, i) => {
      const a = renderHit(rt, h, categories, words);
      a.setAttribute('role', 'option');
      a.setAttribute('aria-selected', 'false');
      a.id = `search-opt-${i}`;
      return a;
    });
    list.replaceChildren(...options);
    const nodes: Node[] = options.length > 0 ? [list] : [];
    if (options.length > 0) input.setAttribute('aria-controls', list.id);
    else input.removeAttribute('aria-controls');
    input.removeAttribute('aria-activedescendant');
    if (hits.length === 0) nodes.push(note(msg.msgNone ?? ''));
    if (rt.looksLikeClusterOutput(query)) {
      nodes.push(note(msg.msgOutput ?? '', { href: `${siteRoot()}${pageLang()}/diagnose/index.html`, label: msg.msgDiagnose ?? '' }));
    }
    if (hits.length > 0) {
      const all = document.createElement('a');
      all.className = 'search-note search-all';
      all.href = `${form.getAttribute('action')}?q=${encodeURIComponent(query)}`;
      all.textContent = msg.msgAll ?? '';
      nodes.push(all);
    }
    popup.replaceChildren(...nodes);
    selected = -1;
  };

  input.addEventListener('focus', () => void loadEngine().catch(() => {}), { once: true });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 60);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (popup.hidden) void run();
      select(selected + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      select(selected - 1);
    } else if (e.key === 'Escape') {
      if (!popup.hidden) {
        e.preventDefault();
        close();
      } else {
        input.blur();
      }
    } else if (e.key === 'Enter') {
      const target = items()[selected];
      if (target) {
        e.preventDefault();
        location.href = target.href;
      }
    }
  });
  document.addEventListener('click', (e) => {
    if (!form.contains(e.target as Node)) close();
  });
}

import { diagnoseNote, loadEngine, note, renderHit } from './search-ui.ts';

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
  // A one-line box drops the line breaks of a multi-line paste; the paste is kept as it was for
  // the diagnose page and the results page, and searched with its lines joined by spaces.
  let pasted: { raw: string; flat: string } | undefined;
  /** What the reader gave: the original paste while the box still holds exactly it, else the box. */
  const original = (query: string) => (pasted && pasted.flat.trim() === query ? pasted.raw : query);
  input.addEventListener('paste', (e) => {
    const raw = e.clipboardData?.getData('text/plain') ?? '';
    if (!/[\r\n]/.test(raw.trim())) return;
    e.preventDefault();
    const flat = raw.replace(/\s*[\r\n]+\s*/g, ' ');
    const start = input.selectionStart ?? input.value.length;
    const end = input.selectionEnd ?? start;
    const around = [input.value.slice(0, start), input.value.slice(end)];
    input.setRangeText(flat, start, end, 'end');
    pasted = { raw: (around[0] + raw + around[1]).trim(), flat: input.value };
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  form.addEventListener('submit', (e) => {
    const query = input.value.trim();
    const text = original(query);
    if (text === query) return;
    e.preventDefault();
    location.href = `${form.getAttribute('action')}?q=${encodeURIComponent(text)}`;
  });

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
    list.forEach((el, n) => { el.setAttribute('aria-selected', String(n === selected)); });
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
    let engine: Awaited<ReturnType<typeof loadEngine>>;
    try {
      engine = await loadEngine();
    } catch {
      popup.replaceChildren(note(msg.msgFailed ?? 'Search index could not be loaded.'));
      return;
    }
    if (mine !== generation) return;
    const { rt, loaded, categories } = engine;
    const text = original(query);
    const hits = rt.searchResults(loaded, text, { limit: 8, cutoff: rt.RESULTS_CUTOFF });
    const words = rt.queryTokens(query);
    const options = hits.map((h, i) => {
      const a = renderHit(rt, h, categories, words);
      a.setAttribute('role', 'option');
      a.setAttribute('aria-selected', 'false');
      a.id = `search-opt-${i}`;
      return a;
    });
    // Pasted output: "Diagnose this" comes first, above the articles.
    const offer = rt.offersDiagnosis(text, hits) ? await diagnoseNote(rt, msg.msgOutput ?? '', text, msg.msgDiagnose ?? '') : undefined;
    if (mine !== generation) return;
    list.replaceChildren(...options);
    const nodes: Node[] = offer ? [offer] : [];
    if (options.length > 0) nodes.push(list);
    if (options.length > 0) input.setAttribute('aria-controls', list.id);
    else input.removeAttribute('aria-controls');
    input.removeAttribute('aria-activedescendant');
    if (hits.length === 0) nodes.push(note(msg.msgNone ?? ''));
    if (hits.length > 0) {
      const all = document.createElement('a');
      all.className = 'search-note search-all';
      all.href = `${form.getAttribute('action')}?q=${encodeURIComponent(text)}`;
      all.textContent = msg.msgAll ?? '';
      nodes.push(all);
    }
    // Results that arrive after the reader moved to one (the last keystroke's search finishing
    // after ↓) keep that article selected, so Enter opens what is highlighted.
    const kept = items()[selected]?.dataset.slug;
    popup.replaceChildren(...nodes);
    selected = -1;
    const again = kept === undefined ? -1 : options.findIndex((a) => a.dataset.slug === kept);
    if (again >= 0) select(again);
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

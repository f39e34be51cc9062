/**
 * Runs on every page. Keeps start-up work tiny: the search index and its code load only when the
 * reader first uses the search box (see src/client/search-box.ts).
 */
import { initSearchBox } from './search-box.ts';
import { initSearchPage } from './search-page.ts';
import { initCopyButtons } from './copy-code.ts';
import { initPageNav } from './page-nav.ts';
import { initLangSwitch } from './lang-switch.ts';
import { initSymptoms } from './symptoms.ts';
import { initChecklists } from './checklists.ts';
import { initScrollables } from './scrollables.ts';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

// Print buttons (game-day sheets): a listener here, not an inline onclick, which the CSP forbids.
document.addEventListener('click', (e) => {
  if ((e.target as Element | null)?.closest?.('[data-print]')) window.print();
});

document.addEventListener('keydown', (e) => {
  if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target)) {
    const input = document.querySelector<HTMLInputElement>('[data-search-input]');
    if (input) {
      e.preventDefault();
      input.focus();
      input.select();
    }
  }
});

initSearchBox();
initSearchPage();
initCopyButtons();
initPageNav();
initLangSwitch();
initSymptoms();
initChecklists();
initScrollables();

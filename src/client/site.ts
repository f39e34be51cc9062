/**
 * Runs on every page. Keeps start-up work tiny: the search index and its code load only when the
 * reader first uses the search box (see src/client/search-box.ts).
 */
import { initSearchBox } from './search-box.ts';
import { initSearchPage } from './search-page.ts';
import { initCopyButtons } from './copy-code.ts';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

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

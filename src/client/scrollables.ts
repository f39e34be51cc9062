/**
 * Keyboard access to what scrolls sideways or down inside the page (wide output samples, tables,
 * long pastes): such an element gets tabindex="0" so arrow keys can scroll it, but only while it
 * actually overflows, so short blocks add no stops to the Tab order. Re-checked when the page
 * changes (the diagnose page draws its results later) and when the window is resized.
 */
const CANDIDATES = 'pre, table, .paste-lines, .drill-paste, .diagram';

function check(): void {
  for (const el of document.querySelectorAll<HTMLElement>(CANDIDATES)) {
    if (el.closest('[hidden]')) continue;
    const scrolls = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
    const style = getComputedStyle(el);
    const scrollable = scrolls && /(auto|scroll)/.test(style.overflowX + style.overflowY);
    if (scrollable && !el.hasAttribute('tabindex')) {
      el.tabIndex = 0;
      el.dataset.scrollFocus = '';
    } else if (!scrollable && el.dataset.scrollFocus !== undefined) {
      el.removeAttribute('tabindex');
      delete el.dataset.scrollFocus;
    }
  }
}

export function initScrollables(): void {
  let queued = false;
  // At most once a frame, however many changes a script makes in it.
  const later = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      check();
    });
  };
  check();
  window.addEventListener('resize', later, { passive: true });
  window.addEventListener('load', later);
  new MutationObserver(later).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden', 'open'] });
}

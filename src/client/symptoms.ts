/**
 * Long symptom lists: every string is in the page (print and no-JS show them all); on screen the
 * ones after the sixth are folded behind a "+N" button (global.css hides `li.more` under `.js`).
 */
export function initSymptoms(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-symptoms-toggle]')) {
    const box = button.closest<HTMLElement>('[data-symptoms]');
    if (!box) continue;
    const more = button.textContent ?? '';
    button.addEventListener('click', () => {
      const open = box.classList.toggle('is-open');
      button.setAttribute('aria-expanded', String(open));
      button.textContent = open ? (button.dataset.less ?? '−') : more;
    });
  }
}

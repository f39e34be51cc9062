/**
 * Checklists (Markdown task lists, src/build/rehype-task-lists.ts) remember their ticks in this
 * browser, per page, so a facilitator can reload a game-day sheet mid-exercise.
 */
const PREFIX = 'k8s-kb.checklist:';

export function initChecklists(): void {
  const boxes = Array.from(document.querySelectorAll<HTMLInputElement>('.task-list-item input[type="checkbox"]'));
  if (boxes.length === 0) return;
  const key = PREFIX + window.location.pathname.replace(/index\.html$/, '');
  let saved: string[] = [];
  try {
    saved = JSON.parse(localStorage.getItem(key) ?? '[]') as string[];
  } catch {
    // Storage blocked or a damaged value: start empty.
  }
  for (const box of boxes) {
    box.checked = saved.includes(box.id);
    box.addEventListener('change', () => {
      try {
        localStorage.setItem(key, JSON.stringify(boxes.filter((b) => b.checked).map((b) => b.id)));
      } catch {
        // Storage full or blocked: the ticks live for this page view only.
      }
    });
  }
}

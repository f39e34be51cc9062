/**
 * Training pages: the progress panel (counts, export, import, reset), module "done" toggles and
 * the done marks on the learning path.
 */
import { downloadProgress, emptyProgress, loadProgress, parseProgress, saveProgress, updateProgress, type Progress } from './progress.ts';

function render(p: Progress): void {
  const done = Object.keys(p.modules);
  document.querySelectorAll<HTMLElement>('[data-progress-modules]').forEach((el) => { el.textContent = String(done.length); });
  document.querySelectorAll<HTMLElement>('[data-progress-drills]').forEach((el) => {
    el.textContent = String(Object.values(p.drills).filter((d) => d.correct).length);
  });
  document.querySelectorAll<HTMLElement>('[data-module-state]').forEach((el) => {
    const isDone = done.includes(el.dataset.moduleState ?? '');
    el.textContent = isDone ? `✓ ${el.dataset.done ?? ''}` : '';
    el.closest('li')?.classList.toggle('is-done', isDone);
  });
  document.querySelectorAll<HTMLInputElement>('[data-module-done]').forEach((box) => {
    box.checked = done.includes(box.dataset.moduleDone ?? '');
  });
}

function initPanel(): void {
  const panel = document.querySelector<HTMLElement>('[data-progress-panel]');
  if (!panel) return;
  const status = panel.querySelector<HTMLElement>('[data-progress-status]');
  const say = (text: string) => {
    if (status) status.textContent = text;
  };
  panel.querySelector('[data-progress-export]')?.addEventListener('click', () => downloadProgress(loadProgress()));
  panel.querySelector<HTMLInputElement>('[data-progress-import]')?.addEventListener('change', async (e) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const parsed = parseProgress(await file.text());
    input.value = '';
    if (!parsed) return say(panel.dataset.msgImportFailed ?? '');
    saveProgress(parsed);
    render(parsed);
    say(panel.dataset.msgImported ?? '');
  });
  panel.querySelector('[data-progress-reset]')?.addEventListener('click', () => {
    if (!window.confirm(panel.dataset.msgResetConfirm ?? '')) return;
    const p = emptyProgress();
    saveProgress(p);
    render(p);
    say('');
  });
}

document.querySelectorAll<HTMLInputElement>('[data-module-done]').forEach((box) => {
  box.addEventListener('change', () => {
    const id = box.dataset.moduleDone!;
    render(
      updateProgress((p) => {
        if (box.checked) p.modules[id] = new Date().toISOString();
        else delete p.modules[id];
      }),
    );
  });
});
initPanel();
render(loadProgress());
window.addEventListener('storage', () => render(loadProgress()));

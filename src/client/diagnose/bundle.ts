/**
 * The diagnose page's file picker and drop zone for bundles and several files. This part is in
 * diagnose.js and stays small; the reader, the tar and gzip handling and the report are in
 * diagnose-bundle.js (bundle-runtime.ts), loaded as a classic script on first use, so a reader who
 * only pastes never downloads them. Nothing is uploaded: the files are read in the page.
 */
import { siteRoot } from '../search-ui.ts';
import type { analyse as Analyse, BundleHooks } from './bundle-runtime.ts';

type Hooks = Omit<BundleHooks, 'current'> & {
  /** Called before a bundle is read, so a paste analysis in flight is not shown over the report. */
  onStart?: () => void;
};

let runtime: Promise<{ analyse: typeof Analyse }> | undefined;

/** diagnose-bundle.js, loaded once. */
function loadRuntime(): Promise<{ analyse: typeof Analyse }> {
  const w = globalThis as unknown as { __kbBundle?: { analyse: typeof Analyse } };
  runtime ??= new Promise((resolve, reject) => {
    if (w.__kbBundle) return resolve(w.__kbBundle);
    const s = document.createElement('script');
    s.src = `${siteRoot()}assets/gen/diagnose-bundle.js`;
    s.onload = () => (w.__kbBundle ? resolve(w.__kbBundle) : reject(new Error('diagnose-bundle.js did not load')));
    s.onerror = () => reject(new Error('diagnose-bundle.js did not load'));
    document.head.appendChild(s);
  });
  runtime.catch(() => (runtime = undefined));
  return runtime;
}

/** Wires the file picker and the drop zone (the paste box too: a dropped file is read, not pasted). */
export function initBundle(hooks: Hooks): void {
  const input = document.querySelector<HTMLInputElement>('[data-bundle-input]');
  if (!input) return;
  let latest = 0;
  const start = async (files: File[]) => {
    if (files.length === 0) return;
    const mine = ++latest;
    hooks.onStart?.();
    hooks.say(hooks.data.labels['bundle.reading'] ?? hooks.data.labels.working, true);
    try {
      const rt = await loadRuntime();
      await rt.analyse(files, { ...hooks, current: () => mine === latest });
    } catch {
      if (mine === latest) hooks.say(hooks.data.labels.failed);
    }
  };
  input.addEventListener('change', () => {
    void start([...(input.files ?? [])]);
    input.value = '';
  });
  for (const zone of document.querySelectorAll<HTMLElement>('[data-bundle-drop], .paste-editor')) {
    zone.addEventListener('dragover', (e) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      zone.classList.add('is-dropping');
    });
    zone.addEventListener('dragleave', () => zone.classList.remove('is-dropping'));
    zone.addEventListener('drop', (e) => {
      zone.classList.remove('is-dropping');
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length === 0) return; // dropped text goes into the paste as usual
      e.preventDefault();
      void start(files);
    });
  }
}

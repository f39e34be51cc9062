import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

/** What the client bundles are built from (see client-bundles.ts and search-data.ts). */
export const CLIENT_SOURCES = ['src/client', 'src/engine', 'src/search', 'src/diagnose', 'src/i18n', 'rules', 'content/ui'];

export interface SourceWatch {
  close(): void;
}

/**
 * Calls `rebuild` once after edits under the client sources settle (`astro dev` serves
 * public/assets/gen as static files, so without this an edit to the engine or a page script would
 * need a restart). A rebuild that fails is reported and the previous bundles stay; edits made
 * during a rebuild cause one more.
 */
export function watchClientSources(root: string, rebuild: () => Promise<void>, report: (error: unknown) => void, settleMs = 150): SourceWatch {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  let again = false;
  const run = async () => {
    timer = null;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await rebuild();
    } catch (error) {
      report(error);
    } finally {
      running = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void run(), settleMs);
  };
  const watchers: FSWatcher[] = [];
  for (const dir of CLIENT_SOURCES) {
    try {
      watchers.push(watch(join(root, dir), { recursive: true }, schedule));
    } catch {
      // A folder this checkout does not have: nothing to watch there.
    }
  }
  return {
    close() {
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}

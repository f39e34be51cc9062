/**
 * Training progress, kept in this browser's localStorage (works from file:// too), with export
 * to and import from a JSON file so nothing is lost when the browser is wiped.
 */
export const PROGRESS_KEY = 'k8s-kb.progress.v1';

export interface DrillResult {
  correct: boolean;
  /** ISO time of the last answer. */
  at: string;
}

export interface QuizResult {
  at: string;
  score: number;
  total: number;
  seconds: number;
}

export interface Progress {
  format: 'k8s-kb-progress';
  version: 1;
  /** Module id → ISO time it was marked done. */
  modules: Record<string, string>;
  /** Drill id → last result. */
  drills: Record<string, DrillResult>;
  quizzes: QuizResult[];
}

export function emptyProgress(): Progress {
  return { format: 'k8s-kb-progress', version: 1, modules: {}, drills: {}, quizzes: [] };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses an export; returns undefined for anything that is not one (never throws). */
export function parseProgress(text: string): Progress | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(data) || data.format !== 'k8s-kb-progress' || data.version !== 1) return undefined;
  if (!isRecord(data.modules) || !isRecord(data.drills) || !Array.isArray(data.quizzes)) return undefined;
  const out = emptyProgress();
  for (const [k, v] of Object.entries(data.modules)) if (typeof v === 'string') out.modules[k] = v;
  for (const [k, v] of Object.entries(data.drills)) {
    if (isRecord(v) && typeof v.correct === 'boolean' && typeof v.at === 'string') out.drills[k] = { correct: v.correct, at: v.at };
  }
  for (const q of data.quizzes) {
    if (isRecord(q) && typeof q.score === 'number' && typeof q.total === 'number' && typeof q.at === 'string') {
      out.quizzes.push({ at: q.at, score: q.score, total: q.total, seconds: typeof q.seconds === 'number' ? q.seconds : 0 });
    }
  }
  return out;
}

export function loadProgress(): Progress {
  try {
    return parseProgress(localStorage.getItem(PROGRESS_KEY) ?? '') ?? emptyProgress();
  } catch {
    return emptyProgress();
  }
}

export function saveProgress(p: Progress): void {
  try {
    localStorage.setItem(PROGRESS_KEY, JSON.stringify(p));
  } catch {
    // Storage full or disabled (some browsers block it on file://): progress lives for this page only.
  }
}

/** Applies `change` to the stored progress and saves it. */
export function updateProgress(change: (p: Progress) => void): Progress {
  const p = loadProgress();
  change(p);
  saveProgress(p);
  return p;
}

/** Offers the progress as a file download (a Blob URL: works from file:// as well). */
export function downloadProgress(p: Progress): void {
  const blob = new Blob([JSON.stringify(p, null, 2)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `k8s-kb-progress-${new Date().toISOString().slice(0, 10)}.json`;
  document.body.appendChild(a);
  a.click();
  setTimeout(() => {
    URL.revokeObjectURL(a.href);
    a.remove();
  }, 0);
}

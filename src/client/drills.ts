/**
 * Drills: answer, see right/wrong with every choice explained, the engine's finding and its
 * evidence lines highlighted in the paste; results go to the training progress. A timed quiz
 * picks ten drills at random and shows them one at a time.
 */
import { loadProgress, updateProgress } from './progress.ts';

const drills = Array.from(document.querySelectorAll<HTMLElement>('[data-drill]'));
const quiz = document.querySelector<HTMLElement>('[data-quiz]');
const QUIZ_SIZE = 10;

let quizState: { queue: HTMLElement[]; index: number; score: number; started: number } | undefined;

function reset(drill: HTMLElement): void {
  delete drill.dataset.answered;
  drill.querySelectorAll('.drill-choice').forEach((b) => b.classList.remove('is-chosen', 'is-right', 'is-wrong'));
  drill.querySelectorAll<HTMLElement>('.choice-why').forEach((p) => (p.hidden = true));
  drill.querySelector<HTMLElement>('[data-feedback]')!.hidden = true;
  drill.querySelectorAll('.paste-line.is-evidence').forEach((l) => l.classList.remove('is-evidence'));
}

function answer(drill: HTMLElement, choice: HTMLButtonElement): void {
  if (drill.dataset.answered) return;
  const correct = choice.dataset.choice === drill.dataset.answer;
  drill.dataset.answered = correct ? 'right' : 'wrong';
  drill.querySelectorAll<HTMLButtonElement>('.drill-choice').forEach((b) => {
    b.classList.toggle('is-right', b.dataset.choice === drill.dataset.answer);
    b.classList.toggle('is-wrong', b === choice && !correct);
  });
  choice.classList.add('is-chosen');
  drill.querySelectorAll<HTMLElement>('.choice-why').forEach((p) => (p.hidden = false));
  const feedback = drill.querySelector<HTMLElement>('[data-feedback]')!;
  const verdict = feedback.querySelector<HTMLElement>('[data-verdict]')!;
  verdict.textContent = (correct ? verdict.dataset.right : verdict.dataset.wrong) ?? '';
  verdict.className = `drill-verdict ${correct ? 'is-right' : 'is-wrong'}`;
  feedback.hidden = false;
  drill.querySelectorAll('.paste-line[data-evidence]').forEach((l) => l.classList.add('is-evidence'));
  drill.querySelector('.paste-line[data-evidence]')?.scrollIntoView({ block: 'nearest' });
  updateProgress((p) => {
    p.drills[drill.dataset.drill!] = { correct, at: new Date().toISOString() };
  });
  if (quizState) {
    if (correct) quizState.score++;
    const last = quizState.index === quizState.queue.length - 1;
    if (last) finishQuiz();
    else quiz!.querySelector<HTMLElement>('[data-quiz-next]')!.hidden = false;
    showQuizStatus();
  }
}

function showQuizStatus(): void {
  if (!quiz || !quizState) return;
  const s = quiz.dataset;
  const secs = Math.round((Date.now() - quizState.started) / 1000);
  quiz.querySelector('[data-quiz-status]')!.textContent =
    `${quizState.index + 1} / ${quizState.queue.length} · ${s.msgScore}: ${quizState.score} · ${s.msgTime}: ${secs} s`;
}

function showOnly(drill: HTMLElement | undefined): void {
  for (const d of drills) d.hidden = d !== drill;
  drill?.scrollIntoView({ block: 'start' });
}

function startQuiz(): void {
  const pool = drills.filter((d) => !d.dataset.filtered);
  const queue = pool
    .map((d) => ({ d, k: Math.random() }))
    .sort((a, b) => a.k - b.k)
    .slice(0, QUIZ_SIZE)
    .map((x) => x.d);
  queue.forEach(reset);
  quizState = { queue, index: 0, score: 0, started: Date.now() };
  showOnly(queue[0]);
  showQuizStatus();
}

function nextQuiz(): void {
  if (!quizState) return;
  quizState.index++;
  quiz!.querySelector<HTMLElement>('[data-quiz-next]')!.hidden = true;
  showOnly(quizState.queue[quizState.index]);
  showQuizStatus();
}

function finishQuiz(): void {
  if (!quizState || !quiz) return;
  const { score, queue, started } = quizState;
  const seconds = Math.round((Date.now() - started) / 1000);
  updateProgress((p) => p.quizzes.push({ at: new Date().toISOString(), score, total: queue.length, seconds }));
  quiz.querySelector('[data-quiz-status]')!.textContent = `${quiz.dataset.msgDone} · ${quiz.dataset.msgScore}: ${score} / ${queue.length} · ${quiz.dataset.msgTime}: ${seconds} s`;
  quizState = undefined;
  showHistory();
}

function showHistory(): void {
  const el = quiz?.querySelector<HTMLElement>('[data-quiz-history]');
  if (!el) return;
  const recent = loadProgress().quizzes.slice(-3).reverse();
  el.textContent = recent.length ? `${el.dataset.label}: ${recent.map((q) => `${q.score}/${q.total} (${q.seconds} s)`).join(' · ')}` : '';
}

for (const drill of drills) {
  drill.querySelectorAll<HTMLButtonElement>('.drill-choice').forEach((b) => b.addEventListener('click', () => answer(drill, b)));
  drill.querySelector('[data-retry]')?.addEventListener('click', () => reset(drill));
}
quiz?.querySelector('[data-quiz-start]')?.addEventListener('click', startQuiz);
quiz?.querySelector('[data-quiz-next]')?.addEventListener('click', nextQuiz);
document.querySelector<HTMLSelectElement>('[data-drill-filter]')?.addEventListener('change', (e) => {
  const module = (e.target as HTMLSelectElement).value;
  quizState = undefined;
  for (const d of drills) {
    const out = module !== '' && d.dataset.module !== module;
    if (out) d.dataset.filtered = '1';
    else delete d.dataset.filtered;
    d.hidden = out;
  }
});
showHistory();

/**
 * Drills: answer, see right/wrong with every choice explained, the engine's finding and its
 * evidence lines highlighted in the paste; results go to the training progress. The list shows
 * five drills a page, filtered by module. A timed quiz picks ten drills at random, shows them one
 * at a time, and ends with a review of the missed ones and their explanations.
 */
import { loadProgress, updateProgress } from './progress.ts';

const drills = Array.from(document.querySelectorAll<HTMLElement>('[data-drill]'));
const quiz = document.querySelector<HTMLElement>('[data-quiz]');
const pager = document.querySelector<HTMLElement>('[data-drill-pager]');
const QUIZ_SIZE = 10;
const PAGE_SIZE = 5;

interface Missed {
  drill: HTMLElement;
  chosen: string;
}
let quizState: { queue: HTMLElement[]; index: number; score: number; started: number; missed: Missed[] } | undefined;
let page = 0;

/** Drills the module filter lets through. */
const pool = () => drills.filter((d) => !d.dataset.filtered);

/** Shows page `n` (0-based) of the filtered list. */
function showPage(n: number): void {
  const list = pool();
  const pages = Math.max(1, Math.ceil(list.length / PAGE_SIZE));
  page = Math.min(Math.max(0, n), pages - 1);
  const shown = new Set(list.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE));
  for (const d of drills) d.hidden = !shown.has(d);
  if (!pager) return;
  pager.hidden = pages < 2;
  pager.querySelector<HTMLButtonElement>('[data-page-prev]')!.disabled = page === 0;
  pager.querySelector<HTMLButtonElement>('[data-page-next]')!.disabled = page === pages - 1;
  pager.querySelector('[data-page-status]')!.textContent = (pager.dataset.msgPage ?? '{n} / {total}').replace('{n}', String(page + 1)).replace('{total}', String(pages));
}

function turnPage(delta: number): void {
  showPage(page + delta);
  document.querySelector('.drill-filter')?.scrollIntoView({ block: 'start' });
}

function reset(drill: HTMLElement): void {
  delete drill.dataset.answered;
  drill.querySelectorAll('.drill-choice').forEach((b) => { b.classList.remove('is-chosen', 'is-right', 'is-wrong'); });
  drill.querySelectorAll<HTMLElement>('.choice-why').forEach((p) => { p.hidden = true; });
  drill.querySelector<HTMLElement>('[data-feedback]')!.hidden = true;
  drill.querySelectorAll('.paste-line.is-evidence').forEach((l) => { l.classList.remove('is-evidence'); });
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
  drill.querySelectorAll<HTMLElement>('.choice-why').forEach((p) => { p.hidden = false; });
  const feedback = drill.querySelector<HTMLElement>('[data-feedback]')!;
  const verdict = feedback.querySelector<HTMLElement>('[data-verdict]')!;
  verdict.textContent = (correct ? verdict.dataset.right : verdict.dataset.wrong) ?? '';
  verdict.className = `drill-verdict ${correct ? 'is-right' : 'is-wrong'}`;
  feedback.hidden = false;
  drill.querySelectorAll('.paste-line[data-evidence]').forEach((l) => { l.classList.add('is-evidence'); });
  drill.querySelector('.paste-line[data-evidence]')?.scrollIntoView({ block: 'nearest' });
  updateProgress((p) => {
    p.drills[drill.dataset.drill!] = { correct, at: new Date().toISOString() };
  });
  if (quizState) {
    if (correct) quizState.score++;
    else quizState.missed.push({ drill, chosen: choice.dataset.choice ?? '' });
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
  if (pager) pager.hidden = true;
  drill?.scrollIntoView({ block: 'start' });
}

function startQuiz(): void {
  const queue = pool()
    .map((d) => ({ d, k: Math.random() }))
    .sort((a, b) => a.k - b.k)
    .slice(0, QUIZ_SIZE)
    .map((x) => x.d);
  queue.forEach(reset);
  quiz!.querySelector('[data-quiz-review]')!.replaceChildren();
  quizState = { queue, index: 0, score: 0, started: Date.now(), missed: [] };
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
  const { score, queue, started, missed } = quizState;
  const seconds = Math.round((Date.now() - started) / 1000);
  updateProgress((p) => p.quizzes.push({ at: new Date().toISOString(), score, total: queue.length, seconds }));
  quiz.querySelector('[data-quiz-status]')!.textContent = `${quiz.dataset.msgDone} · ${quiz.dataset.msgScore}: ${score} / ${queue.length} · ${quiz.dataset.msgTime}: ${seconds} s`;
  quizState = undefined;
  showHistory();
  showReview(missed);
  if (pager) pager.hidden = false;
}

/** A line "label: title — why" for one choice of a drill. */
function choiceLine(drill: HTMLElement, article: string, label: string): HTMLParagraphElement {
  const button = drill.querySelector<HTMLElement>(`.drill-choice[data-choice="${CSS.escape(article)}"]`);
  const p = document.createElement('p');
  const strong = document.createElement('strong');
  // The label carries its own colon ("Your answer:", "你的答案：").
  strong.textContent = /:$/.test(label) ? `${label} ` : label;
  const title = document.createElement('span');
  title.textContent = button?.querySelector('.choice-title')?.textContent ?? '';
  p.append(strong, title);
  const why = button?.closest('li')?.querySelector('.choice-why');
  if (why) {
    const text = document.createElement('span');
    text.className = 'review-why';
    text.append(' — ', ...Array.from(why.childNodes, (n) => n.cloneNode(true)));
    p.append(text);
  }
  return p;
}

/** After a quiz: each missed drill, the answer given and the right one, both explained. */
function showReview(missed: Missed[]): void {
  const box = quiz?.querySelector<HTMLElement>('[data-quiz-review]');
  if (!box || !quiz) return;
  const s = quiz.dataset;
  const heading = document.createElement('h3');
  heading.textContent = s.msgReview ?? '';
  box.replaceChildren(heading);
  if (missed.length === 0) {
    const p = document.createElement('p');
    p.textContent = s.msgAllRight ?? '';
    box.append(p);
    return;
  }
  const list = document.createElement('ol');
  list.className = 'review-list';
  for (const { drill, chosen } of missed) {
    const li = document.createElement('li');
    const title = document.createElement('strong');
    title.textContent = drill.querySelector('h2')?.textContent ?? '';
    const context = document.createElement('p');
    context.append(...Array.from(drill.querySelector('.drill-context')?.childNodes ?? [], (n) => n.cloneNode(true)));
    const again = document.createElement('button');
    again.type = 'button';
    again.className = 'button secondary';
    again.textContent = s.msgOpen ?? '';
    again.addEventListener('click', () => {
      reset(drill);
      showOnly(drill);
      if (pager) pager.hidden = false;
    });
    li.append(title, context, choiceLine(drill, chosen, s.msgYours ?? ''), choiceLine(drill, drill.dataset.answer ?? '', s.msgRight ?? ''), again);
    list.append(li);
  }
  box.append(list);
}

function showHistory(): void {
  const el = quiz?.querySelector<HTMLElement>('[data-quiz-history]');
  if (!el) return;
  const recent = loadProgress().quizzes.slice(-3).reverse();
  el.textContent = recent.length ? `${el.dataset.label}: ${recent.map((q) => `${q.score}/${q.total} (${q.seconds} s)`).join(' · ')}` : '';
}

for (const drill of drills) {
  drill.querySelectorAll<HTMLButtonElement>('.drill-choice').forEach((b) => { b.addEventListener('click', () => answer(drill, b)); });
  drill.querySelector('[data-retry]')?.addEventListener('click', () => reset(drill));
}
quiz?.querySelector('[data-quiz-start]')?.addEventListener('click', startQuiz);
quiz?.querySelector('[data-quiz-next]')?.addEventListener('click', nextQuiz);
pager?.querySelector('[data-page-prev]')?.addEventListener('click', () => turnPage(-1));
pager?.querySelector('[data-page-next]')?.addEventListener('click', () => turnPage(1));
document.querySelector<HTMLSelectElement>('[data-drill-filter]')?.addEventListener('change', (e) => {
  const module = (e.target as HTMLSelectElement).value;
  quizState = undefined;
  for (const d of drills) {
    if (module !== '' && d.dataset.module !== module) d.dataset.filtered = '1';
    else delete d.dataset.filtered;
  }
  showPage(0);
});
// A link to one drill (#drill-12) opens the page it is on.
const linked = drills.find((d) => `#${d.id}` === window.location.hash);
showPage(linked ? Math.floor(pool().indexOf(linked) / PAGE_SIZE) : 0);
linked?.scrollIntoView({ block: 'start' });
showHistory();

/**
 * Diagrams are SVG in the page, drawn at build time (src/build/diagram-pages.ts); this script
 * only opens the full-screen view (diagram-viewer.ts) from a diagram's Enlarge link, or from a
 * tap on the diagram on a small screen.
 *
 * When the build had no Chromium, figures still hold <pre class="mermaid">source</pre> and this
 * script draws them: mermaid (3.5 MB, a classic script) is added once the page has loaded and the
 * browser is idle, or as soon as a diagram comes near the viewport, whichever is first. On failure
 * the source stays visible with a short note, so the reader still has the decision path.
 */
import { openViewer } from './diagram-viewer.ts';

interface MermaidApi {
  initialize(config: Record<string, unknown>): void;
  render(id: string, text: string): Promise<{ svg: string }>;
}

declare global {
  interface Window {
    mermaid?: MermaidApi;
  }
}

const figures = Array.from(document.querySelectorAll<HTMLElement>('figure[data-diagram]')).filter((f) => f.querySelector('pre.mermaid'));
let started = false;

function loadMermaid(): Promise<MermaidApi> {
  return new Promise((resolve, reject) => {
    if (window.mermaid) return resolve(window.mermaid);
    const s = document.createElement('script');
    s.src = `${document.documentElement.dataset.root ?? './'}assets/gen/mermaid.min.js`;
    s.onload = () => (window.mermaid ? resolve(window.mermaid) : reject(new Error('mermaid did not load')));
    s.onerror = () => reject(new Error('mermaid could not be loaded'));
    document.head.appendChild(s);
  });
}

function showSource(figure: HTMLElement, failedText: string, err: unknown): void {
  figure.dataset.state = 'error';
  const note = document.createElement('p');
  note.className = 'diagram-error';
  note.textContent = failedText;
  figure.prepend(note);
  console.warn('diagram failed', err);
}

async function renderAll(): Promise<void> {
  if (started) return;
  started = true;
  const failedText = document.body.dataset.msgDiagramFailed ?? 'Diagram could not be drawn.';
  let mermaid: MermaidApi;
  try {
    mermaid = await loadMermaid();
  } catch (err) {
    figures.forEach((f) => { showSource(f, failedText, err); });
    return;
  }
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    theme: dark ? 'dark' : 'default',
    fontFamily: getComputedStyle(document.body).fontFamily,
    flowchart: { useMaxWidth: true },
  });
  let n = 0;
  for (const figure of figures) {
    const pre = figure.querySelector<HTMLElement>('pre.mermaid');
    if (!pre) continue;
    try {
      const { svg } = await mermaid.render(`kb-diagram-${n++}`, pre.textContent ?? '');
      const holder = document.createElement('div');
      holder.className = 'diagram-svg';
      // The SVG comes from mermaid (securityLevel "strict") rendering our own article source.
      holder.innerHTML = svg;
      pre.hidden = true;
      figure.prepend(holder);
      figure.dataset.state = 'done';
      // Natural width (global.css scales it down to fit, the viewer shows it as it is).
      const drawn = holder.querySelector('svg');
      drawn?.setAttribute('width', String(Math.round(drawn.viewBox.baseVal.width)));
    } catch (err) {
      showSource(figure, failedText, err);
    }
  }
}

document.addEventListener('click', (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
  const target = e.target as Element;
  const open = target.closest('[data-diagram-open]');
  // On a small screen the whole diagram is the button (its boxes keep their links).
  const tapped = !open && !target.closest('a') && window.matchMedia('(max-width: 40rem)').matches ? target.closest('.diagram-svg') : null;
  const figure = (open ?? tapped)?.closest<HTMLElement>('figure[data-diagram]');
  if (figure && openViewer(figure)) e.preventDefault();
});

if (figures.length > 0) {
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        void renderAll();
      }
    },
    { rootMargin: '800px 0px' },
  );
  figures.forEach((f) => { observer.observe(f); });
  const idle = (window as Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
  const later = () => (idle ? idle(() => void renderAll(), { timeout: 2000 }) : setTimeout(() => void renderAll(), 200));
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}

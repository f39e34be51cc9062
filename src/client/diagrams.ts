/**
 * Renders <figure data-diagram><pre class="mermaid">…</pre></figure> blocks. mermaid (3.5 MB, a
 * classic script) is not part of the page load: it is added once the page has loaded and the
 * browser is idle, or as soon as a diagram comes near the viewport, whichever is first. Text and
 * commands are readable at once; the diagram follows. On failure the source stays visible with a
 * short note, so the reader still has the decision path.
 */
interface MermaidApi {
  initialize(config: Record<string, unknown>): void;
  render(id: string, text: string): Promise<{ svg: string }>;
}

declare global {
  interface Window {
    mermaid?: MermaidApi;
  }
}

const figures = Array.from(document.querySelectorAll<HTMLElement>('figure[data-diagram]'));
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
    figures.forEach((f) => showSource(f, failedText, err));
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
    } catch (err) {
      showSource(figure, failedText, err);
    }
  }
}

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
  figures.forEach((f) => observer.observe(f));
  const idle = (window as Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
  const later = () => (idle ? idle(() => void renderAll(), { timeout: 2000 }) : setTimeout(() => void renderAll(), 200));
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}
export {};

/**
 * Renders <figure data-diagram><pre class="mermaid">…</pre></figure> blocks with the bundled
 * mermaid script (a classic script loaded before this one, only on pages with diagrams).
 * On failure the source stays visible with a short note, so the reader still has the decision path.
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

async function renderAll(): Promise<void> {
  const figures = Array.from(document.querySelectorAll<HTMLElement>('figure[data-diagram]'));
  if (figures.length === 0) return;
  const failedText = document.body.dataset.msgDiagramFailed ?? 'Diagram could not be drawn.';
  const mermaid = window.mermaid;
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  mermaid?.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    theme: dark ? 'dark' : 'default',
    fontFamily: getComputedStyle(document.body).fontFamily,
    flowchart: { useMaxWidth: true },
  });
  let n = 0;
  for (const figure of figures) {
    const pre = figure.querySelector('pre.mermaid');
    if (!pre) continue;
    const source = pre.textContent ?? '';
    try {
      if (!mermaid) throw new Error('mermaid not loaded');
      const { svg } = await mermaid.render(`kb-diagram-${n++}`, source);
      const holder = document.createElement('div');
      holder.className = 'diagram-svg';
      // The SVG comes from mermaid with securityLevel "strict" from our own article source.
      holder.innerHTML = svg;
      pre.hidden = true;
      figure.prepend(holder);
      figure.dataset.state = 'done';
    } catch (err) {
      figure.dataset.state = 'error';
      const note = document.createElement('p');
      note.className = 'diagram-error';
      note.textContent = failedText;
      figure.prepend(note);
      console.warn('diagram failed', err);
    }
  }
}

void renderAll();
export {};

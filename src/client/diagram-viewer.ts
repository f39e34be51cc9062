/**
 * A full-screen view of one diagram: the SVG at its natural size (16 px labels), panned by
 * scrolling or dragging with a finger, zoomed with − / + (or Ctrl + wheel), closed with ✕ or Esc.
 * Opened from a diagram's Enlarge link, or by tapping the diagram on a small screen. Without
 * JavaScript the Enlarge link opens the SVG file on its own instead (src/build/diagram-pages.ts).
 */
let dialog: HTMLDialogElement | undefined;
let canvas: HTMLElement | undefined;
let scale = 1;
let natural = { width: 0, height: 0 };

function label(name: string, fallback: string): string {
  return document.body.dataset[name] ?? fallback;
}

function button(text: string, title: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'button secondary';
  b.textContent = text;
  b.title = title;
  b.setAttribute('aria-label', title);
  b.addEventListener('click', onClick);
  return b;
}

function applyScale(next: number): void {
  const svg = canvas?.querySelector('svg');
  if (!svg || !canvas) return;
  // Keep the point at the centre of the view where it was.
  const cx = (canvas.scrollLeft + canvas.clientWidth / 2) / scale;
  const cy = (canvas.scrollTop + canvas.clientHeight / 2) / scale;
  scale = Math.min(4, Math.max(0.2, next));
  svg.style.width = `${natural.width * scale}px`;
  svg.style.height = `${natural.height * scale}px`;
  canvas.scrollLeft = cx * scale - canvas.clientWidth / 2;
  canvas.scrollTop = cy * scale - canvas.clientHeight / 2;
}

function build(): HTMLDialogElement {
  const d = document.createElement('dialog');
  d.className = 'diagram-viewer';
  d.setAttribute('aria-label', label('msgDiagramLabel', 'Diagram'));
  const bar = document.createElement('div');
  bar.className = 'viewer-bar';
  bar.append(
    button('−', label('msgDiagramZoomOut', 'Zoom out'), () => applyScale(scale / 1.25)),
    button('+', label('msgDiagramZoomIn', 'Zoom in'), () => applyScale(scale * 1.25)),
    button(`✕ ${label('msgDiagramClose', 'Close')}`, label('msgDiagramClose', 'Close'), () => d.close()),
  );
  canvas = document.createElement('div');
  canvas.className = 'viewer-canvas';
  // Arrow keys pan the view once it has focus.
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'group');
  canvas.setAttribute('aria-label', label('msgDiagramLabel', 'Diagram'));
  canvas.addEventListener(
    'wheel',
    (e) => {
      if (!e.ctrlKey) return;
      e.preventDefault();
      applyScale(scale * (e.deltaY < 0 ? 1.1 : 1 / 1.1));
    },
    { passive: false },
  );
  d.append(bar, canvas);
  d.addEventListener('close', () => {
    canvas!.textContent = '';
    document.documentElement.classList.remove('viewer-open');
  });
  document.body.appendChild(d);
  return d;
}

/** Opens the viewer on the diagram of `figure`; false when there is nothing to show. */
export function openViewer(figure: HTMLElement): boolean {
  const svg = figure.querySelector<SVGSVGElement>('.diagram-svg svg');
  if (!svg || typeof HTMLDialogElement === 'undefined') return false;
  dialog ??= build();
  // A copy with its own ids (markers are referenced by id; duplicates would be invalid).
  const id = svg.id;
  const holder = document.createElement('div');
  holder.innerHTML = svg.outerHTML.split(id).join(`${id}-zoom`);
  const copy = holder.querySelector('svg')!;
  natural = { width: Number(svg.getAttribute('width')) || svg.viewBox.baseVal.width, height: Number(svg.getAttribute('height')) || svg.viewBox.baseVal.height };
  canvas!.replaceChildren(copy);
  document.documentElement.classList.add('viewer-open');
  dialog.showModal();
  // Start at the natural size, the one the labels were made for, at the top of the chart.
  scale = 1;
  applyScale(1);
  canvas!.scrollLeft = Math.max(0, (natural.width - canvas!.clientWidth) / 2);
  canvas!.scrollTop = 0;
  // In the viewer the boxes are the way to the articles: make them reachable by keyboard.
  copy.querySelectorAll('a').forEach((a) => { a.removeAttribute('tabindex'); });
  copy.removeAttribute('aria-hidden');
  return true;
}

/**
 * The language switch keeps the reader's place: the query string (a search, `?q=`) and the
 * fragment. A fragment that names a heading is translated to its language-independent anchor
 * (`data-anchor`, from src/build/rehype-article-sections.ts): `#恢复` → `#recover`, a step
 * `#2-先把副本数降到-0` → `#recover-2`; any other heading falls back to the section it is in.
 */

/** The anchor to carry for the element `id` names, or the fragment unchanged. */
export function portableHash(hash: string): string {
  if (hash.length < 2) return hash;
  let id: string;
  try {
    id = decodeURIComponent(hash.slice(1));
  } catch {
    return hash;
  }
  const el = document.getElementById(id);
  if (!el) return hash;
  const heading = el.closest<HTMLElement>('h1, h2, h3, h4, [data-anchor]') ?? el;
  if (heading.dataset.anchor) return `#${heading.dataset.anchor}`;
  if (/^H[34]$/.test(heading.tagName)) {
    // A heading without its own anchor: the closest earlier section heading that has one.
    const all = Array.from(document.querySelectorAll<HTMLElement>('h2[data-anchor]'));
    const before = all.filter((h) => h.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING);
    const section = before.at(-1);
    if (section?.dataset.anchor) return `#${section.dataset.anchor}`;
  }
  return hash;
}

export function initLangSwitch(): void {
  const link = document.querySelector<HTMLAnchorElement>('[data-lang-switch]');
  if (!link) return;
  const base = link.href.replace(/[?#].*$/, '');
  // Set on every way of following a link (click, middle click, keyboard, context menu).
  const update = () => {
    link.href = base + window.location.search + portableHash(window.location.hash);
  };
  for (const type of ['pointerdown', 'focus', 'click', 'contextmenu']) link.addEventListener(type, update);
  window.addEventListener('hashchange', update);
  update();
}

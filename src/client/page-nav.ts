/**
 * Reading long pages on a small screen: keeps `--header-h` equal to the part of the sticky header
 * that stays on screen (anchor jumps land below it, see `scroll-padding-top` in global.css), and
 * marks <html> with `data-at-top` (hides the back-to-top button) and `data-past-recover` (hides
 * the "jump to recovery" button once the recovery steps are on screen or behind).
 */
export function initPageNav(): void {
  const root = document.documentElement;
  const header = document.querySelector<HTMLElement>('.site-header');
  const jump = document.querySelector<HTMLAnchorElement>('[data-jump-recover]');
  const target = jump ? document.getElementById(decodeURIComponent(jump.hash.slice(1))) : null;

  const measure = () => {
    if (!header) return;
    // A negative `top` (phones) keeps only the header's lower part on screen.
    const top = parseFloat(getComputedStyle(header).top) || 0;
    root.style.setProperty('--header-h', `${Math.max(0, header.offsetHeight + Math.min(0, top))}px`);
  };
  let queued = false;
  const update = () => {
    queued = false;
    root.toggleAttribute('data-at-top', window.scrollY < window.innerHeight);
    if (target) root.toggleAttribute('data-past-recover', target.getBoundingClientRect().top < window.innerHeight * 0.6);
  };
  const onScroll = () => {
    if (!queued) {
      queued = true;
      requestAnimationFrame(update);
    }
  };
  measure();
  update();
  if (header && 'ResizeObserver' in window) new ResizeObserver(measure).observe(header);
  window.addEventListener('scroll', onScroll, { passive: true });
  window.addEventListener('resize', onScroll, { passive: true });
}

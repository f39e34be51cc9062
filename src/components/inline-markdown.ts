/**
 * The inline Markdown that front-matter strings use (module goals, self-check questions, game-day
 * summaries): `code` and **bold**, as HTML. Everything else is escaped text, so the result is safe
 * for `set:html`.
 */
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `kubectl logs --previous` shows **the crashed** one → HTML with <code> and <strong>. */
export function inlineMarkdown(text: string): string {
  // Code spans first: their content is literal (no bold inside code).
  return text
    .split(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/)
    .map((part, i, all) => {
      if (i % 3 === 1) return '';
      if (i % 3 === 2) return `<code>${escapeHtml(all[i]!.replace(/^ (.*) $/, '$1'))}</code>`;
      return escapeHtml(part).replace(/\*\*(\S(?:[\s\S]*?\S)?)\*\*/g, '<strong>$1</strong>');
    })
    .join('');
}

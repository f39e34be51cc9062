/**
 * Splits each command block (```bash / sh / shell) into one element per line:
 *   <pre><code class="language-bash"><span class="cmd-line">kubectl …\n</span>…</code></pre>
 * so that a long line can wrap with a hanging indent and a continuation mark (global.css) instead
 * of being cut off at the edge of the column. Each line keeps its newline, so the code element's
 * text — what Copy copies and what a selection copies — is exactly the original command.
 * Output samples (```text) are left alone: wrapping would break their columns.
 */
import { classesOf, h, isElement, textOf, text, type HastNode } from './hast.ts';

const COMMAND_LANGS = new Set(['language-bash', 'language-sh', 'language-shell']);

function isCommandCode(node: HastNode): boolean {
  return isElement(node, 'code') && classesOf(node).some((c) => COMMAND_LANGS.has(c));
}

/** `a\nb\n` → [`a\n`, `b\n`]; a last line without a newline is kept as it is. */
export function splitLines(source: string): string[] {
  const out = source.split(/(?<=\n)/);
  return out.filter((l) => l !== '');
}

function visit(node: HastNode): void {
  for (const child of node.children ?? []) {
    if (isElement(child, 'pre')) {
      const code = child.children?.find(isCommandCode);
      if (code) code.children = splitLines(textOf(code)).map((line) => h('span', { className: ['cmd-line'] }, [text(line)]));
    } else {
      visit(child);
    }
  }
}

/** rehype plugin. Options are ignored (astro.config.mjs passes a digest of this folder, see there). */
export default function rehypeCommandLines(_options?: unknown) {
  return (tree: HastNode) => visit(tree);
}

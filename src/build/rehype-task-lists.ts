/**
 * Makes Markdown task lists (`- [ ] Time to recover:`) usable checklists. GFM renders them as
 * `<input type="checkbox" disabled>` followed by bare text: nothing can be ticked and the box has
 * no accessible name. This turns each item into
 *   <li class="task-list-item"><input type="checkbox" id="task-3"> <label for="task-3">Time to recover:</label></li>
 * (a game-day facilitator ticks them on screen; printed, they stay empty boxes).
 */
import { h, isElement, type HastNode } from './hast.ts';

/** Inline content a label may hold; anything else (a nested list, a code block) ends it. */
const BLOCK = new Set(['p', 'ul', 'ol', 'pre', 'div', 'blockquote', 'table', 'figure', 'h2', 'h3', 'h4']);

function isCheckbox(node: HastNode | undefined): boolean {
  return isElement(node, 'input') && node?.properties?.type === 'checkbox';
}

/** Labels the checkbox found among `holder`'s children; returns false when there is none. */
function labelIn(holder: HastNode, id: string): boolean {
  const children = holder.children ?? [];
  const at = children.findIndex(isCheckbox);
  if (at === -1) return false;
  const box = children[at]!;
  const { disabled: _disabled, ...rest } = box.properties ?? {};
  box.properties = { ...rest, id };
  let end = at + 1;
  while (end < children.length && !(isElement(children[end]) && BLOCK.has(children[end]!.tagName!))) end++;
  const label = h('label', { htmlFor: id }, children.slice(at + 1, end));
  children.splice(at + 1, end - at - 1, label);
  return true;
}

function visit(node: HastNode, counter: { n: number }): void {
  for (const child of node.children ?? []) {
    if (isElement(child, 'li') && Array.isArray(child.properties?.className) && (child.properties.className as unknown[]).includes('task-list-item')) {
      const id = `task-${++counter.n}`;
      // Tight list: the box is the li's first child; loose list: it opens the first paragraph.
      if (!labelIn(child, id)) {
        const p = child.children?.find((c) => isElement(c, 'p'));
        if (p) labelIn(p, id);
      }
    }
    visit(child, counter);
  }
}

/** rehype plugin. Options are ignored (astro.config.mjs passes a digest of this folder, see there). */
export default function rehypeTaskLists(_options?: unknown) {
  return (tree: HastNode) => visit(tree, { n: 0 });
}

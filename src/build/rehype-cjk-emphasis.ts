/**
 * `**bold**` that CommonMark leaves as literal asterisks in Chinese text. Its flanking rules need
 * a space or punctuation outside a closing `**` that follows punctuation, so
 * `**处于不可中断睡眠（D 状态）**的进程` stays raw (no space in Chinese). After Markdown has done
 * its part, any `**…**` still inside one text node (never in code) becomes <strong>.
 */
import { h, isElement, text, type HastNode } from './hast.ts';

const LEFT_OVER = /\*\*(?=\S)([^*\n]*?\S)\*\*/g;
const SKIP = new Set(['code', 'pre', 'script', 'style', 'kbd', 'samp']);

function visit(node: HastNode): void {
  const children = node.children;
  if (!children) return;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'text' && child.value?.includes('**')) {
      const parts: HastNode[] = [];
      let last = 0;
      for (const m of child.value.matchAll(LEFT_OVER)) {
        if (m.index > last) parts.push(text(child.value.slice(last, m.index)));
        parts.push(h('strong', {}, [text(m[1]!)]));
        last = m.index + m[0].length;
      }
      if (parts.length === 0) continue;
      if (last < child.value.length) parts.push(text(child.value.slice(last)));
      children.splice(i, 1, ...parts);
      i += parts.length - 1;
    } else if (isElement(child) && !SKIP.has(child.tagName!)) {
      visit(child);
    }
  }
}

/** rehype plugin. Options are ignored (astro.config.mjs passes a digest of this folder, see there). */
export default function rehypeCjkEmphasis(_options?: unknown) {
  return (tree: HastNode) => visit(tree);
}

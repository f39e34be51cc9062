/**
 * Turns ```mermaid fenced blocks (left unhighlighted by `syntaxHighlight.excludeLangs`) into
 *   <figure class="diagram" data-diagram><pre class="mermaid">source</pre></figure>
 * The source stays readable text: it is what a reader sees without JavaScript, when printing
 * before rendering, or when rendering fails. src/client/diagrams.ts renders it in the browser.
 */
interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
  value?: string;
}

function textOf(node: HastNode): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

function isMermaidPre(node: HastNode): boolean {
  if (node.type !== 'element' || node.tagName !== 'pre') return false;
  const code = node.children?.find((c) => c.type === 'element' && c.tagName === 'code');
  const cls = code?.properties?.className;
  return Array.isArray(cls) && cls.includes('language-mermaid');
}

function visit(node: HastNode): void {
  const children = node.children;
  if (!children) return;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (isMermaidPre(child)) {
      children[i] = {
        type: 'element',
        tagName: 'figure',
        properties: { className: ['diagram'], dataDiagram: '' },
        children: [
          {
            type: 'element',
            tagName: 'pre',
            properties: { className: ['mermaid'] },
            children: [{ type: 'text', value: textOf(child).replace(/\n$/, '') }],
          },
        ],
      };
    } else {
      visit(child);
    }
  }
}

/** rehype plugin. Options are ignored (astro.config.mjs passes a digest of this folder, see there). */
export default function rehypeMermaidBlocks(_options?: unknown) {
  return (tree: HastNode) => visit(tree);
}

/**
 * The few hast (HTML syntax tree) shapes and helpers the rehype plugins of this folder share.
 * Kept local and tiny rather than importing hast utilities the project does not depend on directly.
 */
export interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
  value?: string;
}

/** Concatenated text of a node and its descendants. */
export function textOf(node: HastNode): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

/** True for an element with this tag name. */
export function isElement(node: HastNode | undefined, tagName?: string): boolean {
  return node?.type === 'element' && (tagName === undefined || node.tagName === tagName);
}

/** The class list of an element (hast keeps it as an array in `className`). */
export function classesOf(node: HastNode): string[] {
  const cls = node.properties?.className;
  return Array.isArray(cls) ? cls.map(String) : typeof cls === 'string' ? cls.split(/\s+/) : [];
}

/** An element node. */
export function h(tagName: string, properties: Record<string, unknown>, children: HastNode[] = []): HastNode {
  return { type: 'element', tagName, properties, children };
}

/** A text node. */
export function text(value: string): HastNode {
  return { type: 'text', value };
}

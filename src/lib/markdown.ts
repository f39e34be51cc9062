/** True when a Markdown body contains a ```mermaid fenced block (the page then loads the renderer). */
export function hasDiagram(markdown: string): boolean {
  return /^\s*(```|~~~)\s*mermaid\b/m.test(markdown);
}

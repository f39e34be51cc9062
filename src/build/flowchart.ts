/**
 * The subset of mermaid flowchart syntax that docs/authoring.md allows, read as a graph:
 *
 *   flowchart TD
 *     A["Node NotReady"] --> B{"Many nodes at once?"}
 *     B -->|"Yes"| C["Check API server: apiserver-unreachable"]
 *     B -->|No| D["node-runtime-down"]
 *
 * Used after the build to name articles by their titles instead of their slugs, to know which
 * boxes link to which article, and to write the diagram's text alternative.
 */

export interface FlowNode {
  id: string;
  label: string;
  /** `rect` for ["…"], `decision` for {"…"}, `round` for ("…"). */
  shape: 'rect' | 'decision' | 'round';
  /** Slug of the article the label names, if any. */
  article?: string;
}

export interface FlowEdge {
  from: string;
  to: string;
  label: string;
}

export interface Flowchart {
  direction: string;
  nodes: Map<string, FlowNode>;
  edges: FlowEdge[];
}

const NODE = /^([A-Za-z0-9_]+)\s*(?:\["([^"]*)"\]|\{"([^"]*)"\}|\("([^"]*)"\)|\[([^\]"]*)\]|\{([^}"]*)\}|\(([^)"]*)\))?/;
const ARROW = /^\s*(?:-->|---|-\.->|==>)\s*(?:\|\s*(?:"([^"]*)"|([^|]*))\s*\|)?\s*/;

/** Mermaid's entity codes (`#quot;`, `#35;`) back to characters. */
export function decodeEntities(text: string): string {
  return text.replace(/#(quot|amp|lt|gt|\d+);/g, (_m, name: string) =>
    name === 'quot' ? '"' : name === 'amp' ? '&' : name === 'lt' ? '<' : name === 'gt' ? '>' : String.fromCodePoint(Number(name)),
  );
}

/** A label as mermaid source, inside double quotes. */
export function encodeLabel(text: string): string {
  return text.replace(/"/g, '#quot;');
}

/** Parses a flowchart; lines it does not understand are skipped (mermaid still draws them). */
export function parseFlowchart(source: string): Flowchart {
  const lines = source.split('\n');
  const chart: Flowchart = { direction: 'TD', nodes: new Map(), edges: [] };
  const node = (id: string, label?: string, shape: FlowNode['shape'] = 'rect'): void => {
    const known = chart.nodes.get(id);
    if (!known) chart.nodes.set(id, { id, label: label ?? id, shape });
    else if (label !== undefined) Object.assign(known, { label, shape });
  };
  for (const raw of lines) {
    const line = raw.trim();
    const head = /^(?:flowchart|graph)\s+(\w+)/.exec(line);
    if (head) {
      chart.direction = head[1]!;
      continue;
    }
    if (!line || line.startsWith('%%')) continue;
    let rest = line;
    let prev: string | undefined;
    let edgeLabel: string | undefined;
    while (rest) {
      const m = NODE.exec(rest);
      if (!m) break;
      const [whole, id, rect, decision, round, bareRect, bareDecision, bareRound] = m;
      const label = rect ?? decision ?? round ?? bareRect ?? bareDecision ?? bareRound;
      const shape = decision !== undefined || bareDecision !== undefined ? 'decision' : round !== undefined || bareRound !== undefined ? 'round' : 'rect';
      node(id!, label === undefined ? undefined : decodeEntities(label.trim()), shape);
      if (prev !== undefined) chart.edges.push({ from: prev, to: id!, label: decodeEntities(edgeLabel ?? '') });
      prev = id;
      rest = rest.slice(whole.length);
      const arrow = ARROW.exec(rest);
      if (!arrow) break;
      edgeLabel = (arrow[1] ?? arrow[2] ?? '').trim();
      rest = rest.slice(arrow[0].length);
    }
  }
  return chart;
}

const SLUG_CHAR = /[a-z0-9-]/;

/** The known slugs `label` mentions as whole words, with their positions, in order. */
export function findSlugs(label: string, slugs: ReadonlySet<string>): { slug: string; index: number }[] {
  const out: { slug: string; index: number }[] = [];
  for (const m of label.matchAll(/[a-z0-9]+(?:-[a-z0-9]+)*/g)) {
    const before = label[m.index - 1];
    const after = label[m.index + m[0].length];
    if ((before && SLUG_CHAR.test(before)) || (after && SLUG_CHAR.test(after))) continue;
    if (slugs.has(m[0])) out.push({ slug: m[0], index: m.index });
  }
  return out;
}

/**
 * Replaces the article slugs the boxes name by the article titles (in the page's language) and
 * marks those nodes with their article. Returns the rewritten source and the graph.
 */
export function nameArticles(source: string, titles: ReadonlyMap<string, string>): { source: string; chart: Flowchart } {
  const chart = parseFlowchart(source);
  const slugs = new Set(titles.keys());
  const renamed = new Map<string, string>();
  for (const n of chart.nodes.values()) {
    const found = findSlugs(n.label, slugs);
    if (found.length === 0) continue;
    // A box naming several articles links to the first; every one is shown by its title.
    n.article = found[0]!.slug;
    let label = n.label;
    for (const f of [...found].reverse()) label = label.slice(0, f.index) + titles.get(f.slug)! + label.slice(f.index + f.slug.length);
    renamed.set(n.id, label);
    n.label = label;
  }
  if (renamed.size === 0) return { source, chart };
  // Rewrite each node's first definition with the new label, in the quoted form.
  const done = new Set<string>();
  // Quoted text and |edge labels| are matched first so that words inside them are never taken for ids.
  const out = source.replace(
    /"[^"]*"|\|[^|\n]*\||(^|[\s>])([A-Za-z0-9_]+)\s*(\["[^"]*"\]|\{"[^"]*"\}|\("[^"]*"\)|\[[^\]"]*\]|\{[^}"]*\}|\([^)"]*\))/g,
    (whole, pre: string | undefined, id: string | undefined, shape: string | undefined) => {
      if (id === undefined || shape === undefined) return whole;
      const label = renamed.get(id);
      if (label === undefined || done.has(id)) return whole;
      done.add(id);
      const [open, close] = shape.startsWith('[') ? ['["', '"]'] : shape.startsWith('{') ? ['{"', '"}'] : ['("', '")'];
      return `${pre}${id}${open}${encodeLabel(label)}${close}`;
    },
  );
  return { source: out, chart };
}

/** Nodes nothing points to, in source order (the first node when every node has a parent). */
export function roots(chart: Flowchart): FlowNode[] {
  const targets = new Set(chart.edges.map((e) => e.to));
  const out = Array.from(chart.nodes.values()).filter((n) => !targets.has(n.id));
  const first = chart.nodes.values().next().value;
  return out.length > 0 ? out : first ? [first] : [];
}

export interface OutlineText {
  /** Shown after a node that was already listed further up. */
  seeAbove: string;
  /** URL of an article, for nodes that name one. */
  articleUrl: (slug: string) => string;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The flowchart as nested lists, for screen readers, for readers without the picture and as
 * the diagram's text alternative: each node, then each way out of it (`Yes → next step`).
 */
export function outlineHtml(chart: Flowchart, text: OutlineText): string {
  const out = new Map<string, FlowEdge[]>();
  for (const e of chart.edges) out.set(e.from, [...(out.get(e.from) ?? []), e]);
  const listed = new Set<string>();
  const label = (n: FlowNode) => {
    const name = escapeHtml(n.label);
    return n.article ? `<a href="${escapeHtml(text.articleUrl(n.article))}">${name}</a>` : name;
  };
  const item = (n: FlowNode, via: string): string => {
    const prefix = via ? `<em>${escapeHtml(via)}</em> → ` : '';
    if (listed.has(n.id)) return `<li>${prefix}${label(n)} <small>(${escapeHtml(text.seeAbove)})</small></li>`;
    listed.add(n.id);
    const next = (out.get(n.id) ?? []).map((e) => item(chart.nodes.get(e.to)!, e.label)).join('');
    return `<li>${prefix}${label(n)}${next ? `<ul>${next}</ul>` : ''}</li>`;
  };
  const items = roots(chart).map((n) => item(n, ''));
  // Anything not reachable from a root (a separate cluster) still gets listed.
  for (const n of chart.nodes.values()) if (!listed.has(n.id)) items.push(item(n, ''));
  return `<ul class="diagram-outline">${items.join('')}</ul>`;
}

import { describe, expect, it } from 'vitest';
import { decodeEntities, findSlugs, nameArticles, outlineHtml, parseFlowchart, roots } from '../../src/build/flowchart.ts';
import { compactShapes } from '../../src/build/diagram-renderer.ts';

const SOURCE = [
  'flowchart TD',
  '  A["Node NotReady"] --> B{"Many nodes at once?"}',
  '  B -->|"Yes"| C["Check API server: apiserver-unreachable"]',
  '  B -->|No| D{"Message names"}',
  '  D -->|"container runtime is down"| E["node-runtime-down"]',
  '  D -->|"PLEG"| F["node-pleg-unhealthy, then node-runtime-down"]',
  '  E --> A',
].join('\n');

const TITLES = new Map([
  ['apiserver-unreachable', 'API server unreachable'],
  ['node-runtime-down', 'Container runtime down'],
  ['node-pleg-unhealthy', 'PLEG is not healthy'],
  ['oomkilled', 'Container "OOMKilled"'],
]);

describe('parseFlowchart', () => {
  it('reads nodes with their shapes and labels, and edges with their labels', () => {
    const chart = parseFlowchart(SOURCE);
    expect(chart.direction).toBe('TD');
    expect(chart.nodes.get('B')).toEqual({ id: 'B', label: 'Many nodes at once?', shape: 'decision' });
    expect(chart.nodes.get('C')!.label).toBe('Check API server: apiserver-unreachable');
    expect(chart.edges).toContainEqual({ from: 'B', to: 'D', label: 'No' });
    expect(chart.edges).toContainEqual({ from: 'A', to: 'B', label: '' });
    expect(chart.edges).toHaveLength(6);
  });

  it('reads chains and bare labels', () => {
    const chart = parseFlowchart('flowchart LR\n  A[start] --> B(wait) -->|"then"| C{check}');
    expect(chart.direction).toBe('LR');
    expect([...chart.nodes.values()].map((n) => `${n.id}:${n.shape}:${n.label}`)).toEqual(['A:rect:start', 'B:round:wait', 'C:decision:check']);
    expect(chart.edges.map((e) => `${e.from}>${e.to}:${e.label}`)).toEqual(['A>B:', 'B>C:then']);
  });

  it('decodes mermaid entities', () => {
    expect(decodeEntities('say #quot;hi#quot; #35;1')).toBe('say "hi" #1');
  });
});

describe('nameArticles', () => {
  it('shows titles instead of slugs, marks the node with its article, and keeps other text', () => {
    const { source, chart } = nameArticles(SOURCE, TITLES);
    expect(chart.nodes.get('C')).toMatchObject({ label: 'Check API server: API server unreachable', article: 'apiserver-unreachable' });
    expect(chart.nodes.get('E')).toMatchObject({ label: 'Container runtime down', article: 'node-runtime-down' });
    expect(source).toContain('C["Check API server: API server unreachable"]');
    expect(source).toContain('E["Container runtime down"]');
    expect(source).toContain('A["Node NotReady"]');
    expect(source).toContain('B -->|"Yes"|');
  });

  it('names every article of a box that names several, and links the first', () => {
    const { chart } = nameArticles(SOURCE, TITLES);
    expect(chart.nodes.get('F')).toMatchObject({ label: 'PLEG is not healthy, then Container runtime down', article: 'node-pleg-unhealthy' });
  });

  it('escapes quotes in titles for mermaid', () => {
    const { source } = nameArticles('flowchart TD\n  A["oomkilled"]', TITLES);
    expect(source).toContain('A["Container #quot;OOMKilled#quot;"]');
  });

  it('leaves words that only contain a slug alone, and never rewrites inside quoted text', () => {
    expect(findSlugs('see node-runtime-downtime and xnode-runtime-down', new Set(TITLES.keys()))).toEqual([]);
    const source = 'flowchart TD\n  A["E (see) node-runtime-down"] --> E["x"]';
    const { source: out } = nameArticles(source, TITLES);
    expect(out).toBe('flowchart TD\n  A["E (see) Container runtime down"] --> E["x"]');
  });
});

describe('outlineHtml', () => {
  it('lists the chart from its root, each way out with its label, links for articles and no loops', () => {
    const { chart } = nameArticles(SOURCE, TITLES);
    const html = outlineHtml(chart, { seeAbove: 'see above', articleUrl: (s) => `/en/articles/${s}/` });
    expect(html.startsWith('<ul class="diagram-outline"><li>Node NotReady<ul><li>Many nodes at once?<ul>')).toBe(true);
    expect(html).toContain('<li><em>Yes</em> → <a href="/en/articles/apiserver-unreachable/">Check API server: API server unreachable</a></li>');
    expect(html).toContain('<small>(see above)</small>');
    expect((html.match(/<li>/g) ?? []).length).toBe(7);
  });

  it('starts from the first node when every node has a parent', () => {
    const chart = parseFlowchart('flowchart TD\n  A["a"] --> B["b"]\n  B --> A');
    expect(roots(chart).map((n) => n.id)).toEqual(['A']);
  });
});

describe('compactShapes', () => {
  it('draws decisions as hexagons, leaving labels and other shapes alone', () => {
    expect(compactShapes('  B{"Ready?"} -->|"{x}"| C["a {b}"]')).toBe('  B{{"Ready?"}} -->|"{x}"| C["a {b}"]');
  });
});

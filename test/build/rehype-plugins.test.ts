import { describe, expect, it } from 'vitest';
import type { HastNode } from '../../src/build/hast.ts';
import { h, text } from '../../src/build/hast.ts';
import rehypeArticleSections from '../../src/build/rehype-article-sections.ts';
import rehypeCommandLines, { splitLines } from '../../src/build/rehype-command-lines.ts';
import rehypeTaskLists from '../../src/build/rehype-task-lists.ts';
import rehypeCjkEmphasis from '../../src/build/rehype-cjk-emphasis.ts';
import { inlineMarkdown } from '../../src/components/inline-markdown.ts';

const root = (...children: HastNode[]): HastNode => ({ type: 'root', children });
const ids = (node: HastNode): string[] => [
  ...(typeof node.properties?.id === 'string' ? [node.properties.id] : []),
  ...(node.children ?? []).flatMap(ids),
];
/** A compact HTML-ish view of a tree, for readable expectations. */
function show(node: HastNode): string {
  if (node.type === 'text') return node.value ?? '';
  const inner = (node.children ?? []).map(show).join('');
  if (node.type === 'root') return inner;
  const attrs = Object.entries(node.properties ?? {})
    .map(([k, v]) => ` ${k}=${Array.isArray(v) ? v.join(' ') : String(v)}`)
    .join('');
  return `<${node.tagName}${attrs}>${inner}</${node.tagName}>`;
}

describe('rehype-article-sections', () => {
  const article = (lang: 'en' | 'zh') =>
    lang === 'en'
      ? root(
          h('h2', {}, [text('First response')]),
          h('ol', {}, [h('li', {}, [text('step')])]),
          h('p', {}, [h('a', { href: '#recover' }, [text('Full recovery steps')])]),
          h('h2', {}, [text('Symptoms')]),
          h('h2', {}, [text('Recover')]),
          h('h3', {}, [text('1. Cordon the node')]),
          h('h3', {}, [text('Background')]),
          h('h2', {}, [text('Appendix')]),
          h('h3', {}, [text('1. Not a step of Recover')]),
        )
      : root(h('h2', {}, [text('首要处置')]), h('p', {}, [text('先做')]), h('h2', {}, [text('恢复')]), h('h3', {}, [text('2、先 cordon')]));

  it('wraps the First response section, up to the next h2, in #first-response', () => {
    const tree = article('en');
    rehypeArticleSections()(tree);
    const block = tree.children![0]!;
    expect(block.tagName).toBe('section');
    expect(block.properties).toMatchObject({ id: 'first-response', className: ['first-response'], ariaLabelledby: 'first-response-title' });
    expect(block.children!.map((c) => c.tagName)).toEqual(['h2', 'ol', 'p']);
    expect(tree.children![1]!.tagName).toBe('h2');
  });

  it('gives Recover both language ids and numbered steps a language-independent anchor', () => {
    const en = article('en');
    rehypeArticleSections()(en);
    expect(ids(en)).toEqual(['first-response', 'first-response-title', 'symptoms', '症状', 'recover', '恢复', 'recover-1']);
    const zh = article('zh');
    rehypeArticleSections()(zh);
    expect(ids(zh)).toEqual(['first-response', '首要处置', '恢复', 'recover', 'recover-2']);
    expect(show(zh)).toContain('<h2 dataAnchor=recover id=恢复><span id=recover className=anchor-alias></span>恢复</h2>');
  });

  it('leaves pages without the known sections alone', () => {
    const tree = root(h('h2', {}, [text('Something else')]), h('h3', {}, [text('1. x')]));
    const before = show(tree);
    rehypeArticleSections()(tree);
    expect(show(tree)).toBe(before);
  });
});

describe('rehype-command-lines', () => {
  it('puts each line of a command block in its own element, keeping the text exact', () => {
    const source = 'kubectl get pods -A\n  --field-selector=status.phase!=Running\n';
    const tree = root(h('pre', {}, [h('code', { className: ['language-bash'] }, [text(source)])]));
    rehypeCommandLines()(tree);
    const code = tree.children![0]!.children![0]!;
    expect(code.children!.map((c) => c.properties?.className)).toEqual([['cmd-line'], ['cmd-line']]);
    expect(show(code).replace(/<[^>]+>/g, '')).toBe(source);
  });

  it('leaves output samples alone', () => {
    const tree = root(h('pre', {}, [h('code', { className: ['language-text'] }, [text('NAME READY\n')])]));
    rehypeCommandLines()(tree);
    expect(tree.children![0]!.children![0]!.children).toEqual([text('NAME READY\n')]);
  });

  it('splits lines without losing a last line that has no newline', () => {
    expect(splitLines('a\nb')).toEqual(['a\n', 'b']);
    expect(splitLines('a\n\nb\n')).toEqual(['a\n', '\n', 'b\n']);
  });
});

describe('rehype-task-lists', () => {
  it('enables each box and labels it with its item text', () => {
    const item = (t: string) => h('li', { className: ['task-list-item'] }, [h('input', { type: 'checkbox', disabled: true }), text(` ${t}`), h('ul', {}, [])]);
    const tree = root(h('ul', { className: ['contains-task-list'] }, [item('Time to recover:'), item('Who was paged?')]));
    rehypeTaskLists()(tree);
    expect(show(tree)).toBe(
      '<ul className=contains-task-list>' +
        '<li className=task-list-item><input type=checkbox id=task-1></input><label htmlFor=task-1> Time to recover:</label><ul></ul></li>' +
        '<li className=task-list-item><input type=checkbox id=task-2></input><label htmlFor=task-2> Who was paged?</label><ul></ul></li>' +
        '</ul>',
    );
  });
});

describe('rehype-cjk-emphasis', () => {
  it('makes <strong> of **…** that Markdown left in Chinese text, never in code', () => {
    const tree = root(h('p', {}, [text('进程**处于不可中断睡眠（D 状态）**的数量')]), h('code', {}, [text('a**b**c')]));
    rehypeCjkEmphasis()(tree);
    expect(show(tree)).toBe('<p>进程<strong>处于不可中断睡眠（D 状态）</strong>的数量</p><code>a**b**c</code>');
  });
});

describe('inlineMarkdown', () => {
  it('renders code spans and bold, and escapes the rest', () => {
    expect(inlineMarkdown('Read `7 (41s ago)` and **this**')).toBe('Read <code>7 (41s ago)</code> and <strong>this</strong>');
    expect(inlineMarkdown('<b> & `<none>` `a **b**`')).toBe('&lt;b&gt; &amp; <code>&lt;none&gt;</code> <code>a **b**</code>');
    expect(inlineMarkdown('x `` a`b `` y')).toBe('x <code>a`b</code> y');
  });
});

/**
 * Language-independent anchors for the fixed sections of docs/authoring.md, and the
 * "First response" block.
 *
 *   ## 恢复                →  <h2 id="恢复" data-anchor="recover"><span id="recover" class="anchor-alias"></span>恢复</h2>
 *   ### 2. 先把副本数降到 0  →  <h3 data-anchor="recover-2"><span id="recover-2" class="anchor-alias"></span>…</h3>
 *   ## First response …    →  <section id="first-response" class="first-response">…until the next h2…</section>
 *
 * Why: `#recover` and `#恢复` both reach the Recover section in both languages (writers link
 * `[完整恢复步骤](#恢复)`, the diagnose page and other sites link `#recover`), and the language
 * switch can carry a reader's place across languages (src/client/lang-switch.ts uses
 * `data-anchor`). Numbered steps get `<section>-<n>`, the same in both languages because both
 * trees have the same steps (test/content/articles.test.ts).
 *
 * Heading ids are set here for the known sections (the same value Astro's own slugger would give);
 * every other heading keeps the id Astro gives it later.
 */
import { h, isElement, textOf, type HastNode } from './hast.ts';

interface SectionName {
  /** Language-independent anchor: the English heading as Astro slugs it. */
  key: string;
  en: string;
  zh: string;
}

/** Level-2 headings of articles (docs/authoring.md), training modules and game-day sheets. */
export const SECTION_NAMES: readonly SectionName[] = [
  { key: 'first-response', en: 'First response', zh: '首要处置' },
  { key: 'symptoms', en: 'Symptoms', zh: '症状' },
  { key: 'impact', en: 'Impact', zh: '影响' },
  { key: 'causes', en: 'Causes', zh: '原因' },
  { key: 'diagnose', en: 'Diagnose', zh: '诊断' },
  { key: 'recover', en: 'Recover', zh: '恢复' },
  { key: 'verify', en: 'Verify', zh: '验证' },
  { key: 'prevent', en: 'Prevent', zh: '预防' },
  { key: 'when-to-use-this', en: 'When to use this', zh: '适用场景' },
  { key: 'before-you-start', en: 'Before you start', zh: '准备工作' },
  { key: 'steps', en: 'Steps', zh: '操作步骤' },
  { key: 'afterwards', en: 'Afterwards', zh: '收尾' },
  { key: 'scenario', en: 'Scenario', zh: '场景' },
  { key: 'safety-and-prerequisites', en: 'Safety and prerequisites', zh: '安全与前提' },
  { key: 'inject-the-failure', en: 'Inject the failure', zh: '注入故障' },
  { key: 'what-the-team-should-observe', en: 'What the team should observe', zh: '预期现象' },
  { key: 'review-checklist', en: 'Review checklist', zh: '复盘清单' },
  { key: 'why-it-matters', en: 'Why it matters', zh: '为什么重要' },
  { key: 'map', en: 'Map', zh: '故障地图' },
  { key: 'walkthrough', en: 'Walkthrough', zh: '演练讲解' },
  { key: 'commands-to-practise', en: 'Commands to practise', zh: '练习命令' },
];

/** Id of the First response block (the same in both languages). */
export const FIRST_RESPONSE_ID = 'first-response';
/** Id of the First response heading in English (its natural id is taken by the block). */
export const FIRST_RESPONSE_HEADING_ID = 'first-response-title';

const BY_TEXT = new Map<string, { name: SectionName; lang: 'en' | 'zh' }>();
for (const name of SECTION_NAMES) {
  BY_TEXT.set(name.en, { name, lang: 'en' });
  BY_TEXT.set(name.zh, { name, lang: 'zh' });
}

/** `1. Do this` / `1、做这个` → 1. */
const STEP_NUMBER = /^(\d+)\s*[.、．]/;

function alias(id: string): HastNode {
  return h('span', { id, className: ['anchor-alias'] });
}

/** Gives the known sections their ids and aliases; numbered steps under them an alias. */
function addAnchors(root: HastNode): void {
  const used = new Set<string>();
  let current: string | undefined;
  for (const node of root.children ?? []) {
    if (isElement(node, 'h2')) {
      current = undefined;
      const found = BY_TEXT.get(textOf(node).trim());
      if (!found) continue;
      const { name, lang } = found;
      const own = lang === 'en' ? name.key : name.zh;
      if (used.has(own)) continue; // a repeated heading: Astro numbers it, no alias
      used.add(own);
      current = name.key;
      node.properties = { ...node.properties, dataAnchor: name.key };
      if (name.key === FIRST_RESPONSE_ID) {
        // The block itself carries the language-independent id.
        node.properties.id = lang === 'en' ? FIRST_RESPONSE_HEADING_ID : own;
        continue;
      }
      node.properties.id = own;
      const other = own === name.key ? name.zh : name.key;
      if (!used.has(other)) {
        used.add(other);
        node.children = [alias(other), ...(node.children ?? [])];
      }
    } else if (isElement(node, 'h3') && current) {
      const n = STEP_NUMBER.exec(textOf(node).trim())?.[1];
      const key = n && `${current}-${n}`;
      if (!key || used.has(key)) continue;
      used.add(key);
      node.properties = { ...node.properties, dataAnchor: key };
      node.children = [alias(key), ...(node.children ?? [])];
    }
  }
}

/** Wraps the First response heading and what follows it, up to the next h2, in one block. */
function wrapFirstResponse(root: HastNode): void {
  const children = root.children ?? [];
  const start = children.findIndex((n) => isElement(n, 'h2') && n.properties?.dataAnchor === FIRST_RESPONSE_ID);
  if (start === -1) return;
  let end = start + 1;
  while (end < children.length && !isElement(children[end], 'h2')) end++;
  const heading = children[start]!;
  const block = h(
    'section',
    { id: FIRST_RESPONSE_ID, className: ['first-response'], ariaLabelledby: String(heading.properties?.id ?? '') },
    children.slice(start, end),
  );
  children.splice(start, end - start, block);
}

/** rehype plugin. Options are ignored (astro.config.mjs passes a digest of this folder, see there). */
export default function rehypeArticleSections(_options?: unknown) {
  return (tree: HastNode) => {
    addAnchors(tree);
    wrapFirstResponse(tree);
  };
}

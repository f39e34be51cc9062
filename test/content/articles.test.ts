import { describe, expect, it } from 'vitest';
import { articleSchema } from '../../src/content/article-schema.ts';
import { CATALOGUE } from '../../src/content/catalogue.ts';
import { codeBlocks, h2s, loadArticles, withoutCode, type ArticleFile } from '../helpers/articles.ts';

// The authoring rules of docs/authoring.md, checked on every article file.

const SECTIONS = {
  diagnosis: {
    en: ['Symptoms', 'Impact?', 'Causes', 'Diagnose', 'Recover', 'Verify', 'Prevent'],
    zh: ['症状', '影响?', '原因', '诊断', '恢复', '验证', '预防'],
  },
  procedure: {
    en: ['When to use this', 'Before you start', 'Steps', 'Verify', 'Afterwards'],
    zh: ['适用场景', '准备工作', '操作步骤', '验证', '收尾'],
  },
} as const;

const WHERE = { en: /^# on: \S/, zh: /^# 执行位置：\S/ };
const SHELL = new Set(['bash', 'sh', 'shell', 'console']);
const articles = loadArticles();
const slugs = (lang: string) => new Set(articles.filter((a) => a.lang === lang).map((a) => a.slug));

/** Missing required sections, or required sections out of order. */
function sectionProblems(a: ArticleFile): string[] {
  const kind = a.frontMatter.kind as 'diagnosis' | 'procedure';
  const wanted = SECTIONS[kind]?.[a.lang];
  if (!wanted) return [`${a.file}: unknown kind`];
  const have = h2s(a.body);
  const problems: string[] = [];
  let at = -1;
  for (const w of wanted) {
    const optional = w.endsWith('?');
    const name = optional ? w.slice(0, -1) : w;
    const i = have.indexOf(name);
    if (i === -1) {
      if (!optional) problems.push(`${a.file}: missing section "## ${name}"`);
    } else if (i < at) {
      problems.push(`${a.file}: section "## ${name}" is out of order`);
    } else {
      at = i;
    }
  }
  return problems;
}

describe('articles follow docs/authoring.md', () => {
  it('exist', () => {
    expect(articles.length).toBeGreaterThan(0);
  });

  it('have valid front matter', () => {
    const problems: string[] = [];
    for (const a of articles) {
      const r = articleSchema.safeParse(a.frontMatter);
      if (!r.success) for (const issue of r.error.issues) problems.push(`${a.file}: ${issue.path.join('.')}: ${issue.message}`);
    }
    expect(problems).toEqual([]);
  });

  it('have every required section in order', () => {
    expect(articles.flatMap(sectionProblems)).toEqual([]);
  });

  it('say where every shell block runs, and put no "..." inside a command', () => {
    const problems: string[] = [];
    for (const a of articles) {
      for (const block of codeBlocks(a.body).filter((b) => SHELL.has(b.lang))) {
        const first = block.code.split('\n')[0] ?? '';
        if (!WHERE[a.lang].test(first)) problems.push(`${a.file}: shell block starts with "${first}"`);
        for (const line of block.code.split('\n')) {
          if (!line.trimStart().startsWith('#') && /\.\.\.|…/.test(line)) problems.push(`${a.file}: "..." in command: ${line.trim()}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('link only to articles that exist in the same language', () => {
    const problems: string[] = [];
    for (const a of articles) {
      const known = slugs(a.lang);
      for (const m of withoutCode(a.body).matchAll(/\]\(([^)\s]+)\)/g)) {
        const href = m[1]!;
        const internal = /^\.\.\/([a-z0-9-]+)\/(#[^)]*)?$/.exec(href);
        if (internal) {
          if (!known.has(internal[1]!)) problems.push(`${a.file}: link to unknown article "${href}"`);
        } else if (!href.startsWith('#')) {
          problems.push(`${a.file}: link "${href}" is not of the form ../<slug>/ (no internet links)`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('have the same diagrams and numbered steps in both languages', () => {
    const problems: string[] = [];
    const count = (a: ArticleFile) => ({
      diagrams: codeBlocks(a.body).filter((b) => b.lang === 'mermaid').length,
      steps: Array.from(withoutCode(a.body).matchAll(/^### +\d+\./gm)).length,
    });
    for (const zh of articles.filter((a) => a.lang === 'zh')) {
      const en = articles.find((a) => a.lang === 'en' && a.slug === zh.slug);
      if (!en) continue;
      const [cz, ce] = [count(zh), count(en)];
      if (cz.diagrams !== ce.diagrams) problems.push(`${zh.slug}: ${cz.diagrams} diagrams in zh, ${ce.diagrams} in en`);
      if (cz.steps !== ce.steps) problems.push(`${zh.slug}: ${cz.steps} numbered steps in zh, ${ce.steps} in en`);
    }
    expect(problems).toEqual([]);
  });

  it('match the catalogue in kind and category', () => {
    const problems: string[] = [];
    for (const a of articles) {
      const entry = CATALOGUE.find((e) => e.slug === a.slug);
      if (!entry) continue;
      const kind = entry.kind === 'D' ? 'diagnosis' : 'procedure';
      if (a.frontMatter.kind !== kind) problems.push(`${a.file}: kind should be ${kind}`);
      if (a.frontMatter.category !== entry.category) problems.push(`${a.file}: category should be ${entry.category}`);
    }
    expect(problems).toEqual([]);
  });

  it('cover every catalogue slug in both languages', () => {
    const missing = CATALOGUE.flatMap((e) => (['zh', 'en'] as const).filter((l) => !slugs(l).has(e.slug)).map((l) => `${l}/${e.slug}`));
    expect(missing).toEqual([]);
  });
});

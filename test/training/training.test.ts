import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { drillSchema } from '../../src/content/drill-schema.ts';
import { gamedaySchema, moduleSchema } from '../../src/content/training-schema.ts';
import { createRuleSet, diagnose } from '../../src/engine/index.ts';
import { readRuleFiles } from '../../src/build/rule-files.ts';
import { codeBlocks, h2s, splitFrontMatter } from '../helpers/articles.ts';

const ROOT = join(import.meta.dirname, '../..');
const TRAINING = join(ROOT, 'content/training');
const articleSlugs = new Set(readdirSync(join(ROOT, 'content/articles/en')).map((f) => f.replace(/\.md$/, '')));

function mirrored(kind: 'modules' | 'gamedays') {
  return (['zh', 'en'] as const).flatMap((lang) =>
    readdirSync(join(TRAINING, kind, lang))
      .filter((f) => f.endsWith('.md'))
      .map((f) => {
        const file = `content/training/${kind}/${lang}/${f}`;
        return { lang, id: f.replace(/\.md$/, ''), file, ...splitFrontMatter(readFileSync(join(ROOT, file), 'utf8'), file) };
      }),
  );
}

const modules = mirrored('modules');
const gamedays = mirrored('gamedays');
const drillFiles = readdirSync(join(TRAINING, 'drills')).filter((f) => f.endsWith('.yaml'));
const drills = drillFiles.map((f) => ({ id: f.replace(/\.yaml$/, ''), file: `content/training/drills/${f}`, data: yaml.load(readFileSync(join(TRAINING, 'drills', f), 'utf8')) }));

const SECTIONS = {
  modules: { en: ['Why it matters', 'Map', 'Commands to practise', 'Walkthrough'], zh: ['为什么重要', '故障地图', '练习命令', '演练讲解'] },
  gamedays: {
    en: ['Scenario', 'Safety and prerequisites', 'Inject the failure', 'What the team should observe', 'Recover', 'Verify', 'Review checklist'],
    zh: ['场景', '安全与前提', '注入故障', '预期现象', '恢复', '验证', '复盘清单'],
  },
};

describe('learning path and game days', () => {
  it('has 8 modules and at least 8 game days, each in zh and en', () => {
    const ids = (xs: { lang: string; id: string }[], lang: string) => xs.filter((x) => x.lang === lang).map((x) => x.id).sort();
    expect(ids(modules, 'en')).toHaveLength(8);
    expect(ids(modules, 'zh')).toEqual(ids(modules, 'en'));
    expect(ids(gamedays, 'en').length).toBeGreaterThanOrEqual(8);
    expect(ids(gamedays, 'zh')).toEqual(ids(gamedays, 'en'));
  });

  it('have valid front matter naming existing articles and modules', () => {
    const moduleIds = new Set(modules.map((m) => m.id));
    const problems: string[] = [];
    for (const m of modules) {
      const r = moduleSchema.safeParse(m.frontMatter);
      if (!r.success) problems.push(`${m.file}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      else for (const a of r.data.articles) if (!articleSlugs.has(a)) problems.push(`${m.file}: unknown article ${a}`);
    }
    for (const g of gamedays) {
      const r = gamedaySchema.safeParse(g.frontMatter);
      if (!r.success) problems.push(`${g.file}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      else {
        for (const a of r.data.articles) if (!articleSlugs.has(a)) problems.push(`${g.file}: unknown article ${a}`);
        if (!moduleIds.has(r.data.module)) problems.push(`${g.file}: unknown module ${r.data.module}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('have the required sections, a map per module, and say where every command runs', () => {
    const problems: string[] = [];
    for (const [kind, list] of [['modules', modules], ['gamedays', gamedays]] as const) {
      for (const x of list) {
        const want = SECTIONS[kind][x.lang];
        const have = h2s(x.body);
        if (JSON.stringify(have.filter((h) => want.includes(h))) !== JSON.stringify(want)) problems.push(`${x.file}: sections ${JSON.stringify(have)}`);
        const blocks = codeBlocks(x.body);
        if (kind === 'modules' && !blocks.some((b) => b.lang === 'mermaid')) problems.push(`${x.file}: no mermaid map`);
        for (const b of blocks.filter((b) => ['bash', 'sh', 'shell'].includes(b.lang))) {
          const first = b.code.split('\n')[0] ?? '';
          if (!(x.lang === 'en' ? /^# on: \S/ : /^# 执行位置：\S/).test(first)) problems.push(`${x.file}: shell block starts with "${first}"`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('drills', () => {
  it('there are at least 30, spread over the modules', () => {
    expect(drills.length).toBeGreaterThanOrEqual(30);
    const perModule = new Set(drills.map((d) => (d.data as { module: string }).module));
    expect(perModule.size).toBeGreaterThanOrEqual(6);
  });

  it('are valid and name existing articles', () => {
    const problems: string[] = [];
    for (const d of drills) {
      const r = drillSchema.safeParse(d.data);
      if (!r.success) problems.push(`${d.file}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      else for (const c of r.data.choices) if (!articleSlugs.has(c.article)) problems.push(`${d.file}: unknown article ${c.article}`);
    }
    expect(problems).toEqual([]);
  });

  it("have as their answer the engine's top finding for their paste", async () => {
    const ruleSet = createRuleSet(readRuleFiles(join(ROOT, 'rules'), ROOT));
    const problems: string[] = [];
    for (const d of drills) {
      const data = d.data as { fixture: string; answer: string };
      const paste = readFileSync(join(ROOT, 'test/fixtures', data.fixture), 'utf8');
      const top = (await diagnose(paste, ruleSet)).findings[0]?.article;
      if (top !== data.answer) problems.push(`${d.file}: answer ${data.answer}, engine says ${top ?? 'nothing'}`);
    }
    expect(problems).toEqual([]);
  });
});

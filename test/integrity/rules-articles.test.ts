import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRuleFiles } from '../../src/build/rule-files.ts';
import { CATALOGUE } from '../../src/content/catalogue.ts';
import { loadArticles } from '../helpers/articles.ts';

// Rules and articles must agree: every diagnosable article has rules, every rule names an article
// that exists in both languages, and each article shows the reader at least one of the exact
// strings its rules key on (so what the engine matched is what the article tells people to look for).

const ROOT = join(import.meta.dirname, '../..');
const rules = readRuleFiles(join(ROOT, 'rules'), ROOT).map((f) => ({ file: f.path, json: JSON.parse(f.text) as Record<string, unknown> }));
const articles = loadArticles();

interface Condition {
  fact?: string;
  operator?: string;
  value?: unknown;
  all?: Condition[];
  any?: Condition[];
  not?: Condition;
}

/** Literal runs of a regex source that a reader would see in output (≥ 5 characters with a letter). */
function literals(source: string): string[] {
  const cleaned = source
    .replace(/\(\?<\w+>/g, '(')
    .replace(/\\[dDsSwWbB]/g, '\u0000')
    .replace(/\\(.)/g, '$1')
    .replace(/\[[^\]]*\]/g, '\u0000');
  return cleaned
    .split(/[\u0000()|?*+{}^$]/)
    .map((s) => s.replace(/\.$/, '').trim())
    .filter((s) => s.length >= 5 && /[a-z]/i.test(s) && !/^[.\s]+$/.test(s));
}

/** The strings a rule keys on: regex literals and the string values it compares facts with. */
function keysOf(c: Condition | undefined, out: string[] = []): string[] {
  if (!c) return out;
  for (const sub of [...(c.all ?? []), ...(c.any ?? []), ...(c.not ? [c.not] : [])]) keysOf(sub, out);
  if (c.fact && c.fact !== 'kind' && typeof c.value === 'string') {
    if (c.operator === 'matches' || c.operator === 'notMatches') out.push(...literals(c.value));
    else if (c.value.length >= 4) out.push(c.value);
  }
  if (c.fact && Array.isArray(c.value)) out.push(...c.value.filter((v): v is string => typeof v === 'string' && v.length >= 4));
  return out;
}

const articleOf = (r: (typeof rules)[number]) => ((r.json.event as { params?: { article?: string } })?.params?.article ?? '') as string;

describe('rules and articles agree', () => {
  it('every diagnosable catalogue article has at least one rule', () => {
    const covered = new Set(rules.map(articleOf));
    expect(CATALOGUE.filter((e) => e.kind === 'D' && !covered.has(e.slug)).map((e) => e.slug)).toEqual([]);
  });

  it('every rule names an article that exists in both languages', () => {
    const missing = rules.flatMap((r) =>
      ['zh', 'en'].filter((l) => !existsSync(join(ROOT, 'content/articles', l, `${articleOf(r)}.md`))).map((l) => `${r.file}: ${l}/${articleOf(r)}`),
    );
    expect(missing).toEqual([]);
  });

  it('every diagnosable article names at least one exact string its rules key on', () => {
    const problems: string[] = [];
    for (const entry of CATALOGUE.filter((e) => e.kind === 'D')) {
      const keys = rules.filter((r) => articleOf(r) === entry.slug).flatMap((r) => keysOf(r.json.conditions as Condition));
      for (const lang of ['zh', 'en']) {
        const a = articles.find((x) => x.slug === entry.slug && x.lang === lang);
        if (!a) continue;
        const text = (JSON.stringify(a.frontMatter.symptoms ?? []) + '\n' + a.body).toLowerCase();
        if (!keys.some((k) => text.includes(k.toLowerCase()))) problems.push(`${a.file}: none of ${JSON.stringify(keys.slice(0, 6))}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

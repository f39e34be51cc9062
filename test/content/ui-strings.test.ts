import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const UI = join(import.meta.dirname, '../../content/ui');
const load = (lang: string) => JSON.parse(readFileSync(join(UI, `${lang}.json`), 'utf8')) as Record<string, string>;

describe('UI strings', () => {
  const en = load('en');
  const zh = load('zh');

  it('has one file per site language', () => {
    expect(readdirSync(UI).filter((f) => f.endsWith('.json')).sort()).toEqual(['en.json', 'zh.json']);
  });

  it('has the same keys in zh and en', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('has no empty or untranslated strings', () => {
    const problems: string[] = [];
    for (const [key, value] of Object.entries(zh)) {
      if (!value.trim()) problems.push(`zh ${key} is empty`);
      if (!en[key]?.trim()) problems.push(`en ${key} is empty`);
    }
    // Chinese strings that equal the English ones were forgotten, except names, the switch label,
    // command names (kubectl …) and key names.
    const sameAllowed = new Set(['site.name', 'lang.switch', 'lang.switchLabel', 'lang.name']);
    const verbatim = (v: string) => /^(kubectl|Ctrl)\b/.test(v);
    for (const key of Object.keys(zh)) {
      if (!sameAllowed.has(key) && zh[key] === en[key] && !verbatim(zh[key]!)) problems.push(`zh ${key} equals the English text`);
    }
    expect(problems).toEqual([]);
  });

  it('uses flat dotted keys', () => {
    for (const key of Object.keys(en)) expect(key).toMatch(/^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9-]+)+$/);
  });
});

/** Test helpers: read the repo's rule files and fixtures (tests may use fs; the engine may not). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRuleSet, type RuleFile, type RuleSet } from '../../src/engine/index.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = join(ROOT, 'test', 'fixtures');

function walk(dir: string, ext: string): string[] {
  return readdirSync(dir)
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? walk(p, ext) : p.endsWith(ext) ? [p] : [];
    })
    .sort();
}

/** Every rule file under rules/, as the engine expects them. */
export function ruleFiles(): RuleFile[] {
  return walk(join(ROOT, 'rules'), '.json').map((p) => ({ path: relative(ROOT, p), text: readFileSync(p, 'utf8') }));
}

let cached: RuleSet | undefined;
/** The rule set built from rules/ (built once per test file). */
export function ruleSet(): RuleSet {
  return (cached ??= createRuleSet(ruleFiles()));
}

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export function fixtureFiles(): string[] {
  return walk(FIXTURES, '.txt').map((p) => relative(FIXTURES, p));
}

export interface Case {
  file: string;
  first: string | null;
  includes?: string[];
  excludes?: string[];
  captures?: Record<string, string>;
  evidence?: number[];
  sections?: string[];
  messages?: string[];
  shapes?: string[];
  why: string;
}

export function cases(): Case[] {
  return (JSON.parse(readFileSync(join(FIXTURES, 'cases.json'), 'utf8')) as { cases: Case[] }).cases;
}

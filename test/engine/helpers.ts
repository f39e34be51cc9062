/** Test helpers: read the repo's rule files and fixtures (tests may use fs; the engine may not). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCases } from '../../src/cli/eval-command.ts';
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

/** Directories of labelled real pastes: the project's own (test/real-pastes/*) and, when present, ../shared/real-pastes. */
export function realPasteDirs(): string[] {
  const own = join(ROOT, 'test', 'real-pastes');
  const dirs = readdirSync(own)
    .map((d) => join(own, d))
    .filter((d) => statSync(d).isDirectory() && existsSync(join(d, 'cases.json')))
    .sort();
  const shared = join(ROOT, '..', 'shared', 'real-pastes');
  try {
    if (statSync(join(shared, 'cases.json')).isFile()) dirs.push(shared);
  } catch {
    // Not beside this checkout: the project's own corpus alone.
  }
  return dirs;
}

export interface RealPaste {
  dir: string;
  file: string;
  inputKind: string;
  primary: string;
  secondary: string[];
  text: string;
}

/** Every labelled real paste with its text. */
export function realPastes(): RealPaste[] {
  return realPasteDirs().flatMap((dir) =>
    readCases(dir).map((c) => ({
      dir,
      file: c.file,
      inputKind: c.input_kind,
      primary: c.primary_class,
      secondary: c.secondary_classes ?? [],
      text: readFileSync(join(dir, c.file), 'utf8'),
    })),
  );
}

/** `k8s-kb eval [--json] DIR…`: score the engine on labelled real pastes (cases.json per DIR). */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRuleSet, diagnose } from '../engine/index.ts';
import { scoreCase, summarise, type CaseOutcome, type EvalReport, type LabelledCase } from '../eval/score.ts';
import { parseArgs, UsageError } from './args.ts';
import type { Io } from './diagnose-command.ts';
import { readRules } from './io.ts';
import { relatedFinder } from './related.ts';

/** Reads DIR/cases.json: a list of cases (or `{ cases: [...] }`). */
export function readCases(dir: string): LabelledCase[] {
  const json = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as LabelledCase[] | { cases: LabelledCase[] };
  return Array.isArray(json) ? json : json.cases;
}

/** Runs every case of every directory; returns the outcomes in order. */
export async function evaluateDirs(dirs: string[], rulesDir?: string): Promise<CaseOutcome[]> {
  const ruleSet = createRuleSet(readRules(rulesDir));
  const related = relatedFinder('en');
  const outcomes: CaseOutcome[] = [];
  for (const dir of dirs) {
    for (const c of readCases(dir)) {
      const text = readFileSync(join(dir, c.file), 'utf8');
      const result = await diagnose(text, ruleSet, { related });
      outcomes.push(scoreCase(`${dir.replace(/\/+$/, '')}/${c.file}`, c, result));
    }
  }
  return outcomes;
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function table(title: string, map: EvalReport['byClass']): string[] {
  const rows = Object.entries(map).sort((a, b) => b[1].cases - a[1].cases || a[0].localeCompare(b[0]));
  const width = Math.max(title.length, ...rows.map(([k]) => k.length));
  const out = [`${title.padEnd(width)}  cases  top-1  top-3`];
  for (const [k, t] of rows) out.push(`${k.padEnd(width)}  ${String(t.cases).padStart(5)}  ${String(t.top1).padStart(5)}  ${String(t.top3).padStart(5)}`);
  return out;
}

export function renderReport(r: EvalReport): string {
  const out = [
    `cases: ${r.cases} (${r.diagnosable} diagnosable, ${r.healthy} healthy, ${r.cases - r.diagnosable - r.healthy} other)`,
    `top-1: ${pct(r.top1)}   top-3: ${pct(r.top3)}   healthy quiet: ${pct(r.healthyQuiet)}   silent misses: ${r.silentMisses}   other flagged: ${r.otherFlagged}`,
    '',
    ...table('class', r.byClass),
    '',
    ...table('input kind', r.byKind),
  ];
  if (r.confusions.length) {
    out.push('', 'missed at top-1 (expected → first finding):');
    for (const c of r.confusions) out.push(`  ${c.expected} → ${c.got} ×${c.count}: ${c.cases.join(', ')}`);
  }
  if (r.noisyHealthy.length) out.push('', `healthy pastes with warnings: ${r.noisyHealthy.join(', ')}`);
  return out.join('\n') + '\n';
}

export async function evalCommand(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ['--json', '--cases'], ['--rules']);
  if (args.positionals.length === 0) throw new UsageError('error.missingValue', 'DIR');
  // A shell glob (`test/real-pastes/*`) also names the README beside the folders: skip plain files.
  const dirs = args.positionals.filter((p) => {
    const isFile = statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
    if (isFile) io.err(`k8s-kb eval: skipped ${p}: not a directory\n`);
    return !isFile;
  });
  if (dirs.length === 0) throw new UsageError('error.missingValue', 'DIR');
  let outcomes: CaseOutcome[];
  try {
    outcomes = await evaluateDirs(dirs, args.options.get('--rules'));
  } catch (e) {
    io.err(`k8s-kb eval: ${(e as Error).message}\n`);
    return 1;
  }
  const report = summarise(outcomes);
  if (args.flags.has('--json')) {
    // Without --cases, only the outcomes worth reading: misses at top-1 and healthy pastes that warned.
    const worthReading = (o: CaseOutcome) => (o.healthy ? !o.quiet : !o.top1);
    const out = args.flags.has('--cases') ? report : { ...report, outcomes: report.outcomes.filter(worthReading) };
    io.out(JSON.stringify(out, null, 2) + '\n');
  } else io.out(renderReport(report));
  return 0;
}

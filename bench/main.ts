/**
 * npm run bench                    a table for people
 * npm run --silent bench -- --json one JSON object of named figures, for scripts
 * npm run bench -- --check         exit 1 when a budget (budgets.ts) is missed
 *   --site-scale                   also time a build of 2,000 generated articles (slow)
 *   --no-build                     reuse the existing dist/ instead of timing a fresh build
 * Every figure is a median (or percentile) over several runs after a warm-up; ratios against a
 * baseline are computed pair by pair in the same process, so they hold on a noisy machine.
 */
import { benchBuild, benchBuildSynthetic } from './build.ts';
import { BUDGETS, checkBudgets } from './budgets.ts';
import { benchEngine } from './engine.ts';
import { benchBundle } from './bundle.ts';
import { benchPages } from './pages.ts';
import { benchSearch } from './search.ts';

const args = new Set(process.argv.slice(2));
const json = args.has('--json');
const log = (msg: string) => {
  if (!json) process.stderr.write(msg + '\n');
};

const figures: Record<string, unknown> = {};
log('engine…');
figures.engine = await benchEngine();
log('bundle (5,000 pods, 50,000 events)…');
figures.bundle = await benchBundle();
log('search…');
figures.search = benchSearch();
if (!args.has('--no-build')) {
  log('site build…');
  figures.build_s = benchBuild();
}
figures.pages = benchPages();
if (args.has('--site-scale')) {
  log('site build with 2,000 generated articles…');
  figures.build_synthetic2000_s = benchBuildSynthetic();
}

const results = checkBudgets(figures);
if (json) {
  process.stdout.write(JSON.stringify({ ...figures, budgets: results }) + '\n');
} else {
  printTable(figures);
  console.log('\nBudgets');
  for (const r of results) console.log(`  ${r.ok ? 'ok  ' : r.skipped ? 'skip' : 'MISS'}  ${r.name.padEnd(46)} ${String(r.value ?? '-').padStart(10)} ${r.op} ${r.limit}`);
}
if (args.has('--check') && results.some((r) => !r.ok && !r.skipped)) {
  process.stderr.write(`budgets missed: ${results.filter((r) => !r.ok && !r.skipped).map((r) => r.name).join(', ')}\n`);
  process.exit(1);
}

function printTable(obj: Record<string, unknown>, prefix = ''): void {
  for (const [key, value] of Object.entries(obj)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object' && !Array.isArray(value)) printTable(value as Record<string, unknown>, name);
    else console.log(`${name.padEnd(52)} ${String(value).padStart(12)}`);
  }
}

export { BUDGETS };

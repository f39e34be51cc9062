/**
 * The performance budgets (issue "Benchmarks and budgets"). A budget is never loosened to pass.
 * `path` is a dotted path into the figures; `max`/`min` the limit.
 */
export interface Budget {
  name: string;
  path: string;
  max?: number;
  min?: number;
}

export const BUDGETS: Budget[] = [
  { name: 'engine.typical p95 (ms)', path: 'engine.typical.p95_ms', max: 10 },
  { name: 'engine.large throughput (MB/s)', path: 'engine.large.mb_per_s', min: 10 },
  { name: 'engine.large ratio to line-regex floor', path: 'engine.large.ratio', max: 15 },
  { name: 'engine.cold start (ms)', path: 'engine.cold_ms', max: 150 },
  // Issue #19: a bundle of 5,000 pods and 50,000 events within the engine's budgets.
  { name: 'bundle (5,000 pods, 50,000 events) ratio to line-regex floor', path: 'bundle.ratio', max: 15 },
  { name: 'bundle throughput (MB/s)', path: 'bundle.mb_per_s', min: 10 },
  { name: 'search.zh query p95 (ms)', path: 'search.zh.query_p95_ms', max: 5 },
  { name: 'search.en query p95 (ms)', path: 'search.en.query_p95_ms', max: 5 },
  { name: 'search.zh load (ms)', path: 'search.zh.load_ms', max: 50 },
  { name: 'search.en load (ms)', path: 'search.en.load_ms', max: 50 },
  { name: 'search.synthetic5000 query p95 (ms)', path: 'search.synthetic5000.query_p95_ms', max: 15 },
  { name: 'search.synthetic5000 index raw per article (B)', path: 'search.synthetic5000.index_bytes_per_doc', max: 6144 },
  { name: 'search.synthetic5000 index gzip per article (B)', path: 'search.synthetic5000.index_gzip_bytes_per_doc', max: 1536 },
  { name: 'search.synthetic5000 p50 vs scan p50 (×)', path: 'search.synthetic5000.p50_vs_scan', max: 2 },
  { name: 'pages.article JS gzip (B)', path: 'pages.article.js_gzip_bytes', max: 30 * 1024 },
  { name: 'pages.diagnose JS gzip (B)', path: 'pages.diagnose.js_gzip_bytes', max: 120 * 1024 },
  { name: 'build_synthetic2000_s', path: 'build_synthetic2000_s', max: 180 },
];

export interface BudgetResult {
  name: string;
  value: number | undefined;
  op: '≤' | '≥';
  limit: number;
  ok: boolean;
  /** The figure was not measured in this run (e.g. --site-scale not given). */
  skipped: boolean;
}

function get(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

export function checkBudgets(figures: Record<string, unknown>): BudgetResult[] {
  return BUDGETS.map((b) => {
    const raw = get(figures, b.path);
    const value = typeof raw === 'number' ? raw : undefined;
    const limit = (b.max ?? b.min)!;
    const op = b.max !== undefined ? '≤' : '≥';
    const ok = value !== undefined && (b.max !== undefined ? value <= b.max : value >= b.min!);
    return { name: b.name, value, op, limit, ok, skipped: value === undefined && b.path === 'build_synthetic2000_s' };
  });
}

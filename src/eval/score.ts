/**
 * Scoring the engine on labelled real pastes (the `cases.json` format of shared/real-pastes):
 * top-1 = the first finding's article is the primary class or a secondary class; top-3 = one of the
 * first three answers is (findings first, then "possibly related" suggestions); a healthy case
 * passes when no finding is a warning or critical. Pure: the caller reads the files.
 */
import type { DiagnoseResult } from '../engine/index.ts';

export interface LabelledCase {
  file: string;
  source_url: string;
  input_kind: string;
  primary_class: string;
  secondary_classes: string[];
  root_cause_note: string;
  trimmed: boolean;
}

export interface CaseOutcome {
  /** `dir/file` of the case. */
  id: string;
  primary: string;
  inputKind: string;
  /** Articles in answer order: findings first, then related (duplicates removed). */
  answers: string[];
  /** Articles of the findings only. */
  findingArticles: string[];
  /** Highest severity among findings, or null when there are none. */
  worst: 'critical' | 'warning' | 'info' | null;
  top1: boolean;
  top3: boolean;
  healthy: boolean;
  /** Healthy case that stayed free of warnings and critical findings. */
  quiet: boolean;
}

export interface Tally {
  cases: number;
  top1: number;
  top3: number;
}

export interface EvalReport {
  /** All labelled cases scored (diagnosable, healthy and other). */
  cases: number;
  /** Cases labelled with a catalogue article: the denominator of top1/top3. */
  diagnosable: number;
  top1: number;
  top3: number;
  healthy: number;
  /** Fraction of healthy cases with no warning/critical finding (1 when there are none). */
  healthyQuiet: number;
  /** Cases labelled `other` (no article fits) that got a warning or critical finding. */
  otherFlagged: number;
  silentMisses: number;
  byClass: Record<string, Tally>;
  byKind: Record<string, Tally>;
  /** Expected → answered first (or "none"), with counts, most frequent first. */
  confusions: { expected: string; got: string; count: number; cases: string[] }[];
  noisyHealthy: string[];
  outcomes: CaseOutcome[];
}

const RANK: Record<string, number> = { info: 1, warning: 2, critical: 3 };

export function scoreCase(id: string, c: LabelledCase, result: Pick<DiagnoseResult, 'findings'> & { related?: { article: string }[] }): CaseOutcome {
  const findingArticles = [...new Set(result.findings.map((f) => f.article))];
  const answers = [...new Set([...findingArticles, ...(result.related ?? []).map((r) => r.article)])];
  const ok = new Set([c.primary_class, ...(c.secondary_classes ?? [])]);
  let worst: CaseOutcome['worst'] = null;
  for (const f of result.findings) if (!worst || RANK[f.severity]! > RANK[worst]!) worst = f.severity;
  const healthy = c.primary_class === 'healthy';
  const first = result.findings[0]?.article;
  return {
    id,
    primary: c.primary_class,
    inputKind: c.input_kind,
    answers,
    findingArticles,
    worst,
    top1: first !== undefined && ok.has(first),
    top3: answers.slice(0, 3).some((a) => ok.has(a)),
    healthy,
    quiet: worst !== 'critical' && worst !== 'warning',
  };
}

function bump(map: Record<string, Tally>, key: string, o: CaseOutcome): void {
  const t = (map[key] ??= { cases: 0, top1: 0, top3: 0 });
  t.cases++;
  if (o.top1) t.top1++;
  if (o.top3) t.top3++;
}

export function summarise(outcomes: CaseOutcome[]): EvalReport {
  const diag = outcomes.filter((o) => o.primary !== 'healthy' && o.primary !== 'other');
  const healthy = outcomes.filter((o) => o.healthy);
  const byClass: Record<string, Tally> = {};
  const byKind: Record<string, Tally> = {};
  const conf = new Map<string, { expected: string; got: string; count: number; cases: string[] }>();
  for (const o of diag) {
    bump(byClass, o.primary, o);
    bump(byKind, o.inputKind, o);
    if (!o.top1) {
      const got = o.findingArticles[0] ?? 'none';
      const key = `${o.primary}\u0000${got}`;
      const e = conf.get(key) ?? { expected: o.primary, got, count: 0, cases: [] };
      e.count++;
      e.cases.push(o.id);
      conf.set(key, e);
    }
  }
  const frac = (n: number, d: number) => (d === 0 ? 1 : n / d);
  return {
    cases: outcomes.length,
    diagnosable: diag.length,
    top1: frac(diag.filter((o) => o.top1).length, diag.length),
    top3: frac(diag.filter((o) => o.top3).length, diag.length),
    healthy: healthy.length,
    healthyQuiet: frac(healthy.filter((o) => o.quiet).length, healthy.length),
    otherFlagged: outcomes.filter((o) => o.primary === 'other' && !o.quiet).length,
    silentMisses: diag.filter((o) => o.answers.length === 0).length,
    byClass,
    byKind,
    confusions: [...conf.values()].sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected)),
    noisyHealthy: healthy.filter((o) => !o.quiet).map((o) => o.id),
    outcomes,
  };
}

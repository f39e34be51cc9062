/**
 * The whole pipeline for one paste: normalise → split into sections → parse each → merge facts per
 * subject → evaluate rules → rank. Pure: text and rules in, codes out.
 */
import { evaluate, type PasteScan } from './evaluate.ts';
import { buildSubjects } from './facts.ts';
import { unescapeInline } from './decorations.ts';
import { relatedFor, type RelatedSearch } from './related.ts';
import { attachLoose, pasteSubject, settleLoose } from './loose.ts';
import { evidenceText, linesOf, normalize } from './normalize.ts';
import { rank } from './rank.ts';
import { attachStepValues } from './step-values.ts';
import type { RuleSet } from './rules.ts';
import { chooseParser, cutSections, type TimeBudget } from './sections.ts';
import { DEFAULT_TIME_BUDGET_MS } from './limits.ts';
import { scanTexts } from './match-scan.ts';
import type { DiagnoseResult, ParsedRecord, SectionInfo } from './types.ts';

export type { RelatedSearch } from './related.ts';

export interface DiagnoseOptions {
  /** Also report every rule that fired on every subject, before de-duplication (tests, rule authors). */
  trace?: boolean;
  /**
   * When given, the paste's error-looking lines that no finding explains are searched with it and
   * the best articles come back as `related` ("possibly related"), up to three answers in all.
   */
  related?: RelatedSearch;
  /** Milliseconds the diagnosis may take (default DEFAULT_TIME_BUDGET_MS); see limits.ts. */
  timeBudgetMs?: number;
  /** The clock, in ms (default performance.now; tests pass their own). */
  now?: () => number;
}

/**
 * Characters of the paste the whole-paste (`paste`) rules read at each end. Beyond this the
 * structured rules alone cover the middle of a huge paste: a failing log ends with its error, a
 * describe or get starts with its header, and a 10 MB paste stays within the speed budget.
 */
export const PASTE_SCAN_CHARS = 256 * 1024;

/** Line ranges [from, to) the whole-paste rules read: all of it, or its first and last PASTE_SCAN_CHARS. */
export function pasteRanges(texts: readonly string[]): [number, number][] {
  let chars = 0;
  let head = 0;
  while (head < texts.length && chars < PASTE_SCAN_CHARS) chars += texts[head++]!.length + 1;
  if (head >= texts.length) return [[0, texts.length]];
  chars = 0;
  let tail = texts.length;
  while (tail > head && chars < PASTE_SCAN_CHARS) chars += texts[--tail]!.length + 1;
  return tail <= head ? [[0, texts.length]] : [[0, head], [tail, texts.length]];
}

/** Diagnoses one paste with a loaded rule set. Never throws on bad input. */
export async function diagnose(input: string, ruleSet: RuleSet, options: DiagnoseOptions = {}): Promise<DiagnoseResult> {
  // The time budget: a quarter for cutting sections, up to half for parsing them (at least one),
  // and what is left for the rules, which take about as long as parsing on what was read.
  const now = options.now ?? (() => performance.now());
  const budgetMs = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  const started = now();
  const budget: TimeBudget = { now, deadline: started + budgetMs / 4 };
  const normalized = normalize(input);
  const { texts, original, messages } = normalized;
  if (texts.length === 0) return { sections: [], findings: [], messages };

  const sections = cutSections(texts, budget);
  budget.deadline = started + budgetMs / 2;
  const records: ParsedRecord[] = [];
  const infos: SectionInfo[] = [];
  for (const s of sections) {
    if (infos.length > 0 && now() > budget.deadline) {
      budget.stoppedAt = Math.min(budget.stoppedAt ?? Infinity, s.startLine - 1);
      break;
    }
    // Build, choose, parse, let go: what detect() learnt about the section is still at hand, and
    // the section's Line objects die young unless a parser kept them.
    s.lines = linesOf(texts, s.from, s.to);
    s.parser = chooseParser(s);
    let kind = s.parser.kind;
    try {
      const result = s.parser.parse(s.lines, s.hint);
      for (const r of result.records) records.push(r);
      if (result.kind) kind = result.kind;
    } catch {
      // A parser bug must not lose the rest of the paste; the section is reported as a plain log.
      kind = 'log';
    }
    s.lines = [];
    infos.push({ kind, startLine: s.startLine, endLine: s.endLine });
  }

  if (budget.stoppedAt !== undefined) messages.push({ code: 'time-budget', params: { seconds: budgetMs / 1000, line: budget.stoppedAt + 1 } });

  const subjects = buildSubjects(records);
  subjects.push(pasteSubject());
  // The whole paste as the any-line rules see it: escaped text (`\n`, `\"`) read as what it stands
  // for; on a very large paste its head and tail (see pasteRanges).
  const paste: PasteScan = (pf, patterns, out) => scanTexts(texts, pasteRanges(texts), pf, patterns, out, unescapeInline);
  const evaluated = await evaluate(subjects, paste, ruleSet);
  const raw = settleLoose(evaluated);
  const findings = rank(raw, (n) => evidenceText(original[n - 1] ?? ''));
  attachLoose(findings, subjects);
  attachStepValues(findings, texts, infos);
  if (findings.length === 0 && infos.every((i) => i.kind === 'log')) messages.push({ code: 'unrecognised-input' });
  const result: DiagnoseResult = { sections: infos, findings, messages };
  if (options.related) {
    const related = relatedFor(texts, findings, options.related);
    if (related.length) result.related = related;
  }
  if (options.trace) result.fired = evaluated.map((f) => ({ ruleId: f.rule.id, subject: f.subject }));
  return result;
}

/**
 * The whole pipeline for one paste: normalise → split into sections → parse each → merge facts per
 * subject → evaluate rules → rank. Pure: text and rules in, codes out.
 */
import { evaluate, type PasteScan } from './evaluate.ts';
import { buildSubjects } from './facts.ts';
import { unescapeInline } from './decorations.ts';
import { errorLines } from './error-lines.ts';
import { attachLoose, pasteSubject, settleLoose } from './loose.ts';
import { evidenceText, linesOf, normalize } from './normalize.ts';
import { rank } from './rank.ts';
import type { RuleSet } from './rules.ts';
import { chooseParser, cutSections } from './sections.ts';
import { scanTexts } from './match-scan.ts';
import type { DiagnoseResult, ParsedRecord, RelatedArticle, SectionInfo } from './types.ts';

/** Searches the site's articles for one error line (the engine has no index of its own). */
export type RelatedSearch = (text: string) => { article: string; score: number }[];

export interface DiagnoseOptions {
  /** Also report every rule that fired on every subject, before de-duplication (tests, rule authors). */
  trace?: boolean;
  /**
   * When given and no finding is a warning or critical, the paste's error-looking lines are
   * searched with it and the best articles come back as `related` ("possibly related").
   */
  related?: RelatedSearch;
}

const MAX_RELATED = 3;

/**
 * Characters of the paste the whole-paste (`paste`) rules read at each end. Beyond this the
 * structured rules alone cover the middle of a huge paste: a failing log ends with its error, a
 * describe or get starts with its header, and a 10 MB paste stays within the speed budget.
 */
export const PASTE_SCAN_CHARS = 256 * 1024;

/** Line ranges [from, to) the whole-paste rules read: all of it, or its first and last megabyte. */
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

/** Up to three articles that the error lines' searches agree on (scores summed, then scaled to 0..1). */
export function relatedArticles(texts: readonly string[], search: RelatedSearch, exclude: ReadonlySet<string>): RelatedArticle[] {
  const lines = errorLines(texts);
  const byArticle = new Map<string, RelatedArticle>();
  for (const l of lines) {
    const hits = search(l.text).slice(0, 5);
    const top = hits[0]?.score ?? 0;
    if (top <= 0) continue;
    hits.forEach((h, i) => {
      if (exclude.has(h.article)) return;
      // Each line votes with its own ranking: the best hit 1, later ones by their relative score.
      const vote = (h.score / top) * (1 - i * 0.1) * l.weight;
      const r = byArticle.get(h.article) ?? { article: h.article, score: 0, lines: [] };
      r.score += vote;
      if (!r.lines.includes(l.line)) r.lines.push(l.line);
      byArticle.set(h.article, r);
    });
  }
  const ranked = [...byArticle.values()].sort((a, b) => b.score - a.score || a.article.localeCompare(b.article)).slice(0, MAX_RELATED);
  const best = ranked[0]?.score ?? 1;
  return ranked.map((r) => ({ ...r, score: Math.round((r.score / best) * 1000) / 1000 }));
}

/** Diagnoses one paste with a loaded rule set. Never throws on bad input. */
export async function diagnose(input: string, ruleSet: RuleSet, options: DiagnoseOptions = {}): Promise<DiagnoseResult> {
  const normalized = normalize(input);
  const { texts, original, messages } = normalized;
  if (texts.length === 0) return { sections: [], findings: [], messages };

  const sections = cutSections(texts);
  const records: ParsedRecord[] = [];
  const infos: SectionInfo[] = [];
  for (const s of sections) {
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

  const subjects = buildSubjects(records);
  subjects.push(pasteSubject());
  // The whole paste as the any-line rules see it: escaped text (`\n`, `\"`) read as what it stands
  // for; on a very large paste its head and tail (see pasteRanges).
  const paste: PasteScan = (pf, patterns, out) => scanTexts(texts, pasteRanges(texts), pf, patterns, out, unescapeInline);
  const evaluated = await evaluate(subjects, paste, ruleSet);
  const raw = settleLoose(evaluated);
  const findings = rank(raw, (n) => evidenceText(original[n - 1] ?? ''));
  attachLoose(findings, subjects);
  if (findings.length === 0 && infos.every((i) => i.kind === 'log')) messages.push({ code: 'unrecognised-input' });
  const result: DiagnoseResult = { sections: infos, findings, messages };
  if (options.related && !findings.some((f) => f.severity !== 'info')) {
    const related = relatedArticles(texts, options.related, new Set(findings.map((f) => f.article)));
    if (related.length) result.related = related;
  }
  if (options.trace) result.fired = evaluated.map((f) => ({ ruleId: f.rule.id, subject: f.subject }));
  return result;
}

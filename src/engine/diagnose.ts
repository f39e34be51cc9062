/**
 * The whole pipeline for one paste: normalise → split into sections → parse each → merge facts per
 * subject → evaluate rules → rank. Pure: text and rules in, codes out.
 */
import { evaluate } from './evaluate.ts';
import { buildSubjects } from './facts.ts';
import { evidenceText, linesOf, normalize } from './normalize.ts';
import { rank } from './rank.ts';
import type { RuleSet } from './rules.ts';
import { chooseParser, cutSections } from './sections.ts';
import type { DiagnoseResult, ParsedRecord, SectionInfo } from './types.ts';

export interface DiagnoseOptions {
  /** Also report every rule that fired on every subject, before de-duplication (tests, rule authors). */
  trace?: boolean;
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
  const raw = await evaluate(subjects, () => normalized.lines, ruleSet);
  const findings = rank(raw, (n) => evidenceText(original[n - 1] ?? ''));
  if (findings.length === 0 && infos.every((i) => i.kind === 'log')) messages.push({ code: 'unrecognised-input' });
  const result: DiagnoseResult = { sections: infos, findings, messages };
  if (options.trace) result.fired = raw.map((f) => ({ ruleId: f.rule.id, subject: f.subject }));
  return result;
}

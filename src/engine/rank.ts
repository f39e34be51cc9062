/**
 * Orders findings best first and folds duplicates, using only what the rules declare:
 *
 * - one finding per (article, subject): the best-scoring rule wins, evidence is pooled;
 * - `params.supersedes` (rule ids or slugs): on the same subject, a root cause pushes the findings
 *   it explains just below itself (OOMKilled above the CrashLoopBackOff it causes);
 * - many subjects with the same article become one finding with `count` and `subjects`;
 * - order: score, then severity, then rule priority, then position in the paste.
 */
import { MAX_EVIDENCE_LINES, MAX_SUBJECTS } from './limits.ts';
import { findingCaptures, findingLines, type RawFinding } from './evaluate.ts';
import { PASTE_KIND } from './loose.ts';
import type { Evidence, Finding, Severity } from './types.ts';

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

interface Entry {
  best: RawFinding;
  all: RawFinding[];
  score: number;
  supersededBy?: string;
}

function compareRaw(a: RawFinding, b: RawFinding): number {
  return (
    b.rule.params.score - a.rule.params.score ||
    SEVERITY_RANK[a.rule.params.severity] - SEVERITY_RANK[b.rule.params.severity] ||
    b.rule.priority - a.rule.priority ||
    a.firstLine - b.firstLine
  );
}

function compareEntry(a: Entry, b: Entry): number {
  return (
    b.score - a.score ||
    SEVERITY_RANK[a.best.rule.params.severity] - SEVERITY_RANK[b.best.rule.params.severity] ||
    b.best.rule.priority - a.best.rule.priority ||
    a.best.firstLine - b.best.firstLine
  );
}

/** Ranks, de-duplicates and groups raw findings. */
export function rank(raw: RawFinding[], evidenceText: (line: number) => string): Finding[] {
  // 1. One entry per (subject, article).
  const bySubject = new Map<object, Map<string, Entry>>();
  for (const f of raw) {
    let articles = bySubject.get(f.sf);
    if (!articles) bySubject.set(f.sf, (articles = new Map()));
    const article = f.rule.params.article;
    const cur = articles.get(article);
    if (!cur) articles.set(article, { best: f, all: [f], score: f.rule.params.score });
    else {
      cur.all.push(f);
      if (compareRaw(f, cur.best) < 0) {
        cur.best = f;
        cur.score = f.rule.params.score;
      }
    }
  }

  // 2. Supersedes on the same subject (relaxed a few times so chains settle).
  for (const articles of bySubject.values()) {
    if (articles.size < 2) continue;
    const list = [...articles.values()];
    for (let pass = 0; pass < 4; pass++) {
      for (const f of list) {
        for (const g of list) {
          if (g === f) continue;
          const sup = g.best.rule.params.supersedes;
          if (!sup || (!sup.includes(f.best.rule.id) && !sup.includes(f.best.rule.params.article))) continue;
          if (f.score >= g.score - 0.01) f.score = Math.max(0, Math.round((g.score - 0.01) * 1000) / 1000);
          f.supersededBy ??= g.best.rule.id;
        }
      }
    }
  }

  // 2b. An any-line finding (Paste subject) also supersedes a finding on another subject when both
  // stand on the same line: that line is better explained by the more specific message.
  const paste = bySubject.size > 1 ? [...bySubject.entries()].find(([sf]) => (sf as RawFinding['sf']).subject.kind === PASTE_KIND)?.[1] : undefined;
  if (paste) {
    for (const g of paste.values()) {
      const sup = g.best.rule.params.supersedes;
      if (!sup) continue;
      const gLines = new Set(findingLines(g.best));
      for (const articles of bySubject.values()) {
        if (articles === paste) continue;
        for (const f of articles.values()) {
          if (!sup.includes(f.best.rule.id) && !sup.includes(f.best.rule.params.article)) continue;
          if (!findingLines(f.best).some((n) => gLines.has(n))) continue;
          if (f.score >= g.score - 0.01) f.score = Math.max(0, Math.round((g.score - 0.01) * 1000) / 1000);
          f.supersededBy ??= g.best.rule.id;
        }
      }
    }
  }

  // 3. Group by article across subjects.
  const byArticle = new Map<string, Entry[]>();
  for (const articles of bySubject.values()) {
    for (const [article, e] of articles) {
      const list = byArticle.get(article);
      if (list) list.push(e);
      else byArticle.set(article, [e]);
    }
  }
  const groups: { lead: Entry; members: Entry[] }[] = [];
  for (const members of byArticle.values()) {
    members.sort(compareEntry);
    groups.push({ lead: members[0]!, members });
  }
  // Equal scores: the problem more objects share comes first (22 Evicted pods before 1 crash loop).
  groups.sort((a, b) => b.lead.score - a.lead.score || b.members.length - a.members.length || compareEntry(a.lead, b.lead));

  return groups.map(({ lead, members }) => {
    const pooled = new Set<number>();
    for (const f of lead.all) for (const n of findingLines(f)) pooled.add(n);
    const lines = [...pooled].sort((a, b) => a - b).slice(0, MAX_EVIDENCE_LINES);
    for (const m of members.slice(1)) {
      if (lines.length >= MAX_EVIDENCE_LINES) break;
      const first = m.best.firstLine;
      if (Number.isFinite(first) && !lines.includes(first)) lines.push(first);
    }
    lines.sort((a, b) => a - b);
    const evidence: Evidence[] = lines.map((line) => ({ line, text: evidenceText(line) }));
    const captures: Record<string, string> = {};
    for (const f of lead.all) if (f !== lead.best) Object.assign(captures, findingCaptures(f));
    Object.assign(captures, findingCaptures(lead.best));
    const finding: Finding = {
      ruleId: lead.best.rule.id,
      article: lead.best.rule.params.article,
      severity: lead.best.rule.params.severity,
      score: Math.round(lead.score * 1000) / 1000,
      subject: lead.best.subject,
      evidence,
      captures,
      count: members.length,
      subjects: members.slice(0, MAX_SUBJECTS).map((m) => m.best.subject),
    };
    if (lead.supersededBy) finding.supersededBy = lead.supersededBy;
    if (lead.best.rule.params.alsoSee) finding.alsoSee = lead.best.rule.params.alsoSee;
    return finding;
  });
}

/**
 * Combines what the parsers saw into one set of flat, named facts per subject: the same pod seen in
 * `get pods`, in `describe pod` and in `get events` is one subject. Rules:
 * - subjects match on kind and name, and on namespace when both sides know it;
 * - a headerless fragment's "(unnamed)" subject joins the only named subject of its kind, if there
 *   is exactly one (a lone `Last State:` block pasted under `kubectl get pods` showing one pod);
 * - scalar facts: the first value wins, except `restarts` (highest);
 * - text facts are concatenated in paste order.
 */
import { NO_SCALARS, NO_TEXTS, UNNAMED } from './parsers/parser.ts';
import type { ParsedRecord, SubjectFacts } from './types.ts';

function keyOf(kind: string, name: string): string {
  return `${kind}\u0000${name}`;
}

/** Merges parser records into subjects. */
export function buildSubjects(records: ParsedRecord[]): SubjectFacts[] {
  // Most names are seen once: store the subject itself, a list only on a second sighting.
  const byName = new Map<string, SubjectFacts | SubjectFacts[]>();
  const all: SubjectFacts[] = [];
  const fits = (s: SubjectFacts, r: ParsedRecord) => !s.subject.namespace || !r.subject.namespace || s.subject.namespace === r.subject.namespace;
  for (const r of records) {
    const k = keyOf(r.subject.kind, r.subject.name);
    const found = byName.get(k);
    let target: SubjectFacts | undefined;
    if (found) target = Array.isArray(found) ? found.find((s) => fits(s, r)) : fits(found, r) ? found : undefined;
    if (!target) {
      // First sighting: the record itself becomes the subject's facts (records are not reused).
      target = r;
      if (!found) byName.set(k, target);
      else if (Array.isArray(found)) found.push(target);
      else byName.set(k, [found, target]);
      all.push(target);
      continue;
    }
    merge(target, r);
  }
  // Fragments without a name join the single named subject of the same kind.
  const unnamed = all.filter((s) => s.subject.name === UNNAMED);
  const drop = new Set<SubjectFacts>();
  for (const u of unnamed) {
    const named = all.filter((s) => s.subject.kind === u.subject.kind && s.subject.name !== UNNAMED);
    if (named.length === 1) {
      merge(named[0]!, { subject: u.subject, scalars: u.scalars, texts: u.texts });
      drop.add(u);
    }
  }
  return drop.size ? all.filter((s) => !drop.has(s)) : all;
}

function merge(target: SubjectFacts, r: { subject: ParsedRecord['subject']; scalars: ParsedRecord['scalars']; texts: ParsedRecord['texts'] }): void {
  if (!target.subject.namespace && r.subject.namespace) target.subject = { ...target.subject, namespace: r.subject.namespace };
  if (target.scalars === NO_SCALARS && r.scalars.size) target.scalars = new Map();
  if (target.texts === NO_TEXTS && r.texts.size) target.texts = new Map();
  for (const [fact, v] of r.scalars) {
    const cur = target.scalars.get(fact);
    if (!cur || (fact === 'restarts' && Number(v.value) > Number(cur.value))) target.scalars.set(fact, v);
  }
  for (const [fact, list] of r.texts) {
    const cur = target.texts.get(fact);
    if (!cur) target.texts.set(fact, list);
    else for (const l of list) cur.push(l);
  }
}

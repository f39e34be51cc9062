/**
 * Findings of the "any line" rules (`rules/any-line/`): rules on the `Paste` subject, whose `paste`
 * fact is every line of the paste, whatever section it is in and whether or not a parser
 * understood it. They make sure an unmistakable message is never missed, and stay below what the
 * structured rules say:
 *
 * - a `Paste` finding whose article a structured rule also found is dropped (the structured one
 *   has the object, the captures and the better evidence);
 * - what is left is attached to the object named on its first evidence line (`pod="ns/x"`,
 *   `pods "x" is forbidden`, `node/x` …) or, failing that, to the only object the paste is about.
 */
import type { RawFinding } from './evaluate.ts';
import { SAFE_CHARS } from './generated-names.ts';
import { NO_SCALARS, NO_TEXTS } from './parsers/parser.ts';
import type { Finding, Subject, SubjectFacts } from './types.ts';

export const PASTE_KIND = 'Paste';
export const PASTE_NAME = '(paste)';

/** The subject the any-line rules run on (one per diagnosis; its facts are the whole paste). */
export function pasteSubject(): SubjectFacts {
  return { subject: { kind: PASTE_KIND, name: PASTE_NAME }, scalars: NO_SCALARS as SubjectFacts['scalars'], texts: NO_TEXTS as SubjectFacts['texts'] };
}

/** Drops any-line findings that a structured rule found too. */
export function settleLoose(raw: RawFinding[]): RawFinding[] {
  let loose = 0;
  const structured = new Set<string>();
  for (const f of raw) {
    if (f.subject.kind === PASTE_KIND) loose++;
    else structured.add(f.rule.params.article);
  }
  if (loose === 0) return raw;
  return raw.filter((f) => f.subject.kind !== PASTE_KIND || !structured.has(f.rule.params.article));
}

const KINDS: Record<string, string> = {
  pod: 'Pod',
  pods: 'Pod',
  node: 'Node',
  nodes: 'Node',
  persistentvolumeclaim: 'PersistentVolumeClaim',
  persistentvolumeclaims: 'PersistentVolumeClaim',
  pvc: 'PersistentVolumeClaim',
  deployment: 'Deployment',
  deployments: 'Deployment',
  statefulset: 'StatefulSet',
  statefulsets: 'StatefulSet',
  daemonset: 'DaemonSet',
  daemonsets: 'DaemonSet',
  service: 'Service',
  services: 'Service',
  svc: 'Service',
};

const NAME = '[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?';
const KIND_WORD = '(pods?|nodes?|persistentvolumeclaims?|pvc|deployments?|statefulsets?|daemonsets?|services?|svc)';
// klog key=value: pod="ns/name", node="name"; kubectl: pods "name", deployment.apps "name"; kind/name.
const KEY_VALUE = new RegExp(`\\b(pod|node|pvc|deployment|statefulset|daemonset|service)="(?:(${NAME})/)?(${NAME})"`, 'i');
const QUOTED = new RegExp(`\\b${KIND_WORD}(?:\\.[a-z]+)? "(${NAME})"`, 'i');
const SLASHED = new RegExp(`(?:^|[\\s"'(\\[])${KIND_WORD}/(${NAME})\\b`, 'i');
const NAMESPACE = new RegExp(`\\b(?:in the namespace|namespace[= ]|-n) "?(${NAME})"?`, 'i');

/** The object a log or error line names, if it names one. */
export function subjectOnLine(text: string): Subject | null {
  let m = KEY_VALUE.exec(text);
  if (m) {
    const kind = KINDS[m[1]!.toLowerCase()]!;
    const subject: Subject = { kind, name: m[3]! };
    if (m[2] && kind !== 'Node') subject.namespace = m[2];
    return subject;
  }
  m = QUOTED.exec(text) ?? SLASHED.exec(text);
  if (m) {
    const kind = KINDS[m[1]!.toLowerCase()]!;
    const subject: Subject = { kind, name: m[2]! };
    const ns = kind !== 'Node' ? NAMESPACE.exec(text) : null;
    if (ns) subject.namespace = ns[1]!;
    return subject;
  }
  return generatedPodOnLine(text);
}

// A pod a Deployment made: `<name>-<pod-template-hash>-<5>`, or with the numeric hashes of old
// releases (`web-1564180365-x2bd5`).
const GENERATED_POD = new RegExp(`^[a-z0-9][a-z0-9.-]{0,230}[a-z0-9]-(?:${SAFE_CHARS}{6,10}|\\d{8,10})-${SAFE_CHARS}{5}$`);

/**
 * A generated pod name standing alone as a word of the line (a `get pods` row, custom-columns,
 * "Back-off restarting failed container api in pod api-5d8f7c9b6-2xkqp_shop(…)"). Tested word by
 * word, so the time stays linear in the line.
 */
function generatedPodOnLine(text: string): Subject | null {
  for (const word of text.split(/[\s"'`(),;[\]{}=]+/)) {
    if (word.length < 13 || word.length > 253) continue;
    const at = word.indexOf('_'); // kubelet writes pods as name_namespace(uid)
    const name = at > 0 ? word.slice(0, at) : word;
    if (!GENERATED_POD.test(name)) continue;
    const subject: Subject = { kind: 'Pod', name };
    const ns = at > 0 ? /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.exec(word.slice(at + 1)) : NAMESPACE.exec(text);
    if (ns) subject.namespace = at > 0 ? ns[0] : ns[1]!;
    return subject;
  }
  return null;
}

/** Gives each any-line finding the object it is about (see the file comment). */
export function attachLoose(findings: Finding[], subjects: readonly SubjectFacts[]): void {
  let sole: Subject | null | undefined;
  for (const f of findings) {
    if (f.subject.kind !== PASTE_KIND) continue;
    // Every object the evidence lines name (two OOMKilled rows of a custom-columns table are two pods).
    const named = new Map<string, Subject>();
    for (const e of f.evidence) {
      const s = subjectOnLine(e.text);
      if (s) named.set(`${s.kind}/${s.namespace ?? ''}/${s.name}`, s);
    }
    if (named.size > 0) {
      const list = [...named.values()];
      f.subject = list[0]!;
      f.subjects = list;
      f.count = list.length;
      continue;
    }
    if (sole === undefined) {
      const candidates = subjects.filter((s) => s.subject.kind !== PASTE_KIND && s.subject.kind !== 'Log' && s.subject.kind !== 'Client' && !s.subject.name.startsWith('('));
      sole = candidates.length === 1 ? candidates[0]!.subject : null;
    }
    if (sole) {
      f.subject = sole;
      f.subjects = [sole, ...f.subjects.slice(1)];
    }
  }
}

import data from '../../content/runbooks.json';
import { LANGS, type Lang } from '../i18n/ui.ts';

/*
 * Alert runbooks: one entry per alert of the kube-prometheus / kubernetes-mixin / etcd-mixin rule
 * sets (content/runbooks.json). Pages: /<lang>/runbooks/ (all alerts) and
 * /<lang>/runbooks/<AlertName>/ (one alert, exact upstream name). Every alert is also served at
 * /<lang>/runbooks/<runbook>/ — the path upstream appends to https://runbooks.prometheus-operator.dev/runbooks/
 * (`kubernetes/kubepodcrashlooping`) — so a team only swaps the URL prefix of its runbook_url.
 */

/** Severity label values the upstream rules use. */
export const ALERT_SEVERITIES = ['critical', 'warning', 'info', 'none'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** One alert as content/runbooks.json holds it. */
export interface AlertRunbook {
  /** Upstream alert name, exact case (`KubePodCrashLooping`). */
  name: string;
  /** Upstream rule group name (`kubernetes-apps`); one of `groups[].id`. */
  group: string;
  /** The mixin the rule comes from (`kubernetes-mixin`, `etcd`, `node-exporter`, …). */
  source: string;
  /** Upstream runbook path: `<section>/<lower-case name>`. */
  runbook: string;
  /** Severity labels upstream sets, one per rule of that name (some alerts have a warning and a critical rule). */
  severity: AlertSeverity[];
  /** `for:` durations upstream sets, in the same order as the rules (`0s` when there is none). */
  for: string[];
  /** What the alert means, 1–3 sentences per language. */
  meaning: Record<Lang, string>;
  /** The first thing to run (kubectl, a shell command or PromQL); lines separated by `\n`. */
  check: string;
  /** 1–3 article slugs to follow, best first. */
  articles: string[];
  /** True: the page sends the reader straight to its only article. */
  redirect: boolean;
}

export interface AlertGroup {
  id: string;
  title: Record<Lang, string>;
}

export interface RunbookData {
  groups: AlertGroup[];
  alerts: AlertRunbook[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/**
 * Problems in runbook data, one line each naming the alert and the field: missing or empty fields,
 * a language missing, unknown groups or severities, duplicate names or runbook paths (also
 * ignoring case, as a case-insensitive file system would see them), slugs not in `slugs`, and a
 * redirect without exactly one article.
 */
export function validateRunbooks(raw: unknown, slugs: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  if (!isObject(raw) || !Array.isArray(raw.groups) || !Array.isArray(raw.alerts)) return ['content/runbooks.json: needs "groups" and "alerts" arrays'];
  const groupIds = new Set<string>();
  for (const [i, g] of raw.groups.entries()) {
    if (!isObject(g) || !isText(g.id)) { problems.push(`groups[${i}]: needs an "id"`); continue; }
    if (groupIds.has(g.id)) problems.push(`groups[${i}]: duplicate id "${g.id}"`);
    groupIds.add(g.id);
    for (const lang of LANGS) if (!isObject(g.title) || !isText(g.title[lang])) problems.push(`group ${g.id}: title.${lang} is missing`);
  }
  const seen = new Map<string, string>();
  const claim = (key: string, what: string) => {
    const prior = seen.get(key.toLowerCase());
    if (prior) problems.push(`${what} collides with ${prior} (URLs must differ even ignoring case)`);
    else seen.set(key.toLowerCase(), what);
  };
  for (const [i, a] of raw.alerts.entries()) {
    const where = isObject(a) && isText(a.name) ? `alert ${a.name}` : `alerts[${i}]`;
    if (!isObject(a)) { problems.push(`${where}: not an object`); continue; }
    if (!isText(a.name) || !/^[A-Za-z][A-Za-z0-9]*$/.test(a.name)) problems.push(`${where}: "name" must be letters and digits`);
    else claim(a.name, `${where} (name)`);
    if (!isText(a.group) || !groupIds.has(a.group)) problems.push(`${where}: "group" ${JSON.stringify(a.group)} is not one of groups[].id`);
    if (!isText(a.source)) problems.push(`${where}: "source" is missing`);
    if (!isText(a.runbook) || !/^[a-z][a-z0-9-]*\/[a-z0-9]+$/.test(a.runbook)) problems.push(`${where}: "runbook" must look like "kubernetes/kubepodcrashlooping"`);
    else {
      if (isText(a.name) && a.runbook.split('/')[1] !== a.name.toLowerCase()) problems.push(`${where}: "runbook" must end in the lower-case alert name`);
      claim(a.runbook, `${where} (runbook)`);
    }
    const sev = a.severity;
    if (!Array.isArray(sev) || sev.length === 0 || !sev.every((s) => (ALERT_SEVERITIES as readonly unknown[]).includes(s))) problems.push(`${where}: "severity" must list ${ALERT_SEVERITIES.join('/')}`);
    if (!Array.isArray(a.for) || a.for.length === 0 || !a.for.every((d) => typeof d === 'string' && /^\d+[smhd]$/.test(d))) problems.push(`${where}: "for" must list durations such as "15m"`);
    for (const lang of LANGS) if (!isObject(a.meaning) || !isText(a.meaning[lang])) problems.push(`${where}: meaning.${lang} is missing`);
    if (!isText(a.check)) problems.push(`${where}: "check" is missing`);
    if (!Array.isArray(a.articles) || a.articles.length < 1 || a.articles.length > 3) problems.push(`${where}: "articles" must list 1–3 slugs`);
    else {
      for (const s of a.articles) if (typeof s !== 'string' || !slugs.has(s)) problems.push(`${where}: article ${JSON.stringify(s)} does not exist`);
      if (new Set(a.articles).size !== a.articles.length) problems.push(`${where}: an article is listed twice`);
    }
    if (typeof a.redirect !== 'boolean') problems.push(`${where}: "redirect" must be true or false`);
    else if (a.redirect && (!Array.isArray(a.articles) || a.articles.length !== 1)) problems.push(`${where}: "redirect" needs exactly one article`);
  }
  return problems;
}

/** The runbook data, typed. Validated against the articles by the pages (`checkedRunbooks`) and the unit tests. */
export const RUNBOOKS = data as unknown as RunbookData;

/**
 * The runbook data after validation against the article slugs; throws naming every problem. In the
 * draft preview (KB_ALLOW_INCOMPLETE=1, articles missing in one language are left out) links to
 * absent articles only warn: the pages then skip them.
 */
export function checkedRunbooks(slugs: ReadonlySet<string>): RunbookData {
  const problems = validateRunbooks(data, slugs);
  if (problems.length > 0) {
    const onlyMissing = problems.every((p) => / does not exist$/.test(p));
    if (!(onlyMissing && process.env.KB_ALLOW_INCOMPLETE === '1')) throw new Error(`content/runbooks.json:\n  ${problems.join('\n  ')}`);
    console.warn(`[k8s-kb] content/runbooks.json (KB_ALLOW_INCOMPLETE=1):\n  ${problems.join('\n  ')}`);
  }
  return RUNBOOKS;
}

/**
 * Shared types of the diagnosis engine. The engine is pure: text in, codes out (no prose, no I/O).
 * Renderers (the CLI, the web page) turn codes into words in the reader's language.
 */

/** How urgent a finding is. */
export type Severity = 'critical' | 'warning' | 'info';

/** Section kinds the engine recognises (one parser per kind, see parsers/index.ts). */
export type SectionKind =
  | 'get-pods'
  | 'get-nodes'
  | 'get-events'
  | 'get-componentstatuses'
  | 'get-pvc'
  | 'get-deployments'
  | 'get-endpoints'
  | 'describe-pod'
  | 'describe-node'
  | 'describe-pvc'
  | 'describe-deployment'
  | 'describe-statefulset'
  | 'describe-replicaset'
  | 'describe-daemonset'
  | 'describe-service'
  | 'yaml'
  | 'json'
  | 'cli-output'
  | 'kubelet-log'
  | 'klog'
  | 'journal'
  | 'etcd-log'
  | 'log';

/**
 * One logical line of the paste: `text` is normalised (no ANSI, no CR, `#011` → tab, no trailing
 * blanks, terminal wraps joined); `start`..`end` are the 1-based ORIGINAL lines it came from.
 */
export interface Line {
  text: string;
  start: number;
  end: number;
}

/** What a finding is about. */
export interface Subject {
  kind: string;
  namespace?: string;
  name: string;
}

/** A scalar fact value together with the original lines it was read from. */
export interface ScalarFact {
  value: string | number;
  lines: number[];
}

/**
 * Flat, named facts about one subject. Text facts are lists of line-tagged texts (matched with the
 * `matches` operator); scalar facts are single values (matched with equal/in/greaterThan…).
 */
export interface SubjectFacts {
  subject: Subject;
  scalars: Map<string, ScalarFact>;
  texts: Map<string, Line[]>;
}

/** Observations a parser made about one subject; facts.ts merges them per subject. */
export interface ParsedRecord {
  subject: Subject;
  scalars: Map<string, ScalarFact>;
  texts: Map<string, Line[]>;
}

/** Where a finding's evidence is in the paste. */
export interface Evidence {
  /** 1-based line number in the original input. */
  line: number;
  /** The original line (CR and terminal colour codes removed, capped in length). */
  text: string;
}

/** One diagnosis: a rule that fired, linked to a catalogue article. */
export interface Finding {
  ruleId: string;
  article: string;
  severity: Severity;
  /** 0–1, after supersedes demotion; findings are ordered by it, best first. */
  score: number;
  subject: Subject;
  evidence: Evidence[];
  /** Named values captured by the rule (regex named groups, or facts named in the rule). */
  captures: Record<string, string>;
  /** Number of subjects with the same problem (1 when ungrouped). */
  count: number;
  /** The subjects with this problem, the lead subject first (at most MAX_SUBJECTS; `count` has them all). */
  subjects: Subject[];
  /** Set when a root-cause finding on the same subject outranks this one. */
  supersededBy?: string;
  /** Articles the rule says to check next when this is all the paste shows (they become `related`). */
  alsoSee?: string[];
  /**
   * What the paste says around the subject that recovery commands need (namespace, node, owning
   * workload, container, memory limit, JVM heap…): see step-values.ts. Renderers fill the article's
   * first-response commands with them (steps.ts).
   */
  values?: Partial<Record<string, string>>;
  /** The first recovery commands with the paste's values filled in (added by renderers: CLI JSON). */
  steps?: { on: string; command: string }[];
}

/** Codes for things a caller may want to tell the user about the input itself. */
export type MessageCode =
  | 'empty-input'
  | 'binary-input'
  | 'input-truncated'
  | 'line-truncated'
  | 'unrecognised-input'
  | 'time-budget';

/** A message about the input, as a code plus optional parameters (rendered by the caller). */
export interface Message {
  code: MessageCode;
  /** Optional numbers or names that make the message precise (e.g. `{ limit: 16777216 }`). */
  params?: Record<string, string | number>;
}

/** A recognised part of the paste. */
export interface SectionInfo {
  kind: SectionKind;
  startLine: number;
  endLine: number;
}

/** The engine's answer for one paste. */
export interface DiagnoseResult {
  sections: SectionInfo[];
  findings: Finding[];
  messages: Message[];
  /** With `trace`: every rule that fired on every subject, before de-duplication. */
  fired?: { ruleId: string; subject: Subject }[];
  /**
   * "Possibly related" articles: when no rule raised a warning or critical finding but the paste
   * carries error-looking lines, the caller's search over those lines (never mixed into findings).
   */
  related?: RelatedArticle[];
}

/** An article the site's search found for a paste's error lines (not a diagnosis). */
export interface RelatedArticle {
  article: string;
  score: number;
  /** 1-based input lines the search was run on. */
  lines: number[];
}

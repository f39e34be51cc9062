/**
 * Lines of a paste that look like errors, for "possibly related" articles when no rule explains
 * the paste. Cheap on purpose (it runs only when the rules found nothing serious): a handful of
 * literal words, at most MAX_SCANNED lines looked at, the most error-like few returned.
 */

/** Words that make a line look like a failure, in the tools' own English and in Chinese. */
const ERROR_WORDS =
  /\b(?:err(?:or)?s?|fail(?:ed|ure|s|ing)?|fatal|panic|refused|denied|forbidden|unauthori[sz]ed|timed? ?out|timeout|deadline|unable|cannot|can't|couldn't|could not|invalid|not found|no such|unreachable|unhealthy|not ?ready|back-?off|killed|evicted|exceeded|insufficient|conflict|rejected|unavailable|expired|crash\w*|oom\w*|pending|containercreating|terminating)\b|错误|失败|异常|拒绝|超时|无法|不可用/i;
/** klog / logfmt / JSON log levels that mark a line as an error. */
const ERROR_LEVEL = /^[EF]\d{4} |\blevel=(?:error|fatal|panic)\b|"(?:level|severity)"\s*:\s*"(?:error|fatal|panic|critical)"|\[(?:ERROR|FATAL)\]|\bWarning\s+\w+/;
/** Healthy words that look like errors to the word list (`0 errors`, `errors: 0`). */
const BENIGN = /\b(?:no errors?|0 errors?|errors?[=:]\s*0\b|error_count[=:]\s*0)\b/i;

const MAX_SCANNED = 20000;
const MAX_TEXT = 300;

export interface ErrorLine {
  /** 1-based line number. */
  line: number;
  text: string;
  weight: number;
}

/** Up to `max` distinct error-looking lines, most error-like first (ties: earliest first). */
export function errorLines(texts: readonly string[], max = 4, skip: ReadonlySet<number> = new Set()): ErrorLine[] {
  const found: ErrorLine[] = [];
  const seen = new Set<string>();
  const n = Math.min(texts.length, MAX_SCANNED);
  for (let i = 0; i < n; i++) {
    const raw = texts[i]!;
    if (raw.length < 8 || skip.has(i + 1)) continue;
    const text = raw.length > MAX_TEXT ? raw.slice(0, MAX_TEXT) : raw;
    const level = ERROR_LEVEL.test(text);
    const word = ERROR_WORDS.test(text);
    if (!level && !word) continue;
    if (BENIGN.test(text)) continue;
    // The same message repeated (log loops) is one query; digits and hex ids do not make it new.
    const key = text.replace(/[0-9a-f]{6,}|\d+/gi, '#').trim();
    if (seen.has(key)) continue;
    seen.add(key);
    found.push({ line: i + 1, text: text.trim(), weight: (level ? 2 : 0) + (word ? 1 : 0) });
  }
  found.sort((a, b) => b.weight - a.weight || a.line - b.line);
  return found.slice(0, max);
}

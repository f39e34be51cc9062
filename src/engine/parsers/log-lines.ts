/** Line shapes shared by the log parsers, and the grouping of continuation lines. */
import { MAX_CONTINUATION_LINES, MAX_LINE_CHARS } from '../limits.ts';
import { isElision } from '../normalize.ts';
import type { Line } from '../types.ts';

/** `Jan 18 10:00:01 host prog[pid]: msg`, also `1月 18 …` and RFC 3339 rsyslog timestamps. */
export const JOURNAL = /^(?:(?:[A-Z][a-z]{2}|\d{1,2}\s?[月월])\s+\d{1,2}\s+\d{2}:\d{2}:\d{2}|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2}))\s+(\S+)\s+([^\s[:]+)(?:\[\d+\])?:\s?/;

/** klog header: `E0118 10:00:01.123456    1234 kubelet.go:2183] msg`. */
export const KLOG = /^[IWEF]\d{4}\s+\d{2}:\d{2}:\d{2}\.\d+\s+\d+\s+([\w.-]+):\d+\]/;

/** etcd: capnslog text, zap JSON, optionally behind a CRI log prefix. */
export const ETCD = /^(?:\d{4}-\d{2}-\d{2}T\S+\s+(?:stdout|stderr)\s+[FP]\s+)?(?:\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d+ [DINWECF] \| |\{"level":"(?:debug|info|warn|error|fatal|panic|dpanic)","ts":)/;

/**
 * Groups physical lines into log records: a line that does not start like a record (a stack trace,
 * a wrapped tail) is appended to the record above it.
 */
export function logRecords(lines: Line[], isStart: (text: string) => boolean): Line[] {
  const out: Line[] = [];
  for (const l of lines) {
    if (l.text.trim() === '' || isElision(l.text)) continue;
    const prev = out[out.length - 1];
    // A record takes at most MAX_CONTINUATION_LINES lines and one line's worth of text; further
    // lines become records of their own, so a log with no record starts is still read line by line.
    if (prev && !isStart(l.text) && prev.end === l.start - 1 && !/^\s*$/.test(l.text) && l.start - prev.start < MAX_CONTINUATION_LINES && prev.text.length < MAX_LINE_CHARS) {
      // Keep the record's text as its first line plus the tail, for matching across the wrap.
      out[out.length - 1] = { text: prev.text + (/^\s/.test(l.text) ? ' ' : '') + l.text.trim(), start: prev.start, end: l.end };
      continue;
    }
    out.push(l);
  }
  return out;
}

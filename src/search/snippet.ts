import type { ResultDoc } from './build-index.ts';

/** A piece of snippet text; `mark` pieces are highlighted. Rendered as text, never as HTML. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The best short passage of a result for the matched terms: the first symptom string, heading or
 * summary that contains one, cut around the first hit, with every hit marked.
 */
export function snippetFor(doc: ResultDoc, terms: string[], maxLength = 160): SnippetPart[] {
  const words = [...new Set(terms.filter((t) => t.length > 1))].sort((a, b) => b.length - a.length);
  const candidates = [doc.summary, ...doc.symptoms, ...doc.headings];
  if (words.length === 0) return [{ text: doc.summary.slice(0, maxLength), mark: false }];
  const re = new RegExp(words.map(escapeRegExp).join('|'), 'gi');
  let text = doc.summary;
  let best = -1;
  for (const c of candidates) {
    re.lastIndex = 0;
    const m = re.exec(c);
    if (m) {
      text = c;
      best = m.index;
      break;
    }
  }
  let start = 0;
  if (best > maxLength / 2) start = best - Math.floor(maxLength / 3);
  let cut = text.slice(start, start + maxLength);
  if (start > 0) cut = '…' + cut;
  if (start + maxLength < text.length) cut += '…';
  const parts: SnippetPart[] = [];
  let last = 0;
  re.lastIndex = 0;
  for (let m = re.exec(cut); m; m = re.exec(cut)) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    if (m.index > last) parts.push({ text: cut.slice(last, m.index), mark: false });
    parts.push({ text: m[0], mark: true });
    last = m.index + m[0].length;
  }
  if (last < cut.length) parts.push({ text: cut.slice(last), mark: false });
  return parts;
}

import { normalize } from '../../../src/engine/normalize.ts';
import type { Parser, CommandHint } from '../../../src/engine/parsers/parser.ts';
import type { ParsedRecord } from '../../../src/engine/types.ts';

/** Parses text with one parser, as sections.ts would hand it over. */
export function parseWith(parser: Parser, text: string, hint?: CommandHint) {
  const { lines } = normalize(text);
  return { ...parser.parse(lines, hint), lines, score: parser.detect(lines, hint) };
}

/** A record's facts in plain objects, for readable assertions. */
export function facts(r: ParsedRecord | undefined) {
  if (!r) return undefined;
  return {
    subject: r.subject,
    scalars: Object.fromEntries([...r.scalars].map(([k, v]) => [k, v.value])),
    texts: Object.fromEntries([...r.texts].map(([k, v]) => [k, v.map((l) => l.text)])),
    lines: Object.fromEntries([...r.texts].map(([k, v]) => [k, v.map((l) => [l.start, l.end])])),
  };
}

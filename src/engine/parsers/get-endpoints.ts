/**
 * `kubectl get endpoints` (facts go to the Service of the same name):
 *
 * ```
 * NAME         ENDPOINTS                                   AGE
 * kubernetes   10.128.130.77:6443,10.128.130.78:6443       212d
 * web          <none>                                      41m
 * ```
 */
import { isElision } from '../normalize.ts';
import { RecordBuilder, subjectOf, tokens, type Parser } from './parser.ts';

const HEADER = /^(?:NAMESPACE\s+)?NAME\s+ENDPOINTS\s+AGE\s*$/;

export const getEndpoints: Parser = {
  kind: 'get-endpoints',
  family: 'table',
  startsAt: (text) => HEADER.test(text),
  detect(lines) {
    return lines.some((l) => HEADER.test(l.text)) ? 1 : 0;
  },
  parse(lines, hint) {
    const records = [];
    let hasNamespace = false;
    for (const line of lines) {
      const text = line.text;
      if (text === '' || isElision(text)) continue;
      if (HEADER.test(text)) {
        hasNamespace = text.startsWith('NAMESPACE');
        continue;
      }
      const t = tokens(text);
      const ns = hasNamespace ? t.shift() : hint?.namespace;
      if (t.length < 3) continue;
      const endpoints = t.slice(1, -1).join(' ');
      records.push(new RecordBuilder(subjectOf('Service', t[0]!, ns)).scalar('endpoints', endpoints, line).build());
    }
    return { records };
  },
};

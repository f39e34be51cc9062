/**
 * `kubectl get deployments` (1.16+ and the old DESIRED/CURRENT layout):
 *
 * ```
 * NAME            READY   UP-TO-DATE   AVAILABLE   AGE
 * gateway-proxy   1/3     1            1           5h13m
 * ```
 * ```
 * NAME            DESIRED   CURRENT   UP-TO-DATE   AVAILABLE   AGE
 * gateway-proxy   3         3         1            1           5h
 * ```
 */
import { isElision } from '../normalize.ts';
import { parseAge, RecordBuilder, subjectOf, tokens, type Parser } from './parser.ts';

const HEADER = /^(?:NAMESPACE\s+)?NAME\s+(?:READY\s+UP-TO-DATE|DESIRED\s+CURRENT\s+UP-TO-DATE)\s+AVAILABLE\s+AGE\b/;

export const getDeployments: Parser = {
  kind: 'get-deployments',
  family: 'table',
  startsAt: (text) => HEADER.test(text),
  continues: (text) => /^\S+\s+(?:\S+\s+)?\d+\/\d+\s+\d+\s+\d+\s+\S+$/.test(text),
  detect(lines) {
    return lines.some((l) => HEADER.test(l.text)) ? 1 : 0;
  },
  parse(lines, hint) {
    const records = [];
    let oldLayout = false;
    let hasNamespace = false;
    for (const line of lines) {
      const text = line.text;
      if (text === '' || isElision(text)) continue;
      if (HEADER.test(text)) {
        oldLayout = /DESIRED/.test(text);
        hasNamespace = text.startsWith('NAMESPACE');
        continue;
      }
      const t = tokens(text);
      const ns = hasNamespace ? t.shift() : hint?.namespace;
      if (t.length < 5) continue;
      const b = new RecordBuilder(subjectOf('Deployment', t[0]!, ns));
      if (oldLayout) {
        b.scalar('replicasDesired', Number(t[1]), line).scalar('replicasUpdated', Number(t[3]), line).scalar('replicasAvailable', Number(t[4]), line).scalar('ageSeconds', parseAge(t[5]), line);
      } else {
        const m = /^(\d+)\/(\d+)$/.exec(t[1]!);
        if (!m) continue;
        b.scalar('replicasReady', Number(m[1]), line).scalar('replicasDesired', Number(m[2]), line).scalar('replicasUpdated', Number(t[2]), line).scalar('replicasAvailable', Number(t[3]), line).scalar('ageSeconds', parseAge(t[4]), line);
      }
      const desired = b.scalars.get('replicasDesired')?.value as number;
      const available = b.scalars.get('replicasAvailable')?.value as number;
      if (Number.isFinite(desired) && Number.isFinite(available)) b.scalar('replicasUnavailable', Math.max(0, desired - available), line);
      records.push(b.build());
    }
    return { records };
  },
};

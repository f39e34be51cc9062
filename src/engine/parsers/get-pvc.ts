/**
 * `kubectl get pvc` (empty columns are common, so cells are cut at the header's offsets):
 *
 * ```
 * NAMESPACE   NAME           STATUS    VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
 * db          data-mysql-0   Bound     pvc-5b1f0c7e-9a7e-4a53-a0b1-0c5d8c7e2f11   20Gi       RWO            fast-ssd       <unset>                 209d
 * db          data-mysql-1   Pending                                                                        fast-ssd       <unset>                 14m
 * ```
 */
import { isElision } from '../normalize.ts';
import { headerColumns, parseAge, RecordBuilder, sliceAligned, subjectOf, tokens, type Column, type Parser } from './parser.ts';

const HEADER = /^(?:NAMESPACE\s+)?NAME\s+STATUS\s+VOLUME\s+CAPACITY\s+ACCESS MODES\b/;
const ROW = /^(?:\S+\s+)?\S+\s+(?:Pending|Bound|Lost)\b/;

export const getPvc: Parser = {
  kind: 'get-pvc',
  family: 'table',
  startsAt: (text) => HEADER.test(text),
  continues: (text) => ROW.test(text),
  detect(lines, hint) {
    if (lines.some((l) => HEADER.test(l.text))) return 1;
    return hint?.kind === 'get-pvc' && lines.some((l) => ROW.test(l.text)) ? 0.9 : 0;
  },
  parse(lines, hint) {
    const records = [];
    let cols: Column[] | null = null;
    for (const line of lines) {
      const text = line.text;
      if (text === '' || isElision(text)) continue;
      if (HEADER.test(text)) {
        cols = headerColumns(text);
        continue;
      }
      const cells = cols ? sliceAligned(text, cols) : null;
      const get = (n: string) => (cols && cells ? cells[cols.findIndex((c) => c.name === n)] : undefined);
      let name: string | undefined;
      let ns: string | undefined;
      let status: string | undefined;
      let sc: string | undefined;
      let age: string | undefined;
      if (cells) {
        name = get('NAME');
        ns = get('NAMESPACE');
        status = get('STATUS');
        sc = get('STORAGECLASS');
        age = get('AGE');
      } else {
        const t = tokens(text);
        const si = t.findIndex((x) => x === 'Pending' || x === 'Bound' || x === 'Lost');
        if (si < 1) continue;
        name = t[si - 1];
        ns = si >= 2 ? t[si - 2] : undefined;
        status = t[si];
        age = t[t.length - 1];
      }
      if (!name || !status || !/^(?:Pending|Bound|Lost)$/.test(status)) continue;
      const b = new RecordBuilder(subjectOf('PersistentVolumeClaim', name, ns || hint?.namespace));
      b.scalar('pvcStatus', status, line).scalar('ageSeconds', parseAge(age), line);
      if (sc !== undefined) b.scalar('storageClass', sc === '' ? '<none>' : sc, line);
      records.push(b.build());
    }
    return { records };
  },
};

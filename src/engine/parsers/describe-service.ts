/**
 * `kubectl describe service`:
 *
 * ```
 * Name:              web
 * Namespace:         shop
 * Selector:          app=web-frontend
 * Type:              ClusterIP
 * IP:                10.96.142.18
 * Port:              http  80/TCP
 * TargetPort:        8080/TCP
 * Endpoints:         <none>
 * Session Affinity:  None
 * Events:            <none>
 * ```
 */
import { addEvents, continuesDescribe, DESCRIBE_START, topLevelKeys } from './describe.ts';
import { RecordBuilder, subjectOf, UNNAMED, type Parser } from './parser.ts';

export const describeService: Parser = {
  kind: 'describe-service',
  family: 'describe',
  startsAt: (text) => DESCRIBE_START.test(text),
  continues: continuesDescribe,
  detect(lines) {
    const keys = topLevelKeys(lines);
    return keys.has('Name') && keys.has('Endpoints') && (keys.has('TargetPort') || keys.has('Port') || keys.has('Session Affinity')) ? 1 : 0;
  },
  parse(lines, hint) {
    const keys = topLevelKeys(lines);
    const b = new RecordBuilder(subjectOf('Service', keys.get('Name')?.value || hint?.name || UNNAMED, keys.get('Namespace')?.value || hint?.namespace));
    const ep = keys.get('Endpoints');
    if (ep) b.scalar('endpoints', ep.value === '' ? '<none>' : ep.value, ep.line);
    addEvents(lines, b);
    return { records: [b.build()] };
  },
};

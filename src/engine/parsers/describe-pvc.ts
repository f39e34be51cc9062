/**
 * `kubectl describe pvc`:
 *
 * ```
 * Name:          data-mysql-0
 * Namespace:     db
 * StorageClass:
 * Status:        Pending
 * Volume:
 * Finalizers:    [kubernetes.io/pvc-protection]
 * Access Modes:
 * VolumeMode:    Filesystem
 * Used By:       mysql-0
 * Events:
 *   Type    Reason         Age                 From                         Message
 *   ----    ------         ----                ----                         -------
 *   Normal  FailedBinding  2m (x26 over 8m)    persistentvolume-controller  no persistent volumes available for this claim and no storage class is set
 * ```
 */
import { addEvents, continuesDescribe, countKeys, DESCRIBE_START, looseEventRows, topLevelKeys } from './describe.ts';
import { RecordBuilder, subjectOf, UNNAMED, type Parser } from './parser.ts';

const PVC_KEYS = ['StorageClass', 'Volume', 'Access Modes', 'VolumeMode', 'Used By', 'Capacity'];

export const describePvc: Parser = {
  kind: 'describe-pvc',
  family: 'describe',
  startsAt: (text) => DESCRIBE_START.test(text),
  continues: continuesDescribe,
  detect(lines, hint) {
    const keys = topLevelKeys(lines);
    if (keys.has('Name')) {
      const n = countKeys(keys, PVC_KEYS);
      return n >= 3 && !keys.has('Containers') && !keys.has('Roles') ? 1 : hint?.kind === 'describe-pvc' ? 0.6 : 0;
    }
    const events = looseEventRows(lines);
    return events.length > 0 && events.every((e) => e.kind === 'PersistentVolumeClaim') ? 0.6 : 0;
  },
  parse(lines, hint) {
    const keys = topLevelKeys(lines);
    const b = new RecordBuilder(subjectOf('PersistentVolumeClaim', keys.get('Name')?.value || hint?.name || UNNAMED, keys.get('Namespace')?.value || hint?.namespace));
    const status = keys.get('Status');
    if (status) b.scalar('pvcStatus', status.value, status.line);
    const sc = keys.get('StorageClass');
    if (sc) b.scalar('storageClass', sc.value || '<none>', sc.line);
    const fin = keys.get('Finalizers');
    if (fin?.value && fin.value !== '[]') b.text('finalizers', fin.value, fin.line);
    if (keys.has('Events')) addEvents(lines, b);
    else for (const e of looseEventRows(lines)) b.text('events', e.text, e.line);
    return { records: [b.build()] };
  },
};

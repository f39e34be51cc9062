/**
 * `kubectl get … -o yaml`, single objects and Lists (and pasted fragments of them):
 *
 * ```
 * apiVersion: v1
 * kind: Pod
 * metadata:
 *   name: web-7d9f8c6b5-xk2p4
 *   namespace: shop
 * status:
 *   containerStatuses:
 *   - lastState:
 *       terminated:
 *         exitCode: 137
 *         reason: OOMKilled
 *     restartCount: 12
 *     state:
 *       waiting:
 *         message: back-off 5m0s restarting failed container=app pod=web-7d9f8c6b5-xk2p4_shop(…)
 *         reason: CrashLoopBackOff
 * ```
 */
import { recordsFromPathValues } from './k8s-objects.ts';
import type { Parser } from './parser.ts';
import { readYaml } from './path-values.ts';

const START = /^(?:apiVersion:\s|kind:\s+List\b|items:\s*$|- apiVersion:\s)/;
const YAMLISH = /^(?:\s*- )?\s*[\w."'/-]+:(?:\s|$)/;

export const yaml: Parser = {
  kind: 'yaml',
  family: 'document',
  startsAt: (text) => START.test(text),
  continues: (text) => /^\s/.test(text) || /^- /.test(text) || /^[a-z][\w-]*:(?:\s|$)/.test(text),
  detect(lines, hint) {
    const sample = lines.filter((l) => l.text.trim() !== '').slice(0, 60);
    if (sample.length === 0) return 0;
    if (sample.some((l) => START.test(l.text))) return 0.95;
    const yamlish = sample.filter((l) => YAMLISH.test(l.text)).length / sample.length;
    const k8s = sample.some((l) => /^\s*(?:containerStatuses|lastState|conditions|involvedObject|restartCount|phase):/.test(l.text));
    if (hint?.output === 'yaml' && yamlish > 0.5) return 0.9;
    return k8s && yamlish > 0.7 ? 0.65 : 0;
  },
  parse(lines, hint) {
    return { records: recordsFromPathValues(readYaml(lines), hint) };
  },
};

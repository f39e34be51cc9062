/**
 * `kubectl get … -o json` (pretty-printed or on one line), single objects and Lists:
 *
 * ```
 * {
 *     "apiVersion": "v1",
 *     "items": [
 *         {
 *             "kind": "Node",
 *             "metadata": { "name": "worker-3" },
 *             "status": {
 *                 "conditions": [
 *                     { "type": "DiskPressure", "status": "True", "reason": "KubeletHasDiskPressure", "message": "kubelet has disk pressure" }
 * ```
 */
import { recordsFromPathValues } from './k8s-objects.ts';
import type { Parser } from './parser.ts';
import { readJson } from './path-values.ts';

export const json: Parser = {
  kind: 'json',
  family: 'document',
  startsAt: (text) => /^[{[]\s*$/.test(text) || /^\{\s*"(?:apiVersion|kind|items|metadata)"/.test(text),
  continues: (text) => /^\s/.test(text) || /^[}\]],?\s*$/.test(text),
  detect(lines, hint) {
    const first = lines.find((l) => l.text.trim() !== '');
    if (!first) return 0;
    const t = first.text.trim();
    if (!t.startsWith('{') && !t.startsWith('[')) return 0;
    const body = lines.slice(0, 30).map((l) => l.text).join('\n');
    if (/"(?:apiVersion|kind|metadata|involvedObject|containerStatuses)"\s*:/.test(body)) return 0.95;
    return hint?.output === 'json' ? 0.8 : 0;
  },
  parse(lines, hint) {
    return { records: recordsFromPathValues(readJson(lines), hint) };
  },
};

/**
 * The parser registry: one line per input kind, in the order sections.ts asks them whether a line
 * begins their output (tables and describes before the catch-all log parser).
 */
import { cliOutput } from './cli-output.ts';
import { describeNode } from './describe-node.ts';
import { describePod } from './describe-pod.ts';
import { describePvc } from './describe-pvc.ts';
import { describeService } from './describe-service.ts';
import { describeWorkload } from './describe-workload.ts';
import { etcdLog } from './etcd-log.ts';
import { getComponentStatuses } from './get-componentstatuses.ts';
import { getDeployments } from './get-deployments.ts';
import { getEndpoints } from './get-endpoints.ts';
import { getEvents } from './get-events.ts';
import { getNodes } from './get-nodes.ts';
import { getPods } from './get-pods.ts';
import { getPvc } from './get-pvc.ts';
import { journal } from './journal.ts';
import { json } from './json.ts';
import { klog } from './klog.ts';
import { log } from './log.ts';
import type { Parser } from './parser.ts';
import { yaml } from './yaml.ts';

export const PARSERS: readonly Parser[] = [
  getPods,
  getNodes,
  getEvents,
  getComponentStatuses,
  getPvc,
  getDeployments,
  getEndpoints,
  describePod,
  describeNode,
  describePvc,
  describeWorkload,
  describeService,
  yaml,
  json,
  cliOutput,
  etcdLog,
  journal,
  klog,
  log,
];

/** The fallback parser for text nothing else recognises. */
export const FALLBACK: Parser = log;

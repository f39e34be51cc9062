/**
 * Generated inputs for the benchmarks: a bilingual article corpus of any size, built from the
 * sentences of the real articles (so vocabulary, Chinese/English mix and symptom strings look like
 * the real thing), and large pastes for the engine. Deterministic: the same seed gives the same data.
 */
import type { SearchDoc } from '../src/search/documents.ts';

/** Small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** Sentences of a text, for recombination. */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[。！？.!?])\s*|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 20 && s.length < 300);
}

/**
 * `count` articles of about `bodyBytes` of body text each, half Chinese and half English,
 * recombined from the real documents' sentences, each with a unique service name so the
 * vocabulary grows with the corpus as it would in a real knowledge base.
 */
export function syntheticCorpus(real: SearchDoc[], count: number, bodyBytes = 1800, seed = 42): SearchDoc[] {
  const r = rng(seed);
  const zh = real.filter((d) => /\p{Script=Han}/u.test(d.title));
  const en = real.filter((d) => !/\p{Script=Han}/u.test(d.title));
  const pools = [zh, en].map((docs) => ({
    docs,
    sentences: docs.flatMap((d) => sentences(d.body)),
  }));
  const out: SearchDoc[] = [];
  for (let i = 0; i < count; i++) {
    const pool = pools[i % 2]!.docs.length > 0 ? pools[i % 2]! : pools[(i + 1) % 2]!;
    const base = pick(r, pool.docs);
    const service = `svc${(i * 7919) % 100000}-${pick(r, ['api', 'db', 'mq', 'cache', 'gateway', 'worker'])}`;
    let body = '';
    while (body.length < bodyBytes) body += pick(r, pool.sentences) + ' ';
    out.push({
      id: `synthetic-${i}`,
      title: `${base.title} (${service})`,
      summary: `${base.summary} ${service}`,
      category: base.category,
      kind: base.kind,
      tags: [...base.tags.slice(0, 4), service],
      symptoms: base.symptoms.slice(0, 3),
      headings: base.headings.slice(0, 6),
      body: `${service} ${body}`,
    });
  }
  return out;
}

const NAMESPACES = ['default', 'kube-system', 'prod', 'staging', 'payments', 'monitoring', 'ingress-nginx', 'data'];
const REASONS: [type: string, reason: string, kind: string, message: (name: string, r: () => number) => string][] = [
  ['Normal', 'Scheduled', 'pod', (n) => `Successfully assigned prod/${n} to 10.128.130.${74 + (n.length % 6)}`],
  ['Normal', 'Pulled', 'pod', () => 'Container image "registry.local:5000/app/web:1.24.3" already present on machine'],
  ['Normal', 'Created', 'pod', () => 'Created container web'],
  ['Normal', 'Started', 'pod', () => 'Started container web'],
  ['Normal', 'SuccessfulCreate', 'replicaset', (n) => `Created pod: ${n}-x7k2p`],
  ['Normal', 'ScalingReplicaSet', 'deployment', (n) => `Scaled up replica set ${n}-7d9f8c6b5 to 3`],
  ['Warning', 'BackOff', 'pod', () => 'Back-off restarting failed container web in pod'],
  ['Warning', 'FailedScheduling', 'pod', (_n, r) => `0/${12 + Math.floor(r() * 40)} nodes are available: ${3 + Math.floor(r() * 9)} Insufficient memory. preemption: 0/12 nodes are available: 12 No preemption victims found for incoming pod.`],
  ['Warning', 'Unhealthy', 'pod', () => 'Readiness probe failed: Get "http://10.244.3.17:8080/healthz": dial tcp 10.244.3.17:8080: connect: connection refused'],
  ['Warning', 'Failed', 'pod', () => 'Failed to pull image "registry.local:5000/app/api:2.3.1": rpc error: code = NotFound desc = failed to pull and unpack image: not found'],
];

/**
 * About `bytes` of `kubectl get events -A` output (current column layout), shaped like a large
 * cluster's: a few thousand objects, each with its own short story of events (a pod's Scheduled,
 * Pulled, Created, Started; a ReplicaSet's SuccessfulCreate; some pods failing with BackOff,
 * FailedScheduling or probe failures), rather than one event per object.
 */
export function syntheticEventsPaste(bytes: number, seed = 7): string {
  const r = rng(seed);
  const lines = ['NAMESPACE       LAST SEEN   TYPE      REASON              OBJECT                                MESSAGE'];
  let size = lines[0]!.length + 1;
  const objects = Math.max(100, Math.round(bytes / 1500));
  const row = (ns: string, type: string, reason: string, object: string, message: string) => {
    const age = `${1 + Math.floor(r() * 59)}${pick(r, ['s', 'm', 'h'])}`;
    const line = `${ns.padEnd(16)}${age.padEnd(12)}${type.padEnd(10)}${reason.padEnd(20)}${object.padEnd(38)}${message}`;
    lines.push(line);
    size += line.length + 1;
  };
  while (size < bytes) {
    const o = Math.floor(r() * objects);
    const ns = NAMESPACES[o % NAMESPACES.length]!;
    const name = `${['web', 'api', 'worker', 'billing', 'search', 'auth'][o % 6]}-${(o * 2654435761) % 99991}`;
    const story = r();
    if (story < 0.75) {
      for (const [type, reason, kind, message] of REASONS.slice(0, 4)) row(ns, type, reason, `${kind}/${name}`, message(name, r));
    } else if (story < 0.85) {
      row(ns, 'Normal', 'SuccessfulCreate', `replicaset/${name}`, REASONS[4]![3](name, r));
    } else {
      const [type, reason, kind, message] = pick(r, REASONS.slice(6));
      const times = 1 + Math.floor(r() * 4);
      for (let k = 0; k < times; k++) row(ns, type, reason, `${kind}/${name}`, message(name, r));
    }
  }
  return lines.join('\n') + '\n';
}

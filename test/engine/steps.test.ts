/**
 * Filled-in first steps: the article's First response blocks with the paste's own names and numbers
 * (engine/step-values.ts reads them, engine/steps.ts fills them in).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose, type Finding } from '../../src/engine/index.ts';
import { attachStepValues, stepValues } from '../../src/engine/step-values.ts';
import { fillSteps, jvmMi, memoryMi, parseRecipe, shellQuote, suggestMemoryLimit, type Step, type StepLang } from '../../src/engine/steps.ts';
import { fixture, ROOT, ruleSet } from './helpers.ts';

const article = (slug: string, lang: StepLang) => readFileSync(join(ROOT, 'content', 'articles', lang, `${slug}.md`), 'utf8');

async function stepsFor(paste: string, slug: string, lang: StepLang = 'en'): Promise<{ finding: Finding; steps: Step[]; all: string }> {
  const { findings } = await diagnose(paste, ruleSet());
  const finding = findings.find((f) => f.article === slug);
  if (!finding) throw new Error(`no ${slug} finding; got ${findings.map((f) => f.article).join(', ')}`);
  const steps = fillSteps(finding, parseRecipe(article(slug, lang)), lang);
  return { finding, steps, all: steps.map((s) => s.command).join('\n') };
}

/** Runs the commands in bash with every command but export/echo stubbed: what would they run? */
function exportedBy(script: string, names: string[]): Record<string, string> {
  const probe = `${script.split('\n').filter((l) => l.startsWith('export ')).join('\n')}\n${names.map((n) => `printf '%s\\0' "\${${n}-}"`).join('\n')}`;
  const r = spawnSync('bash', ['-c', probe], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  const vals = r.stdout.split('\0');
  return Object.fromEntries(names.map((n, i) => [n, vals[i]!]));
}

/** Each `export` line that sets NAME. */
const exportsOf = (all: string, name: string) => all.split('\n').filter((l) => new RegExp(`^export .*\\b${name}=`).test(l));

describe('parseRecipe', () => {
  it('reads each First response shell block with its place, and stops at the next section', () => {
    const md = [
      '## First response', '', '1. Look.', '', '   ```bash', '   # on: any host with kubectl access', '   export NS=shop POD=web-1',
      '   kubectl -n "${NS}" get pod "${POD}"', '   ```', '', '2. Node.', '', '   ```bash', '   # 执行位置：Pod 所在节点（root）', '   journalctl -k', '   ```',
      '', '## Symptoms', '', '```bash', '# on: x', 'not this', '```',
    ].join('\n');
    expect(parseRecipe(md)).toEqual([
      { on: 'any host with kubectl access', lines: ['export NS=shop POD=web-1', 'kubectl -n "${NS}" get pod "${POD}"'] },
      { on: 'Pod 所在节点（root）', lines: ['journalctl -k'] },
    ]);
    expect(parseRecipe('## Recover\n\n```bash\nls\n```\n')).toEqual([]);
  });
});

describe('quantities', () => {
  it('reads Kubernetes memory quantities and JVM sizes in MiB', () => {
    expect(memoryMi('1Gi')).toBe(1024);
    expect(memoryMi('512Mi')).toBe(512);
    expect(memoryMi('1073741824')).toBe(1024);
    expect(memoryMi('lots')).toBeUndefined();
    expect(jvmMi('1536m')).toBe(1536);
    expect(jvmMi('2g')).toBe(2048);
    expect(jvmMi('2097152k')).toBe(2048);
  });

  it('suggests a limit that fits the heap plus overhead, else 1.5× the current one', () => {
    expect(suggestMemoryLimit('1Gi', undefined)).toBe('1536Mi');
    expect(suggestMemoryLimit('1Gi', '1536m')).toBe('1920Mi');
    expect(suggestMemoryLimit('4Gi', '1g')).toBe('6Gi');
    expect(suggestMemoryLimit(undefined, '512m')).toBe('768Mi');
    expect(suggestMemoryLimit(undefined, undefined)).toBeUndefined();
  });
});

describe('shellQuote', () => {
  it('makes any text one literal shell word', () => {
    for (const hostile of ["$(rm -rf /)", "`id`", "a'b", "'; reboot; '", 'x"$HOME"', '\\', "${IFS}", 'a\u001b[2Jb']) {
      const r = spawnSync('bash', ['-c', `printf '%s' ${shellQuote(hostile)}`], { encoding: 'utf8' });
      expect(r.stdout).toBe(hostile.replace('\u001b', '\\x1b'));
    }
  });
});

describe('fillSteps on real pastes', () => {
  it('OOMKilled with -Xmx above the limit: names, node and a limit that fits the heap', async () => {
    const { steps, all } = await stepsFor(fixture('describe-pod/oomkilled-java.txt'), 'oomkilled');
    expect(all).toContain("export NS='shop' POD='order-service-5f7d8c9b6-x2lkp'");
    expect(all).toContain("export DEPLOY='order-service' CONTAINER='order-service' MEM_LIMIT='1920Mi'");
    expect(all).not.toMatch(/order-api|1536Mi/); // the article's example values are gone
    expect(all).not.toContain('<');
    // 1Gi × 1.5 = 1536Mi would not hold a 1536m heap: the suggestion is heap + a quarter.
    const node = steps.find((s) => s.command.startsWith('journalctl'))!;
    expect(node.on).toBe('the node that ran the pod (as root) — 10.128.130.75');
    expect(exportedBy(all, ['NS', 'POD', 'DEPLOY', 'CONTAINER', 'MEM_LIMIT'])).toEqual({
      NS: 'shop', POD: 'order-service-5f7d8c9b6-x2lkp', DEPLOY: 'order-service', CONTAINER: 'order-service', MEM_LIMIT: '1920Mi',
    });
  });

  it('OOMKilled with a limit and no JVM flags: 1.5× the limit; Chinese blocks have the same commands', async () => {
    const paste = fixture('describe-pod/oomkilled-java.txt').replace('      JAVA_OPTS:  -Xms768m -Xmx1536m\n', '      LOG_LEVEL:  info\n');
    const en = await stepsFor(paste, 'oomkilled', 'en');
    const zh = await stepsFor(paste, 'oomkilled', 'zh');
    expect(en.all).toContain("MEM_LIMIT='1536Mi'");
    expect(zh.steps.map((s) => s.command)).toEqual(en.steps.map((s) => s.command));
    expect(zh.steps[2]!.on).toBe('Pod 所在节点（root） — 10.128.130.75');
  });

  it('OOMKilled seen only in get pods: the limit is unknown, so one export line says what to put', async () => {
    const paste = [
      '$ kubectl get pods -n shop -o wide',
      'NAME                         READY   STATUS      RESTARTS      AGE   IP            NODE       NOMINATED NODE   READINESS GATES',
      'cart-7c6f9d8b5-q2w8x         0/1     OOMKilled   5 (40s ago)   12m   10.244.1.17   worker-2   <none>           <none>',
      'web-5d8f7c6b9-abcde          1/1     Running     0             3d    10.244.2.9    worker-3   <none>           <none>',
    ].join('\n');
    const { all, steps } = await stepsFor(paste, 'oomkilled');
    expect(all).toContain("POD='cart-7c6f9d8b5-q2w8x'");
    expect(all).toContain("DEPLOY='cart'");
    expect(steps[2]!.on).toContain('worker-2');
    for (const name of ['CONTAINER', 'MEM_LIMIT']) {
      const lines = exportsOf(all, name);
      expect(lines, name).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^export ${name}='<[^']+>'$`));
    }
    expect(exportsOf(all, 'NS')).toEqual(["export NS='shop' POD='cart-7c6f9d8b5-q2w8x'"]); // from the prompt's -n shop
  });

  it('Pending for memory: requests from the paste, halved for the resource that does not fit', async () => {
    const { all } = await stepsFor(fixture('describe-pod/insufficient-memory-busybox.txt'), 'pod-pending-insufficient-resources');
    expect(all).toContain("export NS='gateway-system' POD='busybox'");
    expect(all).toContain("MEM_REQUEST='8Gi'");
    expect(all).not.toMatch(/250m|512Mi/);
    // A bare pod: no owner to change; the line says where to look instead of guessing.
    expect(exportsOf(all, 'DEPLOY')).toEqual([`export DEPLOY='<workload name — "Controlled By:" in describe pod, without the ReplicaSet hash>'`]);
  });

  it('ImagePullBackOff: image, node and the Deployment from the ReplicaSet', async () => {
    const { all, steps } = await stepsFor(fixture('describe-pod/image-pull-manifest-unknown-v1-35.txt'), 'image-pull-failure');
    expect(all).toContain("export NS='shop' POD='checkout-6c9f8d7b5-vx4k2'");
    expect(all).toContain("IMAGE='registry.local/shop/checkout:v2.7.0-rc1'");
    expect(all).toContain("DEPLOY='checkout'");
    expect(steps.find((s) => /crictl|ctr /.test(s.command))?.on).toMatch(/worker-1$/);
  });

  it('a StatefulSet pod: the workload commands name the StatefulSet, not a Deployment', async () => {
    const { all } = await stepsFor(fixture('describe-pod/unbound-pvc-mysql.txt'), 'pod-pending-unbound-pvc');
    expect(all).toContain("export NS='db' POD='mysql-0'");
    expect(all).toContain("PVC='data-mysql-0'");
    const crash = await diagnose(fixture('describe-pod/unbound-pvc-mysql.txt'), ruleSet());
    const f = { ...crash.findings[0]!, article: 'oomkilled' };
    const oom = fillSteps(f, parseRecipe(article('oomkilled', 'en')), 'en').map((s) => s.command).join('\n');
    expect(oom).toContain('set resources statefulset/"${DEPLOY}"');
    expect(oom).not.toContain('deployment/');
    expect(oom).toContain("DEPLOY='mysql'");
  });

  it('a node finding: the node is filled in and steps on the node say which one', async () => {
    const { all, steps } = await stepsFor(fixture('describe-node/pid-pressure.txt'), 'node-pid-pressure');
    expect(exportsOf(all, 'NODE')).toEqual(["export NODE='worker-5'"]);
    const onNode = steps.filter((s) => s.on.startsWith('the affected node'));
    expect(onNode.length).toBeGreaterThan(0);
    for (const s of onNode) expect(s.on).toMatch(/— worker-5$/);
    // A step for any host with kubectl keeps its place as written.
    expect(steps.some((s) => s.on === 'any host with kubectl and cluster-admin access')).toBe(true);
  });

  it('ConfigMap not found: the missing ConfigMap comes from the event', async () => {
    const { all } = await stepsFor(fixture('describe-pod/configmap-not-found.txt'), 'config-missing');
    expect(all).toContain("CM='payment-config'");
    expect(all).toContain("export NS='default' POD='payment-api-6d5c8b7f9-7hx2c'");
  });
});

describe('hostile names', () => {
  it('a pasted name never becomes an executable part of a command', async () => {
    const evil = "web-$(touch${IFS}/tmp/kb-pwned)-'x'`id`";
    const paste = fixture('describe-pod/oomkilled-java.txt').replaceAll('order-service-5f7d8c9b6-x2lkp', evil).replace('Namespace:        shop', "Namespace:        sh'op;reboot");
    const { finding, all } = await stepsFor(paste, 'oomkilled');
    expect(finding.subject.name).toBe(evil);
    const got = exportedBy(all, ['POD', 'NS']);
    expect(got).toEqual({ POD: evil, NS: "sh'op;reboot" });
    // Only export lines carry pasted text; every other line is the article's own.
    const articleLines = new Set(parseRecipe(article('oomkilled', 'en')).flatMap((b) => b.lines));
    for (const line of all.split('\n')) if (!line.startsWith('export ')) expect(articleLines.has(line), line).toBe(true);
  });

  it('an unnamed fragment fills nothing it cannot know', async () => {
    const paste = ['    Last State:     Terminated', '      Reason:       OOMKilled', '      Exit Code:    137'].join('\n');
    const { all } = await stepsFor(paste, 'oomkilled');
    expect(all).not.toContain('(unnamed)');
    for (const name of ['NS', 'POD', 'DEPLOY', 'CONTAINER', 'MEM_LIMIT']) expect(exportsOf(all, name), name).toHaveLength(1);
  });
});

describe('step values', () => {
  it('never borrow another pod\'s describe block', async () => {
    // Two pods described; the OOMKilled one is only in get pods: its container and limit are unknown.
    const describe = fixture('describe-pod/insufficient-memory-busybox.txt');
    const paste = `${describe}\n${describe.replaceAll('busybox', 'other')}\n$ kubectl get pods -n gateway-system\nNAME            READY   STATUS      RESTARTS   AGE\ncart-7c6f9d8b5-q2w8x   0/1     OOMKilled   3          5m\n`;
    const { findings } = await diagnose(paste, ruleSet());
    const oom = findings.find((f) => f.article === 'oomkilled')!;
    expect(oom.subject.name).toBe('cart-7c6f9d8b5-q2w8x');
    expect(oom.values).toEqual({ namespace: 'gateway-system', pod: 'cart-7c6f9d8b5-q2w8x', ownerKind: 'deployment', owner: 'cart' });
  });

  it('read a 3,000-pod paste once, not once per finding', () => {
    const block = (i: number) => [
      `Name:         web-${i}`, 'Namespace:    shop', `Node:         worker-${i % 7}/10.0.0.${i % 250}`, 'Containers:', '  web:', '    Image:   nginx:1.25',
      '    Limits:', '      memory:  256Mi', '    Last State:   Terminated', '      Reason:     OOMKilled', '      Exit Code:  137', '',
    ];
    const texts = Array.from({ length: 3000 }, (_, i) => block(i)).flat();
    const sections = [{ kind: 'describe-pod' as const, startLine: 1, endLine: texts.length }];
    const findings: Finding[] = Array.from({ length: 200 }, (_, i) => ({
      ruleId: 'x', article: 'oomkilled', severity: 'critical' as const, score: 1, count: 1, captures: {},
      subject: { kind: 'Pod', namespace: 'shop', name: `web-${i * 15}` }, subjects: [], evidence: [{ line: i * 15 * 12 + 10, text: '' }],
    }));
    const t = performance.now();
    attachStepValues(findings, texts, sections);
    const ms = performance.now() - t;
    expect(findings[7]!.values).toMatchObject({ pod: 'web-105', node: 'worker-0', container: 'web', memLimit: '256Mi' });
    expect(stepValues(findings[199]!, texts, sections)).toMatchObject({ pod: 'web-2985', node: 'worker-3' });
    expect(ms).toBeLessThan(1500);
  });
});

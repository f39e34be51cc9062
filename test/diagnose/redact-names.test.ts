/**
 * Redaction, issue #15 item 4: the knowledge base's own links survive, and a workload's name is
 * masked the same way wherever it appears (labels, images, container names, event messages, owner
 * names, the prefix of its pods' names). Realistic describe output with tabs, events and a klog line.
 */
import { describe, expect, it } from 'vitest';
import { createRedactor, redact } from '../../src/diagnose/redact.ts';
import { buildReport, type ReportLabels } from '../../src/diagnose/report.ts';
import { cpuGrowth } from '../engine/timing.ts';

const DESCRIBE = [
  '[root@jump-01 ~]# kubectl describe pod order-service-7d9f8c6b5-x2x9k -n shop',
  'Name:             order-service-7d9f8c6b5-x2x9k',
  'Namespace:        shop',
  'Node:             worker-3.prod.corp.example/10.20.3.17',
  'Labels:           app=order-service',
  '                  pod-template-hash=7d9f8c6b5',
  'Controlled By:    ReplicaSet/order-service-7d9f8c6b5',
  'Containers:',
  '  order-service:',
  '    Container ID:   containerd://4f1c2b',
  '    Image:          harbor.corp.example/payments/order-service:1.2',
  '    Image ID:       harbor.corp.example/payments/order-service@sha256:9a8b7c6d5e4f',
  '    Last State:     Terminated',
  '      Reason:       OOMKilled',
  '      Exit Code:    137',
  'Events:',
  '  Type\tReason\tAge\tFrom\tMessage',
  '  ----\t------\t----\t----\t-------',
  '  Normal\tPulled\t2m\tkubelet\tContainer image "harbor.corp.example/payments/order-service:1.2" already present on machine',
  '  Normal\tCreated\t2m\tkubelet\tCreated container order-service',
  '  Normal\tStarted\t2m\tkubelet\tStarted container order-service',
  '  Warning\tBackOff\t1m (x5 over 3m)\tkubelet\tBack-off restarting failed container order-service in pod order-service-7d9f8c6b5-x2x9k_shop(2f0c4e1a)',
  '[root@jump-01 ~]# kubectl logs order-service-7d9f8c6b5-q8w2z -c order-service --previous',
  'I1207 03:12:44.123456    2211 kubelet.go:2440] "SyncLoop (probe)" probe="liveness" status="unhealthy" pod="shop/order-service-7d9f8c6b5-x2x9k"',
  '  Warning  Unhealthy  30s  kubelet  spec.containers{order-service}: Liveness probe failed: HTTP probe failed with statuscode: 500',
].join('\n');

describe('redact: one workload, one mask', () => {
  const out = redact(DESCRIBE).text;
  const placeholder = /app=(<name-\d+>)/.exec(out)?.[1];

  it('masks the app name in labels, images, container names, messages, owners and pod-name prefixes alike', () => {
    expect(placeholder).toBeDefined();
    expect(out).not.toContain('order-service');
    expect(out).not.toContain('shop');
    expect(out).not.toContain('harbor.corp.example');
    const p = placeholder!;
    expect(out).toContain(`Name:             ${p}-7d9f8c6b5-x2x9k`);
    expect(out).toContain(`Controlled By:    ReplicaSet/${p}-7d9f8c6b5`);
    expect(out).toContain(`\n  ${p}:\n`);
    expect(out).toMatch(new RegExp(`Image: +<host-\\d+>/payments/${p}:1\\.2`));
    expect(out).toContain(`Created container ${p}`);
    expect(out).toContain(`Started container ${p}`);
    expect(out).toContain(`restarting failed container ${p} in pod ${p}-7d9f8c6b5-x2x9k_`);
    expect(out).toContain(`kubectl logs ${p}-7d9f8c6b5-q8w2z -c ${p} --previous`);
    expect(out).toMatch(new RegExp(`pod="<name-\\d+>/${p}-7d9f8c6b5-x2x9k"`));
    expect(out).toContain(`spec.containers{${p}}`);
  });

  it('keeps what is not a name: the pod-template hash label, reasons, exit codes, file names', () => {
    expect(out).toContain('pod-template-hash=7d9f8c6b5');
    expect(out).toContain('Reason:       OOMKilled');
    expect(out).toContain('Exit Code:    137');
    expect(out).toContain('kubelet.go:2440');
    expect(out.split('\n').length).toBe(DESCRIBE.split('\n').length);
  });

  it('does not take YAML keys or ordinary words after "container" for names', () => {
    const yaml = 'spec:\n  containers:\n  - name: web\n    image: nginx:1.25\n  volumes:\n  - name: data\nKilling container with id containerd://abc\nContainer image "nginx:1.25" already present';
    const r = redact(yaml).text;
    expect(r).toContain('spec:\n  containers:\n');
    expect(r).toContain('  volumes:\n');
    expect(r).toContain('Killing container with id');
    expect(r).toContain('Container image "<name-1>:1.25"');
  });

  it('does not split names that merely end in a word (web-frontend is not a pod of web)', () => {
    const r = redact('Labels: app=web\nweb-frontend-api is up\nweb-7d9f8c6b5-x2x9k restarted').text;
    expect(r).toContain('web-frontend-api is up');
    expect(r).toContain('app=<name-1>\n');
    expect(r).toContain('<name-1>-7d9f8c6b5-x2x9k restarted');
  });

  it('keeps images of the Kubernetes registries', () => {
    const r = redact('    Image:          registry.k8s.io/coredns/coredns:v1.11.1').text;
    expect(r).toContain('registry.k8s.io/coredns/coredns:v1.11.1');
  });
});

describe("redact: the knowledge base's own links survive", () => {
  it('keeps index.html, .mjs and other file names, which are not host names', () => {
    const r = redact('open ../../en/articles/oomkilled/index.html or run node k8s-kb.mjs diagnose dump.txt').text;
    expect(r).toBe('open ../../en/articles/oomkilled/index.html or run node k8s-kb.mjs diagnose dump.txt');
  });

  it("keeps the site's own host and address when told, and masks the same host nowhere else", () => {
    const redactor = createRedactor({ keepHosts: ['kb.intranet.corp', '10.1.2.3'] });
    const r = redactor('see http://kb.intranet.corp:8080/k8s-kb/en/articles/oomkilled/index.html and http://10.1.2.3/zh/\napi at 10.1.2.4 on api.intranet.corp').text;
    expect(r).toContain('http://kb.intranet.corp:8080/k8s-kb/en/articles/oomkilled/index.html');
    expect(r).toContain('http://10.1.2.3/zh/');
    expect(r).toContain('api at <ip-1> on <host-1>');
  });

  it('puts the article link into a redacted report as it is, while the paste in it is masked', () => {
    const redactor = createRedactor({ keepHosts: ['kb.intranet.corp'] });
    const url = 'http://kb.intranet.corp/k8s-kb/en/articles/oomkilled/index.html';
    const labels: ReportLabels = {
      heading: 'k8s-kb diagnosis', recognised: 'Recognised', findings: 'Findings', noFindings: 'None',
      severity: { critical: 'Critical', warning: 'Warning', info: 'Info' }, subject: 'Affects', evidence: 'Evidence',
      captured: 'Found', article: 'Open the article', lineRange: 'lines {from}–{to}', more: 'more', sectionKinds: {},
    };
    const result = {
      sections: [],
      messages: [],
      findings: [{
        ruleId: 'oomkilled-last-state', article: 'oomkilled', severity: 'critical' as const, score: 0.9,
        subject: { kind: 'Pod', namespace: 'shop', name: 'order-service-7d9f8c6b5-x2x9k' },
        evidence: [{ line: 14, text: '      Reason:       OOMKilled' }], captures: {}, count: 1,
        subjects: [{ kind: 'Pod', namespace: 'shop', name: 'order-service-7d9f8c6b5-x2x9k' }],
      }],
    };
    const shared = redactor(DESCRIBE).text;
    const md = buildReport(result, shared.split('\n'), { oomkilled: { title: 'Container OOMKilled', summary: '', url } }, labels, (s) => redactor(s).text);
    expect(md).toContain(`](${url})`);
    expect(md).not.toContain('order-service');
    expect(md).toMatch(/`Pod <name-\d+>\/<name-\d+>-7d9f8c6b5-x2x9k`/);
  });

  it('puts the filled-in steps under each finding, masked like the paste, in a block nothing can close', () => {
    const redactor = createRedactor();
    const labels: ReportLabels = {
      heading: 'k8s-kb diagnosis', recognised: 'Recognised', findings: 'Findings', noFindings: 'None',
      severity: { critical: 'Critical', warning: 'Warning', info: 'Info' }, subject: 'Affects', evidence: 'Evidence',
      captured: 'Found', article: 'Open the article', lineRange: 'lines {from}–{to}', more: 'more', sectionKinds: {},
      firstSteps: 'First recovery steps', stepOn: 'Run on: {on}',
    };
    const pod = { kind: 'Pod', namespace: 'shop', name: 'order-service-7d9f8c6b5-x2x9k' };
    const steps = [
      { on: 'any host with kubectl access to the cluster', command: "export NS='shop' POD='order-service-7d9f8c6b5-x2x9k'\nkubectl -n \"${NS}\" describe pod \"${POD}\"" },
      { on: 'any host with kubectl access to the cluster', command: 'echo ```` done' },
      { on: 'the node that ran the pod (as root)', command: 'journalctl -k --since "2 hours ago" --no-pager' },
    ];
    const result = {
      sections: [],
      messages: [],
      findings: [{ ruleId: 'oomkilled-last-state', article: 'oomkilled', severity: 'critical' as const, score: 0.9, subject: pod, evidence: [], captures: {}, count: 1, subjects: [pod], steps }],
    };
    redactor(DESCRIBE);
    const md = buildReport(result, [], { oomkilled: { title: 'Container OOMKilled', summary: '', url: 'x' } }, labels, (s) => redactor(s).text);
    const block = md.slice(md.indexOf('First recovery steps'));
    expect(block).toContain('`````bash');
    expect(block.match(/# Run on: /g)).toHaveLength(2);
    expect(block).toContain('kubectl -n "${NS}" describe pod "${POD}"');
    expect(block).not.toContain('order-service');
    // Without the labels (an older caller) the report has no steps section.
    expect(buildReport(result, [], {}, { ...labels, firstSteps: undefined })).not.toContain('Run on');
  });
});

describe('redact: linear time', () => {
  const events = (n: number) => {
    let s = 'NAMESPACE   LAST SEEN   TYPE      REASON    OBJECT                              MESSAGE\n';
    for (let i = 0; i < n; i++) {
      s += `team-${i % 40}   2m   Normal   Created   pod/svc-${i}-7d9f8c6b5-x2x9k   Created container svc-${i}\n`;
      s += `team-${i % 40}   2m   Normal   Pulled    pod/svc-${i}-7d9f8c6b5-x2x9k   Container image "harbor.corp/x/svc-${i}:1.${i}" already present on machine\n`;
    }
    return s;
  };
  const ratio = async (make: (n: number) => string, n: number) => cpuGrowth(redact, make, n);

  it('grows linearly with thousands of workloads, labels and images (4× input, well under 16× time)', async () => {
    expect(await ratio(events, 1000)).toBeLessThan(10);
  });

  it('stays linear on hostile runs aimed at the new patterns', async () => {
    for (const unit of ['app=a', 'Image: a/', 'image "a/', 'Created container a', 'x-7d9f8c6b5-', 'Containers:\n  a:\n', 'spec.containers{a']) {
      expect(await ratio((n) => unit.repeat(n), 10_000), unit).toBeLessThan(10);
    }
  });
});

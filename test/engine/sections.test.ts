import { describe, expect, it } from 'vitest';
import { parsePrompt } from '../../src/engine/commands.ts';
import { normalize } from '../../src/engine/normalize.ts';
import { splitSections } from '../../src/engine/sections.ts';

function kinds(text: string) {
  return splitSections(normalize(text).texts).map((s) => [s.parser.kind, s.startLine, s.endLine]);
}

describe('sections', () => {
  it('recognises the prompt shapes people paste', () => {
    for (const p of ['$ kubectl get po -A', '[root@gd-dvnsfmaster1 ~]# kubectl describe po busybox', 'controlplane $ k get po', '(⎈|prod:shop)ops@jump01:~$ kubectl logs web-1', 'root@master01:~# journalctl -u kubelet', 'PS C:\\Users\\ops> kubectl get events', '[user@k8s ~]# oc get pods']) {
      expect(parsePrompt(p), p).not.toBeNull();
    }
    for (const notPrompt of ['# Troubleshooting', '$ 5 dollars', 'Name:   web-1', '  Warning  BackOff  1m  kubelet  Back-off']) expect(parsePrompt(notPrompt), notPrompt).toBeNull();
  });

  it('reads what the command says about its output', () => {
    expect(parsePrompt('$ kubectl -n shop get pods -o wide')).toMatchObject({ verb: 'get', resource: 'pods', namespace: 'shop', output: 'wide', kind: 'get-pods' });
    expect(parsePrompt('$ k describe no worker-1')).toMatchObject({ verb: 'describe', kind: 'describe-node', name: 'worker-1' });
    expect(parsePrompt('$ kubectl get po web-1 -oyaml')).toMatchObject({ kind: 'yaml' });
    expect(parsePrompt('$ kubectl logs -n kube-system etcd-master1 --tail 20')).toMatchObject({ kind: 'etcd-log', name: 'etcd-master1' });
    expect(parsePrompt('$ sudo journalctl -u kubelet --since "1 hour ago"')).toMatchObject({ kind: 'kubelet-log', name: 'kubelet' });
    expect(parsePrompt('$ watch -n 2 kubectl get po -A')).toMatchObject({ tool: 'kubectl', kind: 'get-pods', allNamespaces: true });
    expect(parsePrompt('[root@m1 ~]# watch -d --interval=5 kubectl get nodes')).toMatchObject({ tool: 'kubectl', kind: 'get-nodes' });
    expect(parsePrompt('$ KUBECONFIG=/tmp/prod.conf kubectl get ev -A')).toMatchObject({ tool: 'kubectl', kind: 'get-events' });
    expect(parsePrompt('$ LANG=C not-a-tool x')).toBeNull();
    // busybox / alpine shells inside a container print the directory before the prompt sign
    expect(parsePrompt('/ # kubectl get pods')).toMatchObject({ tool: 'kubectl', kind: 'get-pods' });
    expect(parsePrompt('/var/log # journalctl -u kubelet')).toMatchObject({ kind: 'kubelet-log' });
    expect(parsePrompt('/ # echo hello')).toBeNull();
    // shell aliases: oh-my-zsh's kubectl plugin and ahmetb/kubectl-aliases
    expect(parsePrompt('$ kgp -n shop')).toMatchObject({ tool: 'kubectl', verb: 'get', kind: 'get-pods', namespace: 'shop' });
    expect(parsePrompt('kgpa')).toMatchObject({ kind: 'get-pods', allNamespaces: true });
    expect(parsePrompt('❯ kdno worker-2')).toMatchObject({ verb: 'describe', kind: 'describe-node', name: 'worker-2' });
    expect(parsePrompt('$ kgpoowide')).toMatchObject({ kind: 'get-pods', output: 'wide' });
    expect(parsePrompt('ops@jump01:~$ kgpoallowide')).toMatchObject({ kind: 'get-pods', allNamespaces: true, output: 'wide' });
    expect(parsePrompt('$ kdp web-1')).toMatchObject({ kind: 'describe-pod', name: 'web-1' });
    expect(parsePrompt('$ klf web-1')).toMatchObject({ verb: 'logs', kind: 'log', name: 'web-1' });
    // words that only look like aliases
    expect(parsePrompt('$ kgbxyz --help')).toBeNull();
    expect(parsePrompt('kdxyz is a word')).toBeNull();
    expect(parsePrompt('[root@m1 ~]# KUBECONFIG=/etc/kubernetes/admin.conf kubectl.exe describe  pod web-1 | grep -A5 State')).toMatchObject({ tool: 'kubectl', kind: 'describe-pod', name: 'web-1' });
  });

  it('splits a multi-command paste at each prompt and keeps the prompt in the section', () => {
    const text = ['$ kubectl get nodes', 'NAME     STATUS     ROLES    AGE   VERSION', 'node-1   NotReady   <none>   3d    v1.29.3', '$ kubectl describe node node-1', 'Name:    node-1', 'Roles:   <none>', 'Taints:  <none>', '$ kubectl get pods', 'The connection to the server 10.0.0.1:6443 was refused - did you specify the right host or port?'].join('\n');
    expect(kinds(text)).toEqual([['get-nodes', 1, 3], ['describe-node', 4, 7], ['cli-output', 8, 9]]);
  });

  it('splits by content when there are no prompts', () => {
    const text = ['NAME     READY   STATUS    RESTARTS   AGE', 'web-1    1/1     Running   0          5d', '', 'Name:         web-1', 'Namespace:    shop', 'Containers:', '  app:', '    State:  Running', 'Jan 18 10:00:01 node-1 kubelet[12]: I0118 10:00:01.000000      12 kubelet.go:1] started'].join('\n');
    expect(kinds(text)).toEqual([['get-pods', 1, 3], ['describe-pod', 4, 8], ['journal', 9, 9]]);
  });

  it('keeps a JSON document whole until its brackets close', () => {
    expect(kinds('{\n  "kind": "Pod",\n  "metadata": {\n"name": "x"\n  }\n}\nNAME   READY   STATUS   RESTARTS   AGE\nx   1/1   Running   0   1d')).toEqual([['json', 1, 6], ['get-pods', 7, 8]]);
  });
});

describe('parser scores', () => {
  it('stay within 0..1 on every fixture, as chooseParser relies on to stop early', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { PARSERS } = await import('../../src/engine/parsers/index.ts');
    const files: string[] = [];
    const walk = (d: string) => {
      for (const n of readdirSync(d)) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (n.endsWith('.txt')) files.push(p);
      }
    };
    walk(join(import.meta.dirname, '../fixtures'));
    let checked = 0;
    for (const f of files) {
      for (const s of splitSections(normalize(readFileSync(f, 'utf8')).texts)) {
        for (const p of PARSERS) {
          const score = p.detect(s.lines, s.hint);
          expect(score >= 0 && score <= 1, `${p.kind} on ${f}: ${score}`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

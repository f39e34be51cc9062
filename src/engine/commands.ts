/**
 * Recognises shell prompt lines and the command on them, so a paste of several commands splits
 * where the user typed each one, and each output is read as what the command prints:
 *
 * ```
 * $ kubectl get po -A
 * [root@gd-dvnsfmaster1 ~]# kubectl describe po busybox
 * controlplane $ k get nodes -o wide
 * (⎈|prod:shop)ops@jump01:~$ kubectl logs web-1 --previous
 * root@master01:~# journalctl -u kubelet --since "10 min ago"
 * PS C:\Users\ops> kubectl get events
 * ```
 */
import type { CommandHint } from './parsers/parser.ts';
import type { SectionKind } from './types.ts';

const TOOLS = 'kubectl|kubecolor|k|oc|k[gd][a-z]{1,14}|klf?|etcdctl|etcdctlv3|journalctl|crictl|docker|nerdctl|ctr|systemctl|kubeadm|helm|cat|tail|head|less|grep|egrep|zgrep|ls|ll|df|du|free|top|date|timedatectl|chronyc|ntpq|ntpdate|ss|netstat|curl|wget|nslookup|dig|ping|telnet|nc|ip|iptables|ipvsadm|dmesg|sysctl|ps|uptime|openssl|watch|sudo|export|env|ETCDCTL_API=3';
// Prompt shapes that are unmistakable (user@host, [user@host dir]#, (⎈|ctx:ns)…$, "controlplane $"):
// any command may follow. Bare "$ ", "# ", "> " are common in other text, so a known tool must follow.
const STRONG_PROMPT = /^(?:\[[^\]\n]{1,80}\]\s?[#$]\s*|\([^)\n]{1,80}\)[^\s$#]{0,80}[$#%]\s+|[\w.-]+@[\w.-]+(?::[^\s$#]*)?\s?[$#%]\s+|[\w.-]+ \$\s+|PS [A-Z]:\\[^>\n]{0,120}>\s*|➜\s+\S+\s+)(\S.*)$/;
// A weak prompt may set variables first (`$ KUBECONFIG=/etc/kubernetes/admin.conf kubectl get no`).
// A directory may come first, as in a container's shell (`/ # kubectl get po`, `/app $ curl …`).
const WEAK_PROMPT = new RegExp(String.raw`^(?:(?:~|/[^\s#$>%]{0,120})\s)?(?:\$\s+|#\s+|>\s+|%\s+|❯\s+)((?:\w+=\S*\s+)*(?:${TOOLS})\b.*)$`);
const BARE = /^((?:sudo\s+)?(?:kubectl|kubecolor|oc|etcdctl|journalctl|crictl)\s+[a-z-]+\b.*|k\s+(?:get|describe|logs|events|top|apply|create|delete|rollout)\b.*|k[gd](?:po|p|pa|pw|pwide|no|d|dep|s|svc|ss|sts|ds|pvc|rs|e|ev)\b(?:\s.*)?|ETCDCTL_API=3\s+etcdctl\b.*)$/;

/** Parses a prompt line; returns null when the line is not a typed command. */
export function parsePrompt(text: string): CommandHint | null {
  const strong = STRONG_PROMPT.exec(text);
  const m = strong ?? WEAK_PROMPT.exec(text) ?? BARE.exec(text);
  if (!m) return null;
  const hint = parseCommand(m[1]!);
  // `k[gd]…` in TOOLS admits any such word after a weak prompt; only a known alias is a command.
  if (!strong && /^k[gd]/.test(hint.tool)) return null;
  return hint;
}

/**
 * Shell aliases for kubectl that people paste as typed: the oh-my-zsh kubectl plugin's (`kgp`,
 * `kdno`, `kgpa` …) and ahmetb/kubectl-aliases' systematic ones (`kgpo`, `kgpoowide`, `kgdepall`).
 */
const ALIASES: Record<string, string> = {
  kgp: 'get pods', kgpa: 'get pods --all-namespaces', kgpw: 'get pods --watch', kgpwide: 'get pods -o wide', kdp: 'describe pods',
  kgno: 'get nodes', kdno: 'describe nodes', kgd: 'get deployment', kgda: 'get deployment --all-namespaces', kdd: 'describe deployment',
  kgs: 'get svc', kgsa: 'get svc --all-namespaces', kds: 'describe svc', kgpvc: 'get pvc', kgpvca: 'get pvc --all-namespaces', kdpvc: 'describe pvc',
  kgss: 'get statefulset', kgssa: 'get statefulset --all-namespaces', kdss: 'describe statefulset', kgds: 'get daemonset', kdds: 'describe daemonset',
  kgrs: 'get rs', kdrs: 'describe rs', kge: 'get events', kgev: 'get events', kga: 'get all', kgaa: 'get all --all-namespaces', kl: 'logs', klf: 'logs -f',
};
const AHMETB_RESOURCES: Record<string, string> = { po: 'pods', dep: 'deployment', sts: 'statefulset', svc: 'service', ing: 'ingress', cm: 'configmap', sec: 'secret', no: 'nodes', ns: 'namespaces' };
const AHMETB = /^k([gd])(po|dep|sts|svc|ing|cm|sec|no|ns)(all)?(oyaml|ojson|owide|wide)?(w)?$/;

/** The kubectl words an alias stands for, or null when `word` is not one. */
export function expandAlias(word: string): string[] | null {
  const known = ALIASES[word];
  if (known) return known.split(' ');
  const m = AHMETB.exec(word);
  if (!m) return null;
  const words = [m[1] === 'g' ? 'get' : 'describe', AHMETB_RESOURCES[m[2]!]!];
  if (m[3]) words.push('--all-namespaces');
  if (m[4]) words.push('-o', m[4].replace(/^o/, ''));
  if (m[5]) words.push('--watch');
  return words;
}

const GET_KINDS: Record<string, SectionKind> = {
  po: 'get-pods', pod: 'get-pods', pods: 'get-pods',
  no: 'get-nodes', node: 'get-nodes', nodes: 'get-nodes',
  ev: 'get-events', event: 'get-events', events: 'get-events',
  cs: 'get-componentstatuses', componentstatus: 'get-componentstatuses', componentstatuses: 'get-componentstatuses',
  pvc: 'get-pvc', persistentvolumeclaim: 'get-pvc', persistentvolumeclaims: 'get-pvc',
  deploy: 'get-deployments', deployment: 'get-deployments', deployments: 'get-deployments',
  ep: 'get-endpoints', endpoints: 'get-endpoints',
};
const DESCRIBE_KINDS: Record<string, SectionKind> = {
  po: 'describe-pod', pod: 'describe-pod', pods: 'describe-pod',
  no: 'describe-node', node: 'describe-node', nodes: 'describe-node',
  pvc: 'describe-pvc', persistentvolumeclaim: 'describe-pvc', persistentvolumeclaims: 'describe-pvc',
  deploy: 'describe-deployment', deployment: 'describe-deployment', deployments: 'describe-deployment',
  sts: 'describe-statefulset', statefulset: 'describe-statefulset', statefulsets: 'describe-statefulset',
  rs: 'describe-replicaset', replicaset: 'describe-replicaset', replicasets: 'describe-replicaset',
  ds: 'describe-daemonset', daemonset: 'describe-daemonset', daemonsets: 'describe-daemonset',
  svc: 'describe-service', service: 'describe-service', services: 'describe-service',
};
const OTHER_TOOLS_OUTPUT = new Set(['etcdctl', 'etcdctlv3', 'kubeadm', 'systemctl', 'date', 'timedatectl', 'chronyc', 'ntpq', 'ntpdate', 'df', 'free', 'ss', 'netstat', 'curl', 'wget', 'nslookup', 'dig', 'ping', 'telnet', 'nc', 'openssl', 'sysctl', 'helm', 'ipvsadm', 'iptables', 'ip', 'uptime']);

/** Reads a command line (after the prompt) into a hint. */
const WRAPPERS = new Set(['sudo', 'watch', 'time']);
const KUBECTL = new Set(['kubectl', 'kubecolor', 'k', 'oc']);
const ENV_ASSIGNMENT = /^\w+=\S*$/;

function isSpace(c: number, text: string, i: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(text[i]!));
}

/** The words of the command before any pipe (what `split('|')[0].trim().split(/\s+/)` gives). */
function commandWords(command: string): string[] {
  const pipe = command.indexOf('|');
  const n = pipe === -1 ? command.length : pipe;
  const words: string[] = [];
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(command.charCodeAt(i), command, i)) i++;
    const start = i;
    while (i < n && !isSpace(command.charCodeAt(i), command, i)) i++;
    if (i > start) words.push(command.slice(start, i));
  }
  return words;
}

export function parseCommand(command: string): CommandHint {
  const words = commandWords(command);
  while (words.length && (WRAPPERS.has(words[0]!) || (words[0]!.includes('=') && ENV_ASSIGNMENT.test(words[0]!)))) {
    if (words.shift() !== 'watch') continue;
    // watch's own options: `watch -n 2 kubectl get pods`, `watch -d -n2 …`, `watch --interval=5 …`
    while (words[0]?.startsWith('-')) {
      const option = words.shift();
      if (option === '-n' || option === '--interval') words.shift();
    }
  }
  let tool = words.shift() ?? '';
  if (tool.endsWith('.exe')) tool = tool.slice(0, -4);
  const expanded = expandAlias(tool);
  if (expanded) {
    tool = 'kubectl';
    words.unshift(...expanded);
  }
  const hint: CommandHint = { tool };
  if (KUBECTL.has(tool)) {
    const args: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (w === '-A' || w === '--all-namespaces') hint.allNamespaces = true;
      else if (w === '-n' || w === '--namespace') hint.namespace = words[++i];
      else if (w.startsWith('--namespace=')) hint.namespace = w.slice(12);
      else if (w.startsWith('-n') && w.length > 2 && !w.startsWith('--')) hint.namespace = w.slice(2);
      else if (w === '-o' || w === '--output') hint.output = words[++i];
      else if (/^-o\S/.test(w)) hint.output = w.slice(2).replace(/^=/, '');
      else if (w.startsWith('--output=')) hint.output = w.slice(9);
      else if (w === '-c' || w === '--container' || w === '-l' || w === '--selector' || w === '--field-selector' || w === '--sort-by' || w === '--since' || w === '--tail' || w === '--context') i++;
      else if (!w.startsWith('-')) args.push(w);
    }
    hint.verb = args[0];
    const target = args[1] ?? '';
    const [resource, slashName] = target.includes('/') ? target.split('/', 2) : [target, undefined];
    hint.resource = resource?.toLowerCase().split(',')[0];
    hint.name = slashName ?? args[2];
    if (hint.verb === 'logs') {
      hint.name = slashName ?? (resource || undefined);
      hint.resource = 'pod';
      hint.kind = /^etcd/.test(hint.name ?? '') ? 'etcd-log' : 'log';
    } else if (hint.verb === 'events') hint.kind = 'get-events';
    else if (hint.output === 'yaml' || hint.output === 'json') hint.kind = hint.output;
    else if (hint.verb === 'get') hint.kind = GET_KINDS[hint.resource ?? ''];
    else if (hint.verb === 'describe') hint.kind = DESCRIBE_KINDS[hint.resource ?? ''];
    else hint.kind = 'cli-output';
    return hint;
  }
  if (tool === 'journalctl') {
    const u = words.findIndex((w) => w === '-u' || w === '--unit' || w.startsWith('--unit='));
    const unit = u >= 0 ? (words[u]!.startsWith('--unit=') ? words[u]!.slice(7) : words[u + 1]) : undefined;
    hint.name = unit?.replace(/\.service$/, '');
    hint.kind = hint.name === 'etcd' ? 'etcd-log' : hint.name === 'kubelet' ? 'kubelet-log' : 'journal';
    return hint;
  }
  if ((tool === 'docker' || tool === 'crictl' || tool === 'nerdctl') && words[0] === 'logs') {
    hint.verb = 'logs';
    const args: string[] = [];
    for (let i = 1; i < words.length; i++) {
      const w = words[i]!;
      if (/^(?:--tail|-n|--since|--until)$/.test(w)) i++;
      else if (!w.startsWith('-')) args.push(w);
    }
    // `docker logs $(docker ps … )` names no container we can read.
    hint.name = args.length === 1 && !/[$`(]/.test(args[0]!) ? args[0] : undefined;
    hint.kind = /etcd/.test(hint.name ?? '') ? 'etcd-log' : 'log';
    return hint;
  }
  if (OTHER_TOOLS_OUTPUT.has(tool)) hint.kind = 'cli-output';
  if (tool === 'docker' || tool === 'crictl' || tool === 'nerdctl' || tool === 'ctr') hint.kind = 'cli-output';
  return hint;
}

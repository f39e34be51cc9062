/** What `k8s-kb collect` prints for people (stderr), in both languages; `{name}` placeholders. */
import type { Lang } from './messages.ts';

const en = {
  'start': 'k8s-kb collect: {kubectl}, context {context}, {scope} → {out}',
  'scope.all': 'all namespaces',
  'scope.one': 'namespace {namespace}',
  'context.current': 'from the kubeconfig',
  'step': '[{i}/{n}] kubectl {command} … ',
  'status.ok': 'ok ({seconds} s, {size})',
  'status.failed': 'failed (exit {code}): {error}',
  'status.forbidden': 'forbidden by RBAC, going on: {error}',
  'status.unauthorized': 'not authorised: {error}',
  'status.unreachable': 'cluster unreachable: {error}',
  'status.timeout': 'no answer within {seconds} s, stopped it',
  'status.missing': 'cannot start kubectl',
  'limit': 'Only the first {limit} {what} were collected; {count} more were left out.',
  'what.describePods': 'pods that are not Running/Ready',
  'what.describeNodes': 'nodes that are not Ready',
  'what.logs': 'crashing pods (logs)',
  'missing':
    'k8s-kb collect: kubectl not found ("{program}": {error}).\n' +
    'Install kubectl on this host, put it on PATH, or point KUBECTL=/path/to/kubectl at it.\n',
  'stop.unreachable':
    'Cannot reach the cluster: {error}\n' +
    'Check --context, --kubeconfig or KUBECONFIG, and that the API server answers from this host.\n',
  'stop.unauthorized':
    'The cluster refused the credentials: {error}\n' +
    'Check the user of the context (expired token or client certificate?).\n',
  'stop.failed': 'kubectl cannot talk to the cluster: {error}\n',
  'stop.saved': 'The error is saved in the bundle; `k8s-kb diagnose {out}` names the article for it.\n',
  'done': 'Bundle written: {out} ({size}); {summary}.\n',
  'summary.commands': '{count} commands',
  'summary.status': '{count} {status}',
  'redacted': 'Redacted: {ip} IP addresses, {host} host names, {secret} secrets, {name} names masked.\n',
  'next': 'Diagnose it where the knowledge base is: k8s-kb diagnose {out}\n',
  'error.outExists': 'k8s-kb collect: {out} already exists and is not empty; collect never overwrites (choose another --out).\n',
  'error.write': 'k8s-kb collect: cannot write {out}: {error}\n',
  'error.duration': 'k8s-kb collect: {option} needs a duration such as 30s, 10m or 2h, not "{value}".\n',
  'error.lines': 'k8s-kb collect: --logs needs a whole number of lines (0: no logs), not "{value}".\n',
  'error.namespace': 'k8s-kb collect: "{value}" is not a namespace name.\n',
  'error.scope': 'k8s-kb collect: use -n NAMESPACE or -A, not both.\n',
  'error.positional': 'k8s-kb collect: unexpected argument "{value}" (the bundle goes to --out).\n',
} as const;

export type CollectMessageKey = keyof typeof en;

const zh: Record<CollectMessageKey, string> = {
  'start': 'k8s-kb collect：{kubectl}，上下文 {context}，{scope} → {out}',
  'scope.all': '所有命名空间',
  'scope.one': '命名空间 {namespace}',
  'context.current': 'kubeconfig 中的当前上下文',
  'step': '[{i}/{n}] kubectl {command} … ',
  'status.ok': '完成（{seconds} 秒，{size}）',
  'status.failed': '失败（退出码 {code}）：{error}',
  'status.forbidden': 'RBAC 禁止，继续：{error}',
  'status.unauthorized': '认证失败：{error}',
  'status.unreachable': '集群不可达：{error}',
  'status.timeout': '{seconds} 秒内无响应，已终止',
  'status.missing': '无法启动 kubectl',
  'limit': '只收集了前 {limit} 个{what}，另有 {count} 个未收集。',
  'what.describePods': '未 Running/Ready 的 Pod',
  'what.describeNodes': '未 Ready 的节点',
  'what.logs': '崩溃中的 Pod（日志）',
  'missing':
    'k8s-kb collect：找不到 kubectl（"{program}"：{error}）。\n' +
    '请在本机安装 kubectl 并加入 PATH，或用 KUBECTL=/path/to/kubectl 指定。\n',
  'stop.unreachable':
    '无法连接集群：{error}\n' +
    '请检查 --context、--kubeconfig 或 KUBECONFIG，以及本机能否访问 API Server。\n',
  'stop.unauthorized':
    '集群拒绝了凭据：{error}\n' +
    '请检查该上下文的用户（令牌或客户端证书是否过期？）。\n',
  'stop.failed': 'kubectl 无法与集群通信：{error}\n',
  'stop.saved': '错误已保存在收集包中；`k8s-kb diagnose {out}` 会给出对应的处理文档。\n',
  'done': '收集包已写入：{out}（{size}）；{summary}。\n',
  'summary.commands': '共 {count} 条命令',
  'summary.status': '{status} {count}',
  'redacted': '已脱敏：IP 地址 {ip} 个，主机名 {host} 个，密钥 {secret} 个，名称 {name} 个。\n',
  'next': '在知识库所在的机器上诊断：k8s-kb diagnose {out}\n',
  'error.outExists': 'k8s-kb collect：{out} 已存在且不为空；collect 从不覆盖（请换一个 --out）。\n',
  'error.write': 'k8s-kb collect：无法写入 {out}：{error}\n',
  'error.duration': 'k8s-kb collect：{option} 需要一个时长，例如 30s、10m 或 2h，而不是 "{value}"。\n',
  'error.lines': 'k8s-kb collect：--logs 需要一个整数行数（0 表示不收集日志），而不是 "{value}"。\n',
  'error.namespace': 'k8s-kb collect："{value}" 不是合法的命名空间名称。\n',
  'error.scope': 'k8s-kb collect：-n 命名空间 与 -A 只能选一个。\n',
  'error.positional': 'k8s-kb collect：多余的参数 "{value}"（收集包写到 --out）。\n',
};

/** Status names in the summary line. */
export const STATUS_WORDS: Record<Lang, Record<string, string>> = {
  en: { ok: 'ok', failed: 'failed', forbidden: 'forbidden', unauthorized: 'unauthorised', unreachable: 'unreachable', timeout: 'timed out' },
  zh: { ok: '成功', failed: '失败', forbidden: 'RBAC 禁止', unauthorized: '认证失败', unreachable: '不可达', timeout: '超时' },
};

const TABLES: Record<Lang, Record<CollectMessageKey, string>> = { en, zh };

/** The collect message for `key` in `lang`, with `{name}` placeholders filled. */
export function ct(lang: Lang, key: CollectMessageKey, params: Record<string, string | number> = {}): string {
  return TABLES[lang][key].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

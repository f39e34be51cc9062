import { tokenize } from './tokenize.ts';

/**
 * Words that mean the same thing to an on-call engineer, in either language. A query token from
 * one group also searches for the others (both ways). Each entry is tokenized like a query, and
 * its first token is used, so entries must be single index tokens (dictionary.ts lists the Chinese ones).
 */
const GROUPS: readonly string[][] = [
  ['oom', 'oomkilled', '内存溢出', 'OutOfMemory'],
  ['notready', '节点不可用'],
  ['cert', 'certificate', '证书'],
  ['pvc', 'persistentvolumeclaim', '存储卷声明'],
  ['pv', 'persistentvolume', '持久卷'],
  ['crashloop', 'crashloopbackoff', '崩溃'],
  ['evicted', 'eviction', '驱逐'],
  ['taint', '污点'],
  ['toleration', '容忍'],
  ['probe', '探针'],
  ['image', '镜像'],
  ['dns', '域名解析'],
  ['apiserver', 'kube-apiserver'],
  ['expired', '过期'],
  ['timeout', '超时'],
  ['restart', '重启'],
  ['backup', '备份'],
  ['snapshot', '快照'],
  ['node', '节点'],
  ['disk', '磁盘'],
  ['memory', '内存'],
  ['quorum', '法定人数'],
  ['drain', '驱逐节点'],
  ['rollback', '回滚'],
];

let table: Map<string, string[]> | undefined;

/** Other tokens that mean the same as `token` (never includes `token` itself). */
export function synonymsOf(token: string): string[] {
  if (!table) {
    table = new Map();
    for (const group of GROUPS) {
      const tokens = [...new Set(group.map((w) => tokenize(w)[0]).filter((t): t is string => !!t))];
      for (const t of tokens) table.set(t, [...new Set([...(table.get(t) ?? []), ...tokens.filter((o) => o !== t)])]);
    }
  }
  return table.get(token) ?? [];
}

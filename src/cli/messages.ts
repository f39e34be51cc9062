/**
 * Every string the CLI prints for people, in both languages. Keys are flat and dotted; `{name}`
 * placeholders are filled by `t()`. The engine itself never produces prose (findings are codes).
 */
export type Lang = 'zh' | 'en';

const en = {
  'usage':
    'Usage:\n' +
    '  k8s-kb diagnose [--json] [--lang zh|en] [--rules DIR] [--base-url URL] [FILE…]\n' +
    '      Diagnose pasted kubectl/kubelet/etcd output. Reads standard input when no FILE or "-".\n' +
    '  k8s-kb rules check [DIR]\n' +
    '      Validate rule files (rules/ by default) and check that their articles exist.\n' +
    '  k8s-kb search [--json] [--lang zh|en] QUERY\n' +
    '      Search the knowledge base.\n' +
    '  k8s-kb eval [--json] DIR…\n' +
    '      Score the engine on labelled pastes (DIR/cases.json): top-1, top-3, healthy pastes kept quiet.\n' +
    '  k8s-kb collect [--out FILE.tar.gz|DIR] [--context C] [--kubeconfig F] [-n NS|-A] [--since 2h] [--logs N] [--timeout 60s] [--redact]\n' +
    '      Run a fixed set of read-only kubectl commands (get, describe, logs, version) and write a bundle to diagnose.\n',
  'error.unknownCommand': 'unknown command "{name}"',
  'error.unknownOption': 'unknown option "{name}"',
  'error.missingValue': 'option {name} needs a value',
  'error.badLang': '--lang must be zh or en, not "{name}"',
  'error.rules': 'invalid rule files:',
  'diagnose.header': 'Diagnosis of {name}',
  'diagnose.stdin': 'standard input',
  'diagnose.sections': 'Recognised: {list}',
  'diagnose.sectionItem': '{kind} (lines {from}–{to})',
  'diagnose.none': 'No problems found in what was pasted.',
  'diagnose.noneMatched': 'No rule matched what was pasted, but it has error lines.',
  'diagnose.related': 'Possibly related (no rule matched these error lines; the articles the search finds for them):',
  'diagnose.relatedLines': 'lines {lines}',
  'diagnose.infoOnly': 'No problems found; notes only:',
  'diagnose.severity.critical': 'CRITICAL',
  'diagnose.severity.warning': 'WARNING',
  'diagnose.severity.info': 'INFO',
  'diagnose.subject': 'Subject',
  'diagnose.more': '(+{count} more with the same problem: {list})',
  'diagnose.captures': 'Found',
  'diagnose.evidence': 'Evidence',
  'diagnose.article': 'Read',
  'diagnose.steps': 'First steps (values from the paste filled in; edit the lines that say <…>)',
  'diagnose.stepOn': 'on {on}:',
  'diagnose.linksNote': 'Article links are site paths; pass --base-url URL or set K8S_KB_URL to your copy of the site, or build it here (npm run build).',
  'diagnose.rule': 'Rule',
  'diagnose.score': '(score {score})',
  'diagnose.supersededBy': 'explained by {rule}',
  'message.empty-input': 'The input is empty.',
  'message.binary-input': 'The input looks like binary data, not terminal output; nothing was diagnosed.',
  'message.input-truncated': 'The input is very large; only the first {limit} characters were read.',
  'message.line-truncated': 'Some lines are very long; only their first {limit} characters were read.',
  'message.unrecognised-input': 'Nothing in the input was recognised. Paste output of: {kinds}.',
  'message.unreadable-input': 'Cannot read {file}: {error}',
  'message.input-capped': 'Stopped reading {file} after {limit} MB; the rest was not diagnosed.',
  'message.time-budget': 'The diagnosis took longer than {seconds} s and stopped at line {line}; findings cover the lines before it.',
  'rules.ok': 'ok',
  'rules.invalid': 'INVALID',
  'rules.articleYes': 'article {lang}: yes',
  'rules.articleNo': 'article {lang}: MISSING',
  'rules.summary': '{valid} valid rule(s), {invalid} problem(s) in {files} file(s).',
  'rules.noFiles': 'No rule files (*.json) found in {dir}.',
  'rules.noRecheck': 'recheck is not installed: regexes get the built-in check only (npm install recheck for the full check).',
} as const;

export type MessageKey = keyof typeof en;

const zh: Record<MessageKey, string> = {
  'usage':
    '用法：\n' +
    '  k8s-kb diagnose [--json] [--lang zh|en] [--rules 目录] [--base-url 地址] [文件…]\n' +
    '      诊断粘贴的 kubectl / kubelet / etcd 输出；未给文件或文件为 "-" 时读取标准输入。\n' +
    '  k8s-kb rules check [目录]\n' +
    '      校验规则文件（默认 rules/），并检查规则对应的文章是否存在。\n' +
    '  k8s-kb search [--json] [--lang zh|en] 关键词\n' +
    '      搜索知识库。\n' +
    '  k8s-kb eval [--json] 目录…\n' +
    '      用标注好的粘贴样本（目录/cases.json）给诊断引擎打分：top-1、top-3、健康输出是否保持安静。\n' +
    '  k8s-kb collect [--out 文件.tar.gz|目录] [--context 上下文] [--kubeconfig 文件] [-n 命名空间|-A] [--since 2h] [--logs 行数] [--timeout 60s] [--redact]\n' +
    '      运行一组固定的只读 kubectl 命令（get、describe、logs、version），写出可供诊断的收集包。\n',
  'error.unknownCommand': '未知命令 "{name}"',
  'error.unknownOption': '未知选项 "{name}"',
  'error.missingValue': '选项 {name} 需要一个值',
  'error.badLang': '--lang 只能是 zh 或 en，而不是 "{name}"',
  'error.rules': '规则文件无效：',
  'diagnose.header': '诊断：{name}',
  'diagnose.stdin': '标准输入',
  'diagnose.sections': '已识别：{list}',
  'diagnose.sectionItem': '{kind}（第 {from}–{to} 行）',
  'diagnose.none': '粘贴的内容中没有发现问题。',
  'diagnose.noneMatched': '没有规则匹配粘贴的内容，但其中有错误行。',
  'diagnose.related': '可能相关（没有规则匹配这些错误行；以下是搜索为它们找到的文章）：',
  'diagnose.relatedLines': '第 {lines} 行',
  'diagnose.infoOnly': '没有发现问题，仅有以下提示：',
  'diagnose.severity.critical': '严重',
  'diagnose.severity.warning': '警告',
  'diagnose.severity.info': '提示',
  'diagnose.subject': '对象',
  'diagnose.more': '（另有 {count} 个对象存在同样问题：{list}）',
  'diagnose.captures': '关键值',
  'diagnose.evidence': '证据',
  'diagnose.article': '处理文档',
  'diagnose.steps': '首要处置（已按粘贴内容填好；写着 <…> 的行需要自己填）',
  'diagnose.stepOn': '执行位置：{on}',
  'diagnose.linksNote': '文档链接是站点内路径：用 --base-url URL 或环境变量 K8S_KB_URL 指向团队自己的站点副本，或在此处构建站点（npm run build）。',
  'diagnose.rule': '规则',
  'diagnose.score': '（得分 {score}）',
  'diagnose.supersededBy': '由 {rule} 解释',
  'message.empty-input': '输入为空。',
  'message.binary-input': '输入看起来是二进制数据而不是终端输出，未做诊断。',
  'message.input-truncated': '输入过大，只读取了前 {limit} 个字符。',
  'message.line-truncated': '部分行过长，只读取了每行前 {limit} 个字符。',
  'message.unrecognised-input': '没有识别出任何已知输出。请粘贴以下命令的输出：{kinds}。',
  'message.unreadable-input': '无法读取 {file}：{error}',
  'message.input-capped': '{file} 只读取了前 {limit} MB，其余部分未诊断。',
  'message.time-budget': '诊断超过 {seconds} 秒，停在第 {line} 行；结果只涵盖此前的内容。',
  'rules.ok': '正常',
  'rules.invalid': '无效',
  'rules.articleYes': '{lang} 文章：有',
  'rules.articleNo': '{lang} 文章：缺失',
  'rules.summary': '有效规则 {valid} 条，{files} 个文件中共有 {invalid} 处问题。',
  'rules.noFiles': '{dir} 中没有规则文件（*.json）。',
  'rules.noRecheck': '未安装 recheck：正则只做内置检查（npm install recheck 后可做完整检查）。',
};

const TABLES: Record<Lang, Record<MessageKey, string>> = { en, zh };

/** The message for `key` in `lang`, with `{name}` placeholders filled. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return TABLES[lang][key].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** The reader's language: --lang, else LC_ALL / LC_MESSAGES / LANG starting with "zh", else English. */
export function langFromEnv(env: Record<string, string | undefined>): Lang {
  const v = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return v.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

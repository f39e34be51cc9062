import type { Lang } from '../i18n/ui.ts';

/** Human names of the seed documents cited in article `sources`. */
const SEEDS: Record<string, { en: string; zh: string }> = {
  '000_00405e90adbc8576.txt': { en: 'System failure and recovery runbook', zh: '系统崩溃及恢复步骤文档' },
  '001_166395c1c5a090e0.txt': { en: 'Cloud platform emergency-drill plan', zh: '云平台应急演练方案' },
  '002_5f1bd96edf56d498.txt': { en: 'Problem-oriented troubleshooting checklist', zh: '问题导向排查清单' },
  '003_d604fa6a937cc8a0.txt': { en: 'Post-mortem: cluster crash after an install exhausted memory', zh: '复盘：安装组件导致内存耗尽的集群崩溃' },
  '004_44b17c60f36ae007.txt': { en: 'Field notes: network, control plane and certificate incidents', zh: '现场笔记：网络、控制平面与证书故障' },
};

/** Display name of a seed file in `lang`; the file name itself when unknown. */
export function seedLabel(file: string, lang: Lang): string {
  return SEEDS[file]?.[lang] ?? file;
}

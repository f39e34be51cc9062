import { describe, expect, it } from 'vitest';
import { firstRecoveryCommands } from '../../src/diagnose/article-data.ts';
import { loadArticles } from '../helpers/articles.ts';

describe('firstRecoveryCommands', () => {
  it('takes the first shell block under Recover, not one from Diagnose', () => {
    const md = '## Diagnose\n\n```bash\n# on: x\nkubectl get pods\n```\n\n## Recover\n\n### 1. Step\n\n```bash\n# on: y\nkubectl rollout undo deploy/web\n```\n';
    expect(firstRecoveryCommands(md)).toBe('# on: y\nkubectl rollout undo deploy/web');
  });

  it('reads the Chinese and procedure headings', () => {
    expect(firstRecoveryCommands('## 恢复\n\n```bash\n# 执行位置：x\nls\n```\n')).toBe('# 执行位置：x\nls');
    expect(firstRecoveryCommands('## Steps\n\n```sh\n# on: x\nls\n```\n')).toBe('# on: x\nls');
  });

  it('finds recovery commands in every diagnosis article', () => {
    const missing = loadArticles()
      .filter((a) => a.frontMatter.kind === 'diagnosis' && !firstRecoveryCommands(a.body))
      .map((a) => a.file);
    expect(missing).toEqual([]);
  });
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { buildSearchData, type SearchData } from './build-index.ts';
import { toSearchDoc, type SearchDoc } from './documents.ts';
import type { Tokenizer } from './tokenize.ts';

/** Node-only: reads content/articles/<lang>/*.md into search documents. */
export function readSearchDocs(articlesDir: string, lang: string): SearchDoc[] {
  const dir = join(articlesDir, lang);
  const docs: SearchDoc[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) {
    const text = readFileSync(join(dir, name), 'utf8');
    const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
    if (!m) throw new Error(`${join(dir, name)}: no front matter`);
    const fm = yaml.load(m[1]!, { schema: yaml.JSON_SCHEMA }) as Record<string, unknown>;
    docs.push(toSearchDoc(name.replace(/\.md$/, ''), fm, m[2]!));
  }
  addAlertNames(docs, join(articlesDir, '..', 'runbooks.json'));
  return docs;
}

/**
 * An on-call engineer types the alert that paged them (`KubePodCrashLooping`): each alert of the
 * runbook pages (content/runbooks.json) becomes a tag of the articles its page leads to. The name
 * goes in lower case, so it is one word (not `kube pod crash looping`, which would lift these
 * articles for every query about pods).
 */
function addAlertNames(docs: SearchDoc[], runbooksFile: string): void {
  if (!existsSync(runbooksFile)) return;
  const { alerts } = JSON.parse(readFileSync(runbooksFile, 'utf8')) as { alerts: { name: string; articles: string[] }[] };
  const byId = new Map(docs.map((d) => [d.id, d]));
  for (const alert of alerts) for (const slug of alert.articles) byId.get(slug)?.tags.push(alert.name.toLowerCase());
}

/** Node-only: the search data of one language, built from the article files. */
export function buildSearchDataFromFiles(articlesDir: string, lang: string, tokenizer?: Tokenizer): SearchData {
  return buildSearchData(lang, readSearchDocs(articlesDir, lang), tokenizer);
}

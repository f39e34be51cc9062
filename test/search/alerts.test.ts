// An on-call engineer searches the alert that paged them: its articles come first (issue #19's
// runbook pages list them; the search reads the same list).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSearchDataFromFiles, readSearchDocs } from '../../src/search/from-files.ts';
import { loadSearch } from '../../src/search/query.ts';
import { searchResults } from '../../src/search/results.ts';

const ROOT = join(import.meta.dirname, '../..');
const { alerts } = JSON.parse(readFileSync(join(ROOT, 'content/runbooks.json'), 'utf8')) as { alerts: { name: string; articles: string[] }[] };

describe.each(['en', 'zh'])('search for an alert name (%s)', (lang) => {
  const loaded = loadSearch(buildSearchDataFromFiles(join(ROOT, 'content/articles'), lang));

  it('puts one of the alert runbook’s articles first, for every alert', () => {
    expect(alerts.length).toBeGreaterThan(100);
    const misses = alerts.filter((a) => !a.articles.includes(searchResults(loaded, a.name, { limit: 3 })[0]?.doc.id ?? '')).map((a) => a.name);
    expect(misses).toEqual([]);
  });

  it('finds the alert however it is typed (lower case, in an alert line)', () => {
    expect(['crashloop-app-error', 'oomkilled', 'probe-failure']).toContain(searchResults(loaded, 'kubepodcrashlooping', { limit: 3 })[0]?.doc.id);
    expect(searchResults(loaded, 'etcdNoLeader', { limit: 3 }).map((h) => h.doc.id)).toContain('etcd-quorum-lost');
  });

  it('tags the articles with the whole alert name only, not the words it is made of', () => {
    // Split into `kube pod crash looping`, the tag would lift these articles for every query about pods.
    const doc = readSearchDocs(join(ROOT, 'content/articles'), lang).find((d) => d.id === 'crashloop-app-error')!;
    expect(doc.tags).toContain('kubepodcrashlooping');
    expect(doc.tags.filter((t) => /^(kube|pod|crash|looping)$/.test(t))).toEqual([]);
  });
});

import type { Lang } from '../i18n/ui.ts';

export { articleUrl } from './urls.ts';

/**
 * URLs of the alert runbook pages. Like every internal URL they are written root-absolute and made
 * relative after the build (src/build/relativize.ts) — except a meta refresh's target, which the
 * build does not rewrite, so `redirectTarget` computes the relative URL itself.
 */

/** The runbook index of one language. */
export function runbooksUrl(lang: Lang): string {
  return `/${lang}/runbooks/`;
}

/** One alert's page: `name` is the exact alert name, or its upstream runbook path (`kubernetes/kubepodcrashlooping`). */
export function runbookUrl(lang: Lang, name: string): string {
  return `/${lang}/runbooks/${name}/`;
}

/**
 * Relative URL from the runbook page at `/<lang>/runbooks/<path>/` to an article of the same
 * language, ending in index.html so it also opens from file://.
 */
export function redirectTarget(path: string, slug: string): string {
  const up = '../'.repeat(path.split('/').length + 1);
  return `${up}articles/${slug}/index.html`;
}

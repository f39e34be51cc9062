import { getCollection, type CollectionEntry } from 'astro:content';
import { LANGS, type Lang } from '../i18n/ui.ts';
import { allArticles, entrySlug as articleSlug } from './articles.ts';
import { validateTrainingSet } from './validate.ts';

export type TrainingModule = CollectionEntry<'modules'>;
export type Gameday = CollectionEntry<'gamedays'>;

/** Id of an entry whose id is `<lang>/<id>`. */
export function entryId(entry: { id: string }): string {
  return entry.id.slice(entry.id.indexOf('/') + 1);
}

/** Language of an entry whose id is `<lang>/<id>`. */
export function entryLangOf(entry: { id: string }): Lang {
  return entry.id.slice(0, entry.id.indexOf('/')) as Lang;
}

let checked: Promise<{ modules: TrainingModule[]; gamedays: Gameday[] }> | undefined;

/**
 * All modules and game days, validated once per build (both languages present, article slugs and
 * module ids exist). Throws an error naming the files otherwise.
 */
export function allTraining() {
  checked ??= (async () => {
    const [modules, gamedays, articles] = await Promise.all([getCollection('modules'), getCollection('gamedays'), allArticles()]);
    const slugs = new Set(articles.map(articleSlug));
    const moduleIds = new Set(modules.map(entryId));
    const problems = [
      ...validateTrainingSet(
        modules.map((m) => ({ lang: entryLangOf(m), slug: entryId(m), file: m.filePath ?? m.id, articles: m.data.articles })),
        LANGS,
        'content/training/modules',
        slugs,
      ),
      ...validateTrainingSet(
        gamedays.map((g) => ({ lang: entryLangOf(g), slug: entryId(g), file: g.filePath ?? g.id, articles: g.data.articles, module: g.data.module })),
        LANGS,
        'content/training/gamedays',
        slugs,
        moduleIds,
      ),
    ];
    let complete = (_e: { id: string }) => true;
    if (problems.length > 0) {
      if (process.env.KB_ALLOW_INCOMPLETE !== '1') throw new Error(`Invalid training content:\n  ${problems.join('\n  ')}`);
      console.warn(`[k8s-kb] ${problems.length} training problems (KB_ALLOW_INCOMPLETE=1):\n  ${problems.join('\n  ')}`);
      const ids = (es: { id: string }[]) => new Set(es.map((e) => e.id));
      const [m, g] = [ids(modules), ids(gamedays)];
      complete = (e) => LANGS.every((l) => m.has(`${l}/${entryId(e)}`) || g.has(`${l}/${entryId(e)}`));
    }
    modules.splice(0, modules.length, ...modules.filter(complete));
    gamedays.splice(0, gamedays.length, ...gamedays.filter(complete).filter((g) => modules.some((m) => entryId(m) === g.data.module)));
    modules.sort((a, b) => a.data.order - b.data.order);
    gamedays.sort((a, b) => a.data.module.localeCompare(b.data.module) || entryId(a).localeCompare(entryId(b)));
    return { modules, gamedays };
  })();
  return checked;
}

/** Modules and game days of one language, in learning-path order. */
export async function trainingIn(lang: Lang) {
  const { modules, gamedays } = await allTraining();
  return { modules: modules.filter((m) => entryLangOf(m) === lang), gamedays: gamedays.filter((g) => entryLangOf(g) === lang) };
}

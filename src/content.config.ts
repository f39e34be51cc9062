import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './content/article-schema.ts';
import { gamedaySchema, moduleSchema } from './content/training-schema.ts';
import { drillSchema } from './content/drill-schema.ts';

/**
 * Articles live outside src/ in mirrored language trees: content/articles/<lang>/<slug>.md.
 * The entry id is "<lang>/<slug>", so both languages of one article share the slug.
 */
const articles = defineCollection({
  loader: glob({ base: './content/articles', pattern: '{zh,en}/*.md' }),
  schema: articleSchema,
});

/** Learning-path modules: content/training/modules/<lang>/<NN-id>.md. */
const modules = defineCollection({
  loader: glob({ base: './content/training/modules', pattern: '{zh,en}/*.md' }),
  schema: moduleSchema,
});

/** Game-day exercise sheets: content/training/gamedays/<lang>/<id>.md. */
const gamedays = defineCollection({
  loader: glob({ base: './content/training/gamedays', pattern: '{zh,en}/*.md' }),
  schema: gamedaySchema,
});

/** Drills: content/training/drills/<id>.yaml, both languages in one file. */
const drills = defineCollection({
  loader: glob({ base: './content/training/drills', pattern: '*.yaml' }),
  schema: drillSchema,
});

export const collections = { articles, modules, gamedays, drills };

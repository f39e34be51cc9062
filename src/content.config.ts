import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './content/article-schema.ts';

/**
 * Articles live outside src/ in mirrored language trees: content/articles/<lang>/<slug>.md.
 * The entry id is "<lang>/<slug>", so both languages of one article share the slug.
 */
const articles = defineCollection({
  loader: glob({ base: './content/articles', pattern: '{zh,en}/*.md' }),
  schema: articleSchema,
});

export const collections = { articles };

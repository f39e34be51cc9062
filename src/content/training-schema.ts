import { z } from 'astro/zod';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case slug');

/** Front matter of a learning-path module (content/training/modules/<lang>/<id>.md). */
export const moduleSchema = z
  .object({
    /** Displayed title, in the module's language. */
    title: z.string().min(3).max(120),
    /** What the engineer can do after the module. */
    summary: z.string().min(20).max(400),
    /** Position in the learning path, from 1. */
    order: z.number().int().min(1),
    /** Concrete, checkable learning goals. */
    goals: z.array(z.string().min(5)).min(2),
    /** Article slugs to read, in order. */
    articles: z.array(slug).min(1),
    /** Short questions with model answers, revealed on demand. */
    selfcheck: z.array(z.object({ question: z.string().min(5), answer: z.string().min(2) }).strict()).min(2),
  })
  .strict();

/** Front matter of a game-day exercise sheet (content/training/gamedays/<lang>/<id>.md). */
export const gamedaySchema = z
  .object({
    title: z.string().min(3).max(120),
    summary: z.string().min(20).max(400),
    /** Id of the learning-path module the exercise belongs to. */
    module: z.string().regex(/^\d\d-[a-z0-9-]+$/),
    difficulty: z.enum(['basic', 'intermediate', 'advanced']),
    /** Minutes for the whole exercise. */
    duration: z.number().int().min(5).max(480),
    /** Target minutes from first symptom to recovered. */
    target: z.number().int().min(1).max(480),
    /** Runbook article slugs used to recover. */
    articles: z.array(slug).min(1),
  })
  .strict();

import { z } from 'astro/zod';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case slug');
const bilingual = z.object({ en: z.string().min(10), zh: z.string().min(5) }).strict();

/**
 * A drill (content/training/drills/<id>.yaml, both languages in one file): a realistic paste
 * taken from the engine's test fixtures, four choices of "root cause + first command", and why
 * each is right or wrong. The correct answer must be the engine's top finding for the paste (a
 * test checks it), so drills and rules can never disagree.
 */
export const drillSchema = z
  .object({
    /** Learning-path module id the drill belongs to. */
    module: z.string().regex(/^\d\d-[a-z0-9-]+$/),
    /** Path under test/fixtures/ of the paste. */
    fixture: z.string().regex(/^[a-z0-9-]+\/[a-z0-9.-]+\.txt$/),
    /** One-sentence situation shown above the paste. */
    context: bilingual,
    /** Article slug of the correct choice: the engine's top finding for the fixture. */
    answer: slug,
    choices: z
      .array(
        z
          .object({
            /** Root cause, named by its article. */
            article: slug,
            /** The first command the engineer would run for that cause. */
            command: z.string().min(5),
            /** Why this choice is right or wrong, for this paste. */
            why: bilingual,
          })
          .strict(),
      )
      .length(4),
  })
  .strict()
  .refine((d) => d.choices.some((c) => c.article === d.answer), { message: 'no choice has the answer article', path: ['answer'] })
  .refine((d) => new Set(d.choices.map((c) => c.article)).size === 4, { message: 'choices must name four different articles', path: ['choices'] });

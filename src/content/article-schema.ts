import { z } from 'astro/zod';
import { CATEGORIES } from './catalogue.ts';

/** Article kinds: `diagnosis` articles are found by the engine, `procedure` articles are opened on purpose. */
export const ARTICLE_KINDS = ['diagnosis', 'procedure'] as const;
/** How bad the failure usually is; drives the badge colour and the home page order. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
/** Seed documents an article may cite in `sources`. */
export const SEED_FILES = [
  '000_00405e90adbc8576.txt',
  '001_166395c1c5a090e0.txt',
  '002_5f1bd96edf56d498.txt',
  '003_d604fa6a937cc8a0.txt',
  '004_44b17c60f36ae007.txt',
] as const;

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case slug');

/** Front matter of one article (see docs/authoring.md). */
export const articleSchema = z
  .object({
    /** Displayed title, in the article's language. */
    title: z.string().min(3).max(120),
    /** One or two sentences: what happened and what to do. Shown in lists and search results. */
    summary: z.string().min(20).max(300),
    /** diagnosis (catalogue kind D) or procedure (kind P). */
    kind: z.enum(ARTICLE_KINDS),
    /** Catalogue section the article belongs to. */
    category: z.enum(CATEGORIES as unknown as [string, ...string[]]),
    /** Usual severity of the failure the article covers. */
    severity: z.enum(SEVERITIES),
    /** Search keywords, in any language. */
    tags: z.array(z.string().min(1)).default([]),
    /** Exact strings the cluster prints for this failure; boosted in search. */
    symptoms: z.array(z.string().min(3)).default([]),
    /** Slugs of related articles; each must exist (checked at build time). */
    related: z.array(slug).default([]),
    /** Seed files whose facts the article uses. */
    sources: z.array(z.enum(SEED_FILES)).default([]),
    /** Date of the last substantive review. */
    updated: z.coerce.date(),
    /** Versions the commands were checked against, e.g. "Kubernetes 1.28–1.34; etcd 3.5–3.6; containerd 1.7–2.x". */
    appliesTo: z.string().min(10).max(200).optional(),
    /** Date of the last expert check of every command against those versions. */
    reviewed: z.coerce.date().optional(),
  })
  .strict()
  .refine((fm) => fm.kind !== 'diagnosis' || fm.symptoms.length > 0, {
    message: 'a diagnosis article needs at least one entry in `symptoms`',
    path: ['symptoms'],
  });

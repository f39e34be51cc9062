import lunr from 'lunr';
import type { SearchDoc } from './documents.ts';
import { compactIndex, type CompactIndex } from './compact.ts';
import { tokenize, type Tokenizer } from './tokenize.ts';

/** Field boosts: a hit in the title or an exact symptom string outranks a hit deep in the body. */
export const FIELD_BOOSTS = { title: 10, symptoms: 8, tags: 6, summary: 4, headings: 3, body: 1 } as const;
type Field = keyof typeof FIELD_BOOSTS;

/** What the browser needs to show a result without loading the article. */
export interface ResultDoc {
  id: string;
  title: string;
  summary: string;
  category: string;
  kind: string;
  symptoms: string[];
  headings: string[];
}

/** The serialised search data of one language: lunr index plus display data. */
export interface SearchData {
  lang: string;
  index: CompactIndex;
  docs: ResultDoc[];
}

/**
 * Builds the lunr index of one language. Fields are handed to lunr already tokenized (lunr accepts
 * arrays), with both pipelines empty, so the browser needs no custom tokenizer or pipeline
 * function to load it — only to tokenize queries, with the same tokenize().
 */
export function buildSearchData(lang: string, docs: SearchDoc[], tokenizer: Tokenizer = tokenize): SearchData {
  const index = lunr(function () {
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.ref('id');
    for (const [field, boost] of Object.entries(FIELD_BOOSTS)) this.field(field, { boost });
    this.metadataWhitelist = [];
    for (const doc of docs) {
      const fields: Record<string, unknown> = { id: doc.id };
      const text: Record<Field, string> = {
        title: doc.title,
        symptoms: doc.symptoms.join('\n'),
        tags: doc.tags.join('\n'),
        summary: doc.summary,
        headings: doc.headings.join('\n'),
        body: doc.body,
      };
      for (const field of Object.keys(FIELD_BOOSTS) as Field[]) fields[field] = tokenizer(text[field]);
      this.add(fields);
    }
  });
  return {
    lang,
    index: compactIndex(index.toJSON()),
    docs: docs.map(({ id, title, summary, category, kind, symptoms, headings }) => ({ id, title, summary, category, kind, symptoms, headings })),
  };
}

import lunr from 'lunr';
import type { SearchDoc } from './documents.ts';
import { compactIndex, type CompactIndex } from './compact.ts';
import { SECTION_DIGITS } from './sections.ts';
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
  /** Anchors of the article's sections on its page ('' for its top); absent in older data. */
  anchors?: string[];
  /**
   * For each term of the document's body field vector (in that order), the section it first
   * occurs in, one SECTION_DIGITS character each: about one byte per (term, document) pair, where
   * the sections' own texts would have doubled the index.
   */
  where?: string;
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
  // The body is tokenized section by section (tokenizing is most of the build's time): the
  // sections' words make the body field and say where each word is.
  const sectionWords = new Map<string, string[][]>();
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
      for (const field of Object.keys(FIELD_BOOSTS) as Field[]) {
        if (field === 'body' && doc.sections && doc.sections.length > 0) {
          const words = doc.sections.map((sec) => tokenizer(sec.text));
          sectionWords.set(doc.id, words);
          fields[field] = words.flat();
        } else {
          fields[field] = tokenizer(text[field]);
        }
      }
      this.add(fields);
    }
  });
  const compact = compactIndex(index.toJSON());
  return {
    lang,
    index: compact,
    docs: docs.map((doc) => {
      const { id, title, summary, category, kind, symptoms, headings } = doc;
      const out: ResultDoc = { id, title, summary, category, kind, symptoms, headings };
      const words = sectionWords.get(id);
      if (doc.sections && words) Object.assign(out, sectionsOf(doc.sections, words, compact, id));
      return out;
    }),
  };
}

/** The `anchors` and `where` of one document (see ResultDoc). */
function sectionsOf(sections: { anchor: string }[], words: string[][], compact: CompactIndex, id: string): Pick<ResultDoc, 'anchors' | 'where'> {
  const sets = words.slice(0, SECTION_DIGITS.length).map((w) => new Set(w));
  const docNo = compact.refs.indexOf(id);
  const vector = compact.vec[compact.fields.indexOf('body')]?.[docNo] ?? [];
  let where = '';
  let termNo = 0;
  for (let i = 0; i < vector.length; i += 2) {
    termNo += vector[i]!;
    const term = compact.terms[termNo]!;
    const at = sets.findIndex((s) => s.has(term));
    where += SECTION_DIGITS[Math.max(0, at)];
  }
  return { anchors: sections.slice(0, SECTION_DIGITS.length).map((s) => s.anchor), where };
}

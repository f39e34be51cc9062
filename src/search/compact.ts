/**
 * A compact wire format for a serialised lunr index. lunr's own JSON repeats every field name
 * for every term (`{"_index":5,"title":{},"symptoms":{},…}`), which made up ~85% of our index;
 * this format keeps the same information as numbers:
 *   terms  sorted vocabulary; a term's position is its vector index
 *   post   per term, flat pairs [fieldNo, docNo, …]
 *   vec    per field, per document, flat pairs [termNo, weight, …] (weights rounded to 3 decimals)
 * expandIndex() turns it back into lunr's serialised shape for lunr.Index.load().
 */

interface LunrSerialized {
  version: string;
  fields: string[];
  fieldVectors: [string, number[]][];
  invertedIndex: [string, Record<string, unknown>][];
  pipeline: string[];
}

export interface CompactIndex {
  v: 1;
  lunr: string;
  fields: string[];
  refs: string[];
  terms: string[];
  post: number[][];
  vec: number[][][];
}

/** Compacts lunr's `index.toJSON()`. */
export function compactIndex(json: object): CompactIndex {
  const ser = json as LunrSerialized;
  const fields = ser.fields;
  const terms = ser.invertedIndex.map(([t]) => t);
  const oldToNew = new Map<number, number>();
  const refs: string[] = [];
  const refNo = new Map<string, number>();
  const ref = (r: string) => {
    let n = refNo.get(r);
    if (n === undefined) refNo.set(r, (n = refs.push(r) - 1));
    return n;
  };
  const post = ser.invertedIndex.map(([, posting], termNo) => {
    oldToNew.set(posting._index as number, termNo);
    const flat: number[] = [];
    fields.forEach((field, fieldNo) => {
      for (const docRef of Object.keys((posting[field] ?? {}) as object)) flat.push(fieldNo, ref(docRef));
    });
    return flat;
  });
  const vec: number[][][] = fields.map(() => []);
  for (const [key, elements] of ser.fieldVectors) {
    const slash = key.indexOf('/');
    const fieldNo = fields.indexOf(key.slice(0, slash));
    const docNo = ref(key.slice(slash + 1));
    const pairs: [number, number][] = [];
    for (let i = 0; i < elements.length; i += 2) pairs.push([oldToNew.get(elements[i]!)!, Math.round(elements[i + 1]! * 1e3) / 1e3]);
    pairs.sort((a, b) => a[0] - b[0]);
    vec[fieldNo]![docNo] = pairs.flat();
  }
  return { v: 1, lunr: ser.version, fields, refs, terms, post, vec };
}

/** Back to lunr's serialised shape. */
export function expandIndex(c: CompactIndex): LunrSerialized {
  const invertedIndex: [string, Record<string, unknown>][] = c.terms.map((term, termNo) => {
    const posting: Record<string, unknown> = { _index: termNo };
    for (const f of c.fields) posting[f] = {};
    const flat = c.post[termNo]!;
    for (let i = 0; i < flat.length; i += 2) (posting[c.fields[flat[i]!]!] as Record<string, object>)[c.refs[flat[i + 1]!]!] = {};
    return [term, posting];
  });
  const fieldVectors: [string, number[]][] = [];
  c.vec.forEach((perDoc, fieldNo) => {
    perDoc.forEach((elements, docNo) => {
      if (elements) fieldVectors.push([`${c.fields[fieldNo]}/${c.refs[docNo]}`, elements]);
    });
  });
  return { version: c.lunr, fields: c.fields, fieldVectors, invertedIndex, pipeline: [] };
}

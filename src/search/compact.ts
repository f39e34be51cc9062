import lunr from 'lunr';

/**
 * A compact wire format for a serialised lunr index. lunr's own JSON repeats every field name
 * for every term (`{"_index":5,"title":{},"symptoms":{},…}`), which made up ~85% of our index;
 * this format keeps the same information as numbers:
 *   terms  sorted vocabulary; a term's position is its vector index
 *   post   per term, flat pairs [fieldNo, docNo, …], docNo delta-encoded within a field
 *   vec    per field, per document, flat pairs [termNo delta, weight × 100 rounded, …]
 * Deltas and integer weights keep the numbers short (weights are BM25 field scores, ~0.05–5;
 * two decimals do not change any ranking in the test table).
 * loadCompactIndex() builds the lunr.Index from it directly, decoding lazily.
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
      const docs = Object.keys((posting[field] ?? {}) as object).map(ref).sort((a, b) => a - b);
      let prev = 0;
      for (const d of docs) {
        flat.push(fieldNo, d - prev);
        prev = d;
      }
    });
    return flat;
  });
  const vec: number[][][] = fields.map(() => []);
  for (const [key, elements] of ser.fieldVectors) {
    const slash = key.indexOf('/');
    const fieldNo = fields.indexOf(key.slice(0, slash));
    const docNo = ref(key.slice(slash + 1));
    const pairs: [number, number][] = [];
    for (let i = 0; i < elements.length; i += 2) pairs.push([oldToNew.get(elements[i]!)!, Math.max(1, Math.round(elements[i + 1]! * 100))]);
    pairs.sort((a, b) => a[0] - b[0]);
    const flat: number[] = [];
    let prev = 0;
    for (const [t, w] of pairs) {
      flat.push(t - prev, w);
      prev = t;
    }
    vec[fieldNo]![docNo] = flat;
  }
  return { v: 1, lunr: ser.version, fields, refs, terms, post, vec };
}

/**
 * A lunr.Index straight from the compact form, without lunr.Index.load's eager work:
 *  - postings and field vectors are decoded on first access (a query touches a few terms and the
 *    documents they match, not the whole index);
 *  - the token set is a plain trie built in one pass (lunr's builder also minimises it into a
 *    DAWG, which saves memory but took most of the load time; intersect() walks either the same way).
 */
export function loadCompactIndex(c: CompactIndex): lunr.Index {
  const termNo = new Map<string, number>();
  c.terms.forEach((t, i) => { termNo.set(t, i); });
  const postingCache = new Map<string, Record<string, unknown>>();
  const posting = (term: string): Record<string, unknown> | undefined => {
    let p = postingCache.get(term);
    if (p) return p;
    const n = termNo.get(term);
    if (n === undefined) return undefined;
    p = { _index: n };
    for (const f of c.fields) p[f] = {};
    const flat = c.post[n]!;
    let prevField = -1;
    let doc = 0;
    for (let i = 0; i < flat.length; i += 2) {
      if (flat[i] !== prevField) {
        prevField = flat[i]!;
        doc = 0;
      }
      doc += flat[i + 1]!;
      (p[c.fields[prevField]!] as Record<string, object>)[c.refs[doc]!] = {};
    }
    postingCache.set(term, p);
    return p;
  };
  const invertedIndex = new Proxy(Object.create(null) as Record<string, unknown>, {
    get: (_t, key) => (typeof key === 'string' ? posting(key) : undefined),
    has: (_t, key) => typeof key === 'string' && termNo.has(key),
  });

  const fieldNo = new Map(c.fields.map((f, i) => [f, i]));
  const docNo = new Map(c.refs.map((r, i) => [r, i]));
  const vectorCache = new Map<string, lunr.Vector>();
  const vector = (key: string): lunr.Vector | undefined => {
    let v = vectorCache.get(key);
    if (v) return v;
    const slash = key.indexOf('/');
    const elements = c.vec[fieldNo.get(key.slice(0, slash)) ?? -1]?.[docNo.get(key.slice(slash + 1)) ?? -1];
    if (!elements) return undefined;
    const decoded = new Array<number>(elements.length);
    let t = 0;
    for (let i = 0; i < elements.length; i += 2) {
      t += elements[i]!;
      decoded[i] = t;
      decoded[i + 1] = elements[i + 1]! / 100;
    }
    v = new lunr.Vector(decoded);
    vectorCache.set(key, v);
    return v;
  };
  const fieldVectors = new Proxy(Object.create(null) as Record<string, unknown>, {
    get: (_t, key) => (typeof key === 'string' ? vector(key) : undefined),
  });

  // @types/lunr does not declare TokenSet's fields; this is their shape in lunr 2.3.
  type TrieNode = lunr.TokenSet & { edges: Record<string, TrieNode>; final: boolean };
  const root = new lunr.TokenSet() as TrieNode;
  for (const term of c.terms) {
    let node = root;
    for (let i = 0; i < term.length; i++) {
      const ch = term.charAt(i);
      node = node.edges[ch] ??= new lunr.TokenSet() as TrieNode;
    }
    node.final = true;
  }

  // @types/lunr's Attributes omit fieldVectors, which lunr.Index reads.
  return new lunr.Index({
    invertedIndex: invertedIndex as never,
    fieldVectors: fieldVectors as never,
    tokenSet: root,
    fields: c.fields,
    pipeline: new lunr.Pipeline(),
  } as unknown as lunr.Index.Attributes);
}

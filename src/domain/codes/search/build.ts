/**
 * Builds the in-memory search index: one "document" per code title and one per Alphabetic
 * Index code reference, an inverted index from word stems to documents (CSR layout in typed
 * arrays, so a full FY2026 build stays small and quick), and the index-term -> code resolution
 * for the release being searched.
 * Pure: arrays in, index out. No search library at run time.
 */
import { chapterOf } from './chapters';
import { childTitles, locateIndexCode, resolveIndexCode, type Target } from './remap';
import { penaltyWeight, scanWords, stem } from './tokenize';
import { SEE_MARK, type IndexTermInput, type SearchEntry } from './types';

export const enum DocKind {
  Title = 0,
  Index = 1,
  See = 2,
  Table = 3,
}

/** Strings by index; a loaded index keeps them in one string and slices on demand. */
export interface TextTable {
  readonly length: number;
  get(i: number): string;
}

export const arrayTable = (a: string[]): TextTable => ({
  length: a.length,
  get: (i) => a[i] ?? '',
});

export interface SearchIndex {
  /** Dotless codes, by entry index. */
  codes: TextTable;
  billable: Uint8Array;
  /** Long titles, by entry index. */
  titles: TextTable;
  /** Entry indices sorted by code (descendants follow their header). */
  sorted: Int32Array;
  chapter: Uint8Array;
  /** Number of title documents (= entries.length); index documents follow. */
  nTitles: number;
  nDocs: number;
  docKind: Uint8Array;
  /** Sum of penalty weights of a document's essential words (how much it says beyond a query). */
  docWeight: Float32Array;
  /** Index documents: resolved target entries and their score offsets (by doc - nTitles). */
  targets: IndexTargets;
  /** Index documents: the path shown to the user, and the kind. */
  indexPaths: TextTable;
  /** Vocabulary: raw word -> term, stem -> term, term -> stem, document frequency, penalty weight. */
  rawTerm: Map<string, number>;
  stemTerm: Map<string, number>;
  stems: string[];
  df: Int32Array;
  termWeight: Float32Array;
  /** Postings: docs of term t are postDocs[postStart[t] .. postStart[t+1]). */
  postStart: Int32Array;
  postDocs: Int32Array;
  /** How many times the posting's document has the word as an essential (not parenthesised) word. */
  postEss: Uint8Array;
  /** Term ids sorted by stem, for prefix search. */
  stemOrder: Int32Array;
  stats: {
    entries: number;
    indexTerms: number;
    indexTermsDropped: number;
    /** Index codes that are headers here (incomplete in the index, or split since): led to children. */
    indexTermsToHeader: number;
    /** Index codes that no longer exist: led to their nearest existing ancestor. */
    indexTermsToAncestor: number;
    vocabulary: number;
    postings: number;
  };
}

/**
 * The entries an index document leads to, with their score offsets (float32, as stored). A built
 * index resolves a document's targets when a query first reaches it (remap.ts walks a header's
 * descendants and matches its children's titles: a third of the build, needed for few documents
 * per query); a loaded index reads them from its arrays.
 */
export interface IndexTargets {
  readonly length: number;
  /** Targets of index document j (doc - nTitles) as [entry, offset, entry, offset, ...]. */
  get(j: number): readonly number[];
}

/** Targets read from CSR arrays (a serialized index). */
export function csrTargets(
  start: Int32Array,
  entry: Int32Array,
  offset: Float32Array,
): IndexTargets {
  const cache: (number[] | undefined)[] = [];
  return {
    length: Math.max(0, start.length - 1),
    get(j) {
      let t = cache[j];
      if (!t) {
        t = [];
        for (let k = start[j]!; k < start[j + 1]!; k++) t.push(entry[k]!, offset[k]!);
        cache[j] = t;
      }
      return t;
    },
  };
}

/** Every document's targets in CSR form (resolves them all), for serialize.ts. */
export function targetsCsr(t: IndexTargets): {
  start: Int32Array;
  entry: Int32Array;
  offset: Float32Array;
} {
  const start = new Int32Array(t.length + 1);
  const entry: number[] = [];
  const offset: number[] = [];
  for (let j = 0; j < t.length; j++) {
    const x = t.get(j);
    for (let k = 0; k < x.length; k += 2) {
      entry.push(x[k]!);
      offset.push(x[k + 1]!);
    }
    start[j + 1] = entry.length;
  }
  return { start, entry: Int32Array.from(entry), offset: Float32Array.from(offset) };
}

class IntBuf {
  a: Int32Array;
  n = 0;
  constructor(cap: number) {
    this.a = new Int32Array(cap);
  }
  push(v: number) {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
}

/**
 * An index code resolved to entries; `kids`: for a header with few children, their titles (a
 * term whose words they say leads to those children first, remap.ts).
 */
interface Resolved {
  /** [entry, offset, ...], offsets rounded to float32 as a stored index keeps them. */
  flat: number[];
  /** Computed when a term first needs it. */
  kids: string | null | undefined;
}

/** Where a code lands (remap.ts locateIndexCode) and how: 0 itself, 1 a header, 2 an ancestor. */
interface Located {
  via: 0 | 1 | 2;
  /** Null: the term is dropped. */
  found: boolean;
}

const flatTargets = (t: Target[]): number[] => {
  const out: number[] = [];
  for (const [e, off] of t) out.push(e, Math.fround(off));
  return out;
};

const KIND: Record<IndexTermInput['kind'], DocKind> = {
  index: DocKind.Index,
  eindex: DocKind.Index,
  see: DocKind.See,
  drug: DocKind.Table,
  neoplasm: DocKind.Table,
};

/**
 * @param entries every code of the release (billable codes and headers)
 * @param indexTerms flattened Alphabetic Index references (any year: codes that no longer exist
 *   are mapped to the release's codes or dropped, see remap.ts)
 */
export function buildIndexData(
  entries: SearchEntry[],
  indexTerms: IndexTermInput[] = [],
): SearchIndex {
  const N = entries.length;
  const byCode = new Map<string, number>();
  for (let i = 0; i < N; i++) byCode.set(entries[i]!.code, i);
  const sorted = sortByCode(entries);
  const chapter = new Uint8Array(N);
  for (let i = 0; i < N; i++) chapter[i] = chapterOf(entries[i]!.code);

  const rawTerm = new Map<string, number>();
  const stemTerm = new Map<string, number>();
  const stems: string[] = [];
  const tw: number[] = [];
  const termOf = (raw: string): number => {
    let t = rawTerm.get(raw);
    if (t !== undefined) return t;
    const s = stem(raw);
    t = stemTerm.get(s);
    if (t === undefined) {
      t = stems.length;
      stems.push(s);
      tw.push(penaltyWeight(s));
      stemTerm.set(s, t);
    }
    rawTerm.set(raw, t);
    return t;
  };
  // Tokens are stored as term * 2 + (1 if essential): postings remember whether a document
  // needs the word (a title word) or merely allows it (a nonessential modifier in parentheses).
  // Titles and index levels repeat a lot (98,000 titles have 32,000 distinct comma-separated
  // parts; 365,000 index levels 35,000 distinct texts): each text is tokenized once and its
  // tokens reused, in the order a plain word-by-word pass would meet them (same term ids).
  const tokens = new Tokens(termOf);

  const toks = new IntBuf(1 << 21);
  const docStart = new IntBuf(N + indexTerms.length + 1);
  const weights = new Float32Array(N + indexTerms.length);
  const kinds = new Uint8Array(N + indexTerms.length);
  let nDocs = 0;
  let w = 0;
  /** Appends the tokens of one cached text (span `sp` of the pool) to the document. */
  const put = (sp: number) => {
    const ts = tokens.pool.a;
    const end = tokens.spanEnd.a[sp]!;
    for (let k = tokens.spanStart.a[sp]!; k < end; k++) {
      const x = ts[k]!;
      toks.push(x);
      if (x & 1) w += tw[x >> 1]!;
    }
  };
  const endDoc = (kind: DocKind) => {
    weights[nDocs] = w;
    kinds[nDocs++] = kind;
  };
  for (const e of entries) {
    docStart.push(toks.n);
    w = 0;
    tokens.title(e.long || e.short, put);
    endDoc(DocKind.Title);
  }

  // Per index document, what its targets are resolved from on first use (not the whole term).
  const docCode: string[] = [];
  const docSub: (string | null)[] = [];
  const indexPaths: (readonly string[])[] = [];
  let dropped = 0;
  let toHeader = 0;
  let toAncestor = 0;
  const located = new Map<string, Located>();
  // A code's own targets are resolved here, in the order the terms name the codes: remap.ts
  // caches each code's genericness as float32 after computing it once, so the order the headers
  // are walked in decides some ties; only the choice among a header's children by a term's words
  // (which walks codes already walked) is left to the first query that reaches the term.
  const baseTargets = new Map<string, Resolved>();
  // Index terms come in tree order: a term shares its first levels (and often its modifiers)
  // with the one before, so their tokens are reused without a lookup.
  let prevPath: readonly string[] = [];
  const prevLevels: number[] = [];
  let prevNemod = '';
  let prevNemodToks = 0;
  let prevCode = '';
  let prevL: Located | undefined;
  for (const it of indexTerms) {
    // Neighbouring terms often name the same code: no lookup then.
    let l = it.code === prevCode ? prevL : located.get(it.code);
    if (!l) {
      // Cut to an ancestor (penalty) when the printed code is not in the release.
      const loc = locateIndexCode(it.code, byCode);
      l = {
        via: !loc || loc.penalty ? 2 : entries[loc.at]!.billable ? 0 : 1,
        found: loc !== null,
      };
      located.set(it.code, l);
      baseTargets.set(it.code, {
        flat: flatTargets(resolveIndexCode(it.code, byCode, sorted, entries)),
        kids: undefined,
      });
    }
    prevCode = it.code;
    prevL = l;
    if (!l.found) {
      dropped++;
      continue;
    }
    if (l.via === 2) toAncestor++;
    else if (l.via === 1) toHeader++;
    docStart.push(toks.n);
    w = 0;
    const path = it.path;
    for (let k = 0; k < path.length; k++) {
      const level = path[k]!;
      if (k >= prevPath.length || prevPath[k] !== level) prevLevels[k] = tokens.level(level);
      put(prevLevels[k]!);
    }
    prevPath = path;
    // The subterms of a see reference choose children only: they are not words of the term.
    const seeAt = it.nemod ? it.nemod.lastIndexOf(SEE_MARK) : -1;
    docCode.push(it.code);
    // The last level says what the term adds to its parent (and a see reference its target):
    // a header's children may be chosen by its words.
    docSub.push(
      l.via === 1 && (path.length > 1 || seeAt >= 0)
        ? seeAt >= 0
          ? it.nemod!.slice(seeAt + SEE_MARK.length)
          : path[path.length - 1]!
        : null,
    );
    const nemod = seeAt >= 0 ? it.nemod!.slice(0, seeAt) : it.nemod;
    if (nemod) {
      if (nemod !== prevNemod) {
        prevNemod = nemod;
        prevNemodToks = tokens.optional(nemod);
      }
      put(prevNemodToks);
    }
    endDoc(KIND[it.kind]);
    indexPaths.push(it.path);
  }
  docStart.push(toks.n);

  // Postings in CSR form; a word repeated in one document is posted once.
  const T = stems.length;
  const df = new Int32Array(T);
  const last = new Int32Array(T).fill(-1);
  const ds = docStart.a;
  const ta = toks.a;
  for (let d = 0; d < nDocs; d++)
    for (let k = ds[d]!; k < ds[d + 1]!; k++) {
      const t = ta[k]! >> 1;
      if (last[t] !== d) {
        last[t] = d;
        df[t]!++;
      }
    }
  const postStart = new Int32Array(T + 1);
  for (let t = 0; t < T; t++) postStart[t + 1] = postStart[t]! + df[t]!;
  const fill = postStart.slice(0, T);
  const postDocs = new Int32Array(postStart[T]!);
  const postEss = new Uint8Array(postStart[T]!);
  last.fill(-1);
  for (let d = 0; d < nDocs; d++)
    for (let k = ds[d]!; k < ds[d + 1]!; k++) {
      const t = ta[k]! >> 1;
      if (last[t] !== d) {
        last[t] = d;
        postDocs[fill[t]!++] = d;
      }
      if (ta[k]! & 1) {
        const at = fill[t]! - 1;
        if (postEss[at]! < 255) postEss[at]!++;
      }
    }
  const termWeight = Float32Array.from(tw);
  const stemOrder = Int32Array.from(stems.keys()).sort((a, b) => (stems[a]! < stems[b]! ? -1 : 1));

  return {
    codes: arrayTable(entries.map((e) => e.code)),
    billable: Uint8Array.from(entries, (e) => (e.billable ? 1 : 0)),
    titles: arrayTable(entries.map((e) => e.long || e.short)),
    sorted,
    chapter,
    nTitles: N,
    nDocs,
    docKind: kinds.slice(0, nDocs),
    docWeight: weights.slice(0, nDocs),
    targets: lazyTargets(entries, byCode, sorted, baseTargets, docCode, docSub),
    indexPaths: { length: indexPaths.length, get: (i) => indexPaths[i]?.join(' > ') ?? '' },
    rawTerm,
    stemTerm,
    stems,
    df,
    termWeight,
    postStart,
    postDocs,
    postEss,
    stemOrder,
    stats: {
      entries: N,
      indexTerms: nDocs - N,
      indexTermsDropped: dropped,
      indexTermsToHeader: toHeader,
      indexTermsToAncestor: toAncestor,
      vocabulary: T,
      postings: postDocs.length,
    },
  };
}

/**
 * The targets of index documents, resolved when first asked for (remap.ts): the printed code's
 * own targets, or for a header with few children, those chosen by the term's last level (a see
 * reference's subterms) when its children's titles say one of its words.
 */
function lazyTargets(
  entries: SearchEntry[],
  byCode: Map<string, number>,
  sorted: Int32Array,
  cache: Map<string, Resolved>,
  docCode: readonly string[],
  docSub: readonly (string | null)[],
): IndexTargets {
  const byDoc: (number[] | undefined)[] = [];
  const resolve = (code: string, subterms: string | null): number[] => {
    let r = cache.get(code)!;
    // A header's children are chosen by the term's subterm words too (remap.ts): those of a
    // header with few children are resolved per code and words.
    if (subterms !== null) {
      if (r.kids === undefined) {
        const key = normCode(code);
        r.kids = childTitles(byCode.get(key)!, key, sorted, entries);
      }
      if (r.kids) {
        const cacheKey = `${code}|${subterms}`;
        let rw = cache.get(cacheKey);
        if (!rw) {
          const words = stemsOf(subterms);
          const kids = r.kids;
          const limb = words.has('limb') || words.has('extremity');
          rw =
            limb || [...words].some((w) => kids.includes(` ${w}`))
              ? {
                  flat: flatTargets(resolveIndexCode(code, byCode, sorted, entries, words)),
                  kids: null,
                }
              : r;
          cache.set(cacheKey, rw);
        }
        r = rw;
      }
    }
    return r.flat;
  };
  return {
    length: docCode.length,
    get: (j) => (byDoc[j] ??= resolve(docCode[j]!, docSub[j]!)),
  };
}

/**
 * Tokens of texts, each text tokenized once (eachWord, then the term ids): a title part by part
 * (split at commas, the parenthesis depth carried across), an index level through splitMainTerm,
 * nonessential modifiers all optional.
 */
class Tokens {
  readonly #termOf: (raw: string) => number;
  /** The tokens of every text met, back to back; span i is pool[spanStart[i] .. spanEnd[i]). */
  readonly pool = new IntBuf(1 << 18);
  readonly spanStart = new IntBuf(1 << 16);
  readonly spanEnd = new IntBuf(1 << 16);
  /** Parenthesis depth at the end of a title part's span. */
  readonly #spanDepth = new IntBuf(1 << 16);
  #parts = new Map<string, number>();
  #levels = new Map<string, number>();
  #optional = new Map<string, number>();
  readonly #emit = (raw: string, optional: boolean) =>
    this.pool.push(this.#termOf(raw) * 2 + (optional ? 0 : 1));

  constructor(termOf: (raw: string) => number) {
    this.#termOf = termOf;
  }

  #span(start: number, depth = 0): number {
    this.spanStart.push(start);
    this.spanEnd.push(this.pool.n);
    this.#spanDepth.push(depth);
    return this.spanStart.n - 1;
  }

  /** A code title's tokens, passed part by part (as spans) to `put`. */
  title(text0: string, put: (span: number) => void) {
    const text = withRangeStages(text0);
    let depth = 0;
    let from = 0;
    while (from <= text.length) {
      let to = text.indexOf(',', from);
      if (to < 0) to = text.length;
      const part = text.slice(from, to);
      let sp = depth === 0 ? this.#parts.get(part) : undefined;
      if (sp === undefined) {
        const start = this.pool.n;
        sp = this.#span(start, scanWords(part, false, depth, this.#emit));
        if (depth === 0) this.#parts.set(part, sp);
      }
      put(sp);
      depth = this.#spanDepth.a[sp]!;
      from = to + 1;
    }
  }

  level(text: string): number {
    let sp = this.#levels.get(text);
    if (sp === undefined) {
      const start = this.pool.n;
      // "unspecified quadrant", "unspecified site": the level names what the documentation does
      // not say, the default when nothing more is typed (Guidelines I.A.9): its words after
      // "unspecified" cost nothing.
      if (/^\s*unspecified\s/i.test(text)) {
        let first = true;
        scanWords(text, false, 0, (w, optional) => {
          this.#emit(w, optional || !first);
          first = false;
        });
        this.#levels.set(text, (sp = this.#span(start)));
        return sp;
      }
      for (const p of splitMainTerm(text)) scanWords(p.text, p.optional, 0, this.#emit);
      this.#levels.set(text, (sp = this.#span(start)));
    }
    return sp;
  }

  optional(text: string): number {
    let sp = this.#optional.get(text);
    if (sp === undefined) {
      const start = this.pool.n;
      scanWords(text, true, 0, this.#emit);
      this.#optional.set(text, (sp = this.#span(start)));
    }
    return sp;
  }
}

/**
 * "with stage 1 through stage 4 chronic kidney disease" (I12.9, I13.0, I13.10) covers the stages
 * between: they are added as nonessential words, so "htn w ckd 3" and "ckd 3a" find the code.
 * See: ICD-10-CM I12.9 and N18.3- (stage 3a, 3b).
 */
function withRangeStages(title: string): string {
  const m = /\bstage (\d) through stage (\d)\b/.exec(title);
  if (!m) return title;
  const between: string[] = [];
  for (let n = Number(m[1]) + 1; n < Number(m[2]); n++)
    between.push(String(n), ...(n === 3 ? ['3a', '3b'] : []));
  if (!between.length) return title;
  const at = m.index + m[0].length;
  return `${title.slice(0, at)} (stage ${between.join(' ')})${title.slice(at)}`;
}

const normCode = (c: string) => c.toUpperCase().replace(/[.\-\s]/g, '');

/** Stems of a text's words (stop words dropped). */
function stemsOf(text: string): Set<string> {
  const out = new Set<string>();
  scanWords(text, false, 0, (w) => {
    if (penaltyWeight(w) > 0) out.add(stem(w));
  });
  return out;
}

/** Entry indices in code order; the order file is almost sorted already, so this is near linear. */
function sortByCode(entries: SearchEntry[]): Int32Array {
  const idx = Int32Array.from(entries.keys());
  let ordered = true;
  for (let i = 1; i < entries.length && ordered; i++)
    if (entries[i - 1]!.code > entries[i]!.code) ordered = false;
  if (ordered) return idx;
  return Int32Array.from(
    Array.from(idx).sort((a, b) => (entries[a]!.code < entries[b]!.code ? -1 : 1)),
  );
}

/** Qualifiers printed after a main term that only restate the default ("Fracture, traumatic"). */
const DEFAULT_QUALIFIERS = new Set(['traumatic']);

/**
 * Index levels such as "Diabetes, diabetic", "Infection, infected, infective" or
 * "myocardium, myocardial" list variants of one word: the variants are optional (the query
 * matches the first word through its variants, see query.ts #variants). "Fracture, pathological"
 * names a different main term: "pathological" is essential. Variants share their first four
 * letters with the first word.
 */
export function splitMainTerm(level: string): { text: string; optional: boolean }[] {
  const parts = level.split(',');
  if (parts.length === 1) return [{ text: level, optional: false }];
  const first = parts[0]!.trim().toLowerCase();
  const stemOf = first.slice(0, 4);
  const variant = (p: string) => {
    const t = p.trim().toLowerCase();
    return t.startsWith(stemOf) || DEFAULT_QUALIFIERS.has(t);
  };
  return [
    { text: parts[0]!, optional: false },
    ...parts.slice(1).map((p) => ({ text: p, optional: variant(p) })),
  ];
}

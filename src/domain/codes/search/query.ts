/**
 * Runs queries against a SearchIndex: a code prefix ("e11.9", "E119", "s72.0"), or words in any
 * order matched against code titles and Alphabetic Index terms, with abbreviations expanded
 * (synonyms.ts), plural-insensitive, prefix-completing the last word, typo-tolerant.
 *
 * Ranking: every query word (or its expansion) must be found (AND; if no code has them all, the
 * codes with the most of them). Among those, a document scores higher when it says little beyond
 * the query (its unmatched essential words cost their penalty weight), when it is an Alphabetic
 * Index term (the index is how coders are taught to look up: Guidelines I.B.1), and when the
 * code is billable. Scratch arrays are reused between queries: no allocation per document.
 */
import { icdKey } from '../code';
import { DocKind, type SearchIndex } from './build';
import { expandQuery, type Slot } from './expand';
import { byQualifiers } from './qualifiers';

/** How many of the best hits the side/history qualifiers may reorder. */
const QUALIFIER_WINDOW = 10;
import { stem } from './tokenize';
import { buildTypoIndex, nearWords, type TypoIndex } from './typo';
import type { SearchHit, SearchOptions, SearchResult } from './types';

/** Score weights: tuned on bench/queries (see bench/search.bench.ts for the hit rates). */
const W = {
  extraWord: 0.45,
  kind: [0, 1.0, 0.95, 1.0] as const,
  billable: 1.0,
  exact: 1,
  prefix: 0.8,
  variant: 0.9,
  typo1: 0.7,
  typo2: 0.55,
  /** A query word found only among a term's nonessential modifiers counts this much. */
  optionalOnly: 0.85,
};

interface TermMatch {
  term: number;
  q: number;
}

const CODE_LIKE = /^[A-Z][0-9A-Z]{1,6}$/;

export class CodeSearch {
  readonly ix: SearchIndex;
  #mask: Uint32Array;
  #essMask: Uint32Array;
  #qsum: Float32Array;
  #pen: Float32Array;
  #touched: Int32Array;
  #codeScore: Float32Array;
  #codeDoc: Int32Array;
  #codeSeen: Uint8Array;
  #codeList: Int32Array;
  #typo: TypoIndex;

  constructor(ix: SearchIndex) {
    this.ix = ix;
    this.#mask = new Uint32Array(ix.nDocs);
    this.#essMask = new Uint32Array(ix.nDocs);
    this.#qsum = new Float32Array(ix.nDocs);
    this.#pen = new Float32Array(ix.nDocs);
    this.#touched = new Int32Array(ix.nDocs);
    this.#codeScore = new Float32Array(ix.nTitles);
    this.#codeDoc = new Int32Array(ix.nTitles);
    this.#codeSeen = new Uint8Array(ix.nTitles);
    this.#codeList = new Int32Array(ix.nTitles);
    this.#typo = buildTypoIndex(ix.stems);
  }

  search(query: string, opts: SearchOptions = {}): SearchResult {
    const q = query.trim();
    if (!q) return { hits: [], total: 0, corrections: [] };
    const slots = expandQuery(q);
    const key = icdKey(q.replace(/\s+/g, ''));
    if (CODE_LIKE.test(key) && !slots.some((s) => s.expanded)) {
      const r = this.#byCode(key, opts);
      if (r.total > 0) return r;
    }
    // The best hits, reordered by the side and the history typed (qualifiers.ts).
    const offset = opts.offset ?? 0;
    const limit = opts.limit ?? 20;
    const window = Math.max(offset + limit, QUALIFIER_WINDOW);
    const r = this.#byWords(slots, { ...opts, offset: 0, limit: window });
    const hits = byQualifiers(r.hits, slots).slice(offset, offset + limit);
    return { ...r, hits };
  }

  /** Codes starting with the typed prefix, in tabular order (the code itself first). */
  #byCode(key: string, opts: SearchOptions): SearchResult {
    const { sorted, codes, billable, chapter } = this.ix;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (codes.get(sorted[mid]!) < key) lo = mid + 1;
      else hi = mid;
    }
    const offset = opts.offset ?? 0;
    const limit = opts.limit ?? 20;
    const hits: SearchHit[] = [];
    let total = 0;
    for (let p = lo; p < sorted.length; p++) {
      const i = sorted[p]!;
      if (!codes.get(i).startsWith(key)) break;
      if (opts.billableOnly && !billable[i]) continue;
      if (opts.chapter && chapter[i] !== opts.chapter) continue;
      if (total >= offset && hits.length < limit)
        hits.push(this.#hit(i, 100 - hits.length, 'code'));
      total++;
    }
    return { hits, total, corrections: [] };
  }

  #hit(i: number, score: number, via: SearchHit['via'], doc = -1): SearchHit {
    const code = this.ix.codes.get(i);
    const h: SearchHit = {
      code,
      display: code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code,
      title: this.ix.titles.get(i),
      billable: this.ix.billable[i] === 1,
      score: Math.round(score * 1000) / 1000,
      via,
    };
    if (doc >= this.ix.nTitles) h.indexPath = this.ix.indexPaths.get(doc - this.ix.nTitles);
    return h;
  }

  /** Vocabulary terms a typed word can stand for: itself, longer words it starts, near spellings. */
  #matches(word: string, isLast: boolean, corrections: string[]): TermMatch[] {
    const ix = this.ix;
    const out: TermMatch[] = [];
    const s = stem(word);
    const exact = ix.rawTerm.get(word) ?? ix.stemTerm.get(s);
    if (exact !== undefined) out.push({ term: exact, q: W.exact });
    if (/^\d+$/.test(word)) return out;
    const seen = new Set(out.map((m) => m.term));
    const add = (t: number, q: number) => {
      if (seen.has(t)) return;
      seen.add(t);
      out.push({ term: t, q });
    };
    if (exact === undefined) {
      // Unknown word: near spellings first ("sinusitus" -> "sinusitis"), then completions.
      const near = nearWords(s, ix.stems, ix.df, this.#typo);
      // Equally near words: the more common one is the likelier intent ("artritis" -> arthritis).
      for (const [t, d] of near)
        add(t, (d === 1 ? W.typo1 : W.typo2) + 0.02 * Math.log10(1 + ix.df[t]!));
      if (near[0]) corrections.push(`${word} -> ${ix.stems[near[0][0]]!}`);
    }
    if (exact !== undefined || out.length === 0)
      for (const t of this.#variants(s)) add(t, W.variant);
    if (s.length >= 3 && (isLast || exact === undefined))
      for (const t of this.#prefixTerms(s, exact === undefined ? 12 : 6)) add(t, W.prefix);
    return out;
  }

  /**
   * Other forms of the same word: "infarction" ~ "infarct", "diabetes" ~ "diabetic",
   * "myocardial" ~ "myocardium". Same stem up to the last 3-4 letters; a suffix that changes the
   * meaning (-itis, -osis, -oma, -emia, -pathy) is never a variant.
   */
  #variants(word: string): number[] {
    if (word.length < 6) return [];
    const keep = Math.max(5, word.length - 4);
    const base = word.slice(0, keep);
    const meaning = /(itis|osis|oma|emia|pathy|ectomy|otomy|plasty|scopy)$/;
    const wordMeaning = meaning.exec(word)?.[0];
    return this.#prefixTerms(base, 40).filter((t) => {
      const c = this.ix.stems[t]!;
      if (c === word || c.length - keep > 4) return false;
      const m = meaning.exec(c)?.[0];
      return m === wordMeaning;
    });
  }

  /** The most frequent `cap` terms whose stem starts with the prefix. */
  #prefixTerms(prefix: string, cap: number): number[] {
    const { stemOrder, stems, df } = this.ix;
    let lo = 0;
    let hi = stemOrder.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (stems[stemOrder[mid]!]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: number[] = [];
    for (let p = lo; p < stemOrder.length && found.length < 400; p++) {
      const t = stemOrder[p]!;
      if (!stems[t]!.startsWith(prefix)) break;
      found.push(t);
    }
    if (found.length > cap) found.sort((a, b) => df[b]! - df[a]!);
    return found.slice(0, cap);
  }

  #byWords(slots: Slot[], opts: SearchOptions): SearchResult {
    const ix = this.ix;
    const corrections: string[] = [];
    // Resolve every token of every alternative to vocabulary terms, and give each token a bit.
    interface Bit {
      bit: number;
      matches: TermMatch[];
      weight: number;
      size: number;
    }
    interface Alt {
      bits: number;
      list: Bit[];
    }
    const resolved: { alts: Alt[]; size: number }[] = [];
    let nextBit = 0;
    slots.forEach((slot, si) => {
      // One bit per distinct word of the slot: "chf" -> congestive|heart|failure, alternatives
      // "congestive heart failure" and "heart failure" share the bits of heart and failure.
      const maxLen = Math.max(...slot.alts.map((a) => a.length));
      const byWord = new Map<string, Bit | null>();
      const alts: Alt[] = [];
      const isLast = si === slots.length - 1 && !slot.expanded;
      // Single-word alternatives ("kidney" | "renal") are one bit: the slot counts once.
      const singles = slot.alts.filter((a) => a.length === 1).map((a) => a[0]!);
      if (singles.length) {
        const best = new Map<number, number>();
        for (const w of singles)
          for (const m of this.#matches(w, isLast, corrections))
            best.set(m.term, Math.max(best.get(m.term) ?? 0, m.q));
        if (best.size && nextBit < 31) {
          const matches = [...best].map(([term, q]) => ({ term, q }));
          const b: Bit = {
            bit: 1 << nextBit++,
            matches,
            weight: 1 / maxLen,
            size: matches.reduce((n, m) => n + ix.df[m.term]!, 0),
          };
          alts.push({ bits: b.bit, list: [b] });
        }
      }
      for (const words of slot.alts) {
        if (words.length === 1) continue;
        const list: Bit[] = [];
        for (const w of words) {
          let b = byWord.get(w);
          if (b === undefined) {
            const matches = nextBit < 31 ? this.#matches(w, isLast, corrections) : [];
            let size = 0;
            for (const m of matches) size += ix.df[m.term]!;
            b = matches.length ? { bit: 1 << nextBit++, matches, weight: 1 / maxLen, size } : null;
            byWord.set(w, b);
          }
          if (!b) {
            list.length = 0;
            break;
          }
          list.push(b);
        }
        if (list.length) alts.push({ bits: list.reduce((m, b) => m | b.bit, 0), list });
      }
      if (alts.length)
        resolved.push({
          alts,
          size: alts.reduce((n, a) => n + Math.min(...a.list.map((b) => b.size)), 0),
        });
    });
    if (!resolved.length) return { hits: [], total: 0, corrections };
    // Slots made only of generic words ("with", "unspecified", "other") are not required: they
    // add to the score of titles that have them but never exclude one, nor seed the search.
    const generic = (r: (typeof resolved)[number]) =>
      r.alts.every((a) =>
        a.list.every((b) => b.matches.every((m) => ix.termWeight[m.term]! < 0.3)),
      );
    const optional = resolved.filter(generic);
    const required =
      optional.length === resolved.length ? resolved : resolved.filter((r) => !generic(r));
    required.sort((a, b) => a.size - b.size);
    const extra = required === resolved ? [] : optional;

    const mask = this.#mask;
    const essMask = this.#essMask;
    const qsum = this.#qsum;
    const pen = this.#pen;
    const touched = this.#touched;
    const { postStart, postDocs, postEss, termWeight } = ix;
    let nTouched = 0;
    // A document's covered weight (pen) counts every essential word the query covers, even
    // when another word already set the bit ("diabetes" covers both "diabetes" and "diabetic").
    const apply = (b: Bit, seed: boolean) => {
      for (const m of b.matches) {
        const add = b.weight * m.q;
        const pw = termWeight[m.term]!;
        for (let k = postStart[m.term]!, end = postStart[m.term + 1]!; k < end; k++) {
          const d = postDocs[k]!;
          const cur = mask[d]!;
          if (cur === 0) {
            if (!seed) continue;
            touched[nTouched++] = d;
          }
          const ess = postEss[k]!;
          if (ess) pen[d] = pen[d]! + pw * ess;
          if (cur & b.bit) {
            // Set before by a nonessential word only: an essential match upgrades it.
            if (ess && !(essMask[d]! & b.bit)) {
              essMask[d] = essMask[d]! | b.bit;
              qsum[d] = qsum[d]! + add * (1 - W.optionalOnly);
            }
            continue;
          }
          mask[d] = cur | b.bit;
          if (ess) essMask[d] = essMask[d]! | b.bit;
          qsum[d] = qsum[d]! + (ess ? add : add * W.optionalOnly);
        }
      }
    };
    const reset = () => {
      for (let i = 0; i < nTouched; i++) {
        const d = touched[i]!;
        mask[d] = 0;
        essMask[d] = 0;
        qsum[d] = 0;
        pen[d] = 0;
      }
      nTouched = 0;
    };
    const satisfied = (m: number) => {
      let n = 0;
      for (const s of required) if (s.alts.some((a) => (m & a.bits) === a.bits)) n++;
      return n;
    };

    // Strict pass: seed with the rarest word, then only mark documents already seeded.
    const bitsOf = (s: (typeof resolved)[number]) => [...new Set(s.alts.flatMap((a) => a.list))];
    // Seed only with the rarest word of each alternative of the rarest slot: a document must have
    // it to satisfy that alternative, so the other words need not add documents.
    const seedSlot = required[0]!;
    const rarest = (s: (typeof resolved)[number]) =>
      new Set(s.alts.map((a) => a.list.reduce((m, b) => (b.size < m.size ? b : m))));
    const seeds = rarest(seedSlot);
    for (const b of seeds) apply(b, true);
    for (const b of bitsOf(seedSlot)) if (!seeds.has(b)) apply(b, false);
    required.slice(1).forEach((s) => bitsOf(s).forEach((b) => apply(b, false)));
    extra.forEach((s) => bitsOf(s).forEach((b) => apply(b, false)));
    let need = required.length;
    let any = false;
    for (let i = 0; i < nTouched && !any; i++) any = satisfied(mask[touched[i]!]!) === need;
    if (!any && required.length > 1) {
      // No code has every word: fall back to the codes that have the most of them.
      reset();
      for (const s of required) for (const b of rarest(s)) apply(b, true);
      required.forEach((s) => bitsOf(s).forEach((b) => apply(b, false)));
      extra.forEach((s) => bitsOf(s).forEach((b) => apply(b, false)));
      need = 0;
      for (let i = 0; i < nTouched; i++) need = Math.max(need, satisfied(mask[touched[i]!]!));
    }

    const r = this.#rank(nTouched, need, satisfied, opts);
    reset();
    return { ...r, corrections };
  }

  #rank(
    nTouched: number,
    need: number,
    satisfied: (m: number) => number,
    opts: SearchOptions,
  ): Omit<SearchResult, 'corrections'> {
    const ix = this.ix;
    const {
      docKind,
      docWeight,
      nTitles,
      targetStart,
      targetEntry,
      targetOffset,
      codes,
      billable,
      chapter,
    } = ix;
    const codeScore = this.#codeScore;
    const codeDoc = this.#codeDoc;
    const seen = this.#codeSeen;
    const list = this.#codeList;
    let nCodes = 0;
    const offer = (e: number, score: number, d: number) => {
      if (opts.billableOnly && !billable[e]) return;
      if (opts.chapter && chapter[e] !== opts.chapter) return;
      if (!seen[e]) {
        seen[e] = 1;
        list[nCodes++] = e;
        codeScore[e] = score;
        codeDoc[e] = d;
      } else if (score > codeScore[e]!) {
        codeScore[e] = score;
        codeDoc[e] = d;
      }
    };
    const touched = this.#touched;
    for (let i = 0; i < nTouched; i++) {
      const d = touched[i]!;
      const m = this.#mask[d]!;
      if (satisfied(m) < need) continue;
      const extra = Math.max(0, docWeight[d]! - this.#pen[d]!);
      const s = this.#qsum[d]! - W.extraWord * extra + W.kind[docKind[d] as DocKind];
      if (d < nTitles) offer(d, s, d);
      else {
        const j = d - nTitles;
        for (let k = targetStart[j]!; k < targetStart[j + 1]!; k++)
          offer(targetEntry[k]!, s + targetOffset[k]!, d);
      }
    }
    // Top (offset + limit) by score, ties in code order.
    const offset = opts.offset ?? 0;
    const limit = opts.limit ?? 20;
    const k = offset + limit;
    const top: [number, number][] = [];
    for (let i = 0; i < nCodes; i++) {
      const e = list[i]!;
      const s = codeScore[e]! + (billable[e] ? W.billable : 0);
      seen[e] = 0;
      if (top.length === k && s <= top[k - 1]![0]) continue;
      let p = top.length;
      while (
        p > 0 &&
        (top[p - 1]![0] < s || (top[p - 1]![0] === s && codes.get(top[p - 1]![1]) > codes.get(e)))
      )
        p--;
      top.splice(p, 0, [s, e]);
      if (top.length > k) top.pop();
    }
    const hits = top.slice(offset).map(([s, e]) => {
      const d = codeDoc[e]!;
      return this.#hit(e, s, d < nTitles ? 'description' : 'index', d);
    });
    return { hits, total: nCodes };
  }
}

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
import { byEpisode, byIntent, queryEpisode } from './episode';
import { expandQuery, type Slot } from './expand';
import {
  byQualifiers,
  codePenalty,
  historyCodeFor,
  historyIntent,
  historyMismatch,
  isHistorySlot,
  isSideSlot,
  negatedSlots,
  querySide,
  sideless,
  withBiteCause,
  titleSide,
  type Side,
} from './qualifiers';

/** How many of the best hits the side/history qualifiers may reorder. */
const QUALIFIER_WINDOW = 40;
import { inflections, penaltyWeight, stem } from './tokenize';
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

/** One distinct query word: its bit in a document's mask and the terms it matched. */
interface WordBit {
  bit: number;
  matches: TermMatch[];
  /** 1 / the longest alternative of its slot: a slot is worth 1 however many words it has. */
  weight: number;
  /** How many documents its terms occur in (the rarest word seeds the search). */
  size: number;
}

/** One way to say a slot ("heart failure"): all its words, and their bits together. */
interface Alternative {
  bits: number;
  words: WordBit[];
}

/** A query slot (a word or an expanded abbreviation) with its alternatives resolved. */
interface ResolvedSlot {
  alts: Alternative[];
  size: number;
  /** Names only a side (qualifiers.ts ranks by it; a title need not say it). */
  side: boolean;
  /** A venomous sting or bite (expand.ts): the other slots are optional. */
  venom: boolean;
  /** Names only a limb or region (SITE_WORDS): dropped first when no code has every word. */
  site: boolean;
  /** An episode of care (episode.ts): never required, it picks the 7th character. */
  episode: boolean;
  /** Negated ("w/o angina", qualifiers.ts negatedSlots): never required of a code. */
  negated: boolean;
}

const popcount = (n: number): number => {
  let c = 0;
  for (let x = n; x; x &= x - 1) c++;
  return c;
};

/**
 * A slot is worth its best alternative, not the sum of its alternatives' words: "leg" (leg |
 * limb | lower extremity) must not score "Pain in left lower leg" above "Pain in left leg" (M79.605)
 * because "lower" is a word of another alternative. Returns, for a document's mask, the weight
 * its words beyond each slot's best alternative added (subtracted at ranking; exact match quality
 * taken as 1).
 */
function slotOverlap(resolved: readonly ResolvedSlot[]): (mask: number) => number {
  const multi = resolved
    .filter((slot) => slot.alts.length > 1 && slot.alts.some((a) => a.words.length > 1))
    .map((slot) => ({
      all: slot.alts.reduce((m, a) => m | a.bits, 0),
      alts: slot.alts.map((a) => a.bits),
      weight: slot.alts[0]!.words[0]!.weight,
    }));
  if (!multi.length) return () => 0;
  return (mask) => {
    let out = 0;
    for (const slot of multi) {
      const set = popcount(mask & slot.all);
      if (set < 2) continue;
      let best = 0;
      for (const bits of slot.alts) best = Math.max(best, popcount(mask & bits));
      out += (set - best) * slot.weight;
    }
    return out;
  };
}

/** What an Index hit loses when its path is another condition "with" the one typed. */
const WITH_OTHER_MAIN = 0.5;

/**
 * A combination code the Index reaches by "<main term> > ... > with <condition>" is that main
 * term's code with the condition ("Puncture > ear > with foreign body"; Guidelines I.A.15
 * "with"; I.B.1: look up the main term, the condition): when the query names no word of the main term ("lle edema" and "Varix > leg >
 * with > edema"), the hit ranks below the ones the query reaches otherwise ("Edema, legs R60.0").
 * Hits keep their order otherwise (the two-condition rescue orders its own hits).
 */
export function byMainTerm(hits: SearchHit[], slots: readonly Slot[]): SearchHit[] {
  const said = new Set<string>();
  for (const slot of slots)
    for (const alt of slot.alts)
      for (const w of alt) {
        said.add(w);
        said.add(stem(w));
      }
  const kept: SearchHit[] = [];
  const moved: SearchHit[] = [];
  for (const h of hits) {
    const path = h.via === 'index' ? h.indexPath?.toLowerCase() : undefined;
    const main = path
      ?.split(' > ')[0]!
      .replace(/['\u2019]/g, '')
      .match(/[a-z0-9]+/g);
    if (
      !path ||
      !/ > with\b/.test(path) ||
      !main ||
      main.some((w) => said.has(w) || said.has(stem(w)))
    )
      kept.push(h);
    else moved.push({ ...h, score: Math.round((h.score - WITH_OTHER_MAIN) * 1000) / 1000 });
  }
  if (!moved.length) return hits;
  for (const h of moved) {
    const at = kept.findIndex((k) => k.score < h.score);
    kept.splice(at < 0 ? kept.length : at, 0, h);
  }
  return kept;
}

/** Limbs and regions as typed: a condition's codes often group them ("ankle and foot"). */
const SITE_WORDS = new Set(
  'toe toes great big finger fingers thumb hand hands wrist forearm elbow arm arms shoulder foot feet ankle ankles heel leg legs knee knees thigh hip calf palm'.split(
    ' ',
  ),
);

/** Hands out mask bits, one per distinct word, up to 31 (a 32-bit mask). */
class BitAllocator {
  #next = 0;
  get full(): boolean {
    return this.#next >= 31;
  }
  take(): number {
    return 1 << this.#next++;
  }
}

const sum = (xs: number[]): number => xs.reduce((n, x) => n + x, 0);
const rarestWordSize = (alt: Alternative): number => Math.min(...alt.words.map((w) => w.size));
/** The distinct words of a slot, across its alternatives. */
const wordsOf = (slot: ResolvedSlot): WordBit[] => [
  ...new Set(slot.alts.flatMap((alt) => alt.words)),
];
/** The rarest word of each alternative of a slot. */
const rarestWords = (slot: ResolvedSlot): Set<WordBit> =>
  new Set(slot.alts.map((alt) => alt.words.reduce((r, w) => (w.size < r.size ? w : r))));
/** How many required slots a document's mask satisfies (some alternative has all its bits). */
function countSatisfied(required: readonly ResolvedSlot[], mask: number): number {
  let n = 0;
  for (const slot of required) if (slot.alts.some((alt) => (mask & alt.bits) === alt.bits)) n++;
  return n;
}

const CODE_LIKE = /^[A-Z][0-9A-Z]{1,6}$/;

/** Words that join two things typed together ("with", "w", "on", "due to", "and"). */
const CONNECTORS = new Set(['with', 'w', 'on', 'and', 'plus', 'due', 'd t', 'secondary', 'also']);
/** A slot that names a thing, not only a side, a history or a status. */
const isCondition = (s: Slot): boolean =>
  !isHistorySlot(s) && !isSideSlot(s) && !/^(s p|sp|status post|on|long term)$/.test(s.typed);

const GENERIC =
  /^(history|personal|family|other|unspecified|disease|disorder|of|and|the|with|without)$/;
/** Whether two titles share a clinical word (its first five letters: "calculi" ~ "calculus"). */
function sharesWord(a: string, b: string): boolean {
  const key = (t: string) =>
    new Set(
      (t.toLowerCase().match(/[a-z]+/g) ?? [])
        .filter((w) => w.length > 3 && !GENERIC.test(w))
        .map((w) => w.slice(0, 5)),
    );
  const kb = key(b);
  return [...key(a)].some((w) => kb.has(w));
}

const isConnector = (s: Slot): boolean =>
  CONNECTORS.has(s.typed) || s.alts.every((a) => a.length === 1 && CONNECTORS.has(a[0]!));

/**
 * Endings that make another form of the same word (diabet-es/-ic, myocardi-al/-um, infarct/-ion,
 * hemorrhag-e/-ic): two words whose parts after their common start are both longer than two
 * letters and neither such an ending are two words ("osteop-enia" and "osteop-hyte").
 */
const ENDING =
  /^(|e|s|es|a|ae|al|ial|ic|ics|ical|ia|ias|y|ies|ity|ed|ing|ion|ions|ation|ative|ous|ious|um|us|i|ive|ment|ness|ism|ist|ant|ent|ence|ance|ar|ary|ory|ure|ize|ise|ized|ile)$/;
export function sameRoot(a: string, b: string): boolean {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  const ta = a.slice(p);
  const tb = b.slice(p);
  return ENDING.test(ta) || ENDING.test(tb) || ta.length < 3 || tb.length < 3;
}

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
  /** How many documents the current query has marked (their ids are in #touched). */
  #nTouched = 0;

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
    const slots = this.#joinSplitWord(expandQuery(q)).map((s) => this.#splitCompound(s));
    const key = icdKey(q.replace(/\s+/g, ''));
    if (CODE_LIKE.test(key) && !slots.some((s) => s.expanded)) {
      const r = this.#byCode(key, opts);
      if (r.total > 0) return r;
    }
    // The best hits, reordered by the side and the history typed (qualifiers.ts).
    const offset = opts.offset ?? 0;
    const limit = opts.limit ?? 20;
    const window = Math.max(offset + limit, QUALIFIER_WINDOW);
    // Two things joined ("copd w pna") or a history are rescued below from the partial hits.
    const head = !slots.some(isConnector) && !historyIntent(slots);
    let r = this.#byWords(slots, { ...opts, offset: 0, limit: window }, codePenalty(slots), head);
    // No code has every word: what the query names may be two things (a condition and its
    // history's owner, or two conditions a coder reports together).
    // Or every code that has them is another's history ("hx of etoh abuse": only the family
    // history code says both words).
    const rescued = r.partial || historyMismatch(r.hits, slots);
    if (rescued) r = { ...r, ...this.#rescue(slots, r, window, opts) };
    const side = querySide(slots);
    const found = side ? this.#withSidedSiblings(r.hits, side) : r.hits;
    const ordered = byQualifiers(found, slots);
    // After the side order: a sided "<other main term> with <condition>" code is not promoted
    // above the condition's own unsided code ("bilat leg edema": R60.0).
    const main = rescued ? ordered : byMainTerm(ordered, slots);
    // The encounter typed picks the 7th character; a poisoning's intent defaults to accidental.
    const lookup = (code: string, from: SearchHit): SearchHit | null => {
      const i = this.#entryOf(code);
      return i < 0
        ? null
        : {
            ...this.#hit(i, from.score, from.via),
            ...(from.indexPath && { indexPath: from.indexPath }),
          };
    };
    const episode = byEpisode(
      byIntent(main, slots),
      queryEpisode(slots),
      lookup,
      slots.map((s) => s.typed).join(' '),
    );
    // The animal of a bite typed with its site, as the open bite's external cause.
    const hits = withBiteCause(episode, slots, lookup).slice(offset, offset + limit);
    return { ...r, hits };
  }

  /**
   * When no code has every word of the query:
   * - a history whose condition no history code names ("fh of hypertension") is the "other
   *   diseases of <system>" history code of the condition's system (qualifiers.ts), first;
   * - two things typed together ("afib on eliquis", "uti w hematuria", "copd w pna") are found
   *   apart and offered in turn (each is reported with its own code unless a combination code
   *   has them all, which the word search would have found). See: Guidelines I.A.15, I.B.9.
   */
  #rescue(
    slots: Slot[],
    partial: SearchResult,
    window: number,
    opts: SearchOptions,
  ): SearchResult | null {
    const sub = (part: Slot[]) =>
      this.#byWords(part, { ...opts, offset: 0, limit: window }, codePenalty(part));
    const history = historyIntent(slots);
    if (history) {
      const condition = slots.filter((s) => !isHistorySlot(s));
      if (!condition.length || condition.length === slots.length) return null;
      const found = sub(condition);
      const top = found.partial ? undefined : found.hits.find((h) => h.billable);
      const code = top && historyCodeFor(top.code, history.family);
      const i = code ? this.#entryOf(code) : -1;
      if (!top || i < 0 || partial.hits[0]?.code === code) return null;
      // A history code that says the condition's words keeps its place ("history of dvt":
      // Z86.718 "...venous thrombosis and embolism"); the system's code comes next.
      const rest = partial.hits.filter((h) => h.code !== code);
      const first = rest[0];
      const at = first && sharesWord(first.title, top.title) ? 1 : 0;
      const hit = this.#hit(i, first?.score ?? 1, 'description');
      return { ...partial, hits: [...rest.slice(0, at), hit, ...rest.slice(at)] };
    }
    // Split only where the coder joined two things ("with", "on", "due to").
    for (let at = 1; at < slots.length - 1; at++) {
      if (!isConnector(slots[at]!)) continue;
      const left = slots.slice(0, at);
      // "on" stays with its drug: "on eliquis" is long-term use (expand.ts).
      const right = slots.slice(slots[at]!.typed === 'on' ? at : at + 1);
      if (!left.some(isCondition) || !right.some(isCondition)) continue;
      const a = sub(left);
      const b = sub(right);
      if (a.partial || b.partial || !a.hits.length || !b.hits.length) continue;
      const hits: SearchHit[] = [];
      const seen = new Set<string>();
      // The codes with most of the words come first when they say clearly more than either half
      // alone (a combination code that words it otherwise: "dm2 w/ pvd" -> E11.51 "...with
      // diabetic peripheral angiopathy"); otherwise each half's own code leads.
      const best = Math.max(a.hits[0]!.score, b.hits[0]!.score);
      const lists =
        (partial.hits[0]?.score ?? 0) >= best + 1
          ? [partial.hits, a.hits, b.hits]
          : [a.hits, b.hits, partial.hits];
      for (let k = 0; hits.length < window && lists.some((l) => k < l.length); k++)
        for (const l of lists) {
          const h = l[k];
          if (h && !seen.has(h.code)) {
            seen.add(h.code);
            hits.push(h);
          }
        }
      return { ...partial, hits };
    }
    return this.#conditionAndOrganism(slots, partial, window, opts);
  }

  /**
   * A condition and its organism typed together, with no code naming both ("h. pylori
   * gastritis", "uti e coli", "mrsa cellulitis"): the condition's code first, then the
   * organism's "as the cause of diseases classified elsewhere" code (B95-B97), which is reported
   * beside it. See: Guidelines I.C.1.b and the B95-B97 note ("use additional code to identify
   * the infectious agent").
   */
  #conditionAndOrganism(
    slots: Slot[],
    partial: SearchResult,
    window: number,
    opts: SearchOptions,
  ): SearchResult | null {
    const organismCode = (code: string) => /^B9[5-7]/.test(code);
    for (let at = 1; at < slots.length; at++) {
      const halves = [slots.slice(0, at), slots.slice(at)] as const;
      for (const k of [0, 1] as const) {
        const condition = halves[k];
        const organism = halves[1 - k]!;
        if (!condition.some(isCondition) || organism.some(isConnector)) continue;
        const o = this.#byWords(organism, { ...opts, offset: 0, limit: 1 }, (code) =>
          organismCode(code) ? 0 : 3,
        );
        const agent = o.hits[0];
        if (o.partial || !agent || !organismCode(agent.code)) continue;
        const c = this.#byWords(
          condition,
          { ...opts, offset: 0, limit: window },
          codePenalty(condition),
        );
        if (c.partial || !c.hits.length) continue;
        const seen = new Set<string>();
        const hits = [c.hits[0]!, agent, ...c.hits.slice(1), ...partial.hits].filter(
          (h) => !seen.has(h.code) && !!seen.add(h.code),
        );
        return { ...partial, hits: hits.slice(0, window) };
      }
    }
    return null;
  }

  /**
   * The Alphabetic Index leads to a code for an unspecified side ("Fracture, traumatic, ankle"
   * -> S82.899-); with a side typed, the same code for that side is offered beside it: the
   * sibling whose unspecified-side character (9 or 0) is the side's (1 right, 2 left, 3
   * bilateral) and whose title is the same but for the side. See: Guidelines §I.B.13.
   */
  #withSidedSiblings(hits: SearchHit[], side: Side): SearchHit[] {
    const digit = { right: '1', left: '2', bilateral: '3' }[side];
    const have = new Set(hits.map((h) => h.code));
    const out: SearchHit[] = [];
    for (const h of hits) {
      const ts = titleSide(h.title);
      if (ts === 'unspecified' || (ts === null && /\bunspecified\b/i.test(h.title))) {
        const candidates: string[] = [];
        for (let p = 3; p < h.code.length; p++)
          if (h.code[p] === '9' || h.code[p] === '0')
            candidates.push(`${h.code.slice(0, p)}${digit}${h.code.slice(p + 1)}`);
        // Categories that number sides otherwise (M25.47-: 1 right ankle, 2 left ankle, 3
        // unspecified ankle): a sibling under the same parent.
        for (let c = 0; c <= 9; c++) candidates.push(`${h.code.slice(0, -1)}${c}`);
        // With a 7th character (S53.103A), the side is the character before it (S53.101A).
        if (h.code.length === 7 && /[A-Z]$/.test(h.code))
          for (let c = 0; c <= 9; c++)
            candidates.push(`${h.code.slice(0, 5)}${c}${h.code.slice(6)}`);
        const bare = sideless(h.title);
        const i = candidates
          .filter((sib) => !have.has(sib))
          .map((sib) => this.#entryOf(sib))
          .find(
            (e) =>
              e >= 0 &&
              titleSide(this.ix.titles.get(e)) === side &&
              sideless(this.ix.titles.get(e)) === bare,
          );
        if (i !== undefined) {
          have.add(this.ix.codes.get(i));
          out.push({
            ...this.#hit(i, h.score, h.via),
            ...(h.indexPath && { indexPath: h.indexPath }),
          });
        }
      }
      out.push(h);
    }
    return out;
  }

  /**
   * A word the vocabulary lacks that is two of its words run together ("preeclampsia" for the
   * titles' "pre-eclampsia", "nonhodgkin"): read as both words (the hyphen is the title's
   * punctuation, not the coder's). Tried before typo correction, longest known first part first.
   */
  #splitCompound(slot: Slot): Slot {
    const w = slot.typed;
    if (slot.expanded || w.length < 7 || !/^[a-z]+$/.test(w)) return slot;
    const known = (x: string) => this.ix.rawTerm.has(x) || this.ix.stemTerm.has(stem(x));
    if (known(w)) return slot;
    for (let at = w.length - 4; at >= 3; at--) {
      const a = w.slice(0, at);
      const b = w.slice(at);
      if (known(a) && known(b)) return { typed: w, alts: [[a, b]], expanded: true };
    }
    return slot;
  }

  /**
   * The reverse of #splitCompound: two typed words one of which the vocabulary lacks and which
   * together are one of its words ("post partum" for "postpartum", "peri anal") are read as that
   * word.
   */
  #joinSplitWord(slots: Slot[]): Slot[] {
    const known = (x: string) => this.ix.rawTerm.has(x) || this.ix.stemTerm.has(stem(x));
    const plain = (s: Slot | undefined) => !!s && !s.expanded && /^[a-z]+$/.test(s.typed);
    const out: Slot[] = [];
    for (let i = 0; i < slots.length; i++) {
      const a = slots[i]!;
      const b = slots[i + 1];
      if (plain(a) && plain(b) && (!known(a.typed) || !known(b!.typed))) {
        const joined = a.typed + b!.typed;
        if (known(joined)) {
          out.push({ typed: `${a.typed} ${b!.typed}`, alts: [[joined]], expanded: true });
          i++;
          continue;
        }
      }
      out.push(a);
    }
    return out;
  }

  /** The entry index of a code, or -1. */
  #entryOf(code: string): number {
    const { sorted, codes } = this.ix;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (codes.get(sorted[mid]!) < code) lo = mid + 1;
      else hi = mid;
    }
    return lo < sorted.length && codes.get(sorted[lo]!) === code ? sorted[lo]! : -1;
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
    // A generic word of the classification ("nos", "unspecified", "other") is itself, never the
    // start of another ("nos" is not "nose"): see Guidelines I.A.9.
    if (exact !== undefined && penaltyWeight(s) < 0.3) return out;
    const seen = new Set(out.map((m) => m.term));
    const add = (t: number, q: number) => {
      if (seen.has(t)) return;
      seen.add(t);
      out.push({ term: t, q });
    };
    const inflected =
      exact === undefined
        ? inflections(s)
            .map((x) => ix.rawTerm.get(x) ?? ix.stemTerm.get(stem(x)))
            .find((t) => t !== undefined)
        : undefined;
    if (inflected !== undefined) add(inflected, W.variant);
    else if (exact === undefined) {
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
      return m === wordMeaning && sameRoot(word, c);
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

  /**
   * Word search in named steps: resolve the query's words to vocabulary terms (one bit each),
   * split the slots into required and optional ones, mark the documents that have every required
   * word (or, failing that, the most of them), then rank.
   */
  #byWords(
    slots: Slot[],
    opts: SearchOptions,
    penalty: ((code: string) => number) | null,
    head = false,
  ): SearchResult & { partial: boolean } {
    const corrections: string[] = [];
    const resolved = this.#resolveSlots(slots, corrections);
    if (!resolved.length) return { hits: [], total: 0, corrections, partial: true };
    let split = this.#requiredSlots(resolved, true);
    this.#markAllWords(split.required, split.optional);
    // A negated word is not required while the others find a code; when they find none, the
    // query is read as before (every word counts toward the codes with the most of them).
    if (
      split.optional.some((slot) => slot.negated) &&
      !this.#anyDocumentSatisfies(split.required.length, (m) => countSatisfied(split.required, m))
    ) {
      this.#resetMarks();
      split = this.#requiredSlots(resolved, false);
      this.#markAllWords(split.required, split.optional);
    }
    const { optional } = split;
    let { required } = split;
    let satisfied = (mask: number) => countSatisfied(required, mask);
    let need = required.length;
    let satisfiedAll = true;
    if (!this.#anyDocumentSatisfies(need, satisfied) && required.length > 1) {
      satisfiedAll = false;
      // No code has every word: fall back to the codes that have the most of them.
      this.#resetMarks();
      need = this.#markMostWords(required, optional, satisfied);
      // Unless those that name the limb or region typed name nothing else ("gout rt great toe":
      // lacerations of the great toe): the condition is the main term (Guidelines I.B.1) and its
      // codes group sites their own way (M10.07- "ankle and foot", G56.0- "upper limb"), so the
      // site is dropped before the condition.
      const sites = required.filter((slot) => slot.site);
      const rest = required.filter((slot) => !slot.site);
      if (sites.length && rest.length && !this.#siteWithCondition(sites, rest)) {
        const restSatisfied = (mask: number) => countSatisfied(rest, mask);
        this.#resetMarks();
        this.#markAllWords(rest, [...optional, ...sites]);
        if (this.#anyDocumentSatisfies(rest.length, restSatisfied)) {
          required = rest;
          satisfied = restSatisfied;
          need = rest.length;
          satisfiedAll = true;
        } else {
          this.#resetMarks();
          need = this.#markMostWords(required, optional, satisfied);
        }
      }
    }

    // Robust to words that add nothing (note words, a site, a flare): when no code has every
    // word, a code must still name the query's head concept, a main term of the Alphabetic
    // Index the query types ("eczema flare hands": eczema, not a gout code naming "flare" and
    // "hand"; "gout rt 1st mtp": gout, not a first-degree burn). See: Guidelines I.B.1 (look up
    // the main term, the condition; subterms and sites follow).
    if (head && need < required.length && need > 0) {
      // The head is a main-term word at least as specific (as rare) as every other word typed:
      // "injured by lawn mower" names its thing by "mower", not by the main term "injury".
      const words = required.flatMap(wordsOf);
      const mains = required.reduce((m, slot) => m | this.#headBits(slot), 0);
      const others = words.filter((w) => !(w.bit & mains));
      const rarestOther = Math.min(...others.map((w) => w.size));
      const headBits = words.some((w) => w.bit & mains && w.size <= rarestOther) ? mains : 0;
      if (headBits && others.length) {
        const base = satisfied;
        const k = required.length + 1;
        const headed = (mask: number) => base(mask) + ((mask & headBits) !== 0 ? k : 0);
        let most = 0;
        for (let i = 0; i < this.#nTouched; i++)
          most = Math.max(most, headed(this.#mask[this.#touched[i]!]!));
        if (most >= k) {
          satisfied = headed;
          need = most;
        }
      }
    }

    const ranked = this.#rank(
      this.#nTouched,
      need,
      satisfied,
      opts,
      penalty,
      slotOverlap(resolved),
    );
    this.#resetMarks();
    return { ...ranked, corrections, partial: satisfiedAll === false };
  }

  /** Whether a term is an Alphabetic Index main term by itself, by term (filled on first use). */
  #mainTerm = new Map<number, boolean>();

  /**
   * Whether a vocabulary term is a one-word main term of the Alphabetic Index that leads to a
   * code by itself ("Eczema L30.9", "Gout, gouty M10.9", "Rash R21"): a condition. Not a drug
   * (Table of Drugs), an external cause (V00-Y99), nor the first word of a longer main term
   * ("Ground itch", "Coffee-worker's lung").
   */
  #isMainTerm(term: number): boolean {
    const known = this.#mainTerm.get(term);
    if (known !== undefined) return known;
    const { postStart, postDocs, nTitles, docKind, indexPaths, rawTerm, stemTerm, targets, codes } =
      this.ix;
    let found = false;
    for (let k = postStart[term]!, end = postStart[term + 1]!; k < end && !found; k++) {
      const d = postDocs[k]!;
      if (d < nTitles || docKind[d] === DocKind.Table) continue;
      const path = indexPaths.get(d - nTitles);
      if (path.includes(' > ')) continue;
      const first = /^[a-z]+(?=,|$)/.exec(path.toLowerCase().trim())?.[0];
      if (!first || (rawTerm.get(first) ?? stemTerm.get(stem(first))) !== term) continue;
      const t = targets.get(d - nTitles);
      found = t.length > 0 && !/^[V-Y]/.test(codes.get(t[0]!));
    }
    this.#mainTerm.set(term, found);
    return found;
  }

  /** The bits of a slot's words that are main terms of the Index (their exact word). */
  #headBits(slot: ResolvedSlot): number {
    let bits = 0;
    for (const w of wordsOf(slot))
      if (w.matches.some((m) => m.q === W.exact && this.#isMainTerm(m.term))) bits |= w.bit;
    return bits;
  }

  /** Every token of every alternative of each slot, resolved to vocabulary terms with its bit. */
  #resolveSlots(slots: Slot[], corrections: string[]): ResolvedSlot[] {
    const resolved: ResolvedSlot[] = [];
    const bits = new BitAllocator();
    const negated = negatedSlots(slots);
    slots.forEach((slot, slotIndex) => {
      if (!slot.alts.length) return; // a connector ("and") only
      // One bit per distinct word of the slot: "chf" -> congestive|heart|failure, alternatives
      // "congestive heart failure" and "heart failure" share the bits of heart and failure.
      const weight = 1 / Math.max(...slot.alts.map((words) => words.length));
      const isLast = slotIndex === slots.length - 1 && !slot.expanded;
      const alts = [
        ...this.#singleWordAlternative(slot, isLast, weight, bits, corrections),
        ...this.#multiWordAlternatives(slot, isLast, weight, bits, corrections),
      ];
      if (alts.length)
        resolved.push({
          alts,
          size: sum(alts.map(rarestWordSize)),
          side: isSideSlot(slot),
          venom: !!slot.venom,
          site: slot.typed.split(/\s+/).every((w) => SITE_WORDS.has(w)),
          episode: !!slot.episode,
          negated: negated.has(slotIndex),
        });
    });
    return resolved;
  }

  /** Single-word alternatives ("kidney" | "renal") are one bit: the slot counts once. */
  #singleWordAlternative(
    slot: Slot,
    isLast: boolean,
    weight: number,
    bits: BitAllocator,
    corrections: string[],
  ): Alternative[] {
    const singles = slot.alts.filter((words) => words.length === 1).map((words) => words[0]!);
    if (!singles.length) return [];
    const bestQuality = new Map<number, number>();
    for (const word of singles)
      for (const match of this.#matches(word, isLast, corrections))
        bestQuality.set(match.term, Math.max(bestQuality.get(match.term) ?? 0, match.q));
    if (!bestQuality.size || bits.full) return [];
    const matches = [...bestQuality].map(([term, q]) => ({ term, q }));
    const word: WordBit = { bit: bits.take(), matches, weight, size: this.#docCount(matches) };
    return [{ bits: word.bit, words: [word] }];
  }

  /** Alternatives of several words: each needs all its words (a word the vocabulary lacks drops it). */
  #multiWordAlternatives(
    slot: Slot,
    isLast: boolean,
    weight: number,
    bits: BitAllocator,
    corrections: string[],
  ): Alternative[] {
    const byWord = new Map<string, WordBit | null>();
    const out: Alternative[] = [];
    for (const words of slot.alts) {
      if (words.length === 1) continue;
      const found: WordBit[] = [];
      for (const word of words) {
        let wordBit = byWord.get(word);
        if (wordBit === undefined) {
          const matches = bits.full ? [] : this.#matches(word, isLast, corrections);
          wordBit = matches.length
            ? { bit: bits.take(), matches, weight, size: this.#docCount(matches) }
            : null;
          byWord.set(word, wordBit);
        }
        if (!wordBit) {
          found.length = 0;
          break;
        }
        found.push(wordBit);
      }
      if (found.length)
        out.push({ bits: found.reduce((mask, w) => mask | w.bit, 0), words: found });
    }
    return out;
  }

  /** How many documents the matched terms occur in. */
  #docCount(matches: readonly TermMatch[]): number {
    let n = 0;
    for (const match of matches) n += this.ix.df[match.term]!;
    return n;
  }

  /**
   * Slots made only of generic words ("with", "unspecified", "other") are not required: they
   * add to the score of titles that have them but never exclude one, nor seed the search.
   * Required slots come rarest first.
   */
  #requiredSlots(
    resolved: ResolvedSlot[],
    negatedOptional: boolean,
  ): { required: ResolvedSlot[]; optional: ResolvedSlot[] } {
    const { termWeight } = this.ix;
    const generic = (slot: ResolvedSlot) =>
      slot.alts.every((alt) =>
        alt.words.every((w) => w.matches.every((match) => termWeight[match.term]! < 0.3)),
      );
    // A side is not required: the Index leads to the unspecified-side code, whose sided sibling
    // is offered and ranked first (search, byQualifiers).
    // A venomous sting is coded by the animal (T63), not the site: only the sting is required.
    const venom = resolved.some((slot) => slot.venom);
    const optional = resolved.filter(
      (slot) =>
        generic(slot) ||
        slot.side ||
        slot.episode ||
        (negatedOptional && slot.negated) ||
        (venom && !slot.venom),
    );
    const required =
      optional.length === resolved.length
        ? resolved
        : resolved.filter((slot) => !optional.includes(slot));
    required.sort((a, b) => a.size - b.size);
    return { required, optional: required === resolved ? [] : optional };
  }

  /**
   * Strict pass: seed only with the rarest word of each alternative of the rarest slot (a
   * document must have it to satisfy that alternative), then mark the other words only on
   * documents already seeded.
   */
  #markAllWords(required: ResolvedSlot[], optional: ResolvedSlot[]): void {
    const seedSlot = required[0]!;
    const seeds = rarestWords(seedSlot);
    for (const w of seeds) this.#mark(w, true);
    for (const w of wordsOf(seedSlot)) if (!seeds.has(w)) this.#mark(w, false);
    for (const slot of required.slice(1)) for (const w of wordsOf(slot)) this.#mark(w, false);
    for (const slot of optional) for (const w of wordsOf(slot)) this.#mark(w, false);
  }

  /** Fallback pass: seed with the rarest words of every required slot; returns the most any
   * document satisfies. */
  #markMostWords(
    required: ResolvedSlot[],
    optional: ResolvedSlot[],
    satisfied: (mask: number) => number,
  ): number {
    const seeds = new Set(required.flatMap((slot) => [...rarestWords(slot)]));
    for (const w of seeds) this.#mark(w, true);
    // Each word once: marking a seed again would count its penalty weight twice, and a
    // document's unmatched words would cost nothing (the ranking below needs them).
    for (const slot of required)
      for (const w of wordsOf(slot)) if (!seeds.has(w)) this.#mark(w, false);
    for (const slot of optional) for (const w of wordsOf(slot)) this.#mark(w, false);
    let most = 0;
    for (let i = 0; i < this.#nTouched; i++)
      most = Math.max(most, satisfied(this.#mask[this.#touched[i]!]!));
    return most;
  }

  /** Whether a marked document has every site slot and some other required slot. */
  #siteWithCondition(sites: ResolvedSlot[], rest: ResolvedSlot[]): boolean {
    for (let i = 0; i < this.#nTouched; i++) {
      const m = this.#mask[this.#touched[i]!]!;
      if (countSatisfied(sites, m) === sites.length && countSatisfied(rest, m) > 0) return true;
    }
    return false;
  }

  #anyDocumentSatisfies(need: number, satisfied: (mask: number) => number): boolean {
    for (let i = 0; i < this.#nTouched; i++)
      if (satisfied(this.#mask[this.#touched[i]!]!) === need) return true;
    return false;
  }

  /**
   * Marks the documents of a word's terms: its bit, its query quality, and the document's
   * covered weight. A document's covered weight counts every essential word the query covers,
   * even when another word already set the bit ("diabetes" covers "diabetes" and "diabetic").
   * Only a seeding word adds documents not marked before.
   */
  #mark(word: WordBit, seed: boolean): void {
    const mask = this.#mask;
    const essMask = this.#essMask;
    const qsum = this.#qsum;
    const pen = this.#pen;
    const touched = this.#touched;
    const { postStart, postDocs, postEss, termWeight } = this.ix;
    let nTouched = this.#nTouched;
    for (const match of word.matches) {
      const add = word.weight * match.q;
      const termPenalty = termWeight[match.term]!;
      for (let k = postStart[match.term]!, end = postStart[match.term + 1]!; k < end; k++) {
        const doc = postDocs[k]!;
        const before = mask[doc]!;
        if (before === 0) {
          if (!seed) continue;
          touched[nTouched++] = doc;
        }
        const essential = postEss[k]!;
        if (essential) pen[doc] = pen[doc]! + termPenalty * essential;
        if (before & word.bit) {
          // Set before by a nonessential word only: an essential match upgrades it.
          if (essential && !(essMask[doc]! & word.bit)) {
            essMask[doc] = essMask[doc]! | word.bit;
            qsum[doc] = qsum[doc]! + add * (1 - W.optionalOnly);
          }
          continue;
        }
        mask[doc] = before | word.bit;
        if (essential) essMask[doc] = essMask[doc]! | word.bit;
        qsum[doc] = qsum[doc]! + (essential ? add : add * W.optionalOnly);
      }
    }
    this.#nTouched = nTouched;
  }

  /** Clears the marks of every touched document (the scratch arrays are reused). */
  #resetMarks(): void {
    for (let i = 0; i < this.#nTouched; i++) {
      const doc = this.#touched[i]!;
      this.#mask[doc] = 0;
      this.#essMask[doc] = 0;
      this.#qsum[doc] = 0;
      this.#pen[doc] = 0;
    }
    this.#nTouched = 0;
  }

  #rank(
    nTouched: number,
    need: number,
    satisfied: (m: number) => number,
    opts: SearchOptions,
    penalty: ((code: string) => number) | null,
    overlap: (mask: number) => number = () => 0,
  ): Omit<SearchResult, 'corrections'> {
    const ix = this.ix;
    const { docKind, docWeight, nTitles, targets, codes, billable, chapter } = ix;
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
      const s = this.#qsum[d]! - overlap(m) - W.extraWord * extra + W.kind[docKind[d] as DocKind];
      if (d < nTitles) offer(d, s, d);
      else {
        const t = targets.get(d - nTitles);
        for (let k = 0; k < t.length; k += 2) offer(t[k]!, s + t[k + 1]!, d);
      }
    }
    // Top (offset + limit) by score, ties in code order.
    const offset = opts.offset ?? 0;
    const limit = opts.limit ?? 20;
    const k = offset + limit;
    const top: [number, number][] = [];
    for (let i = 0; i < nCodes; i++) {
      const e = list[i]!;
      const s =
        codeScore[e]! + (billable[e] ? W.billable : 0) - (penalty ? penalty(codes.get(e)) : 0);
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

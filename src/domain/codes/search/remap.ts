/**
 * Maps a code printed in the Alphabetic Index (possibly from an older year, possibly incomplete:
 * "S72.00-", "T51.3X1") to codes of the release being searched:
 * - a billable code that still exists: itself;
 * - a header (incomplete code, or a code that became a header, e.g. E78.01 in FY2026): the
 *   header itself plus its three most generic billable descendants (unspecified first, initial
 *   encounter first), so a coder lands on a reportable code and still sees where it sits;
 * - a code that no longer exists: the same for its nearest existing ancestor, ranked lower;
 * - nothing left: dropped.
 * See: Official Guidelines I.A.5 / I.B.1 (the index points to a code; the tabular must be checked
 * for a more specific one); DOMAIN.md §2 (codes valid by date of service).
 */
import type { SearchEntry } from './types';

/** [entry index, score offset] */
export type Target = [number, number];

const rankCache = new WeakMap<Int32Array, Int32Array>();
function rankOf(sorted: Int32Array): Int32Array {
  let r = rankCache.get(sorted);
  if (!r) {
    r = new Int32Array(sorted.length);
    for (let p = 0; p < sorted.length; p++) r[sorted[p]!] = p;
    rankCache.set(sorted, r);
  }
  return r;
}

const genCache = new WeakMap<SearchEntry[], Float32Array>();
/** How good a default a billable code is when the index only names its header (cached per entry). */
function genericnessOf(entries: SearchEntry[], i: number): number {
  let c = genCache.get(entries);
  if (!c) {
    c = new Float32Array(entries.length).fill(NaN);
    genCache.set(entries, c);
  }
  // Always the stored float32 value: returning the float64 on the first call and the rounded
  // one afterwards made ties between two children depend on which was walked first.
  if (Number.isNaN(c[i]!)) c[i] = genericness(entries[i]!);
  return c[i]!;
}

function genericness(e: SearchEntry): number {
  const t = e.long.toLowerCase();
  let g = 0;
  g += 2 * (t.split('unspecified').length - 1);
  // "...without mention of lumbar back pain or lower extremity pain" (M51.369), "...not specified
  // as traumatic": the title says it is the default when the documentation is silent (I.A.9).
  if (/\bwithout mention of\b|\bnot specified as\b/.test(t)) g += 2;
  // A leukemia, lymphoma or myeloma not said to be in remission or relapse: the code for "not
  // having achieved remission" (C90-C95 fifth character 0). See: ICD-10-CM C90-C95 subcategories.
  if (t.includes('not having achieved remission')) g += 1;
  // A 7th character (a letter in position 7): initial encounter (A) is the usual default.
  if (e.code.length === 7 && /[A-Z]/.test(e.code[6]!)) g += e.code.endsWith('A') ? 1 : -3;
  let words = 1;
  for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) === 32) words++;
  return g - words * 0.05;
}

/** Lower-case titles (cached per entries array), for matching a header's children to words. */
const lowerCache = new WeakMap<SearchEntry[], (string | undefined)[]>();
function lowerTitle(entries: SearchEntry[], i: number): string {
  let c = lowerCache.get(entries);
  if (!c) lowerCache.set(entries, (c = []));
  return (c[i] ??= ` ${entries[i]!.long.toLowerCase()} `);
}

/** Above this many descendants a header's children are not matched word by word (build time). */
const MATCH_CHILDREN_MAX = 16;
/** How much one index-term word found in a child's title (and not the header's) adds. */
const CHILD_WORD = 1.5;

/**
 * Where a printed code lands in the release: itself, or its nearest existing ancestor (cut one
 * character at a time, down to the category) with `penalty` 0.6; null when nothing is left (the
 * term is dropped). Cheap: the index build calls it for every term and resolves targets later.
 */
export function locateIndexCode(
  printed: string,
  byCode: Map<string, number>,
): { at: number; key: string; penalty: number } | null {
  let key = printed.toUpperCase().replace(/[.\-\s]/g, '');
  let penalty = 0;
  let at = byCode.get(key);
  while (at === undefined && key.length > 3) {
    key = key.slice(0, -1);
    penalty = 0.6;
    at = byCode.get(key);
  }
  return at === undefined ? null : { at, key, penalty };
}

/**
 * @param words stems of the index term's subterm levels ("Cellulitis > upper limb" -> upper,
 *   limb): when the printed code is a header, the children whose titles say them come first
 *   (L03.11- "upper limb" -> L03.113/L03.114 "...of right/left upper limb", not the axilla).
 *   See: Guidelines I.A.5 / I.B.1 (the index term leads into the tabular, which is read for the
 *   code that matches the term).
 */
export function resolveIndexCode(
  printed: string,
  byCode: Map<string, number>,
  sorted: Int32Array,
  entries: SearchEntry[],
  words?: ReadonlySet<string>,
): Target[] {
  const loc = locateIndexCode(printed, byCode);
  if (!loc) return [];
  const { at, key, penalty } = loc;
  const e = entries[at]!;
  if (e.billable) return [[at, -penalty]];
  const rank = rankOf(sorted);
  const bonus = childWordBonus(entries, sorted, rank, at, key, words);
  const score = (d: number) => genericnessOf(entries, d) + (bonus?.get(d) ?? 0);
  // The three most generic billable descendants (ties: tabular order), kept while walking them:
  // a chapter-level header has thousands.
  const best: number[] = [];
  const before = (a: number, b: number) => {
    const d = score(b) - score(a);
    return d < 0 || (d === 0 && a < b);
  };
  for (let p = rank[at]! + 1; p < sorted.length; p++) {
    const d = sorted[p]!;
    const c = entries[d]!;
    if (!c.code.startsWith(key)) break;
    if (!c.billable) continue;
    if (best.length === 3 && !before(d, best[2]!)) continue;
    let i = Math.min(best.length, 2);
    if (best.length < 3) best.push(d);
    while (i > 0 && before(d, best[i - 1]!)) {
      best[i] = best[i - 1]!;
      i--;
    }
    best[i] = d;
  }
  const out: Target[] = [[at, -0.2 - penalty]];
  best.forEach((d, i) => out.push([d, -0.1 - 0.15 * i - penalty]));
  return out;
}

/** Per billable descendant: CHILD_WORD for each of `words` its title has and the header's lacks. */
function childWordBonus(
  entries: SearchEntry[],
  sorted: Int32Array,
  rank: Int32Array,
  at: number,
  key: string,
  words?: ReadonlySet<string>,
): Map<number, number> | null {
  if (!words?.size) return null;
  const all = new Set(words);
  // The Index says "limb, upper/lower", titles "arm"/"leg" (M79.60- "Pain in right leg").
  if (all.has('limb') || all.has('extremity')) {
    if (all.has('upper')) all.add('arm');
    if (all.has('lower')) all.add('leg');
  }
  const head = lowerTitle(entries, at);
  // A word starts a title word ("calculi" is found in "calculi", "toe" in "toe(s)").
  const wanted = [...all].map((w) => ` ${w}`).filter((w) => !head.includes(w));
  if (!wanted.length) return null;
  const out = new Map<number, number>();
  let n = 0;
  for (let p = rank[at]! + 1; p < sorted.length; p++) {
    const d = sorted[p]!;
    if (!entries[d]!.code.startsWith(key)) break;
    if (!entries[d]!.billable) continue;
    if (++n > MATCH_CHILDREN_MAX) return null;
    const t = lowerTitle(entries, d);
    let k = 0;
    for (const w of wanted) if (t.includes(w)) k++;
    if (k) out.set(d, k * CHILD_WORD);
  }
  return out;
}

/**
 * The lower-case titles of a header's billable children, joined, or null when it has none or
 * more than MATCH_CHILDREN_MAX (their words are then not matched): an index term none of whose
 * words they contain leads where the header alone does.
 */
export function childTitles(
  at: number,
  key: string,
  sorted: Int32Array,
  entries: SearchEntry[],
): string | null {
  const rank = rankOf(sorted);
  let out = '';
  let n = 0;
  for (let p = rank[at]! + 1; p < sorted.length; p++) {
    const d = sorted[p]!;
    const c = entries[d]!;
    if (!c.code.startsWith(key)) break;
    if (!c.billable) continue;
    if (++n > MATCH_CHILDREN_MAX) return null;
    out += lowerTitle(entries, d);
  }
  return n ? out : null;
}

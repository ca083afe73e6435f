/**
 * Normalisation shared by indexing and querying: lower case, apostrophes dropped
 * ("Alzheimer's" -> "alzheimers"), split on anything not a letter or digit, then a light plural
 * stemmer so "fractures" finds "fracture". Deliberately simple and symmetric: the same function
 * runs on the code titles, the index terms and the query.
 */

/** Words that carry no meaning in a search ("of", "the"): matched if typed, never required. */
const STOP = new Set([
  'a',
  'an',
  'the',
  'of',
  'and',
  'or',
  'in',
  'on',
  'at',
  'to',
  'by',
  'for',
  'as',
  'from',
  'into',
  'than',
  'not',
]);

/**
 * How much an unmatched word of a title counts against it (1 = a real clinical word). Generic
 * words of the classification cost little, so "Type 2 diabetes mellitus without complications"
 * is not pushed down by "without"; "unspecified" codes stay near the top of a vague query.
 * See: Official Guidelines I.A.9 (NEC/NOS, "other", "unspecified").
 */
const WEAK: Record<string, number> = {
  with: 0.25,
  without: 0.15,
  due: 0.2,
  other: 0.25,
  unspecified: 0.1,
  specified: 0.25,
  nos: 0.1,
  // An Index subterm "NEC" / "specified NEC" is for documentation that names something no code
  // names (Guidelines I.A.9.a): with nothing more typed, a named subterm comes before it
  // ("s/p pacemaker": "Status, pacemaker, cardiac" Z95.0, not "specified NEC" Z96.89).
  nec: 1,
  site: 0.3,
  part: 0.3,
  initial: 0.05,
  encounter: 0.05,
  elsewhere: 0.2,
  classified: 0.2,
  condition: 0.4,
  disorder: 0.6,
  disease: 0.6,
  type: 0.6,
  mellitu: 0.3,
  unspecifi: 0.1,
  current: 0.5,
  primary: 0.5,
  closed: 0.15,
  routine: 0.4,
  healing: 0.4,
  fracture: 0.8,
  right: 0.6,
  left: 0.6,
  organism: 0.4,
  acute: 0.6,
  // "copd exac", "chf exacerbation": a title that says it comes first, but a condition no code
  // names with an exacerbation (I50.9 for "chf exac") is still found (Guidelines I.A.9).
  exacerbation: 0.25,
  // "Unstageable" is what the documentation says when the stage cannot be determined; a pressure
  // ulcer with no stage typed is "unspecified stage". See: Guidelines I.C.12.a.2-3.
  unstageable: 1.3,
};

export function stem(w: string): string {
  const n = w.length;
  if (n <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && n > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (
    w.endsWith('s') &&
    !w.endsWith('ss') &&
    !w.endsWith('us') &&
    !w.endsWith('is') &&
    !w.endsWith('ys')
  )
    return w.slice(0, -1);
  return w;
}

export const isStop = (w: string) => STOP.has(w);

/** Weight of a stemmed word when a title has it and the query does not. */
export function penaltyWeight(s: string): number {
  if (STOP.has(s)) return 0;
  return WEAK[s] ?? 1;
}

export interface Token {
  /** Lower-case word as typed (before stemming). */
  raw: string;
  /** Inside parentheses or otherwise nonessential. */
  optional: boolean;
}

/**
 * Calls `each(word, optional)` for every word; words inside parentheses (nonessential modifiers)
 * are optional. A hand-written scanner: it runs over ~2 million words when a release is indexed.
 */
export function eachWord(
  text: string,
  allOptional: boolean,
  each: (w: string, optional: boolean) => void,
): void {
  scanWords(text, allOptional, 0, each);
}

/**
 * eachWord from a parenthesis depth (`depth0`, for a text cut at a comma inside parentheses);
 * returns the depth at the end.
 */
export function scanWords(
  text: string,
  allOptional: boolean,
  depth0: number,
  each: (w: string, optional: boolean) => void,
): number {
  const s = text.toLowerCase();
  let depth = depth0;
  let start = -1;
  let apos = false;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) start = i;
      continue;
    }
    // An apostrophe inside a word is dropped: "alzheimer's" -> "alzheimers".
    if ((c === 39 || c === 0x2019) && start >= 0) {
      apos = true;
      continue;
    }
    if (start >= 0) {
      const w = s.slice(start, i);
      each(apos ? w.replace(/['\u2019]/g, '') : w, allOptional || depth > 0);
      start = -1;
      apos = false;
    }
    if (c === 40) depth++;
    else if (c === 41 && depth > 0) depth--;
  }
  return depth;
}

/** Splits text into words, marking those inside parentheses (nonessential) as optional. */
export function tokenize(text: string, allOptional = false): Token[] {
  const out: Token[] = [];
  eachWord(text, allOptional, (raw, optional) => out.push({ raw, optional }));
  return out;
}

/** Query words: same split, no optional marks, stop words removed (unless nothing else is left). */
export function queryWords(text: string): string[] {
  const all =
    text
      .toLowerCase()
      .replace(/['\u2019]/g, '')
      .match(/[a-z0-9]+/g) ?? [];
  const kept = all.filter((w) => !STOP.has(w));
  return kept.length ? kept : all;
}

/**
 * Other inflections of a word the vocabulary lacks, likeliest first: a verb's -ing or -ed form
 * for its base ("coughing" -> "cough"), and a verb's third person for the gerund the titles use
 * ("snores" -> "snoring": R06.83 "Snoring", "wheezes" -> "wheezing"). Tried before typo
 * correction, which would read "coughing" as "cushing". `s` is the word after `stem`.
 */
export function inflections(s: string): string[] {
  const out: string[] = [];
  const base = (b: string) => {
    if (b.length < 3) return;
    out.push(b, `${b}e`);
    // A doubled last consonant ("bleeding" has none; "swelling" keeps it; "spotting" -> "spot").
    if (/([b-df-hj-np-tv-z])\1$/.test(b)) out.push(b.slice(0, -1));
  };
  if (s.endsWith('ing')) base(s.slice(0, -3));
  else if (s.endsWith('ed')) base(s.slice(0, -2));
  else if (s.length >= 4) out.push(`${s.replace(/e$/, '')}ing`);
  return out;
}

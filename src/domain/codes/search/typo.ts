/**
 * Typo tolerance: words of the vocabulary within a small Damerau-Levenshtein distance of a word
 * that is not in it ("pnuemonia" -> "pneumonia"). One edit for words of 4-7 letters, two from 8.
 * Candidates share the first or the second letter (typos rarely hit both) and have a close length,
 * so a query scans a few thousand words at most.
 */

// Rows reused between calls: the scan calls this thousands of times per unknown word.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/** Optimal string alignment distance, or max+1 as soon as it must exceed max. */
export function editDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (m + 1 > rowA.length) {
    rowA = new Int32Array(m + 1);
    rowB = new Int32Array(m + 1);
    rowC = new Int32Array(m + 1);
  }
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = prev[j - 1]! + (ca === cb ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      if (del < v) v = del;
      if (ins < v) v = ins;
      if (
        i > 1 &&
        j > 1 &&
        ca === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === cb &&
        prev2[j - 2]! + 1 < v
      )
        v = prev2[j - 2]! + 1;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[m]!;
}

export const maxEdits = (len: number) => (len < 4 ? 0 : len < 8 ? 1 : 2);

export interface TypoIndex {
  /** Term ids by "<first letter><length>" and by "<second letter><length>". */
  byFirst: Map<string, Int32Array>;
  bySecond: Map<string, Int32Array>;
}

export function buildTypoIndex(stems: string[]): TypoIndex {
  const first = new Map<string, number[]>();
  const second = new Map<string, number[]>();
  const put = (m: Map<string, number[]>, k: string, t: number) => {
    const l = m.get(k);
    if (l) l.push(t);
    else m.set(k, [t]);
  };
  stems.forEach((s, t) => {
    if (s.length < 3 || /^\d+$/.test(s)) return;
    put(first, s[0]! + s.length, t);
    put(second, s[1]! + s.length, t);
  });
  const freeze = (m: Map<string, number[]>) =>
    new Map([...m].map(([k, v]) => [k, Int32Array.from(v)]));
  return { byFirst: freeze(first), bySecond: freeze(second) };
}

/**
 * Closest vocabulary words to `word`: [term, distance], best first (ties: more frequent first).
 * Words with the same first letter are tried first; only when none is close enough, words with
 * the same second letter (a typo in the first letter).
 */
export function nearWords(
  word: string,
  stems: string[],
  df: Int32Array,
  ix: TypoIndex,
  cap = 4,
): [number, number][] {
  const max = maxEdits(word.length);
  if (!max) return [];
  const found: [number, number][] = [];
  const scan = (groups: Map<string, Int32Array>, ch: string, skipFirst: boolean) => {
    for (let len = word.length - max; len <= word.length + max; len++) {
      const g = groups.get(ch + len);
      if (!g) continue;
      for (let i = 0; i < g.length; i++) {
        const t = g[i]!;
        const s = stems[t]!;
        if (skipFirst && s.charCodeAt(0) === word.charCodeAt(0)) continue;
        const d = editDistance(word, s, max);
        if (d <= max) found.push([t, d]);
      }
    }
  };
  scan(ix.byFirst, word[0]!, false);
  if (!found.length) scan(ix.bySecond, word[1]!, true);
  found.sort((a, b) => a[1] - b[1] || df[b[0]]! - df[a[0]]!);
  const best = found[0]?.[1];
  return found.filter((f) => f[1] === best).slice(0, cap);
}

/**
 * The Alphabetic Index terms a release is searched with, as compact text: what the encoder's
 * search bundle (codesets/build/search-<release>.bin.gz) carries instead of a prebuilt index.
 * The code titles are already in the release's code bundle, so the index is built where it is
 * used (build.ts, about a third of a second for FY2026) from the two, and the browser downloads
 * about a fifth of what a prebuilt index weighed. Pure: text in, text out (gzip is the caller's).
 *
 * Layout (UTF-8 text): line 1 a JSON header; then one column per part, one line per term, each
 * coded against the term before it, since the index is a sorted tree:
 *   levels   how many path levels to drop from the previous term's path (base 36), then each
 *            new level preceded by U+001F ("Abscess" > "jaw" after "Abscess" > "hip": "1\x1fjaw")
 *   codes    how many leading characters are the previous term's code's (one digit), then the rest
 *   nemods   the same for the nonessential modifiers (base 36, a space, then the rest)
 *   kinds    one line, one letter per term (i index, e eindex, d drug, n neoplasm, s see)
 */
import type { IndexTermInput } from './types';

export const INDEX_TERMS_FORMAT = 'claimlab.search-terms';
/** 2: a see term's nemod ends with the subterms it refers to (types.ts SEE_MARK). */
/** 3: "see Neoplasm, <site>, <column>" references resolved through the Neoplasm Table. */
export const INDEX_TERMS_VERSION = 3;

interface Header {
  format: typeof INDEX_TERMS_FORMAT;
  version: number;
  release: string;
  /** Where the terms come from: "index 2023 (icd10cm_index_2023.xml)". */
  sources: string[];
  count: number;
}

const KIND_LETTER: Record<IndexTermInput['kind'], string> = {
  index: 'i',
  eindex: 'e',
  drug: 'd',
  neoplasm: 'n',
  see: 's',
};
const LETTER_KIND = Object.fromEntries(
  Object.entries(KIND_LETTER).map(([k, v]) => [v, k]),
) as Record<string, IndexTermInput['kind']>;

const shared = (a: string, b: string) => {
  const n = Math.min(a.length, b.length);
  let k = 0;
  while (k < n && a.charCodeAt(k) === b.charCodeAt(k)) k++;
  return k;
};

/** Control characters that separate fields never occur in index text; a term that has them is refused. */
const check = (s: string, what: string) => {
  if (s.includes('\n') || s.includes('\r') || s.includes('\u001f'))
    throw new Error(`${what} has a line break or U+001F: ${JSON.stringify(s)}`);
  return s;
};

export function serializeIndexTerms(
  terms: readonly IndexTermInput[],
  release: string,
  sources: string[] = [],
): string {
  const levels: string[] = [];
  const codes: string[] = [];
  const nemods: string[] = [];
  let kinds = '';
  let path: readonly string[] = [];
  let code = '';
  let nemod = '';
  for (const [i, t] of terms.entries()) {
    let keep = 0;
    while (keep < path.length && keep < t.path.length && path[keep] === t.path[keep]) keep++;
    levels.push(
      (path.length - keep).toString(36) +
        t.path
          .slice(keep)
          .map((l) => `\u001f${check(l, `term ${i} path`)}`)
          .join(''),
    );
    const c = check(t.code, `term ${i} code`);
    const kc = Math.min(9, shared(code, c));
    codes.push(`${kc}${c.slice(kc)}`);
    const n = check(t.nemod ?? '', `term ${i} nemod`);
    const kn = shared(nemod, n);
    nemods.push(`${kn.toString(36)} ${n.slice(kn)}`);
    kinds += KIND_LETTER[t.kind];
    path = t.path;
    code = c;
    nemod = n;
  }
  const header: Header = {
    format: INDEX_TERMS_FORMAT,
    version: INDEX_TERMS_VERSION,
    release,
    sources,
    count: terms.length,
  };
  return [JSON.stringify(header), ...levels, ...codes, ...nemods, kinds].join('\n');
}

/** Reads text written by serializeIndexTerms; throws an Error naming what is wrong. */
export function deserializeIndexTerms(text: string): {
  terms: IndexTermInput[];
  release: string;
  sources: string[];
} {
  const nl = text.indexOf('\n');
  let header: Header;
  try {
    header = JSON.parse(nl < 0 ? text : text.slice(0, nl)) as Header;
  } catch {
    throw new Error('not a ClaimLab search-terms bundle (the first line is not a JSON header)');
  }
  if (header?.format !== INDEX_TERMS_FORMAT) throw new Error('not a ClaimLab search-terms bundle');
  if (header.version !== INDEX_TERMS_VERSION)
    throw new Error(
      `search-terms format ${header.version}, this build reads ${INDEX_TERMS_VERSION}: rebuild it`,
    );
  const n = header.count;
  // The text is read in place, one cursor per column (no array of 3 x 127,000 line strings: the
  // encoder reads this before its index is ready, and every short-lived string costs a copy).
  const body = nl + 1;
  const skipLines = (from: number) => {
    let at = from;
    for (let i = 0; i < n && at > 0; i++) at = text.indexOf('\n', at) + 1;
    return at;
  };
  let cL = body;
  let cC = skipLines(cL);
  let cM = cC > 0 ? skipLines(cC) : 0;
  const cK = cM > 0 ? skipLines(cM) : 0;
  if (nl < 0 || cK <= 0 || text.length - cK !== n || text.indexOf('\n', cK) >= 0)
    throw new Error(`search-terms bundle truncated: ${n} terms announced`);
  const terms: IndexTermInput[] = new Array(n);
  let path: string[] = [];
  let code = '';
  let nemod = '';
  for (let i = 0; i < n; i++) {
    const eL = text.indexOf('\n', cL);
    let at = cL;
    const drop = base36(text, at, eL);
    while (at < eL && text.charCodeAt(at) !== 0x1f) at++;
    path = path.slice(0, path.length - drop);
    while (at < eL) {
      const next = text.indexOf('\u001f', at + 1);
      const end = next < 0 || next > eL ? eL : next;
      path.push(text.slice(at + 1, end));
      at = end;
    }
    cL = eL + 1;
    const eC = text.indexOf('\n', cC);
    const keep = text.charCodeAt(cC) - 48;
    // A term with its neighbour's code keeps the same string (cheap to compare and look up).
    if (eC - cC > 1 || keep !== code.length) code = code.slice(0, keep) + text.slice(cC + 1, eC);
    cC = eC + 1;
    const eM = text.indexOf('\n', cM);
    const sp = text.indexOf(' ', cM);
    const keepM = base36(text, cM, sp);
    if (eM - sp > 1 || keepM !== nemod.length)
      nemod = nemod.slice(0, keepM) + text.slice(sp + 1, eM);
    cM = eM + 1;
    const kind = LETTER_KIND[text[cK + i]!];
    if (!kind || drop < 0 || keepM < 0 || sp < 0 || sp > eM)
      throw new Error(`search-terms bundle damaged at term ${i}`);
    const t: IndexTermInput = { path, code, kind };
    if (nemod) t.nemod = nemod;
    terms[i] = t;
  }
  return { terms, release: header.release, sources: header.sources ?? [] };
}

/** The base-36 number that starts text[from .. up to a U+001F, a space or `end`), or -1. */
function base36(text: string, from: number, end: number): number {
  let v = 0;
  let at = from;
  for (; at < end; at++) {
    const c = text.charCodeAt(at);
    if (c >= 48 && c <= 57) v = v * 36 + c - 48;
    else if (c >= 97 && c <= 122) v = v * 36 + c - 87;
    else break;
  }
  return at === from ? -1 : v;
}

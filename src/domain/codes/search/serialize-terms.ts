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
export const INDEX_TERMS_VERSION = 1;

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
  const lines = text.slice(nl + 1).split('\n');
  if (lines.length !== 3 * n + 1 || lines[3 * n]!.length !== n)
    throw new Error(`search-terms bundle truncated: ${n} terms announced`);
  const kinds = lines[3 * n]!;
  const terms: IndexTermInput[] = new Array(n);
  let path: string[] = [];
  let code = '';
  let nemod = '';
  for (let i = 0; i < n; i++) {
    const lv = lines[i]!;
    const cut = lv.indexOf('\u001f');
    const drop = parseInt(cut < 0 ? lv : lv.slice(0, cut), 36);
    path = path.slice(0, path.length - drop);
    if (cut >= 0) for (const l of lv.slice(cut + 1).split('\u001f')) path.push(l);
    const c = lines[n + i]!;
    code = code.slice(0, c.charCodeAt(0) - 48) + c.slice(1);
    const m = lines[2 * n + i]!;
    const sp = m.indexOf(' ');
    nemod = nemod.slice(0, parseInt(m.slice(0, sp), 36)) + m.slice(sp + 1);
    const kind = LETTER_KIND[kinds[i]!];
    if (!kind || Number.isNaN(drop)) throw new Error(`search-terms bundle damaged at term ${i}`);
    const t: IndexTermInput = { path, code, kind };
    if (nemod) t.nemod = nemod;
    terms[i] = t;
  }
  return { terms, release: header.release, sources: header.sources ?? [] };
}

/**
 * Parses the code references written inside tabular notes into code matchers
 * (`{ from, to }` dotless prefixes; see matchesTarget in src/domain/codes/release/targets.ts).
 * Forms seen in the FY2017–FY2021 tabulars: `E10.-` (whole category), `O24.4-`, `W18.01`,
 * ranges `O10-O11` / `C91.0-C95.9` / `Q70.0- -Q70.3-`, lists `(C51-C52, C60.-, C63.2)`, and
 * qualified ranges whose extra characters are fixed: `E08-E13 with .42`, `E08-E13 with .51-.52`,
 * `B27.0-B27.9 with 1`, `V01-V09 with 5th character 9`, `S02.- with 7th character B`,
 * `I69. with final characters -23`, `F11-F19 with fifth to sixth characters 51`.
 * Qualified references are resolved against the release's code list, so they become exact
 * prefixes (E0842, E0942, …) instead of a broad match.
 * See: ICD-10-CM Official Guidelines Section I.A.12 (Excludes notes) and I.A.3 (the "-" dash).
 */
export interface NoteTarget {
  from: string;
  to: string;
}

export interface NoteRefContext {
  /** True when the 3-character category exists in the release (dotless, upper case). */
  hasCategory(category: string): boolean;
  /** Every code of the release (dotless), for resolving qualified references. */
  codes: readonly string[];
}

export interface ParsedRefs {
  targets: NoteTarget[];
  /** Code references found in the text. */
  refs: number;
  /** References that could not be turned into a matcher (their source text). */
  unparsed: string[];
}

const CODE = String.raw`([A-Z]\d[0-9A-Z])(?:\.([0-9A-Z]{0,4}))?(?![0-9A-Za-z])`;
const ORD = String.raw`(?:(\d)(?:st|nd|rd|th)|(fourth|fifth|sixth|seventh))`;
const QUAL =
  String.raw`\s*(?:,\s*)?with\s+(?:` +
  String.raw`\.([0-9A-Z]+)(?:-\.?([0-9A-Z]+))?-?` + // .42 | .51-.52 | .61-
  String.raw`|${ORD}[- ]characters?\s+\.?([0-9A-Z])\b` + // 5th character 9 | fourth character 2
  String.raw`|final characters\s+(-+)([0-9A-Z]+)` + // final characters -23
  String.raw`|fifth to sixth characters\s+([0-9A-Z]{2})` +
  String.raw`|([0-9A-Z])(?![\w.-])` + // with 1
  `)`;
const REF_RE = new RegExp(
  `${CODE}(\\.?-(?!\\s*-?\\s*[A-Z]\\d))?(?:\\s*-[\\s-]*${CODE}(\\.?-)?)?(?:${QUAL})?`,
  'g',
);
const WORD_POS: Record<string, number> = { fourth: 4, fifth: 5, sixth: 6, seventh: 7 };

interface Constraint {
  pos: number;
  from: string;
  to: string;
}

/** Parenthesised spans of the text, as [start, end) offsets. */
function parenSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') {
      if (depth++ === 0) start = i;
    } else if (c === ')' && depth > 0 && --depth === 0) spans.push([start, i + 1]);
  }
  if (depth > 0) spans.push([start, text.length]);
  return spans;
}

export function parseNoteRefs(text: string, ctx: NoteRefContext): ParsedRefs {
  const out: ParsedRefs = { targets: [], refs: 0, unparsed: [] };
  const spans = parenSpans(text);
  const inParen = (i: number) => spans.some(([a, b]) => i >= a && i < b);
  REF_RE.lastIndex = 0;
  for (let m = REF_RE.exec(text); m; m = REF_RE.exec(text)) {
    const [src, cat1, rest1 = '', , cat2, rest2 = ''] = m;
    if (!cat1) continue;
    // Outside parentheses a code-shaped word (vitamin B12) is a reference only when it names a
    // real category (a range's ends need not exist: X00-X09 with X09 unused); inside
    // parentheses it is always meant as one, even for a category this release no longer has.
    const known = ctx.hasCategory(cat1) || (!!cat2 && ctx.hasCategory(cat2));
    if (!known && !inParen(m.index)) continue;
    out.refs++;
    const from = cat1 + rest1;
    const to = cat2 ? cat2 + rest2 : from;
    if (to < from.slice(0, to.length)) {
      out.unparsed.push(src.trim());
      continue;
    }
    const c = constraintOf(m, from.length);
    if (c === 'bad') {
      out.unparsed.push(src.trim());
      continue;
    }
    if (!c) {
      out.targets.push({ from, to });
      continue;
    }
    const resolved = resolve({ from, to }, c, ctx.codes);
    if (resolved.length === 0) out.unparsed.push(src.trim());
    else out.targets.push(...resolved);
  }
  return out;
}

function constraintOf(m: RegExpExecArray, baseLen: number): Constraint | null | 'bad' {
  const [
    ,
    ,
    ,
    ,
    ,
    ,
    ,
    dotFrom,
    dotTo,
    ordNum,
    ordWord,
    ordVal,
    finalDashes,
    finalVal,
    fifthSixth,
    bare,
  ] = m;
  if (dotFrom) return { pos: baseLen, from: dotFrom, to: dotTo ?? dotFrom };
  if (ordVal) {
    const n = ordNum ? Number(ordNum) : (WORD_POS[ordWord ?? ''] ?? 0);
    return n >= 4 && n <= 7 ? { pos: n - 1, from: ordVal, to: ordVal } : 'bad';
  }
  if (finalVal && finalDashes)
    return { pos: baseLen + finalDashes.length, from: finalVal, to: finalVal };
  if (fifthSixth) return { pos: 4, from: fifthSixth, to: fifthSixth };
  if (bare) return { pos: baseLen, from: bare, to: bare };
  return null;
}

/** Exact prefixes of existing codes in the range whose characters at `pos` match. */
function resolve(range: NoteTarget, c: Constraint, codes: readonly string[]): NoteTarget[] {
  const len = c.from.length;
  const seen = new Set<string>();
  for (const code of codes) {
    if (code.length < c.pos + len) continue;
    if (code.slice(0, range.from.length) < range.from || code.slice(0, range.to.length) > range.to)
      continue;
    const v = code.slice(c.pos, c.pos + len);
    if (v < c.from || v > c.to) continue;
    seen.add(code.slice(0, c.pos + len));
  }
  return [...seen].sort().map((p) => ({ from: p, to: p }));
}

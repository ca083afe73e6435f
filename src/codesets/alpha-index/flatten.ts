/**
 * Turns parsed index parts into the plain "index term" inputs the search engine takes: one per
 * code reference, with the path of essential words from the main term down. "see" references
 * are followed (Guidelines I.A.12.c: "see" directs to another main term) so that a lay entry such
 * as "Attack, heart" leads to the code found under "Infarct, myocardium".
 * Table rows give one input per filled column, the column heading joining the path
 * ("Aspirin" + "adverse effect" -> T39.015).
 */
import { SEE_MARK, type IndexTermInput } from '../../domain/codes/search/types';
import type { IndexPart, IndexTerm } from './types';

const normCache = new Map<string, string>();
const norm = (s: string) => {
  let n = normCache.get(s);
  if (n === undefined) {
    n = s
      .toLowerCase()
      .replace(/\([^)]*\)/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (normCache.size > 200_000) normCache.clear();
    normCache.set(s, n);
  }
  return n;
};

interface Ctx {
  kind: IndexTermInput['kind'];
  out: IndexTermInput[];
}

function push(ctx: Ctx, path: string[], nemods: string[], code: string, kind = ctx.kind) {
  const t: IndexTermInput = { path, code, kind };
  const n = nemods.filter(Boolean).join(' ');
  if (n) t.nemod = n;
  ctx.out.push(t);
}

/** Finds the term a "see" text names: "Infarct, myocardium" -> main term Infarct, subterm myocardium. */
export function resolveSee(target: string, mains: Map<string, IndexTerm[]>): IndexTerm | undefined {
  const parts = target.split(',').map(norm).filter(Boolean);
  const first = parts.shift();
  if (!first) return undefined;
  // "Fracture, femur, neck": the main term may be "Fracture, traumatic" (several share a first word).
  for (const main of mains.get(first) ?? []) {
    let t: IndexTerm | undefined = main;
    for (const p of parts) {
      if (!t) break;
      const kids: IndexTerm[] = t.children ?? [];
      t = kids.find((k) => norm(k.title) === p) ?? kids.find((k) => norm(k.title).startsWith(p));
    }
    if (t) return t;
  }
  return undefined;
}

/** Code a resolved "see" target leads to, following chains ("neck" -> see "Fracture, femur, upper end, neck"). */
function codeOfTarget(t: IndexTerm, mains: Map<string, IndexTerm[]>, hops = 0): string | undefined {
  if (t.code) return t.code;
  if (t.see && hops < 3) {
    const next = resolveSee(t.see, mains);
    return next && codeOfTarget(next, mains, hops + 1);
  }
  return undefined;
}

export function mainTermMap(part: IndexPart): Map<string, IndexTerm[]> {
  const m = new Map<string, IndexTerm[]>();
  const add = (k: string, t: IndexTerm) => {
    const l = m.get(k);
    if (!l) m.set(k, [t]);
    else if (!l.includes(t)) l.push(t);
  };
  for (const t of part.terms) {
    add(norm(t.title), t);
    // "Diabetes, diabetic" and "Fracture, traumatic" are also found under their first word.
    const first = norm(t.title.split(',')[0] ?? '');
    if (first) add(first, t);
  }
  return m;
}

/** The Neoplasm Table's columns as a "see" reference names them, by cell index. */
const NEOPLASM_COLUMNS: [RegExp, number][] = [
  [/^malignant( primary)?$/, 0],
  [/^(malignant )?secondary$/, 1],
  [/^(ca )?in situ$/, 2],
  [/^benign$/, 3],
  [/^uncertain behavior$/, 4],
  [/^unspecified behavior$/, 5],
];

/**
 * The code a "see Neoplasm, <site>, <column>" reference leads to in the Neoplasm Table
 * ("Ewing's sarcoma - see Neoplasm, bone, malignant" -> C41.9; "Bowen's disease - see Neoplasm,
 * skin, in situ" -> D04.9); "by site" with no site is the table's first row (site unspecified,
 * "Adenocarcinoma - see Neoplasm, malignant, by site" -> C80.1). Undefined when the reference
 * names no column or a site the table lacks. See: Guidelines I.C.2 (the Neoplasm Table, reached
 * from the Index's morphology terms) and I.A.12.c ("see").
 */
export function neoplasmTableCode(ref: string, table: IndexPart | undefined): string | undefined {
  const parts = ref.split(',').map(norm).filter(Boolean);
  if (!table?.terms[0] || !/^(neoplasm|table of neoplasms)$/.test(parts[0] ?? '')) return undefined;
  let column = -1;
  const site: string[] = [];
  for (const p of parts.slice(1)) {
    if (p === 'by site') continue;
    const c = column < 0 ? NEOPLASM_COLUMNS.find(([re]) => re.test(p)) : undefined;
    if (c) column = c[1];
    else site.push(p);
  }
  if (column < 0) return undefined;
  let t: IndexTerm | undefined = table.terms[0];
  for (const p of site) {
    const kids: IndexTerm[] = t?.children ?? [];
    t = kids.find((k) => norm(k.title) === p) ?? kids.find((k) => norm(k.title).startsWith(p));
  }
  return t?.cells?.[column] ?? undefined;
}

/**
 * Every part flattened, a "see Neoplasm, ..." reference of the Index resolved through the
 * Neoplasm Table among the parts.
 */
export function flattenIndexParts(parts: readonly IndexPart[]): IndexTermInput[] {
  const table = parts.find((p) => p.kind === 'neoplasm');
  return parts.flatMap((p) => flattenIndex(p, table));
}

/** @param neoplasms the Neoplasm Table, for "see Neoplasm, <site>, <column>" references */
export function flattenIndex(part: IndexPart, neoplasms?: IndexPart): IndexTermInput[] {
  const ctx: Ctx = { kind: part.kind, out: [] };
  const mains = mainTermMap(part);
  const headings = (part.headings ?? []).map((h) =>
    h
      .replace(/\([^)]*\)/g, '')
      .trim()
      .toLowerCase(),
  );
  const walk = (t: IndexTerm, path: string[], nemods: string[]) => {
    const p = [...path, t.title];
    const n = t.nemod ? [...nemods, t.nemod] : nemods;
    if (t.code) push(ctx, p, n, t.code);
    if (t.cells)
      t.cells.forEach((c, i) => {
        if (c) push(ctx, [...p, headings[i + 1] ?? ''], n, c);
      });
    // "see", or "see also" on a term without a code of its own ("Sore, throat - see also
    // Pharyngitis"): the referenced term's code is this term's answer.
    const ref = t.code ? undefined : (t.see ?? t.seeAlso);
    if (ref) {
      // "specified site - see Neoplasm, malignant, by site": the site typed decides (the
      // Neoplasm Table's own rows), not the unspecified-site row.
      const bySite = /\bspecified site\b/i.test(t.title) && /\bby site\b/i.test(ref);
      const table = bySite ? undefined : neoplasmTableCode(ref, neoplasms);
      const target = table ? undefined : resolveSee(ref, mains);
      const code = table ?? (target && codeOfTarget(target, mains));
      // The referenced subterms ride along after SEE_MARK when the code is incomplete: they pick
      // the header's children ("Cellulitis, hand" - see "Cellulitis,
      // upper limb" L03.11- -> "Cellulitis of right/left upper limb"; build.ts, remap.ts).
      const via = code?.endsWith('-')
        ? ref.split(',').slice(1).map(norm).filter(Boolean).join(' ')
        : '';
      if (code) push(ctx, p, via ? [...n, `${SEE_MARK}${via}`] : n, code, 'see');
    }
    for (const c of t.children ?? []) walk(c, p, n);
  };
  for (const t of part.terms) walk(t, [], []);
  return ctx.out;
}

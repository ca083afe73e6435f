/**
 * CPT/HCPCS numbers and modifiers for `codes lookup` and `codes search`: a code-shaped query
 * finds the code (or the codes starting with it), words find descriptions (HCPCS Level II long
 * descriptors, ClaimLab's own CPT wording, licensed descriptions a user imported). Pure: the
 * catalog's lists come in. See: issue 10 "codes lookup and codes search cover CPT/HCPCS".
 */
import type { CodeCatalog, ModifierEntry, ProcedureEntry } from './catalog';

export interface ProcedureRow {
  code: string;
  system: 'CPT' | 'HCPCS' | 'modifier';
  display: string;
  /** True when the description is ClaimLab's own wording. */
  ownWording: boolean;
  /** PFS status indicator, when the code is on the fee schedule's list. */
  status?: string;
}

/** CPT (5 digits, ####F/T/U) or HCPCS Level II (a letter and 4 digits), no dot. */
export const PROCEDURE_SHAPE = /^(\d{4}[0-9FTU]|[A-V]\d{4})$/i;
/** A modifier: 2 characters (ICD-10-CM codes have at least 3). */
export const MODIFIER_SHAPE = /^[0-9A-Z]{2}$/i;
const PREFIX = /^(\d{1,5}|[A-V]\d{0,4})$/i;

const fromProc = (e: ProcedureEntry): ProcedureRow => ({
  code: e.code,
  system: e.system,
  display: e.display,
  ownWording: e.ownWording,
  ...(e.status ? { status: e.status } : {}),
});
const fromMod = (m: ModifierEntry): ProcedureRow => ({
  code: m.code,
  system: 'modifier',
  display: m.display,
  ownWording: false,
});

/** How a CPT code without any description ends (official-catalog.ts). */
export const NO_DESCRIPTION = 'no description shipped';

/** "w/o" and "w/" (HCPCS descriptor shorthand) read as the words they stand for. */
const unslash = (s: string) =>
  s
    .toLowerCase()
    .replace(/\bw\/o\b/g, ' without ')
    .replace(/\bw\//g, ' with ');
const words = (s: string) => unslash(s).match(/[a-z0-9]+/g) ?? [];

/**
 * Abbreviations of the HCPCS Level II descriptors (short and long) and the words they stand
 * for; each row's forms are one term, so a description holding any of them also answers to the
 * others ("behind the ear" finds "Hearing aid, digital, binaural, bte", "bte" finds a
 * description that spells it out). "w/" and "w/o" are read as "with"/"without" by `unslash`.
 * See: CMS HCPCS Level II file, record layout and descriptor abbreviations (hearing aids
 * V5xxx: bte/ite/itc/cic; drugs Jxxxx: inj, per, each; DMEPOS: dme, supp).
 */
export const DESCRIPTOR_ABBREVIATIONS: readonly (readonly string[])[] = [
  ['bte', 'behind the ear'],
  ['ite', 'in the ear'],
  ['itc', 'in the canal'],
  ['cic', 'completely in the canal', 'completely in the ear canal'],
  ['ea', 'each', 'per'],
  ['inj', 'injection'],
  ['supp', 'supply', 'supplies'],
  ['dme', 'durable medical equipment'],
  ['misc', 'miscellaneous'],
  ['incl', 'including'],
  ['iv', 'intravenous'],
  ['im', 'intramuscular'],
  ['sq', 'subq', 'subcutaneous'],
  ['hr', 'hrs', 'hour', 'hours'],
  ['min', 'mins', 'minute', 'minutes'],
  ['rx', 'prescription'],
  ['nos', 'not otherwise specified'],
  ['noc', 'not otherwise classified'],
];
const ABBREV_FORMS = DESCRIPTOR_ABBREVIATIONS.map((row) => row.map((f) => f.split(' ')));

const hasRun = (have: string[], run: string[]) =>
  have.some((_, i) => run.every((w, j) => have[i + j] === w));

/** A description's words plus every form of each abbreviation row it holds (either way). */
function descriptionWords(display: string): string[] {
  const have = words(display);
  const extra: string[] = [];
  for (const forms of ABBREV_FORMS)
    if (forms.some((f) => hasRun(have, f))) for (const f of forms) extra.push(...f);
  return extra.length ? [...have, ...extra] : have;
}
const described = new Map<string, string[]>();
function cachedWords(display: string): string[] {
  let w = described.get(display);
  if (!w) described.set(display, (w = descriptionWords(display)));
  return w;
}

/** "modifier 25", "mod XS", "modifier-59", "25 modifier": the 2-character code the query names. */
const MODIFIER_WORD = /^(modifiers?|mod)$/i;
export function namedModifier(query: string): string | undefined {
  const toks = query
    .trim()
    .split(/[\s:#-]+/)
    .filter(Boolean);
  if (toks.length < 2 || !toks.some((t) => MODIFIER_WORD.test(t))) return undefined;
  const codes = toks.filter((t) => !MODIFIER_WORD.test(t) && MODIFIER_SHAPE.test(t));
  return codes.length === 1 ? codes[0]!.toUpperCase() : undefined;
}

/** True when the query is a code number, a code prefix or a modifier (not words). */
export function looksLikeProcedure(query: string): boolean {
  const q = query.trim();
  return (
    PROCEDURE_SHAPE.test(q) ||
    MODIFIER_SHAPE.test(q) ||
    (/\d/.test(q) && PREFIX.test(q)) ||
    namedModifier(q) !== undefined
  );
}

/** Procedures and modifiers valid on the date matching a code, a prefix or words. */
export function searchProcedures(
  catalog: CodeCatalog,
  query: string,
  date: string,
  limit = 10,
): ProcedureRow[] {
  const q = query.trim().toUpperCase();
  if (!q) return [];
  const procs = catalog.procedures?.(date) ?? [];
  const mods = catalog.modifiers?.(date) ?? [];
  const rows: ProcedureRow[] = [];
  // A query naming a modifier ("modifier 25") returns that modifier first, then the modifiers
  // whose descriptions hold the query's other words. See: CPT Appendix A (modifiers); HCPCS
  // Level II modifiers (XS, RT, GA, JZ ...).
  const named = namedModifier(query);
  if (named) {
    const m = catalog.modifier(named, date);
    if (m) {
      const rest = query
        .trim()
        .split(/[\s:#-]+/)
        .filter((t) => t && !MODIFIER_WORD.test(t) && t.toUpperCase() !== named)
        .join(' ');
      const more = rest
        ? searchProcedures(catalog, rest, date, limit).filter(
            (r) => r.system === 'modifier' && r.code !== m.code,
          )
        : [];
      return [fromMod(m), ...more].slice(0, limit);
    }
  }
  if (MODIFIER_SHAPE.test(q)) {
    const m = catalog.modifier(q, date);
    if (m) rows.push(fromMod(m));
  }
  if (looksLikeProcedure(q)) {
    const exact = catalog.procedure(q, date);
    if (exact) rows.push(fromProc(exact));
    for (const e of procs
      .filter((e) => e.code.startsWith(q) && e.code !== q)
      .sort((a, b) => a.code.localeCompare(b.code)))
      rows.push(fromProc(e));
    return rows.slice(0, limit);
  }
  const want = words(query);
  if (!want.length) return [];
  const scored: [number, ProcedureRow][] = [];
  const score = (display: string): number => {
    const have = cachedWords(display);
    let hit = 0;
    for (const w of want) if (have.some((h) => h.startsWith(w))) hit++;
    return hit === want.length ? 1000 - Math.min(display.length, 999) : -1;
  };
  for (const e of procs) {
    if (e.display.endsWith(NO_DESCRIPTION)) continue; // only its number and status: no words
    const s = score(e.display);
    if (s >= 0) scored.push([s, fromProc(e)]);
  }
  for (const m of mods) {
    const s = score(m.display);
    if (s >= 0) scored.push([s, fromMod(m)]);
  }
  scored.sort((a, b) => b[0] - a[0] || a[1].code.localeCompare(b[1].code));
  return scored.slice(0, limit).map(([, r]) => r);
}

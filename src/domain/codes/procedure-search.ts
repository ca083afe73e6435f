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

const words = (s: string) => s.toLowerCase().match(/[a-z0-9]+/g) ?? [];

/** True when the query is a code number, a code prefix or a modifier (not words). */
export function looksLikeProcedure(query: string): boolean {
  const q = query.trim();
  return PROCEDURE_SHAPE.test(q) || MODIFIER_SHAPE.test(q) || (/\d/.test(q) && PREFIX.test(q));
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
    const have = words(display);
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

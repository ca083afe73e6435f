/**
 * Importers for the derived NCCI JSON in ../shared/reference/ncci/2026-derived (not CMS's own
 * layout; converted by a third party from CMS `MCR_MUE_PractitionerServices_Eff_04-01-2026.csv`
 * and `AOC_V2026Q3-F-MCR.txt`):
 * - `mue_practitioner.json`: [{ code, mue_value, effective_date, description: "<MAI text>|<rationale>", source_file }].
 *   Its effective_date reads the day before the quarter (2026-03-31, a conversion slip): the
 *   date in the source file name (…_Eff_04-01-2026…) wins when it is there.
 * - `ncci_aoc_edits.json`: [{ code1: add-on, code2: primary or "CCCCC", modifier: AOC type
 *   1/2/3, effective_date, end_date }]. Type 1 lists every eligible primary (CMS-defined);
 *   type 2 has contractor-defined primaries only; type 3 lists some primaries and lets the
 *   contractor add others: only type 1 can say a primary is missing.
 * See: CMS NCCI MUE and add-on code edit pages; ../shared/reference/README.md (ncci/2026-derived).
 */
import { isIsoDate } from '../../domain/time/dates';
import type { AddOnRule } from '../../domain/edits/add-on-rules';
import type { MueEdit } from '../../domain/edits/ncci-rules';
import { err, ok, type Problem, type Result } from '../../domain/result';
import { effectiveFromName } from './mue-file';

const PROC = /^(\d{4}[0-9A-Z]|[A-V]\d{4})$/;

function json(text: string, file: string): Result<unknown[]> {
  try {
    const j: unknown = JSON.parse(text);
    return Array.isArray(j) ? ok(j) : err({ path: file, message: 'expected a JSON array of rows' });
  } catch (e) {
    return err({ path: file, message: `not JSON: ${(e as Error).message}` });
  }
}

export function parseDerivedMue(text: string, file: string): Result<MueEdit[]> {
  const rows = json(text, file);
  if (!rows.ok) return rows;
  const out: MueEdit[] = [];
  const problems: Problem[] = [];
  rows.value.forEach((raw, i) => {
    const r = raw as Record<string, unknown>;
    const where = `${file}[${i}]`;
    const code = String(r.code ?? '');
    const value = r.mue_value;
    const desc = String(r.description ?? '');
    const ind = /^([123])\b/.exec(desc)?.[1];
    const named = typeof r.source_file === 'string' ? effectiveFromName(r.source_file) : null;
    const eff = named ?? (typeof r.effective_date === 'string' ? r.effective_date : '');
    if (!PROC.test(code))
      problems.push({ path: `${where}.code`, message: `"${code}" is not a CPT/HCPCS code` });
    else if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
      problems.push({ path: `${where}.mue_value`, message: 'not a whole number' });
    else if (!ind)
      problems.push({
        path: `${where}.description`,
        message: 'adjudication indicator 1, 2 or 3 missing',
      });
    else if (!isIsoDate(eff))
      problems.push({ path: `${where}.effective_date`, message: 'not a date' });
    else
      out.push({
        code,
        value,
        indicator: Number(ind) as 1 | 2 | 3,
        rationale: desc.split('|')[1]?.trim() || 'no rationale given',
        effective: eff,
        deleted: null,
        source: `CMS practitioner MUE ${String(r.source_file ?? file)} (via derived ${file.split(/[\\/]/).pop()})`,
      });
    if (problems.length > 20) return;
  });
  if (problems.length) return err(...problems.slice(0, 20));
  if (!out.length) return err({ path: file, message: 'no MUE rows' });
  return ok(out);
}

/** Type 1 add-on code edits grouped by add-on code and dates, as add-on rules. */
export function parseDerivedAoc(text: string, file: string): Result<AddOnRule[]> {
  const rows = json(text, file);
  if (!rows.ok) return rows;
  const groups = new Map<string, AddOnRule>();
  const problems: Problem[] = [];
  rows.value.forEach((raw, i) => {
    const r = raw as Record<string, unknown>;
    const where = `${file}[${i}]`;
    const addOn = String(r.code1 ?? '');
    const primary = String(r.code2 ?? '');
    const type = String(r.modifier ?? '');
    const eff = String(r.effective_date ?? '');
    const end = String(r.end_date ?? '');
    if (!PROC.test(addOn))
      return void problems.push({ path: `${where}.code1`, message: `"${addOn}" is not a code` });
    if (!isIsoDate(eff))
      return void problems.push({ path: `${where}.effective_date`, message: 'not a date' });
    if (end && !isIsoDate(end))
      return void problems.push({ path: `${where}.end_date`, message: 'not a date' });
    if (type !== '1' || !PROC.test(primary)) return; // types 2 and 3: primaries not all listed
    const k = `${addOn}|${eff}|${end}`;
    const g =
      groups.get(k) ??
      ({
        addOn,
        primaries: [],
        effective: eff,
        terminated: end || null,
        source: `CMS NCCI add-on code edits ${String((r.metadata as { source_file?: string } | undefined)?.source_file ?? file)} (type 1: CMS-defined primaries; via derived ${file.split(/[\\/]/).pop()})`,
      } satisfies AddOnRule);
    g.primaries.push(primary);
    groups.set(k, g);
  });
  if (problems.length) return err(...problems.slice(0, 20));
  if (!groups.size) return err({ path: file, message: 'no type 1 add-on code edits' });
  return ok([...groups.values()]);
}

/** Curated add-on rules stay only for add-on codes the file does not cover. */
export function withFileAddOns(
  curated: readonly AddOnRule[],
  file: readonly AddOnRule[],
): AddOnRule[] {
  const covered = new Set(file.map((r) => r.addOn));
  return [...curated.filter((r) => !covered.has(r.addOn)), ...file];
}

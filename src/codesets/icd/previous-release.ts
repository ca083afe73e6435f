/**
 * The ICD-10-CM release before one whose order addenda are on hand, rebuilt by undoing them.
 * CDC/NCHS order addenda (icd10cm-order-addenda-YYYY.txt) list every change from the previous
 * order file, with the billable flag: "Add:" entries are new, "Delete:" entries (with their
 * flag and titles) were in the previous file, "Revise from:"/"Revise to:" give both titles.
 * So the previous release = this year's entries − adds + deletes, with revised titles put back.
 * The addenda's own summary states the previous file's counts ("74260 codes in
 * icd10cm_order_2025.txt", "23324 headers in …"); a rebuilt release that does not match them is
 * refused. Used when the previous year's order file is not available (FY2025 here).
 * See: CDC/NCHS ICD-10-CM FY2026 release, icd10OrderFiles.pdf (order file layout) and the addenda.
 */
import type { IcdEntry } from '../../domain/codes/catalog';
import type { Problem, Result } from '../../domain/result';
import type { AddendaEntry } from './addenda';

export interface PreviousCounts {
  codes?: number;
  headers?: number;
}

/**
 * The previous release's entries from this release's entries and its order addenda (entries
 * carry `billable`). Sorted as the order file is, by code. `expected` is the count summary of
 * the previous order file from the addenda; a mismatch is an error naming both numbers.
 */
export function previousReleaseEntries(
  current: readonly IcdEntry[],
  orderAddenda: readonly AddendaEntry[],
  fileName: string,
  expected: PreviousCounts = {},
): Result<IcdEntry[]> {
  if (orderAddenda.some((a) => a.billable === undefined))
    return {
      ok: false,
      errors: [
        { path: fileName, message: 'not an order addenda file: entries carry no billable flag' },
      ],
    };
  const byCode = new Map(current.map((e) => [e.code, e]));
  // Adds first (a flag change is a Delete plus an Add of the same code), then deletes restore.
  for (const a of orderAddenda) if (a.kind === 'add') byCode.delete(a.code);
  for (const a of orderAddenda)
    if (a.kind === 'delete')
      byCode.set(a.code, {
        code: a.code,
        billable: a.billable === true,
        short: a.short ?? a.desc.slice(0, 60),
        long: a.desc,
      });
  for (const a of orderAddenda)
    if (a.kind === 'revise' && a.before !== undefined) {
      const e = byCode.get(a.code);
      if (e)
        byCode.set(a.code, {
          ...e,
          long: a.before,
          ...(a.shortBefore ? { short: a.shortBefore } : {}),
        });
    }
  const out = [...byCode.values()].sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  const codes = out.filter((e) => e.billable).length;
  const headers = out.length - codes;
  const errors: Problem[] = [];
  if (expected.codes !== undefined && expected.codes !== codes)
    errors.push({
      path: fileName,
      message: `undoing the addenda gives ${codes} billable codes, but the addenda say the previous order file has ${expected.codes}`,
    });
  if (expected.headers !== undefined && expected.headers !== headers)
    errors.push({
      path: fileName,
      message: `undoing the addenda gives ${headers} headers, but the addenda say the previous order file has ${expected.headers}`,
    });
  return errors.length ? { ok: false, errors } : { ok: true, value: out };
}

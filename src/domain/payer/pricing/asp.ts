/**
 * Medicare Part B drugs (the J-codes and other HCPCS drug codes a physician gives incident to a
 * visit) are not priced on the Physician Fee Schedule (RVU status E or X: "not priced on the
 * PFS", not "not covered"): Medicare pays the lower of the charge and the quarterly ASP payment
 * allowance limit per billing unit (ASP + 6%, as CMS publishes it), times the units. Assignment
 * is mandatory for drugs, so there is no non-participating reduction or limiting charge.
 * Tables are dated (one per quarter) with their source; descriptors are never kept.
 * See: SSA §1847A (ASP + 6%) and §1842(o)(3) (mandatory assignment for drugs); 42 CFR 414.904;
 * Medicare Claims Processing Manual (Pub. 100-04) ch. 17 §20.1; CMS ASP pricing files.
 */
import { z } from 'zod';
import { cents, type Cents } from '../../money';
import { isIsoDate } from '../../time/dates';
import type { Problem, Result } from '../../result';

export interface AspEntry {
  code: string;
  /** The billing unit the limit is per (HCPCS code dosage, e.g. "10 MG"). */
  dosage: string;
  /** Payment allowance limit per billing unit, in thousandths of a dollar (CMS prints 3 decimals). */
  limitMills: number;
  /**
   * Beneficiary coinsurance rate when CMS publishes one other than 20% for the quarter (e.g.
   * 0.12418): Part B rebatable drugs whose price rose faster than inflation.
   * See: SSA §1847A(i) and §1833(a)(1)(EE) (Inflation Reduction Act §11101, from 2023-04-01);
   * CMS ASP pricing file, "Co-insurance Percentage".
   */
  coinsurance?: number;
}

export interface AspTable {
  /** e.g. "2025-Q4". */
  quarter: string;
  from: string;
  to: string;
  source: string;
  get(code: string): AspEntry | undefined;
}

const schema = z.object({
  format: z.literal('claimlab.asp'),
  // 2 adds `coinsurance` (CMS's percentage when it is not 20%); a version-1 bundle still reads.
  formatVersion: z.union([z.literal(1), z.literal(2)]),
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/, 'must be YYYY-Qn'),
  from: z.string().refine(isIsoDate, 'must be a date in the form YYYY-MM-DD'),
  to: z.string().refine(isIsoDate, 'must be a date in the form YYYY-MM-DD'),
  source: z.string().min(1),
  entries: z.array(
    z.object({
      code: z.string().regex(/^[A-Z0-9]\d{3}[A-Z0-9]$/, 'must be a HCPCS code'),
      dosage: z.string(),
      limit: z.string().regex(/^\d+(\.\d{1,3})?$/, 'must be dollars with up to 3 decimals'),
      coinsurance: z
        .string()
        .regex(/^\d{1,3}(\.\d{1,3})?$/, 'must be a percentage with up to 3 decimals')
        .optional(),
    }),
  ),
});

const mills = (s: string): number => {
  const [d = '0', f = ''] = s.split('.');
  return Number(d) * 1000 + Number(f.padEnd(3, '0'));
};

/** Validates an ASP table (the pack's or an imported one); problems name the file and path. */
export function parseAspTable(json: unknown, file: string): Result<AspTable> {
  const r = schema.safeParse(json);
  if (!r.success) {
    const errors: Problem[] = r.error.issues.map((i) => ({
      path: `${file}: ${i.path.join('.')}`,
      message: i.message,
    }));
    return { ok: false, errors };
  }
  const by = new Map<string, AspEntry>();
  for (const e of r.data.entries)
    by.set(e.code, {
      code: e.code,
      dosage: e.dosage,
      limitMills: mills(e.limit),
      // Percent with 3 decimals to a rate: "12.418" -> 0.12418 (exact on integers).
      ...(e.coinsurance === undefined ? {} : { coinsurance: mills(e.coinsurance) / 100_000 }),
    });
  const { quarter, from, to, source } = r.data;
  return { ok: true, value: { quarter, from, to, source, get: (c) => by.get(c) } };
}

/**
 * The table in force on a date that lists the code, and its entry. Several tables may cover one
 * quarter (CMS's whole file, a pack's small table for the drugs it uses): each is asked in order.
 */
export function aspFor(
  tables: readonly AspTable[] | undefined,
  code: string,
  date: string,
): { table: AspTable; entry: AspEntry } | undefined {
  if (!tables?.length) return undefined;
  for (const table of tables)
    if (table.from <= date && date <= table.to) {
      const entry = table.get(code);
      if (entry) return { table, entry };
    }
  // A date after the newest quarter loaded: the newest tables; before the oldest: the oldest
  // (said so in the pricing source). A drug the PFS does not price is still a covered Part B
  // drug (status E/X means "not priced on the PFS", not "not covered"): it is priced on the
  // nearest quarter on hand rather than denied as non-covered.
  const newestTo = tables.reduce((a, t) => (t.to > a ? t.to : a), '');
  const oldestFrom = tables.reduce((a, t) => (a === '' || t.from < a ? t.from : a), '');
  const edge = date > newestTo ? newestTo : date < oldestFrom ? oldestFrom : null;
  if (edge === null) return undefined;
  for (const table of tables)
    if (table.to === edge || table.from === edge) {
      const entry = table.get(code);
      if (entry) return { table, entry };
    }
  return undefined;
}

/** Units × the per-unit limit, rounded to the cent. */
export const aspAmount = (entry: AspEntry, units: number): Cents =>
  cents(Math.round((units * entry.limitMills) / 10));

const money3 = (m: number) => `$${Math.floor(m / 1000)}.${String(m % 1000).padStart(3, '0')}`;

/** How the line was priced, for the remittance's pricing source. */
export const aspSource = (t: AspTable, e: AspEntry, date: string): string =>
  `CMS ASP pricing file ${t.quarter} (${t.from} to ${t.to}): ${money3(e.limitMills)} per ${e.dosage} (ASP + 6%)${date > t.to ? `; newest quarter loaded, not the one for ${date}` : date < t.from ? `; oldest quarter loaded, not the one for ${date}` : ''}; ${t.source}`;

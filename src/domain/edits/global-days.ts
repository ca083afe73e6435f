/**
 * Where the edits learn a procedure's global surgery days: the imported MPFS tables (RVU file
 * "GLOB DAYS", all codes) first, then the pack's flat national fee table (its optional
 * `globalDays`, for the starter set without the bundle). Undefined when neither knows the code,
 * so the global surgery edits stay silent rather than guess.
 * See: CMS PFS Relative Value File layout (RVU25D, GLOB DAYS); CMS Pub. 100-04 ch. 12 §40.
 */
import type { FeeTable, MpfsTables } from '../payer/pricing/fees';
import type { GlobalDaysOf, IndicatorsOf } from './context';

export function globalDaysFrom(src: {
  mpfs?: Pick<MpfsTables, 'rvu'> | null | undefined;
  /** The pack's national Medicare table (FeeSources.medicareTable). */
  medicareTable?: Pick<FeeTable, 'get'> | null | undefined;
}): GlobalDaysOf | undefined {
  const { mpfs, medicareTable: table } = src;
  if (!mpfs && !table) return undefined;
  // One MPFS year (and one table year) is loaded: global periods rarely change between years,
  // so they answer for any date, as pricing uses them for any date (pricing.ts).
  return (code) => mpfs?.rvu(code)?.globalDays || table?.get(code)?.globalDays || undefined;
}

/**
 * A procedure's PC/TC and bilateral indicators from the same sources as its global days (the
 * MPFS RVU file first, then the pack's national table when it states them).
 * See: CMS PFS Relative Value File layout (PCTC IND, BILAT SURG).
 */
export function indicatorsFrom(src: {
  mpfs?: Pick<MpfsTables, 'rvu'> | null | undefined;
  medicareTable?: Pick<FeeTable, 'get'> | null | undefined;
}): IndicatorsOf | undefined {
  const { mpfs, medicareTable: table } = src;
  if (!mpfs && !table) return undefined;
  return (code) => {
    const r = mpfs?.rvu(code);
    if (r) return { pctc: r.pctc, bilat: r.bilat };
    const t = table?.get(code) as { pctc?: string; bilat?: string } | undefined;
    return t
      ? { ...(t.pctc ? { pctc: t.pctc } : {}), ...(t.bilat ? { bilat: t.bilat } : {}) }
      : undefined;
  };
}

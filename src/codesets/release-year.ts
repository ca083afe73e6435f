/**
 * Release naming and date ranges. ICD-10-CM releases are fiscal years: FY N covers dates of
 * service from N-1-10-01 to N-09-30 (the April updates stay inside the same FY). Nothing here is
 * tied to particular years: a folder or file for FY2027 works the same way.
 * See: ICD-10-CM Official Guidelines FY2026, introduction (effective October 1, 2025).
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export const fyId = (year: number): string => `FY${year}`;

export function fyRange(year: number): { from: string; to: string } {
  return { from: `${year - 1}-10-01`, to: `${year}-09-30` };
}

/** "FY2026" -> 2026; null when not a fiscal-year id. */
export function parseFyId(id: string): number | null {
  const m = /^FY(\d{4})$/i.exec(id.trim());
  return m ? Number(m[1]) : null;
}

/**
 * Fiscal year from a folder or file name: "fy2026", "icd10cm-order-2026.txt",
 * "icd10cm-order-Jan-2021.txt" (January 2021 is in FY2021), "…October-2025…" (FY2026).
 */
export function fiscalYearFromName(name: string): number | null {
  const fy = /fy[-_ ]?(\d{4})/i.exec(name);
  if (fy) return Number(fy[1]);
  const m = /(?:([a-z]{3})[a-z]*[-_ ])?((?:19|20)\d{2})(?!\d)/i.exec(name);
  if (!m) return null;
  const year = Number(m[2]);
  const month = m[1] ? MONTHS.indexOf(m[1].toLowerCase()) : -1;
  return month >= 9 ? year + 1 : year;
}

/** Calendar-year release (HCPCS): covers January 1 to December 31. */
export const calendarRange = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/** ISO calendar dates (yyyy-mm-dd) as plain strings; validity checked against the calendar. */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
/** Days in a month (1-based) of the proleptic Gregorian calendar. */
export const daysInMonth = (y: number, m: number): number =>
  m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1]!;

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

/**
 * A real calendar date written YYYY-MM-DD (2026-02-30 and 2026-13-01 are not). Arithmetic on
 * the characters, no Date object: it runs several times per claim line.
 */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || s.length !== 10 || s[4] !== '-' || s[7] !== '-') return false;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) {
    const d = digit(s, i);
    if (d < 0 || d > 9) return false;
  }
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const m = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The same day `months` later, clamped to the last day of the target month: 2024-02-29 + 12
 * months is 2025-02-28 and 2025-01-31 + 1 month is 2025-02-28 (Date.setUTCMonth would roll
 * over into March). See: 42 CFR 424.44 (one calendar year after the date of service).
 */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12; // 0-based
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  const out = new Date(Date.UTC(ty, tm, Math.min(d, last)));
  out.setUTCFullYear(ty); // Date.UTC maps years 0–99 to 1900–1999
  return out.toISOString().slice(0, 10);
}

export function daysBetween(a: string, b: string): number {
  return Math.round(
    (new Date(`${b}T00:00:00Z`).getTime() - new Date(`${a}T00:00:00Z`).getTime()) / 86_400_000,
  );
}

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

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of a day number (civil_from_days), as YYYY-MM-DD. */
function fromDayNumber(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return iso(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
const ymd = (s: string): [number, number, number] => [
  Number(s.slice(0, 4)),
  Number(s.slice(5, 7)),
  Number(s.slice(8, 10)),
];
/** Years the arithmetic path writes the way Date.toISOString would (4 digits, not negative). */
const plainYear = (s: string) => isIsoDate(s);

export function addDays(iso8601: string, days: number): string {
  if (plainYear(iso8601) && Number.isInteger(days)) {
    const out = fromDayNumber(dayNumber(...ymd(iso8601)) + days);
    if (/^\d{4}-/.test(out) && out.length === 10) return out;
  }
  const d = new Date(`${iso8601}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The same day `months` later, clamped to the last day of the target month: 2024-02-29 + 12
 * months is 2025-02-28 and 2025-01-31 + 1 month is 2025-02-28 (Date.setUTCMonth would roll
 * over into March). See: 42 CFR 424.44 (one calendar year after the date of service).
 */
export function addMonths(iso8601: string, months: number): string {
  if (plainYear(iso8601) && Number.isInteger(months)) {
    const [y, m, d] = ymd(iso8601);
    const total = y * 12 + (m - 1) + months;
    const ty = Math.floor(total / 12);
    const tm = total - ty * 12 + 1; // 1-based
    if (ty >= 0 && ty <= 9999) return iso(ty, tm, Math.min(d, daysInMonth(ty, tm)));
  }
  const [y, m, d] = iso8601.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12; // 0-based
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  const out = new Date(Date.UTC(ty, tm, Math.min(d, last)));
  out.setUTCFullYear(ty); // Date.UTC maps years 0–99 to 1900–1999
  return out.toISOString().slice(0, 10);
}

export function daysBetween(a: string, b: string): number {
  if (plainYear(a) && plainYear(b)) return dayNumber(...ymd(b)) - dayNumber(...ymd(a));
  return Math.round(
    (new Date(`${b}T00:00:00Z`).getTime() - new Date(`${a}T00:00:00Z`).getTime()) / 86_400_000,
  );
}

/**
 * Calendar dates (ISO yyyy-mm-dd) as plain strings, UTC so no time zone can shift a day: the one
 * validator and the one date arithmetic for the domain, the machines, the importers and the UI.
 * Arithmetic on a string that is not a calendar date throws a RangeError naming it: callers
 * check input at the boundary (`isIsoDate`, `parseIsoDate`) so a bad date becomes a finding or
 * a message there, never a silent shift. Memoised variants for hot paths: ./calendar.ts.
 */
import { err, ok, type Result } from '../result';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
/** Days in a month (1-based) of the proleptic Gregorian calendar. */
export const daysInMonth = (y: number, m: number): number =>
  m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1]!;

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
const DIGITS = [0, 1, 2, 3, 5, 6, 8, 9];

/** isIsoDate's last answers (a four-entry memo). */
const memoDates = ['', '', '', ''];
const memoValid = [false, false, false, false];

/**
 * True for a real calendar date written yyyy-mm-dd (2024-02-29 yes, 2025-02-29 no). Arithmetic
 * on the characters, no Date object: the edits and the payer ask it several times per line.
 */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || s.length !== 10 || s[4] !== '-' || s[7] !== '-') return false;
  // The same few dates (service, submission, birth) are asked about again and again, by each
  // family and line of a claim: a four-entry memo, by the last digit.
  const slot = s.charCodeAt(9) & 3;
  if (memoDates[slot] === s) return memoValid[slot]!;
  const valid = isCalendarDate(s);
  memoDates[slot] = s;
  memoValid[slot] = valid;
  return valid;
}

function isCalendarDate(s: string): boolean {
  for (const i of DIGITS) {
    const d = digit(s, i);
    if (d < 0 || d > 9) return false;
  }
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const m = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** A date read at a boundary: the value, or a problem naming the field. */
export function parseIsoDate(raw: unknown, path: string): Result<string> {
  if (isIsoDate(raw)) return ok(raw);
  const shown = typeof raw === 'string' ? `"${raw}"` : String(raw);
  return err({ path, message: `${shown} is not a date in the form YYYY-MM-DD` });
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

/** The date of a day number (civil_from_days), as yyyy-mm-dd. */
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

function ymd(s: string, op: string): [number, number, number] {
  if (!isIsoDate(s)) throw new RangeError(`${op}: "${s}" is not a date in the form YYYY-MM-DD`);
  return [Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))];
}
const epochDay = (s: string, op: string): number => dayNumber(...ymd(s, op));

/** The date `days` later (earlier when negative). */
/**
 * The federal fiscal year of an ISO date (October starts the next one: 2025-10-01 is in FY2026),
 * which is also the ICD-10-CM release year and the MCE list year.
 */
export function fiscalYear(iso: string): number {
  const y = Number(iso.slice(0, 4));
  return Number(iso.slice(5, 7)) >= 10 ? y + 1 : y;
}

export function addDays(iso8601: string, days: number): string {
  return fromDayNumber(epochDay(iso8601, 'addDays') + days);
}

/**
 * The same day `months` later, clamped to the last day of the target month: 2024-02-29 + 12
 * months is 2025-02-28 and 2025-01-31 + 1 month is 2025-02-28 (Date.setUTCMonth would roll
 * over into March). See: 42 CFR 424.44 (one calendar year after the date of service).
 */
export function addMonths(iso8601: string, months: number): string {
  const [y, m, d] = ymd(iso8601, 'addMonths');
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12 + 1; // 1-based
  return iso(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return epochDay(b, 'daysBetween') - epochDay(a, 'daysBetween');
}

/** Day of the year (1–366). */
export function dayOfYear(iso: string): number {
  const day = epochDay(iso, 'dayOfYear');
  return day - epochDay(`${iso.slice(0, 4)}-01-01`, 'dayOfYear') + 1;
}

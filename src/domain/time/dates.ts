/**
 * Calendar dates (ISO yyyy-mm-dd) as plain strings, UTC so no time zone can shift a day: the one
 * validator and the one date arithmetic for the domain, the machines, the importers and the UI.
 * Arithmetic on a string that is not a calendar date throws a RangeError naming it: callers
 * check input at the boundary (`isIsoDate`, `parseIsoDate`) so a bad date becomes a finding or
 * a message there, never a silent shift. Memoised variants for hot paths: ./calendar.ts.
 */
import { err, ok, type Result } from '../result';

const DAY_MS = 86_400_000;
const SHAPE = /^\d{4}-\d{2}-\d{2}$/;

// The edits and the payer ask about the same few dates for every line of every claim and the
// Date round trip dominated a 10,000-claim scrub: answers are remembered (bounded).
const MAX_REMEMBERED = 20_000;
const validity = new Map<string, boolean>();

function checkCalendar(s: string): boolean {
  if (!SHAPE.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  // Date.parse rolls 2025-02-30 over to March: the round trip must give the same string back.
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
}

/** True for a real calendar date written yyyy-mm-dd (2024-02-29 yes, 2025-02-29 no). */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  let v = validity.get(s);
  if (v === undefined) {
    if (validity.size >= MAX_REMEMBERED) validity.clear();
    v = checkCalendar(s);
    validity.set(s, v);
  }
  return v;
}

/** A date read at a boundary: the value, or a problem naming the field. */
export function parseIsoDate(raw: unknown, path: string): Result<string> {
  if (isIsoDate(raw)) return ok(raw);
  const shown = typeof raw === 'string' ? `"${raw}"` : String(raw);
  return err({ path, message: `${shown} is not a date in the form YYYY-MM-DD` });
}

function epochDay(iso: string, op: string): number {
  if (!isIsoDate(iso)) throw new RangeError(`${op}: "${iso}" is not a date in the form YYYY-MM-DD`);
  return Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
}

const fromEpochDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The date `days` later (earlier when negative). */
export function addDays(iso: string, days: number): string {
  return fromEpochDay(epochDay(iso, 'addDays') + days);
}

/**
 * The same day `months` later, clamped to the last day of the target month: 2024-02-29 + 12
 * months is 2025-02-28 and 2025-01-31 + 1 month is 2025-02-28 (Date.setUTCMonth would roll
 * over into March). See: 42 CFR 424.44 (one calendar year after the date of service).
 */
export function addMonths(iso: string, months: number): string {
  epochDay(iso, 'addMonths');
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12; // 0-based
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  const out = new Date(Date.UTC(ty, tm, Math.min(d, last)));
  out.setUTCFullYear(ty); // Date.UTC maps years 0–99 to 1900–1999
  return out.toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round(epochDay(b, 'daysBetween') - epochDay(a, 'daysBetween'));
}

/** Day of the year (1–366). */
export function dayOfYear(iso: string): number {
  const day = epochDay(iso, 'dayOfYear');
  return day - epochDay(`${iso.slice(0, 4)}-01-01`, 'dayOfYear') + 1;
}

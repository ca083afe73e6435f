/**
 * Memoised calendar helpers for the adjudication hot path: claims in a run share a handful of
 * dates, and building Date objects per claim dominated the benchmark. Same results as
 * src/domain/claim/dates.ts (which they call), bounded caches.
 */
import { addDays, addMonths, isIsoDate } from '../claim/dates';

const MAX = 20_000;
const valid = new Map<string, boolean>();
// Keyed by the shift first, then the date: no string building per call.
const byDays = new Map<number, Map<string, string>>();
const byMonths = new Map<number, Map<string, string>>();

function shiftCache(m: Map<number, Map<string, string>>, n: number): Map<string, string> {
  let c = m.get(n);
  if (!c) m.set(n, (c = new Map()));
  return c;
}

function remember<K, V>(m: Map<K, V>, k: K, v: V): V {
  if (m.size >= MAX) m.clear();
  m.set(k, v);
  return v;
}

export function isDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const hit = valid.get(s);
  return hit ?? remember(valid, s, isIsoDate(s));
}

export function plusDays(iso: string, days: number): string {
  const c = shiftCache(byDays, days);
  return c.get(iso) ?? remember(c, iso, addDays(iso, days));
}

export function plusMonths(iso: string, months: number): string {
  const c = shiftCache(byMonths, months);
  return c.get(iso) ?? remember(c, iso, addMonths(iso, months));
}

const julian = new Map<string, number>();
/** Day of the year (1–366) of an ISO date. */
export function dayOfYear(iso: string): number {
  const hit = julian.get(iso);
  if (hit !== undefined) return hit;
  const [y, mo, d] = iso.split('-').map(Number) as [number, number, number];
  return remember(
    julian,
    iso,
    Math.floor((Date.UTC(y, mo - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000) + 1,
  );
}

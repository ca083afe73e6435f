/**
 * Memoised date arithmetic for the adjudication and edit hot paths: claims in a run share a
 * handful of dates, and building Date objects per claim dominated the benchmark. Same results
 * as ./dates.ts (which they call, so an invalid date throws the same RangeError), bounded caches.
 */
import { addDays, addMonths, dayOfYear as dayOfYearOf } from './dates';

const MAX = 20_000;
// Keyed by the shift first, then the date: no string building per call.
const byDays = new Map<number, Map<string, string>>();
const byMonths = new Map<number, Map<string, string>>();
const julian = new Map<string, number>();

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

/** addDays, memoised. */
export function plusDays(iso: string, days: number): string {
  const c = shiftCache(byDays, days);
  return c.get(iso) ?? remember(c, iso, addDays(iso, days));
}

/** addMonths, memoised. */
export function plusMonths(iso: string, months: number): string {
  const c = shiftCache(byMonths, months);
  return c.get(iso) ?? remember(c, iso, addMonths(iso, months));
}

/** Day of the year (1–366), memoised. */
export function dayOfYear(iso: string): number {
  return julian.get(iso) ?? remember(julian, iso, dayOfYearOf(iso));
}

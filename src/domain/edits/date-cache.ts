/**
 * isIsoDate, memoised: the edits ask about the same few dates for every line of every claim
 * and the calendar check (Date round trip) dominated a 10,000-claim scrub. Bounded cache.
 */
import { isIsoDate } from '../claim/dates';

const cache = new Map<string, boolean>();

export function validDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  let v = cache.get(s);
  if (v === undefined) {
    if (cache.size > 4096) cache.clear();
    v = isIsoDate(s);
    cache.set(s, v);
  }
  return v;
}

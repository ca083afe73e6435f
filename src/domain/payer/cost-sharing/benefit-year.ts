/**
 * The benefit year a date of service falls in. Deductibles and out-of-pocket maximums count per
 * benefit year: Medicare Part B per calendar year, employer plans per calendar or plan year.
 * See: 42 CFR 410.160 (Part B annual deductible, calendar year); 45 CFR 156.130 (annual
 * limitation on cost sharing, plan year); DOMAIN.md §6.
 */
import type { PayerProfile } from '../profile';

/** Per benefit-year start (few), per date: no key string built per call. */
const cache = new Map<string, Map<string, string>>();

/** First day (ISO) of the benefit year containing `date` for a payer starting it on `MM-DD`. */
export function benefitYearOf(payer: Pick<PayerProfile, 'benefitYearStart'>, date: string): string {
  const start = payer.benefitYearStart;
  let byDate = cache.get(start);
  if (!byDate) cache.set(start, (byDate = new Map()));
  const hit = byDate.get(date);
  if (hit !== undefined) return hit;
  const y = Number(date.slice(0, 4));
  const v = date.slice(5) >= start ? `${y}-${start}` : `${y - 1}-${start}`;
  if (byDate.size > 20_000) byDate.clear();
  byDate.set(date, v);
  return v;
}

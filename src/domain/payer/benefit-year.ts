/**
 * The benefit year a date of service falls in. Deductibles and out-of-pocket maximums count per
 * benefit year: Medicare Part B per calendar year, employer plans per calendar or plan year.
 * See: 42 CFR 410.160 (Part B annual deductible, calendar year); 45 CFR 156.130 (annual
 * limitation on cost sharing, plan year); DOMAIN.md §6.
 */
import type { PayerProfile } from './profile';

const cache = new Map<string, string>();

/** First day (ISO) of the benefit year containing `date` for a payer starting it on `MM-DD`. */
export function benefitYearOf(payer: Pick<PayerProfile, 'benefitYearStart'>, date: string): string {
  const start = payer.benefitYearStart;
  const k = `${start}|${date}`;
  const hit = cache.get(k);
  if (hit) return hit;
  const y = Number(date.slice(0, 4));
  const v = date.slice(5) >= start ? `${y}-${start}` : `${y - 1}-${start}`;
  if (cache.size > 20_000) cache.clear();
  cache.set(k, v);
  return v;
}

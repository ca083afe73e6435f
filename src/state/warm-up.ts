/**
 * What the case list warms up while the browser is idle: the code-set release most listed cases
 * are coded in (ICD-10-CM releases run by federal fiscal year, October to September), named by
 * the newest service date of that year. See: issue 9 "A lean first load".
 */
import { fiscalYear } from '../domain/time/dates';

/** The federal fiscal year of an ISO date of service (2025-10-01 is in FY2026). */
export function fiscalYearOf(date: string): number | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? fiscalYear(date) : null;
}

/**
 * The newest service date in the fiscal year with the most listed cases (ties: the later year),
 * or null when no case has a readable date.
 */
export function mostListedServiceDate(cases: readonly { serviceDate?: unknown }[]): string | null {
  const byYear = new Map<number, { n: number; newest: string }>();
  for (const c of cases) {
    const date = c.serviceDate;
    if (typeof date !== 'string') continue;
    const fy = fiscalYearOf(date);
    if (fy === null) continue;
    const e = byYear.get(fy);
    if (!e) byYear.set(fy, { n: 1, newest: date });
    else {
      e.n++;
      if (date > e.newest) e.newest = date;
    }
  }
  let best: { fy: number; n: number; newest: string } | null = null;
  for (const [fy, e] of byYear)
    if (!best || e.n > best.n || (e.n === best.n && fy > best.fy)) best = { fy, ...e };
  return best?.newest ?? null;
}

/** The user asked the browser to save data: no download ahead of need. */
export function saveData(): boolean {
  const c = (globalThis.navigator as { connection?: { saveData?: boolean } } | undefined)
    ?.connection;
  return c?.saveData === true;
}

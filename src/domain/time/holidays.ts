/**
 * US federal holidays (the dates federal offices are closed, as observed) and business days,
 * for deadlines whose rule says a period ending on a weekend or holiday runs to the next
 * business day. Pure and dated: the holidays of a year follow the law in force that year.
 *
 * - 5 U.S.C. 6103(a): New Year's Day (Jan 1), Birthday of Martin Luther King, Jr. (3rd Monday of
 *   January, from 1986), Washington's Birthday (3rd Monday of February), Memorial Day (last
 *   Monday of May), Juneteenth National Independence Day (June 19, from 2021: Pub. L. 117-17,
 *   signed 2021-06-17, first observed Friday 2021-06-18), Independence Day (July 4), Labor Day
 *   (1st Monday of September), Columbus Day (2nd Monday of October), Veterans Day (Nov 11),
 *   Thanksgiving Day (4th Thursday of November), Christmas Day (Dec 25).
 * - Uniform Monday Holiday Act (Pub. L. 90-363, from 1971): Washington's Birthday, Memorial Day,
 *   Columbus Day and (1971–1977) Veterans Day moved to Mondays; before 1971 they were Feb 22,
 *   May 30, Oct 12 and Nov 11. Veterans Day went back to Nov 11 from 1978 (Pub. L. 94-97).
 * - 5 U.S.C. 6103(b) and Executive Order 11582: a holiday on a Saturday is observed the Friday
 *   before, one on a Sunday the Monday after. So New Year's Day 2022 (a Saturday) was observed on
 *   Friday 2021-12-31, which is listed in 2021.
 * See: OPM "Federal Holidays" (opm.gov/policy-data-oversight/pay-leave/federal-holidays).
 * Inauguration Day (DC area only, every fourth January 20) is not a nationwide holiday: not listed.
 */
import { addDays, daysBetween, daysInMonth, isIsoDate } from './dates';

export interface FederalHoliday {
  /** The date federal offices are closed (the observed date). */
  date: string;
  /** The holiday's legal name; "(observed)" when the date differs from the holiday itself. */
  name: string;
  /** The holiday's own date (the same as `date` unless it fell on a weekend). */
  actual: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;

/** Day of the week of an ISO date, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(iso: string): number {
  return (((daysBetween('1970-01-01', iso) + 4) % 7) + 7) % 7;
}

/** The `n`th `dow` (0 = Sunday) of a month; n = -1 for the last. */
function nth(y: number, m: number, dow: number, n: number): string {
  if (n < 0) {
    const last = ymd(y, m, daysInMonth(y, m));
    return addDays(last, -((weekday(last) - dow + 7) % 7));
  }
  const first = ymd(y, m, 1);
  return addDays(first, ((dow - weekday(first) + 7) % 7) + (n - 1) * 7);
}

const MON = 1;
const THU = 4;

/** The holidays (name and own date) the law set for year `y`, before weekend observance. */
function holidaysOf(y: number): [string, string][] {
  const monday = y >= 1971; // Uniform Monday Holiday Act
  const list: [string, string][] = [['New Year’s Day', ymd(y, 1, 1)]];
  if (y >= 1986) list.push(['Birthday of Martin Luther King, Jr.', nth(y, 1, MON, 3)]);
  list.push(['Washington’s Birthday', monday ? nth(y, 2, MON, 3) : ymd(y, 2, 22)]);
  list.push(['Memorial Day', monday ? nth(y, 5, MON, -1) : ymd(y, 5, 30)]);
  if (y >= 2021) list.push(['Juneteenth National Independence Day', ymd(y, 6, 19)]);
  list.push(['Independence Day', ymd(y, 7, 4)]);
  list.push(['Labor Day', nth(y, 9, MON, 1)]);
  list.push(['Columbus Day', monday ? nth(y, 10, MON, 2) : ymd(y, 10, 12)]);
  list.push(['Veterans Day', y >= 1971 && y <= 1977 ? nth(y, 10, MON, 4) : ymd(y, 11, 11)]);
  list.push(['Thanksgiving Day', nth(y, 11, THU, 4)]);
  list.push(['Christmas Day', ymd(y, 12, 25)]);
  return list;
}

/** The observed date of a holiday: Saturday → the Friday before, Sunday → the Monday after. */
function observed(actual: string): string {
  const wd = weekday(actual);
  return wd === 6 ? addDays(actual, -1) : wd === 0 ? addDays(actual, 1) : actual;
}

const byYear = new Map<number, FederalHoliday[]>();

/**
 * The federal holidays observed in calendar year `year`, in date order (a Saturday New Year's
 * Day of the next year shows here as Dec 31). Years 1 to 9998; any other year is a RangeError.
 */
export function federalHolidays(year: number): FederalHoliday[] {
  if (!Number.isInteger(year) || year < 1 || year > 9998)
    throw new RangeError(`federalHolidays: ${year} is not a year from 1 to 9998`);
  let out = byYear.get(year);
  if (out) return out;
  const all = [...holidaysOf(year), ...holidaysOf(year + 1).slice(0, 1)];
  if (year > 1) all.unshift(...holidaysOf(year - 1).slice(-1)); // (never moves into `year`)
  out = all
    .map(([name, actual]) => {
      const date = observed(actual);
      return { date, name: date === actual ? name : `${name} (observed)`, actual };
    })
    .filter((h) => h.date.startsWith(`${String(year).padStart(4, '0')}-`))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (byYear.size > 200) byYear.clear();
  byYear.set(year, out);
  return out;
}

/** The federal holiday observed on `iso`, or null. A string that is not a date is a RangeError. */
export function federalHolidayOn(iso: string): FederalHoliday | null {
  if (!isIsoDate(iso))
    throw new RangeError(`federalHolidayOn: "${iso}" is not a date in the form YYYY-MM-DD`);
  return federalHolidays(Number(iso.slice(0, 4))).find((h) => h.date === iso) ?? null;
}

/** A weekday that is not an observed federal holiday. */
export function isBusinessDay(iso: string): boolean {
  const wd = weekday(iso);
  return wd !== 0 && wd !== 6 && federalHolidayOn(iso) === null;
}

/** `iso` itself when it is a business day, else the next one (a deadline that rolls forward). */
export function nextBusinessDay(iso: string): string {
  let d = iso;
  while (!isBusinessDay(d)) d = addDays(d, 1);
  return d;
}

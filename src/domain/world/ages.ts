/**
 * Ages and birth dates for generated people, faker-free (the pack reader's generated case
 * patients use it at start-up; the world uses it for its population). Age is the claim model's
 * `ageOn` (whole years on a date).
 */
import type { Random } from '../random/seeded';
import { addDays, addMonths, daysBetween } from '../time/dates';

export { ageOn } from '../claim/claim';

/** A birth date that makes someone exactly `age` on `date`. */
export function birthDateForAge(age: number, date: string, r: Random): string {
  const earliest = addDays(addMonths(date, -12 * (age + 1)), 1);
  const latest = addMonths(date, -12 * age);
  return addDays(earliest, r.int(0, daysBetween(earliest, latest)));
}

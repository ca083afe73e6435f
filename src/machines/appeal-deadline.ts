/**
 * Appeal filing deadlines: counted from the notice (decision) date plus the payer's presumed
 * receipt days, plus the level's filing days; when the payer's rule says so, a deadline that
 * falls on a Saturday or Sunday moves to the next Monday.
 * See: 42 CFR 405.942(a) (120 days from receipt), 405.962(a) (180 days), 405.1014(b) (60 days),
 * 405.1102(a) (60 days), 405.1136(c) (60 days); 42 CFR 405.902 and Pub. 100-04 ch. 29 §§310–350
 * (receipt presumed 5 days after the notice date); Pub. 100-04 ch. 1 §70.7 (a period whose last
 * day is a non-workday runs to the next workday: ClaimLab applies it to weekends only, federal
 * holidays are not modelled).
 */
import { addDays } from '../domain/time/dates';

export type DeadlineRoll = 'next-business-day' | 'none';

/** Day of the week of an ISO date, 0 = Sunday … 6 = Saturday (Zeller-free: from 1970-01-01, a Thursday). */
export function weekday(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const t = Date.UTC(y, m - 1, d) / 86_400_000;
  return (((t + 4) % 7) + 7) % 7;
}

/** The last day to file at a level whose decision notice is dated `noticeDate`. */
export function appealDeadline(
  noticeDate: string,
  rule: { presumedReceiptDays: number; deadlineDays: number; roll: DeadlineRoll },
): string {
  const last = addDays(noticeDate, rule.presumedReceiptDays + rule.deadlineDays);
  if (rule.roll === 'none') return last;
  const wd = weekday(last);
  return wd === 6 ? addDays(last, 2) : wd === 0 ? addDays(last, 1) : last;
}

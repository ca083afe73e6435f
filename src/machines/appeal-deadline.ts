/**
 * Appeal filing deadlines: counted from the notice (decision) date plus the payer's presumed
 * receipt days, plus the level's filing days; when the payer's rule says so, a deadline that
 * falls on a Saturday, Sunday or federal holiday moves to the next business day.
 * See: 42 CFR 405.942(a) (120 days from receipt), 405.962(a) (180 days), 405.1014(b) (60 days),
 * 405.1102(a) (60 days), 405.1136(c) (60 days); 42 CFR 405.902 and Pub. 100-04 ch. 29 §§310–350
 * (receipt presumed 5 days after the notice date); Pub. 100-04 ch. 1 §70.7 (a period whose last
 * day is a non-workday, a Saturday, Sunday or federal holiday, runs to the next workday).
 * Federal holidays as observed: src/domain/time/holidays.ts.
 */
import { addDays } from '../domain/time/dates';
import { nextBusinessDay, weekday } from '../domain/time/holidays';

export type DeadlineRoll = 'next-business-day' | 'none';

/** Day of the week (0 = Sunday); kept here for the modules that import it from the machines. */
export { weekday };

/** The last day to file at a level whose decision notice is dated `noticeDate`. */
export function appealDeadline(
  noticeDate: string,
  rule: { presumedReceiptDays: number; deadlineDays: number; roll: DeadlineRoll },
): string {
  const last = addDays(noticeDate, rule.presumedReceiptDays + rule.deadlineDays);
  return rule.roll === 'none' ? last : nextBusinessDay(last);
}

/**
 * Appeal levels and their filing deadlines for a remittance: each level's deadline counts from
 * the (presumed) receipt of the previous decision. Amounts in controversy are the dated values
 * in the payer profile. Rejections have no appeal rights (resubmit instead).
 * See: 42 CFR 405.942, 405.962, 405.1014, 405.1102, 405.1136; Medicare Claims Processing Manual
 * ch. 29 §§ 310–350; DOMAIN.md §8.
 */
import type { Cents } from '../../money';
import { plusDays } from '../../time/calendar';
import { nextBusinessDay } from '../../time/holidays';
import { datedOn, type PayerProfile } from '../profile';

export interface AppealLevelOnDate {
  level: number;
  name: string;
  deadlineDays: number;
  amountInControversy: Cents | null;
  /** Last day to file when the previous decision is dated `decisionDate`. */
  deadline: string;
  source: string;
}

/**
 * The last day to file: the decision date plus the presumed receipt days plus the level's days;
 * with the profile's `appealDeadlineRoll`, a last day on a Saturday, Sunday or observed federal
 * holiday runs to the next workday (the same rule the appeal machine enforces,
 * src/machines/appeal-deadline.ts). See: Pub. 100-04 ch. 1 §70.
 */
function deadlineFrom(payer: PayerProfile, decisionDate: string, days: number): string {
  const last = plusDays(decisionDate, payer.presumedReceiptDays + days);
  return payer.appealDeadlineRoll === 'next-business-day' ? nextBusinessDay(last) : last;
}

const memo = new WeakMap<object, Map<string, readonly AppealLevelOnDate[]>>();

/**
 * All appeal levels in force on `decisionDate`, each with the deadline counted from that
 * decision. Memoised per profile and date (many claims share a remittance date); the result is
 * frozen, copy it before changing it.
 */
export function appealLevels(
  payer: PayerProfile,
  decisionDate: string,
): readonly AppealLevelOnDate[] {
  let byDate = memo.get(payer.appeals);
  if (!byDate) memo.set(payer.appeals, (byDate = new Map()));
  const hit = byDate.get(decisionDate);
  if (
    hit &&
    hit.length > 0 &&
    hit[0]!.deadline === deadlineFrom(payer, decisionDate, hit[0]!.deadlineDays)
  )
    return hit;
  const levels = Object.freeze(computeLevels(payer, decisionDate));
  if (byDate.size < 5000) byDate.set(decisionDate, levels);
  return levels;
}

function computeLevels(payer: PayerProfile, decisionDate: string): AppealLevelOnDate[] {
  const d = datedOn(payer.appeals, decisionDate);
  return [...d.value]
    .sort((a, b) => a.level - b.level)
    .map((l) => ({
      ...l,
      deadline: deadlineFrom(payer, decisionDate, l.deadlineDays),
      source: d.source,
    }));
}

/** Whether an amount still in dispute meets a level's minimum (ALJ and federal court for Medicare). */
export const meetsAmountInControversy = (
  level: Pick<AppealLevelOnDate, 'amountInControversy'>,
  amount: Cents,
): boolean => level.amountInControversy === null || amount >= level.amountInControversy;

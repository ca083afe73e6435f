/**
 * What the practice reads from a payer profile for its machines: the appeal levels in force on a
 * notice date (the profile's dated `appeals`), presumed receipt and the weekend/holiday rule, and how the
 * payer takes corrections. Plain data out, so machine inputs stay JSON.
 * See: src/domain/payer/profile.ts (appeals, presumedReceiptDays, appealDeadlineRoll, corrections).
 */
import { datedOn, type PayerProfile } from '../../domain/payer/profile';
import type { AppealLevelSpec } from '../appeal.machine';
import type { DeadlineRoll } from '../appeal-deadline';

export function appealLevelsFor(
  p: PayerProfile,
  noticeDate: string,
): { levels: AppealLevelSpec[]; presumedReceiptDays: number; roll: DeadlineRoll } {
  const d = datedOn(p.appeals, noticeDate);
  return {
    levels: [...d.value]
      .sort((a, b) => a.level - b.level)
      .map((l) => ({
        level: l.level,
        name: l.name,
        deadlineDays: l.deadlineDays,
        amountInControversy: l.amountInControversy,
      })),
    presumedReceiptDays: p.presumedReceiptDays,
    roll: p.appealDeadlineRoll,
  };
}

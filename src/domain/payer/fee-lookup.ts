/**
 * Which fee a payer allows for one unit of a line: Medicare from the MPFS (or the pack's
 * national table), a commercial plan as a percentage of Medicare, a Medicaid plan from its own
 * table with a percentage-of-Medicare fallback.
 */
import { mulRound } from '../money';
import type { ClaimLine } from '../claim/claim';
import type { FeeSources } from './fees';
import { medicareFee, tableYear, type MedicareFee } from './pricing';
import { isFacilityPos } from './pos';
import { valueOn, type PayerProfile } from './profile';

export function payerFee(
  line: ClaimLine,
  pos: string,
  locality: string,
  date: string,
  payer: PayerProfile,
  fees: FeeSources,
): MedicareFee {
  const rule = valueOn(payer.feeSchedule, date);
  if (rule.kind === 'mpfs') return medicareFee(line.code, line.modifiers, pos, locality, fees);
  const pct = (fee: MedicareFee, percent: number, label: string): MedicareFee =>
    fee.kind === 'priced'
      ? {
          ...fee,
          perUnit: mulRound(fee.perUnit, percent),
          source: `${Math.round(percent * 1000) / 10}% of Medicare (${fee.source}); ${label}`,
        }
      : fee;
  // Commercial and Medicaid plans price on a national basis (no Medicare locality needed).
  if (rule.kind === 'percent-of-medicare')
    return pct(medicareFee(line.code, line.modifiers, pos, '', fees), rule.percent, payer.name);
  const table = fees.tables?.[rule.file];
  const e = table?.get(line.code);
  if (e && table) {
    const year = tableYear(table.effective.from);
    return {
      kind: 'priced',
      perUnit: isFacilityPos(pos) ? e.facility : e.nonFacility,
      mult: e.mult,
      bilat: e.bilat,
      source: `${table.name} (${e.basis})${year === null ? '' : `; pricing year CY${year}`}`,
      locality: 'plan',
      status: null,
      year,
    };
  }
  if (rule.fallbackPercentOfMedicare !== null)
    return pct(
      medicareFee(line.code, line.modifiers, pos, '', fees),
      rule.fallbackPercentOfMedicare,
      `${payer.name} fallback`,
    );
  return { kind: 'unpriced', reason: 'not-on-schedule', status: null };
}

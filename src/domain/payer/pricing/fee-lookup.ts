/**
 * Which fee a payer allows for one unit of a line: Medicare from the MPFS (or the pack's
 * national table), a commercial plan as a percentage of Medicare, a Medicaid plan from its own
 * table with a percentage-of-Medicare fallback.
 */
import { mulRound } from '../../money';
import type { ClaimLine } from '../../claim/claim';
import type { FeeSources } from './fees';
import {
  flatInputs,
  flatPrice,
  medicareFee,
  scaleInputs,
  tableYear,
  withSurgicalRole,
  type MedicareFee,
} from './pricing';
import { isFacilityPos } from './pos';
import { valueOn, type PayerProfile } from '../profile';

function percentOf(fee: MedicareFee, percent: number, label: string): MedicareFee {
  return fee.kind === 'priced'
    ? {
        ...fee,
        perUnit: mulRound(fee.perUnit, percent),
        // The rule inputs are money too (endoscopy base, TC/PC/PE parts): same percentage.
        inputs: fee.inputs && scaleInputs(fee.inputs, percent, null),
        source: `${Math.round(percent * 1000) / 10}% of Medicare (${fee.source}); ${label}`,
      }
    : fee;
}

/** Medicare's fee at the claim's locality when the MPFS knows it, else the national fee. */
function medicareHere(line: ClaimLine, pos: string, locality: string, fees: FeeSources) {
  const here = locality.trim()
    ? medicareFee(line.code, line.modifiers, pos, locality, fees, true)
    : null;
  return here && here.kind !== 'unknown-locality'
    ? here
    : medicareFee(line.code, line.modifiers, pos, '', fees, true);
}

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
  const pct = percentOf;
  // A percentage of Medicare is of the Medicare amount where the service was given: the
  // claim's locality (GPCIs) when it names one the MPFS knows, else the national amount.
  // See: CMS GPCI file; 42 CFR 414.26 (payment area adjustment).
  if (rule.kind === 'percent-of-medicare')
    return pct(medicareHere(line, pos, locality, fees), rule.percent, payer.name);
  const table = fees.tables?.[rule.file];
  const e = table?.get(line.code);
  if (e && table) {
    const year = tableYear(table.effective.from);
    const facility = isFacilityPos(pos);
    // A plan's own table follows the same surgical-team and endoscopy rules when it states
    // the indicators (optional fields of the table).
    return withSurgicalRole(
      {
        kind: 'priced',
        perUnit: flatPrice(e, line.modifiers, facility),
        mult: e.mult,
        bilat: e.bilat,
        source: `${table.name} (${e.basis})${year === null ? '' : `; pricing year CY${year}`}`,
        locality: 'plan',
        status: null,
        year,
        inputs: flatInputs(e, table, facility, line.modifiers),
      },
      line.modifiers,
      e,
    );
  }
  if (rule.fallbackPercentOfMedicare !== null)
    return pct(
      medicareHere(line, pos, locality, fees),
      rule.fallbackPercentOfMedicare,
      `${payer.name} fallback`,
    );
  return { kind: 'unpriced', reason: 'not-on-schedule', status: null };
}

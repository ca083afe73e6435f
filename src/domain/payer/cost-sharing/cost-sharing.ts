/**
 * Member cost sharing on one allowed amount, in plan order: deductible (PR-1) until met, then a
 * copay (PR-3) or coinsurance (PR-2), all capped by the out-of-pocket maximum; the
 * accumulators carry the result to the next line and the next claim in the benefit year.
 * See: DOMAIN.md §6; 42 CFR 410.152 (Part B deductible and coinsurance); 45 CFR 156.130
 * (out-of-pocket maximum).
 */
import { cents, mulRound, type Cents } from '../../money';
import type { CostShare } from '../profile';

export interface AccumulatorState {
  deductibleMet: Cents;
  outOfPocketMet: Cents;
}

export interface ShareInput {
  allowed: Cents;
  rule: CostShare;
  deductible: Cents;
  /** Coinsurance used when the category rule has none set but no copay either. */
  defaultCoinsurance: number;
  outOfPocketMax: Cents | null;
  /** A copay for this category was already taken on this claim (one copay per visit). */
  copayTaken: boolean;
}

export interface Share {
  deductible: Cents;
  coinsurance: Cents;
  copay: Cents;
  /** Total patient share. */
  total: Cents;
}

const min = (a: number, b: number) => cents(Math.max(0, Math.min(a, b)));

export function costShare(
  input: ShareInput,
  acc: AccumulatorState,
): { share: Share; after: AccumulatorState } {
  const { allowed, rule } = input;
  let ded = rule.deductible ? min(allowed, input.deductible - acc.deductibleMet) : cents(0);
  const rest = allowed - ded;
  let copay = cents(0);
  let coins = cents(0);
  if (rule.copay !== null) copay = input.copayTaken ? cents(0) : min(rule.copay, rest);
  else coins = mulRound(rest, rule.coinsurance ?? input.defaultCoinsurance);
  if (input.outOfPocketMax !== null) {
    const room = Math.max(0, input.outOfPocketMax - acc.outOfPocketMet);
    ded = min(ded, room);
    copay = min(copay, room - ded);
    coins = min(coins, room - ded - copay);
  }
  const total = cents(ded + copay + coins);
  return {
    share: { deductible: ded, coinsurance: coins, copay, total },
    after: {
      deductibleMet: cents(acc.deductibleMet + ded),
      outOfPocketMet: cents(acc.outOfPocketMet + total),
    },
  };
}

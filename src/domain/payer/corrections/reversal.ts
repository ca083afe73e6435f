/**
 * Reversal of an adjudicated claim: what a payer does first when it accepts a replacement
 * (frequency 7), a void (frequency 8) or a Medicare reopening. The original is taken back in
 * full — every line's billed, allowed, paid and adjustment amounts negated, so each reversed
 * line still balances — and the deductible and out-of-pocket amounts it used are credited back
 * before the corrected claim is adjudicated as new.
 * See: X12 005010X221A1 front matter §1.10.2.8 "Reversals and corrections" (CLP02 = 22);
 * Medicare Claims Processing Manual (Pub. 100-04) ch. 34 §10 (reopenings revise the initial
 * determination); DOMAIN.md §8.
 */
import type { Accumulators } from '../../claim/claim';
import { cents, formatMoney, type Cents } from '../../money';
import {
  lineBalances,
  totalsOf,
  type RemitLine,
  type Remittance,
  type Reversal,
} from '../remittance/remittance';
import { COST_SHARING_CARCS } from '../remittance/codes';

const neg = (c: Cents): Cents => cents(c === 0 ? 0 : -c);

/** Whether a remittance can be reversed: it was adjudicated, has a payer claim number, and is
 * not itself a void. */
export function reversible(r: Remittance): r is Remittance & { payerClaimNumber: string } {
  return r.status !== 'rejected' && r.status !== 'voided' && r.payerClaimNumber !== null;
}

export function reversalOf(original: Remittance & { payerClaimNumber: string }): Reversal {
  const lines: RemitLine[] = original.lines.map((l) => ({
    line: l.line,
    code: l.code,
    modifiers: [...l.modifiers],
    units: l.units,
    serviceDate: l.serviceDate,
    billed: neg(l.billed),
    allowed: neg(l.allowed),
    paid: neg(l.paid),
    adjustments: l.adjustments.map((a) => ({
      group: a.group,
      carc: a.carc,
      amount: neg(a.amount),
    })),
    remarks: [...l.remarks],
    ...(l.paidTo ? { paidTo: l.paidTo } : {}),
  }));
  // What the original actually added to this payer's accumulators: on a secondary claim the PR
  // labels are the primary's, so the PR amounts are not what it counted. Read from JSON without
  // `accumulatorsBefore`, the before is derived from the PR amounts (remittance-json.ts).
  const added = (after: number, before: number) => cents(Math.max(0, after - before));
  return reversalFromLines(original.claimId, original.payerClaimNumber, lines, {
    deductible: added(
      original.accumulatorsAfter.deductibleMet,
      original.accumulatorsBefore.deductibleMet,
    ),
    outOfPocket: added(
      original.accumulatorsAfter.outOfPocketMet,
      original.accumulatorsBefore.outOfPocketMet,
    ),
  });
}

/** Deductible (PR-1) and out-of-pocket (PR-1/2/3) shares on a remittance's lines. */
export function prShares(lines: readonly RemitLine[]): { deductible: Cents; outOfPocket: Cents } {
  let deductible = 0;
  let outOfPocket = 0;
  for (const l of lines)
    for (const a of l.adjustments)
      if (a.group === 'PR' && COST_SHARING_CARCS.has(a.carc)) {
        outOfPocket += a.amount;
        if (a.carc === '1') deductible += a.amount;
      }
  return { deductible: cents(deductible), outOfPocket: cents(outOfPocket) };
}

/** A reversal from its (already negated) lines, e.g. as read from an 835 CLP02 = 22 loop. */
export function reversalFromLines(
  claimId: string,
  payerClaimNumber: string,
  lines: RemitLine[],
  /** What goes back to the accumulators; by default the PR shares the negated lines take back. */
  credits?: Reversal['credits'],
): Reversal {
  const back = credits ?? negated(prShares(lines));
  return { claimId, payerClaimNumber, lines, totals: totalsOf(lines), credits: back };
}

const negated = (s: Reversal['credits']): Reversal['credits'] => ({
  deductible: neg(s.deductible),
  outOfPocket: neg(s.outOfPocket),
});

/** The accumulators once the reversed claim's shares are given back (never below zero). */
export function creditBack(acc: Accumulators, r: Reversal): Accumulators {
  return {
    deductibleMet: cents(Math.max(0, acc.deductibleMet - r.credits.deductible)),
    outOfPocketMet: cents(Math.max(0, acc.outOfPocketMet - r.credits.outOfPocket)),
  };
}

/**
 * The lines of a remittance (and of its reversal) that do not balance, billed = paid + Σ
 * adjustments, each as a message naming the line. A record read from outside (history JSON,
 * a reopening's original, an 835) that does not balance cannot be taken back: its negation
 * would create or lose money. Empty when every line balances.
 * See: DOMAIN.md §6 ("every line balances"); X12 005010X221A1 §1.10.2.1 (balancing).
 */
export function unbalancedLines(r: Pick<Remittance, 'lines' | 'reversal'>): string[] {
  const m = formatMoney;
  const out: string[] = [];
  const check = (lines: readonly RemitLine[], where: string) => {
    for (const l of lines)
      if (!lineBalances(l)) {
        const adj = l.adjustments.reduce((s, a) => s + a.amount, 0);
        out.push(
          `${where}line ${l.line} (${l.code}) does not balance: billed ${m(l.billed)} is not paid ${m(l.paid)} + adjustments ${m(adj)}`,
        );
      }
  };
  check(r.lines, '');
  if (r.reversal) check(r.reversal.lines, 'reversal ');
  return out;
}

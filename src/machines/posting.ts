/**
 * Payment posting, checked against the remittance as billing staff post it: the payment, the
 * contractual adjustment (CO, OA, PI: the provider's, never the patient's), the patient's share
 * (PR, except what a QMB may not be billed), and the secondary claim that carries the primary's
 * adjudication. A posting that writes PR off as contractual loses revenue; one that moves CO to
 * the patient overbills them. Pure functions over the domain's remittance.
 * See: DOMAIN.md §6 ("every line balances", contractual adjustment) and §7 (group codes);
 * X12 005010X221A1 (835 CAS); 005010X222A1 loop 2320/2430 (other payer's adjudication).
 */
import type { Claim } from '../domain/claim/claim';
import type { OtherPayer } from '../domain/claim/other-payers';
import { cents, type Cents } from '../domain/money';
import {
  lineBalances,
  lineIsDenied,
  netPaid,
  type Remittance,
} from '../domain/payer/remittance/remittance';
import { WRONG_MOVES, type Decision } from './practice/decisions';

/** What the remittance says should be posted. */
export interface ExpectedPosting {
  /** Net payment to the provider (new payment minus any take-back). */
  payment: Cents;
  /** CO + OA + PI: written off, never billed to the patient. */
  contractual: Cents;
  /** PR the patient may be billed (QMB cost sharing excluded). */
  patient: Cents;
  /** PR the law bars billing (QMB cost sharing): to Medicaid / the secondary, or written off. */
  protectedPr: Cents;
  /** Billed amount of lines paid at zero with a denial (parked for follow-up). */
  denied: Cents;
}

/** What the biller posted. */
export interface PostingEntry {
  payment: Cents;
  contractual: Cents;
  /** Moved to the patient's balance. */
  toPatient: Cents;
}

export function expectedPosting(r: Remittance): ExpectedPosting {
  let co = 0;
  let pr = 0;
  let denied = 0;
  for (const l of r.lines) {
    for (const a of l.adjustments)
      if (a.group === 'PR') pr += a.amount;
      else co += a.amount;
    if (lineIsDenied(l)) denied += l.billed;
  }
  const owes = r.balanceBilling ? r.balanceBilling.patientOwes : pr;
  return {
    payment: netPaid(r),
    contractual: cents(co),
    patient: cents(owes),
    protectedPr: cents(pr - owes),
    denied: cents(denied),
  };
}

/** The posting the remittance calls for (what a careful biller posts). */
export const correctPosting = (e: ExpectedPosting): PostingEntry => ({
  payment: e.payment,
  contractual: cents(e.contractual + e.protectedPr),
  toPatient: e.patient,
});

/** Judges one posting: right when it matches; else the money it loses or overbills. */
export function judgePosting(
  e: ExpectedPosting,
  p: PostingEntry,
  at: string,
  ids: { encounterId?: string; claimId?: string } = {},
): Decision {
  const base = { at, kind: 'posting' as const, ...ids };
  const choice = `payment ${p.payment}, contractual ${p.contractual}, patient ${p.toPatient}`;
  if (p.toPatient > e.patient)
    return {
      ...base,
      choice,
      right: false,
      rationale: `${WRONG_MOVES.coToPatient} Overbilled ${p.toPatient - e.patient} cents.`,
    };
  if (p.toPatient < e.patient && p.contractual > e.contractual + e.protectedPr)
    return {
      ...base,
      choice,
      right: false,
      rationale: `${WRONG_MOVES.prAsContractual} Lost ${e.patient - p.toPatient} cents.`,
    };
  if (p.payment !== e.payment)
    return {
      ...base,
      choice,
      right: false,
      rationale: `The payment posted differs from the 835 (${e.payment} cents): post what the payer paid (835 CLP04/SVC03).`,
    };
  return {
    ...base,
    choice,
    right: true,
    rationale:
      'Posted as the 835 says: payment, CO/OA/PI written off, PR to the patient (DOMAIN.md §6).',
  };
}

/** Lines (and take-back lines) where billed ≠ paid + Σ adjustments. */
export function balanceViolations(r: Remittance): string[] {
  const out: string[] = [];
  for (const l of r.lines)
    if (!lineBalances(l)) out.push(`${r.claimId} line ${l.line}: billed ≠ paid + adjustments`);
  for (const l of r.reversal?.lines ?? [])
    if (!lineBalances(l)) out.push(`${r.claimId} reversal line ${l.line}: unbalanced`);
  return out;
}

/**
 * The claim to the secondary payer: the same services, with the primary's adjudication per line
 * (837P 2320/2430), so the secondary pays after the primary (OA-23 on its remittance).
 */
export function secondaryClaim(
  primary: Claim,
  remit: Remittance,
  secondary: { payerId: string; memberId: string },
  claimId: string,
  submissionDate: string,
): Claim {
  const prior: OtherPayer = {
    payerId: primary.payerId,
    sequence: 'primary',
    memberId: primary.patient.memberId,
    adjudication: {
      payerClaimNumber: remit.payerClaimNumber,
      adjudicationDate: remit.remitDate,
      lines: remit.lines.map((l) => ({
        line: l.line,
        code: l.code,
        modifiers: l.modifiers,
        units: l.units,
        paid: l.paid,
        adjustments: l.adjustments.map((a) => ({ ...a })),
      })),
    },
  };
  return {
    ...primary,
    claimId,
    payerId: secondary.payerId,
    frequency: '1',
    originalClaimId: null,
    submissionDate,
    patient: { ...primary.patient, memberId: secondary.memberId },
    accumulatorsGiven: false,
    payerSequence: 'secondary',
    otherPayers: [prior],
  };
}

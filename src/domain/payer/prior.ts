/**
 * The secondary's view of the primary: a claim billed to a secondary payer carries the other
 * payer's adjudication (837P 2320/2430), and the secondary coordinates from it. This turns that
 * into the Remittance shape `applySecondary` (cob.ts) works on: per claim line, billed from the
 * claim, paid and adjustments as reported, allowed = billed − the provider's write-offs (CO, OA,
 * PI), the part the primary held the patient or itself responsible for.
 * See: X12 005010X222A1 loop 2430 (SVD, CAS, DTP*573); DOMAIN.md §5 (COB); cob.ts.
 */
import type { Claim } from '../claim/claim';
import type { OtherPayer } from '../claim/other-payers';
import { cents } from '../money';
import type { CobState } from './checks';
import { totalsOf, type RemitLine, type Remittance } from './remittance';

export function remittanceFromPrior(claim: Claim, other: OtherPayer): Remittance | null {
  const a = other.adjudication;
  if (!a) return null;
  const lines: RemitLine[] = claim.lines.map((l, i) => {
    const p = a.lines.find((x) => x.line === i + 1);
    const adjustments = p ? p.adjustments.map((x) => ({ ...x })) : [];
    const writeOff = adjustments.filter((x) => x.group !== 'PR').reduce((s, x) => s + x.amount, 0);
    return {
      line: i + 1,
      code: l.code,
      modifiers: l.modifiers,
      units: l.units,
      serviceDate: l.serviceDate ?? claim.serviceDate,
      billed: l.charge,
      allowed: cents(Math.max(0, l.charge - writeOff)),
      paid: p ? p.paid : cents(0),
      adjustments,
      remarks: [],
    };
  });
  const denied = lines.every((l) => l.allowed === 0);
  return {
    claimId: claim.claimId,
    payerId: other.payerId,
    payerName: other.payerId,
    status: denied ? 'denied' : 'paid',
    payerClaimNumber: a.payerClaimNumber,
    frequency: '1',
    originalClaimId: null,
    payerSequence: 1,
    claimFilingIndicator: '',
    receivedDate: a.adjudicationDate,
    remitDate: a.adjudicationDate,
    lines,
    totals: totalsOf(lines),
    claimRemarks: [],
    findings: [],
    accumulatorsBefore: { deductibleMet: cents(0), outOfPocketMet: cents(0) },
    accumulatorsAfter: { deductibleMet: cents(0), outOfPocketMet: cents(0) },
    appeal: null,
    patient: { memberId: other.memberId },
    providerNpi: claim.provider.npi,
    reversal: null,
    reopening: null,
  };
}

/**
 * What coordination of benefits the claim itself states: billed as secondary (or tertiary), or
 * listing another payer as primary, means that payer is primary; its adjudication on the claim
 * (or `found`, e.g. from the payer ledger) is what this payer coordinates with.
 */
export function cobFromClaim(
  claim: Claim,
  found?: (payerId: string) => Remittance | undefined,
): (CobState & { primary?: Remittance }) | undefined {
  const others = claim.otherPayers ?? [];
  const seq = claim.payerSequence ?? 'primary';
  const primary =
    seq === 'primary'
      ? others.find((o) => o.sequence === 'primary')
      : (others.find((o) => o.sequence === 'primary') ?? others[0]);
  if (!primary && seq === 'primary') return undefined;
  if (!primary)
    return {
      otherPayerPrimary: {
        payerId: '(not named)',
        reason: `the claim is billed as ${seq} but names no other payer (otherPayers)`,
      },
    };
  const remit = remittanceFromPrior(claim, primary) ?? found?.(primary.payerId);
  return {
    otherPayerPrimary: {
      payerId: primary.payerId,
      reason:
        seq === 'primary'
          ? 'the claim lists it as the primary payer (otherPayers)'
          : `the claim is billed as ${seq}`,
    },
    ...(remit ? { primary: remit } : {}),
  };
}

/**
 * The secondary's view of the primary: a claim billed to a secondary payer carries the other
 * payer's adjudication (837P 2320/2430), and the secondary coordinates from it. This turns that
 * into the Remittance shape `applySecondary` (cob.ts) works on: per claim line, billed from the
 * claim, paid and adjustments as reported, allowed = billed − the provider's write-offs (CO, OA,
 * PI), the part the primary held the patient or itself responsible for.
 * See: X12 005010X222A1 loop 2430 (SVD, CAS, DTP*573); DOMAIN.md §5 (COB); cob.ts.
 */
import type { Claim } from '../../claim/claim';
import type { OtherPayer } from '../../claim/other-payers';
import { cents } from '../../money';
import { ageOn } from '../../claim/claim';
import { birthdayRule, coordinationOrder, primaryOverMedicare, type Coverage } from './cob';
import type { CobState } from '../checks';
import type { PayerProfile } from '../profile';
import { openLine, remittanceOf, type RemitLine, type Remittance } from '../remittance/remittance';
import { COST_SHARING_CARCS } from '../remittance/codes';

export function remittanceFromPrior(claim: Claim, other: OtherPayer): Remittance | null {
  const a = other.adjudication;
  if (!a) return null;
  const lines: RemitLine[] = claim.lines.map((l, i) => {
    const p = a.lines.find((x) => x.line === i + 1);
    const adjustments = p ? p.adjustments.map((x) => ({ ...x })) : [];
    // The primary allowed what it did not write off or deny: only the patient's cost sharing
    // (deductible, coinsurance, copay) is part of its allowed amount; a PR-96/PR-204 (not
    // covered by the plan) is not. See: 42 CFR 411.33 (the primary's allowable).
    const writeOff = adjustments
      .filter((x) => x.group !== 'PR' || !COST_SHARING_CARCS.has(x.carc))
      .reduce((s, x) => s + x.amount, 0);
    const line = openLine(claim, l, i);
    line.allowed = cents(Math.max(0, l.charge - writeOff));
    if (p) line.paid = p.paid;
    line.adjustments = adjustments;
    if (p?.remarks) line.remarks = [...p.remarks];
    return line;
  });
  const denied = lines.every((l) => l.allowed === 0);
  return remittanceOf({
    claimId: claim.claimId,
    payerId: other.payerId,
    payerName: other.payerId,
    status: denied ? 'denied' : 'paid',
    payerClaimNumber: a.payerClaimNumber,
    receivedDate: a.adjudicationDate,
    remitDate: a.adjudicationDate,
    lines,
    patient: { memberId: other.memberId },
    providerNpi: claim.provider.npi,
  });
}

/**
 * What coordination of benefits the claim itself states: billed as secondary (or tertiary), or
 * listing another payer as primary, means that payer is primary; its adjudication on the claim
 * (or `found`, e.g. from the payer ledger) is what this payer coordinates with.
 */
export function cobFromClaim(
  claim: Claim,
  found?: (payerId: string) => Remittance | undefined,
  billed?: Pick<PayerProfile, 'id' | 'kind'>,
  kindOf: (payerId: string) => Coverage['kind'] = defaultKind,
): (CobState & { primary?: Remittance }) | undefined {
  const others = claim.otherPayers ?? [];
  const seq = claim.payerSequence ?? 'primary';
  // With coverage facts for the payer billed and another, the payer works out the order itself.
  const ruled = billed ? orderByRules(claim, billed, kindOf) : null;
  if (ruled) {
    if (ruled.first === billed!.id) {
      if (seq === 'primary') return undefined;
    } else {
      const other = others.find((o) => o.payerId === ruled.first)!;
      const remit = remittanceFromPrior(claim, other) ?? found?.(other.payerId);
      return {
        otherPayerPrimary: { payerId: other.payerId, reason: ruled.reason },
        ...(remit ? { primary: remit } : {}),
      };
    }
  }
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

const defaultKind = (payerId: string): Coverage['kind'] =>
  payerId === 'medicare' ? 'medicare' : payerId === 'medicaid' ? 'medicaid' : 'commercial';

/**
 * The order of benefits from the claim's coverage facts (cob.ts `coordinationOrder`): which
 * payer is primary, and the rule that says so in words. Null unless the claim gives facts for
 * the payer billed and at least one other payer.
 */
export function orderByRules(
  claim: Claim,
  billed: Pick<PayerProfile, 'id' | 'kind'>,
  kindOf: (payerId: string) => Coverage['kind'] = defaultKind,
): { first: string; reason: string } | null {
  // Medicare and Medicaid cover the beneficiary in their own right: their order against another
  // payer's facts (MSP, payer of last resort) needs no facts about the payer billed.
  // See: MSP Manual (Pub. 100-05) ch. 1 §10; SSA §1902(a)(25).
  const facts =
    claim.coverage ??
    (billed.kind === 'medicare' || billed.kind === 'medicaid'
      ? { relation: 'self' as const }
      : null);
  const others = (claim.otherPayers ?? []).filter((o) => o.coverage);
  if (!facts || others.length === 0) return null;
  const cov = (
    payerId: string,
    kind: Coverage['kind'],
    f: NonNullable<Claim['coverage']>,
  ): Coverage => ({
    payerId,
    kind,
    relation: f.relation,
    since: f.since ?? '1900-01-01',
    ...(f.holderBirthDate ? { holderBirthDate: f.holderBirthDate } : {}),
    ...(f.employerGroup ? { employerGroup: f.employerGroup } : {}),
    ...(f.accidentCoverage ? { accidentCoverage: true } : {}),
  });
  const mine = cov(billed.id, billed.kind, facts);
  const all = [mine, ...others.map((o) => cov(o.payerId, kindOf(o.payerId), o.coverage!))];
  const age = ageOn(claim.patient.birthDate, claim.serviceDate);
  const first = coordinationOrder(all, Number.isFinite(age) ? age : 0)[0]!;
  return { first: first.payerId, reason: orderReason(first, mine, age) };
}

function orderReason(first: Coverage, billed: Coverage, age: number): string {
  if (first.payerId === billed.payerId) return 'the payer billed is primary';
  if (billed.kind === 'medicaid') return 'Medicaid pays last (payer of last resort)';
  if (billed.kind === 'medicare' && primaryOverMedicare(first, age))
    return first.accidentCoverage
      ? 'accident coverage (workers’ compensation, no-fault or liability) pays before Medicare'
      : age >= 65
        ? 'Medicare Secondary Payer: a group health plan through current employment with 20 or more employees pays before Medicare for a beneficiary aged 65 or over'
        : 'Medicare Secondary Payer: a large group health plan (100 or more employees) through current employment pays before Medicare for a disabled beneficiary under 65';
  if (first.kind === 'medicare') return 'Medicare pays before this plan for this beneficiary';
  if (first.relation === 'self' && billed.relation !== 'self')
    return 'the plan covering the patient as its subscriber pays before the plan covering them as a dependent or spouse';
  if (first.relation === 'dependent' && billed.relation === 'dependent') {
    const [a] = birthdayRule(first, billed);
    const md = (c: Coverage) => (c.holderBirthDate ?? '').slice(5);
    return a.payerId === first.payerId && md(first) !== md(billed)
      ? `birthday rule: the policyholder of ${first.payerId} has the earlier birthday in the year (${md(first)} before ${md(billed)})`
      : `birthday rule: both policyholders share a birthday, so the plan that has covered its policyholder longer (${first.payerId}) pays first`;
  }
  return 'order of benefit determination (NAIC COB rules)';
}

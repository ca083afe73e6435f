/**
 * The payer's own claim-level checks, made at receipt from its profile: timely filing, prior
 * authorization, coordination of benefits, and whether it takes replacement claims. They
 * return findings from the public registry so the trainee sees the same ids the scrubber uses.
 * See: DOMAIN.md §5 and §8; Medicare Claims Processing Manual ch. 1 §70 (timely filing) and
 * ch. 34 (reopenings instead of replacement claims).
 */
import type { Claim } from '../claim/claim';
import { isDate as isIsoDate, plusDays as addDays, plusMonths as addMonths } from './calendar';
import type { Finding } from '../findings';
import { datedOn, type PayerProfile } from './profile';

export interface CobState {
  /** Another payer is primary for this member on the date (eligibility, MSP or birthday rule). */
  otherPayerPrimary?: { payerId: string; reason: string } | null;
}

export function filingDeadline(
  p: PayerProfile,
  serviceDate: string,
): { deadline: string; source: string } {
  const tf = datedOn(p.timelyFiling, serviceDate);
  const deadline =
    tf.value.unit === 'months'
      ? addMonths(serviceDate, tf.value.amount)
      : addDays(serviceDate, tf.value.amount);
  return { deadline, source: tf.source };
}

export function payerChecks(
  claim: Claim,
  p: PayerProfile,
  received: string,
  opts: {
    authorizations?: readonly string[] | undefined;
    cob?: CobState | undefined;
    hasPrimaryRemit: boolean;
  },
): Finding[] {
  const out: Finding[] = [];
  const dos = claim.serviceDate;
  if (isIsoDate(dos) && isIsoDate(received)) {
    const { deadline, source } = filingDeadline(p, dos);
    if (received > deadline)
      out.push({
        id: 'filing.timely',
        severity: 'error',
        line: null,
        codes: [],
        message: `Received ${received}, after the ${p.name} filing limit of ${deadline} for service on ${dos}.`,
        reference: source,
      });
  }
  claim.lines.forEach((l, i) => {
    const date = l.serviceDate ?? dos;
    const rule = p.priorAuth.find(
      (r) =>
        r.procedures.includes(l.code) &&
        (!r.effective || r.effective <= date) &&
        (!r.terminated || date <= r.terminated),
    );
    if (!rule) return;
    const known = opts.authorizations;
    if (!claim.priorAuthNumber || (known && !known.includes(claim.priorAuthNumber)))
      out.push({
        id: 'auth.missing',
        severity: 'error',
        line: i + 1,
        codes: [l.code],
        message: claim.priorAuthNumber
          ? `Authorization ${claim.priorAuthNumber} is not on file for ${l.code} (${rule.title}).`
          : `${l.code} needs prior authorization (${rule.title}) and the claim has no authorization number.`,
        reference: rule.source,
        field: 'priorAuthNumber',
      });
  });
  const other = opts.cob?.otherPayerPrimary;
  if (other && !opts.hasPrimaryRemit)
    out.push({
      id: 'cob.other-payer-primary',
      severity: 'error',
      line: null,
      codes: [],
      message: `${other.payerId} is primary (${other.reason}); bill it first and send its remittance with this claim.`,
      reference:
        'NAIC Coordination of Benefits Model Regulation; Medicare Secondary Payer Manual (Pub. 100-05)',
    });
  if (claim.frequency !== '1' && p.corrections === 'reopening')
    out.push({
      id: 'claim.invalid-field',
      severity: 'error',
      line: null,
      codes: [],
      field: 'frequency',
      message: `${p.name} does not take replacement or void claims (frequency ${claim.frequency}); request a reopening for a clerical error or send a new claim.`,
      reference:
        'Medicare Claims Processing Manual (Pub. 100-04) ch. 34 (reopening and revision of claim determinations)',
      suggestion: 'Send the corrected claim with frequency 1, or request a reopening.',
    });
  if (claim.frequency === '8' && p.corrections !== 'reopening')
    out.push({
      id: 'claim.invalid-field',
      severity: 'error',
      line: null,
      codes: [],
      field: 'frequency',
      message:
        'Void claims (frequency 8) are not simulated yet: ClaimLab cannot reverse the original payment.',
      reference: 'X12 005010X222A1 CLM05-3',
    });
  return out;
}

/**
 * The payer's own claim-level checks, made at receipt from its profile: timely filing, prior
 * authorization, coordination of benefits, and whether it takes replacement claims. They
 * return findings from the public registry so the trainee sees the same ids the scrubber uses.
 * See: DOMAIN.md §5 and §8; Medicare Claims Processing Manual ch. 1 §70 (timely filing) and
 * ch. 34 (reopenings instead of replacement claims).
 */
import type { Claim } from '../claim/claim';
import { plusDays as addDays, plusMonths as addMonths } from '../time/calendar';
import { isIsoDate } from '../time/dates';
import type { Finding } from '../findings';
import { datedOn, type PayerProfile } from './profile';
import type { Remittance } from './remittance/remittance';

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
    /** The payer's record of the claim a frequency 7/8 names (null when it has none). */
    original?: Remittance | null;
    /** This is a Medicare reopening (reopening.ts), not a claim. */
    reopening?: boolean;
  },
): Finding[] {
  const out: Finding[] = [];
  const dos = claim.serviceDate;
  // A void only takes money back: filing limits and authorizations do not apply to it.
  const isVoid = claim.frequency === '8' && !opts.reopening;
  // A reopening revises the original claim: the filing limit is judged on when the original
  // was received (its own time limits are checked by `reopen`).
  const filed = opts.reopening ? (opts.original?.receivedDate ?? '') : received;
  if (!isVoid && isIsoDate(dos) && isIsoDate(filed)) {
    const { deadline, source } = filingDeadline(p, dos);
    if (filed > deadline)
      out.push({
        id: 'filing.timely',
        severity: 'error',
        line: null,
        codes: [],
        message: `Received ${filed}, after the ${p.name} filing limit of ${deadline} for service on ${dos}.`,
        reference: source,
      });
  }
  if (!isVoid)
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
  if (claim.frequency !== '1' && p.corrections === 'reopening' && !opts.reopening)
    out.push({
      id: 'claim.invalid-field',
      severity: 'error',
      line: null,
      codes: [],
      field: 'frequency',
      message: `${p.name} does not take replacement or void claims (frequency ${claim.frequency}); request a reopening of claim ${claim.originalClaimId ?? '(its payer claim number)'} for a clerical error, or send a new claim for services never billed.`,
      reference:
        'Medicare Claims Processing Manual (Pub. 100-04) ch. 34 (reopening and revision of claim determinations)',
      suggestion: 'Request a reopening (claimlab reopen), or send a new claim with frequency 1.',
    });
  else if (claim.frequency !== '1' && p.corrections === 'frequency-7-8') {
    const o = opts.original;
    const what = claim.frequency === '7' ? 'replacement' : 'void';
    const problem = !o
      ? `${p.name} has no adjudicated claim "${claim.originalClaimId ?? ''}" for this ${what} (originalClaimId must be the payer claim number, or the claim id, of a claim it adjudicated)`
      : o.status === 'rejected'
        ? `claim ${o.claimId} was rejected at the front end and never adjudicated: there is nothing to ${what === 'void' ? 'void' : 'replace'}; send the fixed claim as a new claim (frequency 1)`
        : o.status === 'voided'
          ? `claim ${o.claimId} is a void; it cannot be ${what === 'void' ? 'voided' : 'replaced'}`
          : o.payerId !== p.id
            ? `claim ${o.claimId} was adjudicated by ${o.payerName}, not ${p.name}`
            : o.patient.memberId !== null && o.patient.memberId !== claim.patient.memberId
              ? `claim ${o.claimId} is for member ${o.patient.memberId ?? '(none)'}, not ${claim.patient.memberId ?? '(none)'}`
              : null;
    if (problem)
      out.push({
        id: 'claim.original-not-found',
        severity: 'error',
        line: null,
        codes: [],
        field: 'originalClaimId',
        message: `${problem[0]!.toUpperCase()}${problem.slice(1)}.`,
        reference:
          'X12 005010X222A1 2300 CLM05-3 and REF*F8 (payer claim control number of the claim replaced or voided); NUCC 1500 item 22',
      });
  }
  return out;
}

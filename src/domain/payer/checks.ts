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
import { nextBusinessDay } from '../time/holidays';
import { dedupeFindings, type Finding } from '../findings';
import { orderFindings } from '../edits/finding-kit';
import { authFindings, necessityFindings, timelyFindings } from '../edits/policy';
import { exclusionFindings, type StatusN } from '../edits/exclusions';
import { jzRequiredFindings } from '../edits/drug-wastage';
import { invalidForMedicareFindings } from '../edits/medicare-codes';
import { telehealthFindings } from '../edits/telehealth';
import type { TimelyFilingRule } from '../edits/policy-types';
import { policyOf } from './policy';
import { linePolicyFindings } from './line-policies';
import { pricingFindings } from './pricing-checks';
import type { FeeSources } from './pricing/fees';
import { cobFromClaim } from './coordination/prior';
import { datedOn, type PayerProfile } from './profile';
import type { Remittance } from './remittance/remittance';

export interface CobState {
  /** Another payer is primary for this member on the date (eligibility, MSP or birthday rule). */
  otherPayerPrimary?: { payerId: string; reason: string } | null;
}

/**
 * A scrub's findings with the claim's payer's own policy findings added (once each, in order):
 * what `claimlab check` and the app's Scrub report, so they predict what `adjudicate` applies.
 */
export function withPayerChecks(
  claim: Claim,
  findings: readonly Finding[],
  payer: PayerProfile | undefined,
  /** Medicare PFS status N codes no pack table prices (edits/exclusions.ts `statusNFrom`). */
  statusN?: StatusN,
  /**
   * The fee sources `adjudicate` prices with: when given, the surgical-team denials its pricing
   * makes (assistant, co-surgeon, team; codes its fee schedule does not price: pricing-checks.ts) are predicted too.
   */
  fees?: FeeSources,
): Finding[] {
  if (!payer) return [...findings];
  const checked = dedupeFindings([
    ...findings,
    ...payerChecksBeforeSubmission(claim, payer, statusN),
  ]);
  // The line policies (modifier rules) on top, as `adjudicate` applies them after the findings.
  const policies = [...checked, ...linePolicyFindings(claim, payer, checked)];
  // Then what pricing denies on the lines still payable (surgical-team indicators, unpriced codes).
  if (fees) policies.push(...pricingFindings(claim, payer, fees, policies));
  return orderFindings(policies);
}

/**
 * The payer's policy findings as the scrubber predicts them before the claim is sent: received
 * on its submission date (as `adjudicate` assumes when no receipt date is given), coordination
 * of benefits from the claim's own other-payer data, no record of earlier claims.
 */
export function payerChecksBeforeSubmission(
  claim: Claim,
  p: PayerProfile,
  statusN?: StatusN,
): Finding[] {
  const cob = cobFromClaim(claim, undefined, p);
  const received = isIsoDate(claim.submissionDate) ? claim.submissionDate : claim.serviceDate;
  return payerChecks(claim, p, received, {
    ...(cob ? { cob } : {}),
    hasPrimaryRemit: cob?.primary !== undefined && cob.primary.status !== 'rejected',
    scrub: true,
    ...(statusN ? { statusN } : {}),
  });
}

export function filingDeadline(
  p: PayerProfile,
  serviceDate: string,
): { deadline: string; source: string } {
  const tf = datedOn(p.timelyFiling, serviceDate);
  const last =
    tf.value.unit === 'months'
      ? addMonths(serviceDate, tf.value.amount)
      : addDays(serviceDate, tf.value.amount);
  const deadline = tf.value.rollToWorkday ? nextBusinessDay(last) : last;
  return { deadline, source: tf.source };
}

/** The filing limit in force on a date of service (the first entry before any entry starts). */
const timelyRules = new WeakMap<object, TimelyFilingRule>();
const rulesOn = new WeakMap<PayerProfile, (date: string) => TimelyFilingRule>();
function timelyRuleOn(p: PayerProfile): (date: string) => TimelyFilingRule {
  let f = rulesOn.get(p);
  if (f) return f;
  f = (date) => {
    const tf = datedOn(p.timelyFiling, date);
    let r = timelyRules.get(tf);
    if (!r) {
      r = {
        effective: tf.from,
        terminated: tf.to ?? null,
        source: tf.source,
        ...(tf.value.unit === 'months' ? { months: tf.value.amount } : { days: tf.value.amount }),
        ...(tf.value.rollToWorkday ? { rollToWorkday: true } : {}),
      };
      timelyRules.set(tf, r);
    }
    return r;
  };
  rulesOn.set(p, f);
  return f;
}

/**
 * The payer's policy findings for a claim it receives on `received`: timely filing, prior
 * authorization, medical necessity (edits/policy.ts: the same functions the scrubber runs),
 * coordination of benefits and whether it takes this kind of correction. `claimlab check` and
 * `adjudicate` both call this, so the scrubber predicts exactly what the payer applies.
 */
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
    /** Scrubbing before submission: the payer's record of earlier claims is not known. */
    scrub?: boolean;
    /** Medicare PFS status N codes no pack table prices (edits/exclusions.ts `statusNFrom`). */
    statusN?: StatusN | undefined;
  },
): Finding[] {
  const out: Finding[] = [];
  // A void only takes money back: filing limits, authorizations and coverage do not apply to it.
  const isVoid = claim.frequency === '8' && !opts.reopening;
  // A reopening revises the original claim: the filing limit is judged on when the original
  // was received (its own time limits are checked by `reopen`).
  const filed = opts.reopening ? (opts.original?.receivedDate ?? '') : received;
  if (!isVoid && isIsoDate(claim.serviceDate)) {
    const policy = policyOf(p);
    out.push(
      ...timelyFindings(claim, p.name, filed, timelyRuleOn(p)),
      ...authFindings(claim, policy, opts.authorizations),
      ...necessityFindings(claim, policy),
      // Statutory and plan exclusions, on the facts adjudicate.ts denies them on.
      ...exclusionFindings(claim, p, opts.statusN),
      // Medicare's JZ/JW requirement on single-dose container drugs (edits/drug-wastage.ts).
      ...jzRequiredFindings(claim, p.kind),
      // Codes Medicare does not recognise (consultations: edits/medicare-codes.ts).
      ...invalidForMedicareFindings(claim, p.kind, opts.statusN?.statusI),
      // Services never on the Medicare telehealth list at POS 02/10 (edits/telehealth.ts).
      ...telehealthFindings(claim, p.kind),
    );
  }
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
  else if (claim.frequency !== '1' && p.corrections === 'frequency-7-8' && !opts.scrub) {
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

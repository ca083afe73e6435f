/**
 * The remittance model (what an 835 carries, plus what the simulator tracks) and its public
 * JSON form: the `claimlab adjudicate` contract (issue 2). Money is cents inside and decimal
 * strings in JSON. Fields may be added to the JSON, never removed.
 * See: X12 005010X221A1 (835) loops 2100 (CLP/CAS/MOA) and 2110 (SVC/CAS/AMT/LQ).
 */
import type { Accumulators, Claim, ClaimLine } from '../../claim/claim';
import { findingJson, type Finding } from '../../findings';
import { cents, formatMoney, sum, type Cents } from '../../money';
import { NON_DENIAL_CARCS, type GroupCode } from './codes';
import type { BalanceBillingProtection } from '../cost-sharing/qmb';

/** 'voided': a frequency-8 void (or a reopening that removes every line) was processed: the
 * original payment is reversed and nothing new is paid. */
export type ClaimStatus = 'paid' | 'partially-paid' | 'denied' | 'rejected' | 'voided';

export interface Adjustment {
  group: GroupCode;
  carc: string;
  amount: Cents;
}

export interface RemitLine {
  /** 1-based claim line. */
  line: number;
  code: string;
  modifiers: string[];
  units: number;
  serviceDate: string;
  billed: Cents;
  allowed: Cents;
  paid: Cents;
  adjustments: Adjustment[];
  /** RARCs, e.g. ["N362", "MA01"]. */
  remarks: string[];
  /**
   * Set to 'patient' when the payer sent this line's payment to the beneficiary (a Medicare
   * claim the non-participating provider did not accept assignment on): `paid` is still what the
   * payer paid, but the provider was paid nothing for it, and the 835 to the provider shows it
   * as OA-100 (payment made to the patient) with SVC03 0.
   * See: Pub. 100-04 ch. 1 §30.3 (assignment), ch. 12 §30.3.12; CARC 100, RARC MA28.
   */
  paidTo?: 'patient';
  /** How the allowed amount was found (fee source and rules), when priced. */
  pricing?: { feeSchedule: Cents; source: string; rules: string[]; limitingCharge: Cents | null };
}

export interface AppealRight {
  level: number;
  name: string;
  /** Last day to file (ISO), counting the presumed-receipt days. */
  deadline: string;
  amountInControversy: Cents | null;
  source: string;
}

/**
 * The take-back of an earlier adjudication: a replacement (frequency 7), a void (8) or a
 * Medicare reopening reverses the original claim in full (835 CLP02 = 22, every amount negated)
 * before the corrected claim is adjudicated as new. The deductible and out-of-pocket amounts
 * the original used are given back to the member's accumulators.
 * See: X12 005010X221A1 §1.10.2.8 (reversals and corrections); Pub. 100-04 ch. 34 (reopenings).
 */
export interface Reversal {
  /** The original claim's own id (CLP01 of its 835) and payer claim number (CLP07). */
  claimId: string;
  payerClaimNumber: string;
  /** The original's lines with every amount negated. */
  lines: RemitLine[];
  totals: { billed: Cents; allowed: Cents; paid: Cents; patientResponsibility: Cents };
  /** Given back to the accumulators: PR-1 (deductible) and PR-1/2/3 (out of pocket). */
  credits: { deductible: Cents; outOfPocket: Cents };
}

/** How a Medicare reopening was asked for (the remittance of a reopened claim carries it). */
export interface ReopeningInfo {
  requestDate: string;
  reason: 'clerical-error' | 'good-cause';
  /** What changed, in plain words (line 1: units 2 -> 1). */
  changes: string[];
}

export interface Remittance {
  claimId: string;
  payerId: string;
  payerName: string;
  status: ClaimStatus;
  /** The payer's claim number (Medicare ICN); null when rejected (never entered adjudication). */
  payerClaimNumber: string | null;
  frequency: '1' | '7' | '8';
  originalClaimId: string | null;
  /** 1 primary, 2 secondary (835 CLP02 1 / 2). */
  payerSequence: 1 | 2;
  claimFilingIndicator: string;
  receivedDate: string;
  /** Date of the remittance (received + processing days). */
  remitDate: string;
  lines: RemitLine[];
  totals: { billed: Cents; allowed: Cents; paid: Cents; patientResponsibility: Cents };
  /** Claim-level remarks (MA130 on a rejection). */
  claimRemarks: string[];
  /**
   * A claim returned as unprocessable (front-end rejection): the claim-level adjustment Medicare
   * reports for it, CO-16 for the whole charge, with MA130 and the field's remark in
   * `claimRemarks`. See: Pub. 100-04 ch. 1 §80.3.2 (return as unprocessable: CARC 16 + MA130).
   */
  claimAdjustments?: Adjustment[];
  findings: Finding[];
  accumulatorsBefore: Accumulators;
  accumulatorsAfter: Accumulators;
  appeal: AppealRight | null;
  patient: { memberId: string | null; firstName?: string; lastName?: string };
  providerNpi: string;
  /** The original claim taken back (replacement, void or reopening), or null. */
  reversal: Reversal | null;
  /** Set when this remittance is the outcome of a Medicare reopening. */
  reopening: ReopeningInfo | null;
  /** Place of service (835 CLP08 facility code), when known. */
  pos?: string;
  /** The benefit year the accumulators count in (its first day), when the payer says. */
  benefitYear?: string;
  /**
   * Set when the law bars billing the patient for the PR cost sharing (a QMB): the PR amounts
   * stay in the 835 (another payer, Medicaid, is asked for them) but the patient owes only
   * `patientOwes`. See: qmb.ts.
   */
  balanceBilling?: BalanceBillingProtection;
}

/** What the payer sent the beneficiary instead of the provider (non-assigned lines). */
export const paidToPatient = (lines: readonly Pick<RemitLine, 'paid' | 'paidTo'>[]): Cents =>
  sum(lines.filter((l) => l.paidTo === 'patient').map((l) => l.paid));

/** What the provider is paid on these lines (the 835's SVC03 / CLP04). */
export const paidToProvider = (
  lines: readonly Pick<RemitLine, 'paid' | 'paidTo'>[],
  paid: Cents,
): Cents => cents(paid - paidToPatient(lines));

/**
 * What the provider receives for this remittance: new payment minus the amount taken back,
 * neither counting what was paid to the beneficiary (non-assigned claims).
 */
export const netPaid = (
  r: Pick<Remittance, 'totals' | 'reversal'> & { lines?: RemitLine[] },
): Cents =>
  cents(
    paidToProvider(r.lines ?? [], r.totals.paid) +
      (r.reversal ? paidToProvider(r.reversal.lines, r.reversal.totals.paid) : 0),
  );

/**
 * A remittance read from outside the adjudicator (an 835, another payer's decision on a claim):
 * what the source does not carry (accumulators, findings, appeal rights, remarks) left empty.
 */
export function remittanceOf(
  p: Pick<Remittance, 'claimId' | 'payerId' | 'payerName' | 'status' | 'payerClaimNumber'> &
    Partial<Remittance>,
): Remittance {
  const zero = () => ({ deductibleMet: cents(0), outOfPocketMet: cents(0) });
  const lines = p.lines ?? [];
  return {
    frequency: '1',
    originalClaimId: null,
    payerSequence: 1,
    claimFilingIndicator: '',
    receivedDate: '',
    remitDate: '',
    claimRemarks: [],
    findings: [],
    accumulatorsBefore: zero(),
    accumulatorsAfter: zero(),
    appeal: null,
    patient: { memberId: null },
    providerNpi: '',
    reversal: null,
    reopening: null,
    ...p,
    lines,
    totals: p.totals ?? totalsOf(lines),
  };
}

/** A claim line as the payer first sees it: billed, nothing allowed, paid or adjusted yet. */
export function openLine(claim: Pick<Claim, 'serviceDate'>, l: ClaimLine, i: number): RemitLine {
  return {
    line: i + 1,
    code: l.code,
    modifiers: l.modifiers,
    units: l.units,
    serviceDate: l.serviceDate ?? claim.serviceDate,
    billed: l.charge,
    allowed: cents(0),
    paid: cents(0),
    adjustments: [],
    remarks: [],
  };
}

/** Adjustments grouped by group code in order of first appearance (the 835 takes one CAS per group). */
export function groupAdjustments(adjs: readonly Adjustment[]): Adjustment[] {
  // Fast path: already grouped (each group's entries are contiguous).
  let grouped = true;
  for (let i = 2; i < adjs.length && grouped; i++)
    if (adjs[i]!.group !== adjs[i - 1]!.group)
      for (let j = 0; j < i - 1; j++) if (adjs[j]!.group === adjs[i]!.group) grouped = false;
  if (grouped) return adjs as Adjustment[];
  const order: GroupCode[] = [];
  for (const a of adjs) if (!order.includes(a.group)) order.push(a.group);
  return order.flatMap((g) => adjs.filter((a) => a.group === g));
}

export const lineIsDenied = (l: Pick<RemitLine, 'allowed' | 'adjustments'>): boolean =>
  l.allowed === 0 && l.adjustments.some((a) => !NON_DENIAL_CARCS.has(a.carc));

export const patientResponsibility = (adjs: readonly Adjustment[]): Cents =>
  sum(adjs.filter((a) => a.group === 'PR').map((a) => a.amount));

/** paid | partially-paid | denied from the lines (a rejection is decided before adjudication). */
export function statusOf(
  lines: readonly Pick<RemitLine, 'allowed' | 'adjustments'>[],
): ClaimStatus {
  const denied = lines.filter(lineIsDenied).length;
  if (lines.length > 0 && denied === lines.length) return 'denied';
  return denied > 0 ? 'partially-paid' : 'paid';
}

export function totalsOf(lines: readonly RemitLine[]): Remittance['totals'] {
  let billed = 0;
  let allowed = 0;
  let paid = 0;
  let pr = 0;
  for (const l of lines) {
    billed += l.billed;
    allowed += l.allowed;
    paid += l.paid;
    for (const a of l.adjustments) if (a.group === 'PR') pr += a.amount;
  }
  return {
    billed: cents(billed),
    allowed: cents(allowed),
    paid: cents(paid),
    patientResponsibility: cents(pr),
  };
}

/** Line balance: billed = paid + every adjustment. See: DOMAIN.md §6. */
export const lineBalances = (l: RemitLine): boolean =>
  l.billed === l.paid + l.adjustments.reduce((a, x) => a + x.amount, 0);

const m = formatMoney;

function lineJson(l: RemitLine) {
  return {
    line: l.line,
    code: l.code,
    billed: m(l.billed),
    allowed: m(l.allowed),
    paid: m(l.paid),
    adjustments: l.adjustments.map((a) => ({ group: a.group, carc: a.carc, amount: m(a.amount) })),
    remarks: l.remarks,
    modifiers: l.modifiers,
    units: l.units,
    serviceDate: l.serviceDate,
    ...(l.paidTo ? { paidTo: l.paidTo } : {}),
    ...(l.pricing
      ? {
          feeSchedule: m(l.pricing.feeSchedule),
          pricingSource: l.pricing.source,
          pricingRules: l.pricing.rules,
          ...(l.pricing.limitingCharge === null
            ? {}
            : { limitingCharge: m(l.pricing.limitingCharge) }),
        }
      : {}),
  };
}

const totalsJson = (t: Remittance['totals']) => ({
  billed: m(t.billed),
  allowed: m(t.allowed),
  paid: m(t.paid),
  patientResponsibility: m(t.patientResponsibility),
});

/** The remittance JSON's keys before `findings` (remittanceJson, remittanceText). */
function remittanceHead(r: Remittance) {
  return {
    claimId: r.claimId,
    status: r.status,
    lines: r.lines.map(lineJson),
    totals: totalsJson(r.totals),
  };
}

/** The remittance JSON's keys after `findings` (remittanceJson, remittanceText). */
function remittanceTail(r: Remittance) {
  return {
    payerId: r.payerId,
    payerClaimNumber: r.payerClaimNumber,
    memberId: r.patient.memberId,
    claimRemarks: r.claimRemarks,
    ...(r.claimAdjustments?.length
      ? {
          claimAdjustments: r.claimAdjustments.map((a) => ({
            group: a.group,
            carc: a.carc,
            amount: m(a.amount),
          })),
        }
      : {}),
    receivedDate: r.receivedDate,
    remitDate: r.remitDate,
    accumulatorsBefore: {
      deductibleMet: m(r.accumulatorsBefore.deductibleMet),
      outOfPocketMet: m(r.accumulatorsBefore.outOfPocketMet),
    },
    accumulatorsAfter: {
      deductibleMet: m(r.accumulatorsAfter.deductibleMet),
      outOfPocketMet: m(r.accumulatorsAfter.outOfPocketMet),
    },
    appealDeadline: r.appeal?.deadline ?? null,
    frequency: r.frequency,
    originalClaimId: r.originalClaimId,
    netPaid: m(netPaid(r)),
    // Non-assigned (Medicare): the payment went to the beneficiary, none of it to the provider.
    ...(r.lines.some((l) => l.paidTo === 'patient')
      ? {
          paidTo: r.lines.every((l) => l.paidTo === 'patient' || l.paid === 0)
            ? ('patient' as const)
            : ('provider-and-patient' as const),
          paidToProvider: m(paidToProvider(r.lines, r.totals.paid)),
          paidToPatient: m(paidToPatient(r.lines)),
        }
      : {}),
    ...(r.benefitYear ? { benefitYear: r.benefitYear } : {}),
    // QMB: the PR amounts are Medicare cost sharing the provider may not bill the patient for.
    ...(r.balanceBilling
      ? {
          patientMayBeBilled: r.balanceBilling.patientOwes > 0,
          patientOwes: m(r.balanceBilling.patientOwes),
          balanceBilling: {
            reason: r.balanceBilling.reason,
            dualStatus: r.balanceBilling.dualStatus,
            protectedAmount: m(r.balanceBilling.protectedAmount),
            source: r.balanceBilling.source,
          },
        }
      : {}),
    reversal: r.reversal
      ? {
          claimId: r.reversal.claimId,
          payerClaimNumber: r.reversal.payerClaimNumber,
          lines: r.reversal.lines.map(lineJson),
          totals: totalsJson(r.reversal.totals),
          credits: {
            deductible: m(r.reversal.credits.deductible),
            outOfPocket: m(r.reversal.credits.outOfPocket),
          },
        }
      : null,
    reopening: r.reopening,
    appeal: r.appeal
      ? {
          level: r.appeal.level,
          name: r.appeal.name,
          deadline: r.appeal.deadline,
          amountInControversy:
            r.appeal.amountInControversy === null ? null : m(r.appeal.amountInControversy),
          source: r.appeal.source,
        }
      : null,
  };
}
/** The public JSON object printed by `claimlab adjudicate` (one per claim). */
export function remittanceJson(r: Remittance) {
  return {
    ...remittanceHead(r),
    findings: r.findings.map(findingJson),
    ...remittanceTail(r),
  };
}

/** A finding's JSON text, with the fields it was written from (findingText). */
interface FindingText {
  id: string;
  severity: string;
  line: number | null;
  codes: readonly string[];
  reference: string;
  suggestion: string | undefined;
  text: string;
}

/**
 * Finding JSON texts by message (a batch repeats the same findings claim after claim, and they
 * are most of a remittance's text): a hit is a finding whose every written field is the same
 * (===) as the one the text was written from. Bounded: emptied when full.
 */
const findingTexts = new Map<string, FindingText>();
const FINDING_TEXTS_MAX = 4096;

const sameCodes = (a: readonly string[], b: readonly string[]): boolean => {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/** Only a finding of plain values (the types' own) is kept: === then means the same text. */
const cacheable = (f: Finding): boolean =>
  typeof f.message === 'string' &&
  typeof f.id === 'string' &&
  typeof f.severity === 'string' &&
  typeof f.reference === 'string' &&
  (f.line === null || typeof f.line === 'number') &&
  (f.suggestion === undefined || typeof f.suggestion === 'string') &&
  Array.isArray(f.codes) &&
  f.codes.every((c) => typeof c === 'string');

function findingText(f: Finding): string {
  const c = findingTexts.get(f.message);
  if (
    c !== undefined &&
    c.id === f.id &&
    c.severity === f.severity &&
    c.line === f.line &&
    c.reference === f.reference &&
    c.suggestion === f.suggestion &&
    sameCodes(c.codes, f.codes)
  )
    return c.text;
  const text = JSON.stringify(findingJson(f));
  if (cacheable(f)) {
    if (findingTexts.size >= FINDING_TEXTS_MAX) findingTexts.clear();
    findingTexts.set(f.message, {
      id: f.id,
      severity: f.severity,
      line: f.line,
      codes: [...f.codes],
      reference: f.reference,
      suggestion: f.suggestion,
      text,
    });
  }
  return text;
}

/**
 * `JSON.stringify(remittanceJson(r))`, byte for byte, with each finding's text written once per
 * distinct finding (what `claimlab adjudicate` prints per claim; issue 11).
 */
export function remittanceText(r: Remittance): string {
  const head = JSON.stringify(remittanceHead(r));
  const tail = JSON.stringify(remittanceTail(r));
  let findings = '';
  for (let i = 0; i < r.findings.length; i++)
    findings += (i === 0 ? '' : ',') + findingText(r.findings[i]!);
  return `${head.slice(0, -1)},"findings":[${findings}],${tail.slice(1)}`;
}

export type RemittanceJson = ReturnType<typeof remittanceJson>;

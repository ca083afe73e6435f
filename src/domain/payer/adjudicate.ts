/**
 * Adjudication: one claim in, one remittance out. Pure and deterministic: the payer profile,
 * fee data, edit function, seed and the simulated receipt date all come in through the context.
 * Order: front-end rejection → claim- and line-level denials → pricing → cost sharing →
 * payment (sequestration) → coordination of benefits. Every line balances:
 * billed = paid + Σ adjustments, and patient responsibility = Σ PR.
 * See: DOMAIN.md §1 step 6, §5–§7; Medicare Claims Processing Manual ch. 1 §80.3 and ch. 12.
 */
import type { Accumulators, Claim } from '../claim/claim';
import { plusDays as addDays } from '../time/calendar';
import { isIsoDate } from '../time/dates';
import { dedupeFindings, type Finding } from '../findings';
import { cents, mulRound, sum, type Cents } from '../money';
import type { PayerPolicy } from '../edits/policy-types';
import { planServiceCategory, serviceCategory } from './cost-sharing/categories';
import { colorectalFollowOn } from './cost-sharing/preventive';
import { planPreventive } from './cost-sharing/plan-benefits';
import { payerChecks, type CobState } from './checks';
import { costShare, type AccumulatorState } from './cost-sharing/cost-sharing';
import { fieldRemark, isRejection, type Denial } from './remittance/denials';
import { normaliseLocality, type FeeSources } from './pricing/fees';
import { payerFee } from './pricing/fee-lookup';
import { aspAmount, aspFor, aspSource } from './pricing/asp';
import {
  applyPaymentRules,
  type LineToPrice,
  type MedicareFee,
  type PricedLine,
} from './pricing/pricing';
import { behaviourOn, valueOn, type Behaviour, type PayerProfile } from './profile';
import { addQmbRemarks, hasQmbProtection, qmbProtection } from './cost-sharing/qmb';
import { hash32, rng } from '../random/seeded';
import { payerClaimNumber } from './remittance/claim-number';
import { policyOf } from './policy';
import { applyLinePolicies, findingDenials } from './line-policies';
import { documentationSent } from './modifier-policy';
import { applySecondary } from './coordination/cob';
import { acceptsAssignment } from './cost-sharing/assignment';
import { appealLevels } from './corrections/appeals';
import { creditBack, reversalOf, reversible } from './corrections/reversal';
import { benefitYearOf } from './cost-sharing/benefit-year';
import { statusNFrom } from '../edits/exclusions';
import { medicareShareFor } from '../claim/rendering-provider';
import { INVALID_FOR_MEDICARE_DENIAL } from '../edits/medicare-codes';
import {
  groupAdjustments,
  openLine,
  statusOf,
  totalsOf,
  type Adjustment,
  type AppealRight,
  type RemitLine,
  type Remittance,
  type ReopeningInfo,
  type Reversal,
} from './remittance/remittance';

export interface AdjudicationContext {
  payer: PayerProfile;
  fees: FeeSources;
  /** Simulated date the payer receives the claim; defaults to the claim's submission date. */
  receivedDate?: string;
  /** Mixed with the payer's own seed for its random choices (documentation requests). */
  seed?: number;
  /**
   * false: no seeded documentation requests (CO-16 + M127 by chance). An answer key in a pack is
   * judged on the rules, not on the draw (pack validate); the simulation keeps them.
   */
  randomReview?: boolean;
  /** Findings already known (parseClaim's claim.* findings, or a precomputed scrub). */
  findings?: readonly Finding[];
  /** The edit engine, called with this payer's policy (e.g. `(c, policy) => scrub(c, { catalog, policy })`). */
  edits?: (claim: Claim, policy: PayerPolicy) => Finding[];
  /** Benefit-year accumulators before this claim; defaults to the claim's own. */
  accumulators?: Accumulators;
  /** Valid prior-authorization numbers on file (CO-197 with M62 when the claim's number is not one). */
  authorizations?: readonly string[];
  /**
   * The payer's record of the claim a replacement (frequency 7) or void (8) names in
   * originalClaimId, or that a reopening revises: it is reversed before the new adjudication.
   * Without it a replacement or void is rejected (the payer cannot find the original).
   */
  original?: Remittance;
  /** Set by `reopen` (reopening.ts): the corrected claim is a Medicare reopening, not a claim. */
  reopening?: ReopeningInfo;
  /**
   * Set by `effectuateAppeal` (corrections/appeal-effectuation.ts): a decision in the provider's
   * favour overturned the denials of `original`; the claim is reprocessed without them.
   */
  appealDecision?: { level: number; name: string; decidedOn: string };
  cob?: CobState & {
    /** The primary payer's remittance: this payer then adjudicates as secondary. */
    primary?: Remittance;
  };
}

/**
 * Policy findings the payer makes itself (payerChecks, with its receipt date and the
 * authorizations on file): the edit engine's copies, run with the same policy, are dropped so
 * each finding is reported once.
 */
const PAYER_OWN: ReadonlySet<string> = new Set([
  'filing.timely',
  'auth.missing',
  'coverage.medical-necessity',
  'cob.other-payer-primary',
]);
const notPayerOwn = (fs: Finding[]): Finding[] =>
  fs.some((f) => PAYER_OWN.has(f.id)) ? fs.filter((f) => !PAYER_OWN.has(f.id)) : fs;

/** What every remittance of one adjudication shares (one object shape: a monomorphic path). */
interface RemitBase {
  claimId: string;
  payerId: string;
  payerName: string;
  frequency: Remittance['frequency'];
  originalClaimId: string | null;
  payerSequence: 1 | 2;
  claimFilingIndicator: string;
  receivedDate: string;
  remitDate: string;
  findings: Finding[];
  accumulatorsBefore: Accumulators;
  patient: Remittance['patient'];
  providerNpi: string;
  reopening: ReopeningInfo | null;
  pos: string;
  benefitYear: string | undefined;
}

function remitFrom(
  base: RemitBase,
  status: Remittance['status'],
  payerClaimNo: string | null,
  lines: RemitLine[],
  claimRemarks: string[],
  accumulatorsAfter: Accumulators,
  appeal: AppealRight | null,
  reversal: Reversal | null = null,
): Remittance {
  return {
    claimId: base.claimId,
    payerId: base.payerId,
    payerName: base.payerName,
    status,
    payerClaimNumber: payerClaimNo,
    frequency: base.frequency,
    originalClaimId: base.originalClaimId,
    payerSequence: base.payerSequence,
    claimFilingIndicator: base.claimFilingIndicator,
    receivedDate: base.receivedDate,
    remitDate: base.remitDate,
    lines,
    totals: totalsOf(lines),
    claimRemarks,
    findings: base.findings,
    accumulatorsBefore: base.accumulatorsBefore,
    accumulatorsAfter,
    appeal,
    patient: base.patient,
    providerNpi: base.providerNpi,
    reversal,
    reopening: base.reopening,
    pos: base.pos,
    benefitYear: base.benefitYear,
  };
}

/**
 * One claim through the payer, as a pipeline of named steps: receipt (dates, rules in force,
 * who is primary) → findings (edits and the payer's own checks) → front-end rejection →
 * take-back of the original (corrections) → line denials → pricing → cost sharing →
 * coordination of benefits → the remittance.
 */
export function adjudicate(claim: Claim, ctx: AdjudicationContext): Remittance {
  const r = receive(claim, ctx);
  const findings = findingsOf(claim, ctx, r);
  // Bound once per claim (a closure per call would be renamed per call under tsx keepNames).
  const remit = remitFrom.bind(null, remitBase(claim, ctx, r, findings));
  const rejected = rejectionRemarks(findings, r.rules);
  if (rejected) {
    const out = remit('rejected', null, [], rejected, r.accBefore, null);
    // Returned as unprocessable: CO-16 on the claim's whole charge (no line is adjudicated).
    const charge = sum(claim.lines.map((l) => l.charge));
    if (charge > 0) out.claimAdjustments = [{ group: 'CO', carc: '16', amount: charge }];
    return out;
  }

  const { reversal, accStart } = takeBack(claim, ctx, r);
  const claimNo = payerClaimNumber(
    r.payer.kind,
    r.rules.seed + (ctx.seed ?? 0),
    claim.claimId,
    r.received,
  );
  // A void adds no claim of its own: it is known by the claim number it takes back.
  if (r.isVoid)
    return remit('voided', reversal?.payerClaimNumber ?? claimNo, [], [], accStart, null, reversal);

  const rules = ctx.randomReview === false ? { ...r.rules, documentationRequestRate: 0 } : r.rules;
  // A favourable appeal decision overturns the payer's own denials (its pricing still applies).
  const denials = ctx.appealDecision
    ? claim.lines.map((): Denial | null => null)
    : lineDenials(claim, r.payer, r.dos, rules, findings, ctx.seed ?? 0);
  const pricing = price(claim, ctx, r, denials);
  const shared = shareCosts(claim, r, pricing, denials, accStart);
  const finalLines = coordinate(shared.lines, r, shared.seqRate);
  for (const l of finalLines) l.adjustments = groupAdjustments(l.adjustments);
  const yearNote =
    shared.minYear === 0 ? null : feeYearFinding(r.dos, shared.minYear, shared.maxYear);
  if (yearNote) findings.push(yearNote);
  findings.push(...rateNotOnFile(claim, pricing.fees));
  // Appeal rights only where a denial can be appealed (not timely filing: N211).
  const out = remit(
    statusOf(finalLines),
    claimNo,
    finalLines,
    shared.appealable ? ['MA01'] : [],
    { deductibleMet: shared.acc.deductibleMet, outOfPocketMet: shared.acc.outOfPocketMet },
    shared.appealable ? firstAppeal(r.payer, r.remitDate) : null,
    reversal,
  );
  const dual = claim.patient.dualStatus ?? r.primary?.balanceBilling?.dualStatus;
  if ((r.qmb || r.crossoverQmb || r.primary?.balanceBilling) && dual)
    out.balanceBilling = qmbProtection(finalLines, dual);
  return out;
}

/** Medicare's remarks on a QMB's cost sharing (qmb.ts `addQmbRemarks`). */
const QMB_REMARKS: ReadonlySet<string> = new Set(['N781', 'N782', 'N783']);

/** What the payer knows of a claim on receipt, before any rule runs. */
interface Receipt {
  payer: PayerProfile;
  received: string;
  dos: string;
  benefitYear: string | undefined;
  /** Benefit-year accumulators before this claim. */
  accBefore: Accumulators;
  isVoid: boolean;
  /** The behaviour in force on the date of service. */
  rules: Behaviour;
  remitDate: string;
  /** QMB: the patient may not be billed Medicare cost sharing (qmb.ts). */
  qmb: boolean;
  /** The primary payer's decision when this payer is secondary (never a rejection). */
  primary: Remittance | undefined;
  /**
   * Medicaid answers a Medicare crossover for a QMB: Medicare's lines on the claim carry the QMB
   * remarks (N781–N783), so Medicaid's remittance keeps the protection (no Medicaid copay, nothing
   * billed to the patient). See: SSA §1902(n)(3)(B); CMS CR 9911; qmb.ts.
   */
  crossoverQmb: boolean;
}

function receive(claim: Claim, ctx: AdjudicationContext): Receipt {
  const payer = ctx.payer;
  const received =
    ctx.receivedDate ??
    (isIsoDate(claim.submissionDate) ? claim.submissionDate : claim.serviceDate);
  const dos = isIsoDate(claim.serviceDate) ? claim.serviceDate : received;
  const benefitYear = isIsoDate(dos) ? benefitYearOf(payer, dos) : undefined;
  // Dated behaviour: the rules in force on the date of service; processing days on receipt.
  const rules = behaviourOn(payer, dos);
  // A rejected primary claim was never adjudicated: there is nothing to coordinate with.
  const primary = ctx.cob?.primary?.status === 'rejected' ? undefined : ctx.cob?.primary;
  return {
    payer,
    received,
    dos,
    benefitYear,
    accBefore:
      ctx.accumulators ?? correctionRunning(claim, ctx, payer, benefitYear) ?? claim.accumulators,
    isVoid: claim.frequency === '8' && !ctx.reopening,
    rules,
    remitDate: isIsoDate(received)
      ? addDays(received, (received === dos ? rules : behaviourOn(payer, received)).processingDays)
      : received,
    // A secondary after a protected primary (Medicaid after Medicare) keeps the protection, and
    // so does Medicaid crossing over a QMB's Medicare claim named on the claim itself (837P
    // 2320): it pays the cost sharing up to its rate and takes no copay of its own.
    // See: SSA §1902(n)(3)(B); qmb.ts.
    qmb:
      hasQmbProtection(claim) &&
      (payer.kind === 'medicare' || (payer.kind === 'medicaid' && primary !== undefined)),
    primary,
    crossoverQmb:
      payer.kind === 'medicaid' &&
      hasQmbProtection(claim) &&
      (ctx.cob?.primary?.lines ?? []).some((l) => l.remarks.some((x) => QMB_REMARKS.has(x))),
  };
}

/** Step 1: the findings known, the edit engine's, the payer's own checks; each once. */
function findingsOf(claim: Claim, ctx: AdjudicationContext, r: Receipt): Finding[] {
  const payer = r.payer;
  const checkOpts = {
    statusN: statusNFrom(ctx.fees),
    authorizations: ctx.authorizations,
    cob: ctx.cob,
    hasPrimaryRemit: r.primary !== undefined,
    original: ctx.original ?? null,
    reopening: ctx.reopening !== undefined,
  };
  // A void only takes back the original: its lines are not coded, priced or filed on time again.
  const sources = (
    r.isVoid
      ? [ctx.findings ?? [], payerChecks(claim, payer, r.received, checkOpts)]
      : [
          ctx.findings ?? [],
          ctx.edits ? notPayerOwn(ctx.edits(claim, policyOf(payer))) : [],
          payerChecks(claim, payer, r.received, checkOpts),
          localityCheck(claim, payer, ctx.fees),
        ]
  ).filter((s) => s.length > 0);
  return sources.length === 0
    ? []
    : sources.length === 1
      ? [...sources[0]!]
      : dedupeFindings(sources.flat());
}

/** One object shape for every remittance (fixed property order): keeps the hot path monomorphic. */
function remitBase(
  claim: Claim,
  ctx: AdjudicationContext,
  r: Receipt,
  findings: Finding[],
): RemitBase {
  return {
    claimId: claim.claimId,
    payerId: r.payer.id,
    payerName: r.payer.name,
    frequency: claim.frequency,
    originalClaimId: claim.originalClaimId,
    payerSequence: (r.primary ? 2 : 1) as 1 | 2,
    claimFilingIndicator: r.payer.claimFilingIndicator,
    receivedDate: r.received,
    remitDate: r.remitDate,
    findings,
    accumulatorsBefore: r.accBefore,
    patient: {
      memberId: claim.patient.memberId,
      firstName: claim.patient.firstName,
      lastName: claim.patient.lastName,
    },
    providerNpi: claim.provider.npi,
    reopening: ctx.reopening ?? null,
    pos: claim.provider.pos,
    benefitYear: r.benefitYear,
  };
}

/**
 * A front-end rejection is not adjudicated: no remittance lines, no payer claim number, no
 * appeal rights; the claim-level remarks (MA130 + the field's RARC) and the findings say why.
 * Null when nothing rejects the claim.
 * See: DOMAIN.md §1 step 5; issue 5 "front-end rejection versus adjudicated denial".
 */
function rejectionRemarks(findings: readonly Finding[], rules: Behaviour): string[] | null {
  const rejections = findings.filter((f) => isRejection(f, rules));
  if (rejections.length === 0) return null;
  const fieldRarcs = new Set(rejections.map(fieldRemark).filter((x): x is string => x !== null));
  return ['MA130', ...fieldRarcs];
}

/** Replacement, void or reopening: take the original back first and give its shares back. */
function takeBack(
  claim: Claim,
  ctx: AdjudicationContext,
  r: Receipt,
): { reversal: Reversal | null; accStart: Accumulators } {
  const original =
    claim.frequency !== '1' || ctx.reopening || ctx.appealDecision ? ctx.original : undefined;
  const reversal = original && reversible(original) ? reversalOf(original) : null;
  // The shares go back to the benefit year the original counted them in: when the correction
  // moves the service into another year, this claim's year is untouched (the ledger credits the
  // original's year).
  const sameYear = !original?.benefitYear || original.benefitYear === r.benefitYear;
  return {
    reversal,
    accStart: reversal && sameYear ? creditBack(r.accBefore, reversal) : r.accBefore,
  };
}

interface Pricing {
  fees: (MedicareFee | null)[];
  /** Medicare drug lines whose ASP quarter publishes a coinsurance other than 20% (by line). */
  drugCoinsurance: (number | undefined)[] | null;
  priced: (PricedLine | undefined)[];
  /** Non-participating and not assigned (Medicare): the limiting charge applies. */
  nonAssigned: boolean;
}

/** Step 3: the fee of each line still payable, then the payment rules across the lines. */
function price(
  claim: Claim,
  ctx: AdjudicationContext,
  r: Receipt,
  denials: (Denial | null)[],
): Pricing {
  const { payer, dos } = r;
  const fees: (MedicareFee | null)[] = claim.lines.map((l, i) =>
    denials[i]
      ? null
      : payerFee(
          l,
          claim.provider.pos,
          claim.provider.locality,
          l.serviceDate ?? dos,
          payer,
          ctx.fees,
        ),
  );
  if (payer.kind === 'medicare') bundleStatusT(claim, dos, fees, denials);
  // An assistant (ASST SURG 0) or co-surgeon (CO SURG 1) the RVU file pays only "if supporting
  // documentation is submitted": none sent with the claim (837P PWK), the line is not paid.
  // See: CMS RVU file read-me, ASST SURG 0 and CO SURG 1; Pub. 100-04 ch. 12 §20.4.3, §40.8.
  for (let i = 0; i < fees.length; i++) {
    const fee = fees[i];
    if (fee?.kind === 'priced' && fee.needsDocumentation && !documentationSent(claim))
      fees[i] = { kind: 'unpriced', reason: 'team-documentation-missing', status: fee.status };
  }
  // Part B drugs the PFS does not price (status E/X, or not on it): the quarterly ASP limit.
  // A plan paying a percentage of Medicare pays that percentage of Medicare's drug limit too.
  const aspShare = drugShareOfMedicare(payer, dos);
  let drugs: (PricedLine | undefined)[] | null = null;
  let drugCoinsurance: (number | undefined)[] | null = null;
  for (let i = 0; aspShare !== null && ctx.fees.asp && i < fees.length; i++) {
    const fee = fees[i];
    if (!fee || fee.kind !== 'unpriced') continue;
    const l = claim.lines[i]!;
    const date = l.serviceDate ?? dos;
    const hit = aspFor(ctx.fees.asp, l.code, date);
    if (!hit) continue;
    const amount = mulRound(aspAmount(hit.entry, l.units), aspShare.percent);
    if (payer.kind === 'medicare' && hit.entry.coinsurance !== undefined)
      (drugCoinsurance ??= new Array<number | undefined>(claim.lines.length))[i] =
        hit.entry.coinsurance;
    fees[i] = {
      kind: 'priced',
      perUnit: amount,
      mult: '0',
      bilat: '0',
      source: aspShare.label + aspSource(hit.table, hit.entry, date),
      locality: 'national',
      status: fee.status,
      year: null,
    };
    (drugs ??= new Array<PricedLine | undefined>(claim.lines.length))[i] = {
      index: i,
      feeSchedule: amount,
      allowed: cents(Math.min(l.charge, amount)),
      limitingCharge: null,
      rules: [
        `ASP: ${l.units} × the ${hit.table.quarter} limit per ${hit.entry.dosage}${aspShare.label ? ` × ${aspShare.percent}` : ''}`,
      ],
    };
  }
  fees.forEach((fee, i) => {
    if (!fee || fee.kind === 'priced') return;
    const mods = claim.lines[i]!.modifiers;
    const liable = mods.includes('GA') || mods.includes('GY') ? 'PR' : 'CO';
    denials[i] =
      payer.kind === 'medicare' && statutorilyExcluded(fee)
        ? payerDenial('PR', '96', ['N425'])
        : unpricedDenial(fee, liable);
  });
  const medicare = payer.kind === 'medicare' ? payer : null;
  const nonPar = medicare && claim.provider.participating === false;
  // Non-participating and not assigned: Medicare pays the beneficiary; the provider may bill
  // the patient up to the limiting charge. See: Pub. 100-04 ch. 12 §30.3.12.
  // Assignment is mandatory for a Medicaid-eligible (QMB) patient: See: SSA §1848(g)(3)(A).
  const nonAssigned = !!nonPar && !r.qmb && !acceptsAssignment(claim);
  const toPrice: LineToPrice[] = [];
  fees.forEach((fee, i) => {
    if (denials[i] || !fee || fee.kind !== 'priced' || drugs?.[i]) return;
    const l = claim.lines[i]!;
    toPrice.push({
      index: i,
      modifiers: l.modifiers,
      units: l.units,
      charge: l.charge,
      perUnit: fee.perUnit,
      mult: fee.mult,
      bilat: fee.bilat,
      code: l.code,
      serviceDate: l.serviceDate ?? dos,
      inputs: fee.inputs,
    });
  });
  const priced: (PricedLine | undefined)[] = new Array<PricedLine | undefined>(claim.lines.length);
  // Clinical lab tests on the lab fee schedule are paid only on assignment, at the full fee
  // (no non-par 95%, no limiting charge). See: SSA §1833(h)(5)(C); Pub. 100-04 ch. 16 §30.
  const clfs = (l: LineToPrice) => {
    const fee = fees[l.index];
    const status = fee?.kind === 'priced' ? fee.status : null;
    return (
      serviceCategory(
        l.code ?? claim.lines[l.index]!.code,
        l.modifiers,
        l.serviceDate ?? dos,
        status,
      ) === 'lab'
    );
  };
  // NP/PA/CNS under their own NPI: 85% of the PFS amount (not of the lab fee schedule).
  // See: SSA §1833(a)(1)(O); ../claim/rendering-provider.ts.
  const practitioner = medicare
    ? medicareShareFor(claim.provider.renderingProviderType, dos)
    : null;
  const labs = nonPar || practitioner ? toPrice.filter(clfs) : [];
  const rest = labs.length ? toPrice.filter((l) => !clfs(l)) : toPrice;
  for (const p of applyPaymentRules(rest, {
    nonParRate: nonPar ? valueOn(medicare.nonParticipatingRate, dos) : null,
    limitingChargeRate: nonPar ? valueOn(medicare.limitingChargeRate, dos) : null,
    practitioner,
  }))
    priced[p.index] = p;
  if (labs.length)
    for (const p of applyPaymentRules(labs, { nonParRate: null, limitingChargeRate: null }))
      priced[p.index] = p;
  // Drugs: assignment is mandatory (SSA §1842(o)(3)): no non-par rate, no limiting charge.
  for (let i = 0; drugs && i < drugs.length; i++) if (drugs[i]) priced[i] = drugs[i];
  return { fees, priced, nonAssigned, drugCoinsurance };
}

/**
 * How a payer prices a Part B drug the PFS does not price (status E/X, or not on it): Medicare
 * at the quarterly ASP limit; a plan paying a percentage of Medicare (or falling back to one
 * for codes not in its own table) at that percentage of the same limit, so a commercial plan
 * prices vaccines and injectable drugs instead of denying them as not covered. A plan with
 * neither (an own table only) does not price them: null.
 * See: SSA §1847A (ASP + 6%); CMS ASP pricing file; 45 CFR 147.130(a)(1)(ii) (ACIP vaccines
 * covered without cost sharing by non-grandfathered plans).
 */
function drugShareOfMedicare(
  payer: PayerProfile,
  dos: string,
): { percent: number; label: string } | null {
  if (payer.kind === 'medicare') return { percent: 1, label: '' };
  const rule = valueOn(payer.feeSchedule, dos);
  const percent =
    rule.kind === 'percent-of-medicare'
      ? rule.percent
      : rule.kind === 'table'
        ? rule.fallbackPercentOfMedicare
        : 1;
  if (percent === null) return null;
  return { percent, label: `${Math.round(percent * 1000) / 10}% of Medicare (${payer.name}): ` };
}

interface CostSharing {
  lines: RemitLine[];
  acc: AccumulatorState;
  appealable: boolean;
  seqRate: number;
  /** Fee-schedule years used to price the lines (0 = none priced from a dated table). */
  minYear: number;
  maxYear: number;
}

/** Step 4: denied lines written off; priced lines' member shares in line order (accumulators carry). */
function shareCosts(
  claim: Claim,
  r: Receipt,
  { fees, priced, nonAssigned, drugCoinsurance }: Pricing,
  denials: readonly (Denial | null)[],
  accStart: Accumulators,
): CostSharing {
  const { payer, dos } = r;
  let acc: AccumulatorState = {
    deductibleMet: accStart.deductibleMet,
    outOfPocketMet: accStart.outOfPocketMet,
  };
  const deductible = valueOn(payer.deductible, dos);
  const oopMax = valueOn(payer.outOfPocketMax, dos);
  const defaultCoins = valueOn(payer.coinsurance, dos);
  const seqRate = payer.kind === 'medicare' ? valueOn(payer.sequestration, dos) : 0;
  // One copay per visit: per category and date of service, so two visits on one claim (line
  // dates) each take theirs. See: 42 CFR 447.52 (Medicaid copay per service); plan designs
  // state copays "per visit".
  const copayTaken = new Set<string>();
  let appealable = false;
  let minYear = 0;
  let maxYear = 0;

  const lines: RemitLine[] = claim.lines.map((l, i) => {
    const line = openLine(claim, l, i);
    const dn = denials[i];
    const p = priced[i];
    if (dn || !p) {
      const d = dn ?? {
        group: 'CO' as const,
        carc: '96',
        remarks: ['N130'],
        appealable: true,
        because: 'payer' as const,
      };
      if (l.charge > 0) line.adjustments.push({ group: d.group, carc: d.carc, amount: l.charge });
      // Appeal rights (MA01) are a claim-level remark (835 MOA), not repeated per line.
      line.remarks.push(...d.remarks);
      if (d.appealable) appealable = true;
      return line;
    }
    const fee = fees[i] as Extract<MedicareFee, { kind: 'priced' }>;
    line.allowed = p.allowed;
    if (fee.year !== null) {
      if (minYear === 0 || fee.year < minYear) minYear = fee.year;
      if (fee.year > maxYear) maxYear = fee.year;
    }
    line.pricing = {
      feeSchedule: p.feeSchedule,
      source: fee.source,
      rules: nonAssigned ? [...p.rules, 'not assigned: limiting charge applies'] : p.rules,
      limitingCharge: p.limitingCharge,
    };
    // A plan preventive policy (ACA: 45 CFR 147.130) decides by the line's diagnosis.
    const planned = planPreventive(payer, claim.diagnoses, l, l.serviceDate ?? dos);
    const cat =
      planned === 'preventive'
        ? 'preventive'
        : planned === 'not-preventive'
          ? 'other'
          : payer.kind === 'medicare'
            ? serviceCategory(l.code, l.modifiers, l.serviceDate ?? dos, fee.status)
            : planServiceCategory(
                l.code,
                l.modifiers,
                l.serviceDate ?? dos,
                fee.status,
                claim.diagnoses[(l.dxPointers[0] ?? 1) - 1],
              );
    const planRule = payer.costSharing[cat] ?? payer.costSharing.default;
    // Medicare: a planned colorectal screening that became a procedure (PT) is cost-shared as
    // the law says for that year, not as the procedure category.
    const pt =
      payer.kind === 'medicare'
        ? colorectalFollowOn(l.code, l.modifiers, l.serviceDate ?? dos)
        : null;
    // A Part B drug whose quarter's ASP file publishes an inflation-adjusted coinsurance: that
    // percentage of the allowed, after the deductible. See: SSA §1847A(i), §1833(a)(1)(EE)
    // (Inflation Reduction Act §11101); CMS ASP pricing file, "Co-insurance Percentage".
    const drugCoins = drugCoinsurance?.[i];
    const rule = pt
      ? { ...planRule, deductible: false, copay: null, coinsurance: pt.coinsurance }
      : drugCoins !== undefined && planRule.copay === null
        ? { ...planRule, coinsurance: drugCoins }
        : planRule;
    if (pt) line.pricing.rules = [...line.pricing.rules, pt.source];
    else if (rule !== planRule)
      line.pricing.rules = [
        ...line.pricing.rules,
        `coinsurance ${Math.round(drugCoins! * 100_000) / 1000}% (ASP file: inflation-adjusted)`,
      ];
    const visit = rule.copay === null ? '' : `${cat}|${l.serviceDate ?? dos}`;
    const { share, after } = costShare(
      {
        allowed: p.allowed,
        rule,
        deductible,
        defaultCoinsurance: defaultCoins,
        outOfPocketMax: oopMax,
        copayTaken: copayTaken.has(visit),
      },
      acc,
    );
    if (rule.copay !== null && share.copay > 0) copayTaken.add(visit);
    acc = after;
    // Provider adjustments (CO) first, then patient shares (PR): already grouped as the 835 wants.
    // Non-assigned: only the charge above the limiting charge is written off; the patient owes
    // the part between the allowed amount and the limiting charge (PR-45) besides the shares.
    const ceiling =
      nonAssigned && p.limitingCharge !== null ? Math.min(l.charge, p.limitingCharge) : p.allowed;
    const contractual = cents(l.charge - ceiling);
    const balanceBill = cents(ceiling - p.allowed);
    const payment = cents(p.allowed - share.total);
    const seq = seqRate > 0 ? mulRound(payment, seqRate) : cents(0);
    if (contractual > 0) line.adjustments.push({ group: 'CO', carc: '45', amount: contractual });
    // MA28 (the notice is for information: not assigned) on the lines Medicare pays the
    // beneficiary; drugs and clinical lab tests are paid on mandatory assignment.
    if (nonAssigned && p.limitingCharge !== null) line.remarks.push('MA28');
    if (seq > 0) line.adjustments.push({ group: 'CO', carc: '253', amount: seq });
    if (share.deductible > 0)
      line.adjustments.push({ group: 'PR', carc: '1', amount: share.deductible });
    if (share.coinsurance > 0)
      line.adjustments.push({ group: 'PR', carc: '2', amount: share.coinsurance });
    if (share.copay > 0) line.adjustments.push({ group: 'PR', carc: '3', amount: share.copay });
    if (balanceBill > 0) line.adjustments.push({ group: 'PR', carc: '45', amount: balanceBill });
    line.paid = cents(payment - seq);
    // Not assigned: Medicare pays the beneficiary, not the provider (the drug lines, priced
    // without a limiting charge, are paid under mandatory assignment).
    // See: Pub. 100-04 ch. 1 §30.3; SSA §1842(b)(3)(B)(ii); CARC 100 on the provider's 835.
    if (nonAssigned && p.limitingCharge !== null && line.paid !== 0) line.paidTo = 'patient';
    return line;
  });
  return { lines, acc, appealable, seqRate, minYear, maxYear };
}

/** Step 5: as secondary, pay against the primary's decision; QMB remarks on Medicare's lines. */
function coordinate(lines: RemitLine[], r: Receipt, seqRate: number): RemitLine[] {
  const { payer, primary, qmb } = r;
  const out = primary
    ? applySecondary(lines, primary, {
        seqRate,
        method:
          payer.kind === 'medicare'
            ? 'medicare'
            : payer.kind === 'medicaid' && payer.payerOfLastResort
              ? 'last-resort'
              : payer.kind === 'commercial'
                ? (payer.coordination?.method ?? 'standard')
                : 'standard',
        qmb: qmb || r.crossoverQmb || primary.balanceBilling !== undefined,
      })
    : lines;
  if (qmb && payer.kind === 'medicare') addQmbRemarks(out);
  return out;
}

/**
 * Without the payer's running amounts (no ledger), a correction (replacement, void, reopening)
 * starts from what the original left: its accumulators after it, from which its own shares are
 * credited back. The claim's own accumulators are those before the original, and crediting the
 * original's shares back from them would count the deductible twice.
 * See: 42 CFR 405.984 (a revised determination replaces the initial one); Pub. 100-04 ch. 34.
 */
function correctionRunning(
  claim: Claim,
  ctx: AdjudicationContext,
  payer: PayerProfile,
  benefitYear: string | undefined,
): Accumulators | undefined {
  const o = ctx.original;
  if (!o || (claim.frequency === '1' && !ctx.reopening && !ctx.appealDecision)) return undefined;
  if (o.payerId !== payer.id || !reversible(o) || !o.benefitYear) return undefined;
  return o.benefitYear === benefitYear ? o.accumulatorsAfter : undefined;
}

/**
 * Lines whose code the PFS does not price (status E or X: labs on the Clinical Laboratory Fee
 * Schedule, drugs on the ASP file, ambulance, DME...) and for which no other rate is loaded:
 * the simulated payer cannot price them and says so, rather than calling them non-covered.
 * See: CMS RVU file read-me, status E and X; RARC N65.
 */
function rateNotOnFile(claim: Claim, fees: readonly (MedicareFee | null)[]): Finding[] {
  const out: Finding[] = [];
  fees.forEach((fee, i) => {
    if (fee?.kind !== 'unpriced' || fee.reason !== 'not-on-pfs') return;
    const code = claim.lines[i]!.code;
    out.push({
      id: 'pricing.rate-not-on-file',
      severity: 'info',
      line: i + 1,
      codes: [code],
      message: `${code} is not priced on the Physician Fee Schedule (status ${fee.status}: paid on another Medicare fee schedule, such as the Clinical Laboratory Fee Schedule or the ASP drug file), and no rate for it is loaded here: the line is returned CO-16 + N65 (rate not on file). It is not a non-covered service.`,
      reference: `CMS PFS Relative Value File read-me, status ${fee.status}; RARC N65`,
    });
  });
  return out;
}

const yearNotes = new Map<number, Map<string, Finding>>();
/**
 * A claim-level note when the date of service is outside the year of the fee schedule used
 * (e.g. 2026 services priced on the CY2025 tables because the CY2026 files are not loaded).
 * No dedicated finding id exists yet: reported as an `info` on `serviceDate`.
 */
function feeYearFinding(dos: string, minYear: number, maxYear: number): Finding | null {
  const y = Number(dos.slice(0, 4));
  if (!Number.isInteger(y) || (minYear === y && maxYear === y)) return null;
  const k = minYear * 10_000 + maxYear;
  let byDos = yearNotes.get(k);
  if (!byDos) yearNotes.set(k, (byDos = new Map()));
  const hit = byDos.get(dos);
  if (hit) return hit;
  const used = minYear === maxYear ? `CY${minYear}` : `CY${minYear} and CY${maxYear}`;
  const f: Finding = Object.freeze({
    id: 'pricing.fee-schedule-year',
    severity: 'info',
    line: null,
    codes: [],
    field: 'serviceDate',
    message: `Date of service ${dos} is outside the loaded fee schedule year: lines were priced on the ${used} tables (load the CY${y} fee schedule to price ${y} services).`,
    reference:
      'Medicare Physician Fee Schedule, calendar-year tables (42 CFR 414.20); CMS RVU file',
  }) as Finding;
  if (byDos.size > 5000) byDos.clear();
  byDos.set(dos, f);
  return f;
}

/**
 * Why a line the fee schedule does not price is not paid: bundled (CO-97/M15), not valid for
 * Medicare (status I: CO-181 + N56 + N657), an assistant, co-surgeon or team the RVU indicators do not allow
 * (CO-54), team surgery priced by report (CO-252/N706: send the operative notes), else not
 * covered (CO-96/N130, the patient's when a GA/GY notice was given).
 * See: CMS RVU file read-me (ASST SURG, CO SURG, TEAM SURG indicators); Pub. 100-04 ch. 12 §40.8.
 */
const payerDenial = (group: 'CO' | 'PR', carc: string, remarks: string[]): Denial => ({
  group,
  carc,
  remarks,
  appealable: true,
  because: 'payer',
});

/**
 * Excluded from Medicare by law, so the beneficiary's to pay whether or not a notice was given
 * (no ABN is needed for a statutory exclusion): PR-96 + N425, never a provider write-off. The
 * RVU file's status N marks these; other exclusions (routine physical examinations, preventive
 * medicine visits 99381–99397, even where no RVU file is loaded) are data in the payer profile
 * (`exclusions`, cost-sharing/plan-benefits.ts), applied before pricing.
 * See: SSA §1862(a)(7) (routine physical checkups); 42 CFR 411.15(a)(1); Pub. 100-04 ch. 30
 * §20.1 (statutory exclusions: beneficiary liable, ABN optional) and ch. 12 §30.6.2;
 * CMS RVU file read-me, status N; RARC N425.
 */
function statutorilyExcluded(fee: MedicareFee): boolean {
  return fee.kind === 'unpriced' && fee.status === 'N';
}

function unpricedDenial(fee: MedicareFee, liable: 'CO' | 'PR'): Denial {
  const d = payerDenial;
  const reason = fee.kind === 'unpriced' ? fee.reason : null;

  switch (reason) {
    case 'bundled':
      return d('CO', '97', ['M15']);
    case 'not-on-pfs':
      // Paid on another fee schedule whose rate is not on hand here: CO-16 + N65 (rate not on
      // file for the date), never CO-96 "non-covered" (rateNotOnFile adds the finding).
      return d('CO', '16', ['N65']);
    case 'invalid-for-medicare':
      // PFS status I (not valid for Medicare; Medicare uses another code): as the scrubber's
      // code.invalid-for-payer finding says (edits/medicare-codes.ts).
      return d('CO', INVALID_FOR_MEDICARE_DENIAL.carc, [...INVALID_FOR_MEDICARE_DENIAL.remarks]);
    case 'assistant-not-payable':
    case 'co-surgery-not-payable':
    case 'team-surgery-not-payable':
      return d('CO', '54', []);
    case 'team-surgery-by-report':
    case 'team-documentation-missing':
      return d('CO', '252', ['N706']);
    default:
      return d(liable, '96', ['N130']);
  }
}

/**
 * PFS status T (injections and similar): paid only when no other PFS-payable service (status
 * A or R) is billed on the same date; otherwise bundled, CO-97 + M15.
 * See: CMS RVU file read-me, status code T.
 */
function bundleStatusT(
  claim: Claim,
  dos: string,
  fees: readonly (MedicareFee | null)[],
  denials: (Denial | null)[],
): void {
  for (let i = 0; i < fees.length; i++) {
    const fee = fees[i];
    if (denials[i] || !fee || fee.kind !== 'priced' || fee.status !== 'T') continue;
    const date = claim.lines[i]!.serviceDate ?? dos;
    for (let j = 0; j < fees.length; j++) {
      const g = fees[j];
      if (j === i || denials[j] || !g || g.kind !== 'priced') continue;
      if ((g.status === 'A' || g.status === 'R') && (claim.lines[j]!.serviceDate ?? dos) === date) {
        denials[i] = {
          group: 'CO',
          carc: '97',
          remarks: ['M15'],
          appealable: true,
          because: 'payer',
        };
        break;
      }
    }
  }
}

/** A given locality must be one the imported MPFS knows (Medicare prices by locality). */
function localityCheck(claim: Claim, payer: PayerProfile, fees: FeeSources): Finding[] {
  if (payer.kind !== 'medicare' || !fees.mpfs || !claim.provider.locality) return [];
  const key = normaliseLocality(claim.provider.locality);
  if (key && fees.mpfs.gpci(key)) return [];
  return [
    {
      id: 'claim.invalid-field',
      severity: 'error',
      line: null,
      codes: [],
      field: 'provider.locality',
      message: `Locality "${claim.provider.locality}" is not a Medicare contractor and locality in the ${fees.mpfs.source} GPCI table (form MAC-locality, e.g. 10112-00) (provider.locality).`,
      reference: 'CMS GPCI file by Medicare locality (MPFS)',
    },
  ];
}

/** One denial per line: claim-level findings first, then the line's own, then payer policies. */
function lineDenials(
  claim: Claim,
  payer: PayerProfile,
  dos: string,
  rules: Behaviour,
  /** The remittance's findings: a payer-policy denial adds the finding that explains it. */
  findings: Finding[],
  seed: number,
): (Denial | null)[] {
  const out = findingDenials(claim, findings, rules);

  // The plan's modifier policies, the profile's modifier-25 policy and the plan's exclusions
  // (line-policies.ts): the same function `claimlab check` runs, so the scrubber predicts them.
  applyLinePolicies(claim, payer, dos, rules, out, findings);
  // Seeded documentation requests (pre-payment review): CO-16 + M127 on the highest charge.
  const rate = rules.documentationRequestRate;
  if (rate > 0 && rng(hash32(`${rules.seed}|${seed}|${claim.claimId}`))() < rate) {
    let best = -1;
    claim.lines.forEach((l, i) => {
      if (!out[i] && (best < 0 || l.charge > claim.lines[best]!.charge)) best = i;
    });
    if (best >= 0)
      out[best] = {
        group: 'CO',
        carc: '16',
        remarks: ['M127'],
        appealable: true,
        because: 'payer',
      };
  }
  return out;
}

function firstAppeal(payer: PayerProfile, remitDate: string): AppealRight | null {
  if (!isIsoDate(remitDate)) return null;
  const first = appealLevels(payer, remitDate)[0];
  return first
    ? {
        level: first.level,
        name: first.name,
        deadline: first.deadline,
        amountInControversy: first.amountInControversy,
        source: first.source,
      }
    : null;
}

export const sumAdjustments = (adjs: readonly Adjustment[]): Cents =>
  sum(adjs.map((a) => a.amount));

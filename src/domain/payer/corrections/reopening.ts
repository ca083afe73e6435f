/**
 * Medicare reopenings: how a Part B contractor corrects a claim it already decided, instead of
 * taking a replacement claim. The provider asks (by phone, portal or form) naming the claim
 * number and what is wrong; if the request is in time and is a clerical error (a minor error or
 * omission: wrong units, a transposed code, a missing modifier, a wrong date) the contractor
 * revises the determination: the original is taken back and the corrected claim adjudicated,
 * with new appeal rights. What a reopening cannot do, and what to do instead:
 * - a claim rejected as unprocessable was never decided: send a new claim;
 * - past 1 year from the initial determination only for good cause, never past 4 years;
 * - once a redetermination is requested the appeal decides the issue;
 * - denials that turn on the records (not received; not medically necessary) go to appeal;
 * - services never billed go on a new claim.
 * Time limits and appeal-only denials are dated data in the payer profile (`reopening`).
 * See: 42 CFR 405.980 (reopenings and their time limits), 405.984 (effect of a revised
 * determination), 405.986 (good cause); Medicare Claims Processing Manual (Pub. 100-04) ch. 34
 * (reopening and revision) and ch. 1 §80.3.2 (unprocessable claims); DOMAIN.md §8.
 */
import type { Claim } from '../../claim/claim';
import type { Finding } from '../../findings';
import { formatMoney } from '../../money';
import { adjudicate, type AdjudicationContext } from '../adjudicate';
import { plusMonths } from '../../time/calendar';
import { isIsoDate } from '../../time/dates';
import { datedOn } from '../profile';
import type { ReopeningInfo, Remittance } from '../remittance/remittance';

export interface ReopeningRequest {
  /** When the provider asked (the contractor's receipt date). */
  requestDate: string;
  reason: ReopeningInfo['reason'];
  /** The claim as it should have been: originalClaimId = the payer claim number reopened. */
  claim: Claim;
  /** A redetermination of this claim is already pending. */
  appealPending?: boolean;
}

export type ReopeningOutcome =
  { kind: 'revised'; remittance: Remittance } | { kind: 'refused'; findings: Finding[] };

const refusal = (message: string, reference: string, field?: string): Finding => ({
  id: 'reopening.refused',
  severity: 'error',
  line: null,
  codes: [],
  message,
  reference,
  ...(field ? { field } : {}),
});

const REF = '42 CFR 405.980; Medicare Claims Processing Manual (Pub. 100-04) ch. 34';

/** The changes a corrected claim makes to the original's lines (and diagnoses when known). */
export function reopeningChanges(
  original: Remittance,
  claim: Claim,
  originalClaim?: Claim,
): { changes: string[]; added: number[] } {
  const changes: string[] = [];
  const added: number[] = [];
  const mods = (m: readonly string[]) => (m.length ? m.join(' ') : '(none)');
  claim.lines.forEach((l, i) => {
    const o = original.lines.find((x) => x.line === i + 1);
    if (!o) {
      added.push(i + 1);
      return;
    }
    const n = `line ${i + 1}`;
    if (o.code !== l.code) changes.push(`${n}: code ${o.code} -> ${l.code}`);
    if (mods(o.modifiers) !== mods(l.modifiers))
      changes.push(`${n}: modifiers ${mods(o.modifiers)} -> ${mods(l.modifiers)}`);
    if (o.units !== l.units) changes.push(`${n}: units ${o.units} -> ${l.units}`);
    if (o.billed !== l.charge)
      changes.push(`${n}: charge ${formatMoney(o.billed)} -> ${formatMoney(l.charge)}`);
    const date = l.serviceDate ?? claim.serviceDate;
    if (o.serviceDate && o.serviceDate !== date)
      changes.push(`${n}: date ${o.serviceDate} -> ${date}`);
  });
  for (const o of original.lines)
    if (o.line > claim.lines.length) changes.push(`line ${o.line} (${o.code}) removed`);
  if (originalClaim) {
    const a = originalClaim.diagnoses.join(', ');
    const b = claim.diagnoses.join(', ');
    if (a !== b) changes.push(`diagnoses ${a} -> ${b}`);
    originalClaim.lines.forEach((l, i) => {
      const m = claim.lines[i];
      if (m && l.dxPointers.join(',') !== m.dxPointers.join(','))
        changes.push(
          `line ${i + 1}: pointers ${l.dxPointers.join(',')} -> ${m.dxPointers.join(',')}`,
        );
    });
  }
  return { changes, added };
}

/**
 * Decides a reopening request against the original adjudication (`original`: the payer's
 * record of the claim number the request names) and, when granted, returns the revised
 * remittance: the original reversed, the corrected claim adjudicated on the request date.
 */
export function reopen(
  req: ReopeningRequest,
  original: Remittance | undefined,
  ctx: AdjudicationContext,
  originalClaim?: Claim,
): ReopeningOutcome {
  const payer = ctx.payer;
  const ref = req.claim.originalClaimId;
  const refuse = (message: string, reference = REF, field?: string): ReopeningOutcome => ({
    kind: 'refused',
    findings: [refusal(message, reference, field)],
  });
  if (payer.corrections !== 'reopening' || !payer.reopening)
    return refuse(
      `${payer.name} takes corrected claims: send a replacement (frequency 7) or void (frequency 8) naming claim ${ref ?? '(its payer claim number)'} instead of a reopening request.`,
      'X12 005010X222A1 CLM05-3; NUCC 1500 item 22',
    );
  if (req.claim.frequency !== '1')
    return refuse(
      `A reopening carries the claim as it should have been (frequency 1, naming the claim number in originalClaimId), not a frequency ${req.claim.frequency} ${req.claim.frequency === '8' ? 'void' : 'replacement'} (claim.frequency).`,
      REF,
      'frequency',
    );
  if (!isIsoDate(req.requestDate))
    return refuse(
      `The request date "${req.requestDate}" must be a date in the form YYYY-MM-DD (requestDate).`,
      REF,
      'requestDate',
    );
  if (!ref)
    return refuse(
      'A reopening names the payer claim number (ICN) of the claim to reopen (claim.originalClaimId).',
      REF,
      'originalClaimId',
    );
  if (!original || original.payerId !== payer.id)
    return refuse(
      `${payer.name} has no decided claim ${ref}: check the claim number on the remittance (claim.originalClaimId).`,
      REF,
      'originalClaimId',
    );
  if (original.status === 'rejected')
    return refuse(
      `Claim ${original.claimId} was returned as unprocessable (MA130): it has no initial determination to reopen and no appeal rights. Fix it and send it as a new claim.`,
      'Medicare Claims Processing Manual (Pub. 100-04) ch. 1 §80.3.2; ch. 34',
    );
  if (original.status === 'voided')
    return refuse(`Claim ${ref} was voided: there is nothing to reopen.`);
  if (
    original.patient.memberId !== null &&
    original.patient.memberId !== req.claim.patient.memberId
  )
    return refuse(
      `Claim ${ref} is for member ${original.patient.memberId}, not ${req.claim.patient.memberId ?? '(none)'}: a reopening corrects the same beneficiary's claim.`,
      REF,
      'patient.memberId',
    );
  if (req.appealPending)
    return refuse(
      `A redetermination of claim ${ref} is pending: the appeal decides it; the contractor does not reopen while the appeal is open.`,
    );
  const decided = isIsoDate(original.remitDate) ? original.remitDate : null;
  const rules = datedOn(payer.reopening, decided ?? req.requestDate);
  if (decided && req.requestDate < decided)
    return refuse(
      `The request date ${req.requestDate} is before the initial determination of ${decided} (requestDate).`,
      REF,
      'requestDate',
    );
  if (decided) {
    const anyReason = plusMonths(decided, rules.value.anyReasonMonths);
    const goodCause = plusMonths(decided, rules.value.goodCauseMonths);
    if (req.requestDate > goodCause)
      return refuse(
        `Claim ${ref} was decided on ${decided}: a reopening must be asked for by ${goodCause} (${rules.value.goodCauseMonths} months, with good cause). It can no longer be reopened.`,
        rules.source,
      );
    if (req.requestDate > anyReason && req.reason !== 'good-cause')
      return refuse(
        `Claim ${ref} was decided on ${decided}: after ${anyReason} (${rules.value.anyReasonMonths} months) a reopening needs good cause — new and material evidence, or an obvious error on the face of the record (reason "good-cause").`,
        rules.source,
      );
  }
  const { changes, added } = reopeningChanges(original, req.claim, originalClaim);
  if (added.length)
    return refuse(
      `Line ${added.join(', ')} was not on claim ${ref}: a reopening corrects what was billed; bill a service that was never billed on a new claim.`,
      REF,
    );
  if (changes.length === 0 && !originalClaim)
    changes.push('diagnoses or pointers (the original claim is not on file to compare)');
  if (changes.length === 0)
    return refuse(
      `The corrected claim changes nothing on claim ${ref}: say what was wrong (code, modifier, units, date, diagnosis).`,
    );
  // Changed lines whose denial only an appeal can overturn.
  for (const o of original.lines) {
    const touched = changes.some(
      (c) => c.startsWith(`line ${o.line}:`) || c.startsWith(`line ${o.line} (`),
    );
    if (!touched) continue;
    for (const rule of rules.value.redeterminationOnly) {
      const hit =
        o.adjustments.some((a) => a.carc === rule.carc) &&
        (rule.remark === null || o.remarks.includes(rule.remark));
      if (hit)
        return refuse(
          `Line ${o.line} (${o.code}) was denied with CARC ${rule.carc}${rule.remark ? `/${rule.remark}` : ''}: ${rule.why}.`,
          rules.source,
        );
    }
  }
  const info: ReopeningInfo = { requestDate: req.requestDate, reason: req.reason, changes };
  const remittance = adjudicate(req.claim, {
    ...ctx,
    receivedDate: req.requestDate,
    original,
    reopening: info,
  });
  return { kind: 'revised', remittance };
}

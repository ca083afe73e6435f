/**
 * The scrubber's prediction of the denials `adjudicate` makes while pricing the lines still
 * payable. A code the payer's fee schedule does not price on the date (not on the RVU file
 * loaded for the date, e.g. a deleted or newer code): CO-96 + N130 (PR with a GA/GY notice);
 * Medicare PFS status N: PR-96 + N425 (statutory exclusion). A surgical team: an assistant at surgery
 * (80, 81, 82, AS), co-surgeon (62) or team (66) the code's RVU indicators do not pay (CO-54),
 * or pay only with documentation of medical necessity the claim does not send (ASST SURG 0,
 * CO SURG 1 without an 837P PWK: CO-252 + N706), or team surgery priced by report (CO-252 +
 * N706). Judged by the same fee lookup (`payerFee`) and attachment rule (`documentationSent`)
 * `adjudicate` prices and denies with, so `claimlab check` reports what the payer denies.
 * See: CMS PFS Relative Value File read-me (ASST SURG, CO SURG, TEAM SURG indicators);
 * Pub. 100-04 ch. 12 §20.4.3 (assistants at surgery), §40.8 (co-surgeons and team surgery);
 * issue 10 "The scrubber and the payer agree".
 */
import type { Claim } from '../claim/claim';
import type { Finding } from '../findings';
import { isIsoDate } from '../time/dates';
import { documentationSent } from './modifier-policy';
import { payerFee } from './pricing/fee-lookup';
import type { FeeSources } from './pricing/fees';
import { surgicalRole, type SurgicalRole } from './pricing/surgical-team';
import { behaviourOn, type PayerProfile } from './profile';
import { applyLinePolicies, findingDenials } from './line-policies';
import { isRejection } from './remittance/denials';

const REF =
  'CMS PFS Relative Value File read-me (ASST SURG, CO SURG, TEAM SURG indicators); Pub. 100-04 ch. 12 §20.4.3 (assistant at surgery) and §40.8 (co-surgeons, team surgery)';

const REF_GY =
  'SSA §1862(a); 42 CFR 411.15; Pub. 100-04 ch. 1 §60.4.1 and ch. 30 §40.3.6.2 (modifier GY)';
const REF_N =
  'SSA §1862(a); 42 CFR 411.15; CMS PFS Relative Value File read-me, status N; Pub. 100-04 ch. 30 §20.1';
const REF_UNPRICED =
  "The payer's fee schedule for the date of service (CMS PFS Relative Value File)";

/** The unpriced reasons `adjudicate` denies as not covered (CO-96 + N130, PR with GA/GY). */
const UNPRICED_NOT_COVERED = new Set(['not-on-schedule', 'non-covered']);

const roleName = (r: SurgicalRole): string =>
  r === '62'
    ? 'a co-surgeon (62)'
    : r === '66'
      ? 'team surgery (66)'
      : `an assistant at surgery (${r})`;

/**
 * The surgical-team findings of a claim whose other findings (the scrub's and the payer's
 * policies) are `findings`: none on a line those already deny, none when the claim would be
 * rejected at the front end or is a void (as `adjudicate` prices only the lines still payable).
 */
export function pricingFindings(
  claim: Claim,
  payer: PayerProfile,
  fees: FeeSources,
  findings: readonly Finding[],
): Finding[] {
  if (claim.frequency === '8') return [];
  const dos = isIsoDate(claim.serviceDate) ? claim.serviceDate : claim.submissionDate;
  if (!isIsoDate(dos)) return [];
  const rules = behaviourOn(payer, dos);
  if (findings.some((f) => isRejection(f, rules))) return [];
  const byFindings = findingDenials(claim, findings, rules);
  // The line policies deny before pricing too (as adjudicate.ts lineDenials applies them).
  const denied = [...byFindings];
  applyLinePolicies(claim, payer, dos, rules, denied, []);
  const covered = (i: number) =>
    findings.some((f) => f.line === i + 1 && f.id.startsWith('coverage.'));
  const out: Finding[] = [];
  /** The PFS status and date of each line still payable that the fee schedule prices. */
  const priced: ({ status: string | null; date: string } | null)[] = claim.lines.map(() => null);
  claim.lines.forEach((l, i) => {
    if (!l.code) return;
    // GY on a Medicare claim: the provider says the line is excluded by statute, and Medicare
    // denies it PR-96 + N425 whatever the code's fee status (line-policies.ts applyExclusions);
    // the scrub says so when no coverage finding on the line does already.
    if (
      !byFindings[i] &&
      denied[i]?.carc === '96' &&
      payer.kind === 'medicare' &&
      l.modifiers.includes('GY') &&
      !covered(i)
    )
      out.push({
        id: 'coverage.statutory-exclusion',
        severity: 'warning',
        line: i + 1,
        codes: [l.code, 'GY'],
        message: `${l.code} is billed with GY (statutorily excluded, or no Medicare benefit): Medicare denies it PR-96 + N425, the patient's to pay.`,
        reference: `${REF_GY}; CARC 96, RARC N425`,
      });
    if (denied[i]) return;
    const date = l.serviceDate ?? claim.serviceDate;
    if (!isIsoDate(date)) return;
    const fee = payerFee(l, claim.provider.pos, claim.provider.locality, date, payer, fees);
    priced[i] = fee.kind === 'priced' ? { status: fee.status, date } : null;
    const notice = l.modifiers.includes('GA') || l.modifiers.includes('GY');
    if (fee.kind === 'unpriced' && payer.kind === 'medicare' && fee.status === 'N') {
      // Already said by the payer checks' exclusion finding (edits/exclusions.ts, status N).
      if (covered(i)) return;
      out.push({
        id: 'coverage.statutory-exclusion',
        severity: 'warning',
        line: i + 1,
        codes: [l.code],
        message: `${l.code} is not covered by Medicare (PFS status N): a statutory exclusion, the patient's to pay (PR-96 + N425)${notice ? '' : '; append GY to say so on the claim'}.`,
        reference: `${REF_N}; CARC 96, RARC N425`,
        ...(notice ? {} : { suggestion: 'Append GY (statutorily excluded service)' }),
      });
      return;
    }
    // PFS status B/P: never paid on its own, whatever else is billed (adjudicate.ts prices it
    // 'bundled', CO-97 + M15). A warning: the code is reported right, it is simply not paid.
    // See: CMS PFS Relative Value File read-me (status codes B and P).
    if (fee.kind === 'unpriced' && fee.reason === 'bundled') {
      out.push({
        id: 'pricing.status-b-bundled',
        severity: 'warning',
        line: i + 1,
        codes: [l.code],
        message: `${l.code} has PFS status ${fee.status ?? 'B'} (bundled): its payment is always part of another service, so the line is not paid on its own (CO-97 + M15) and not billed to the patient.`,
        reference: `CMS PFS Relative Value File read-me, status codes B and P; CARC 97, RARC M15`,
        suggestion: `Report ${l.code} for tracking only (e.g. 99024 in a global period); expect no payment`,
      });
      return;
    }
    if (fee.kind === 'unpriced' && UNPRICED_NOT_COVERED.has(fee.reason)) {
      out.push({
        id: 'code.invalid-for-payer',
        severity: notice ? 'warning' : 'error',
        line: i + 1,
        codes: [l.code],
        message: `${payer.name} has no fee for ${l.code} on ${date} (not on the fee schedule it prices the date with): the line would be denied ${notice ? 'PR' : 'CO'}-96 + N130.`,
        reference: `${REF_UNPRICED}; CARC 96, RARC N130`,
        suggestion: 'Check the code against the fee schedule in force on the date of service',
      });
      return;
    }
    const role = surgicalRole(l.modifiers);
    if (!role) return;
    const base = { line: i + 1, codes: [l.code, role] };
    if (fee.kind === 'priced' && fee.needsDocumentation && !documentationSent(claim))
      out.push({
        ...base,
        id: 'claim.missing-field',
        severity: 'error',
        field: 'attachments',
        message: `${payer.name} pays ${roleName(role)} on ${l.code} only with documentation of medical necessity (RVU ${role === '62' ? 'CO SURG 1' : 'ASST SURG 0'}), and the claim sends none (837P PWK): the line would be denied CO-252 + N706.`,
        reference: `${REF}; CARC 252, RARC N706`,
        suggestion:
          'Send the operative report as an attachment (837P PWK, e.g. OB operative note by EL, FX or BM with its control number)',
      });
    else if (fee.kind === 'unpriced' && fee.reason === 'team-surgery-by-report')
      out.push({
        ...base,
        id: 'payer.modifier-policy',
        severity: 'error',
        message: `${payer.name} prices team surgery (66) on ${l.code} by report: the line is held for the operative notes (CO-252 + N706).`,
        reference: `${REF}; CARC 252, RARC N706`,
        suggestion: 'Send the operative notes of each surgeon on the team with the claim',
      });
    else if (
      fee.kind === 'unpriced' &&
      (fee.reason === 'assistant-not-payable' ||
        fee.reason === 'co-surgery-not-payable' ||
        fee.reason === 'team-surgery-not-payable')
    )
      out.push({
        ...base,
        id: 'modifier.invalid',
        severity: 'error',
        field: `lines[${i}].modifiers`,
        message: `${payer.name} does not pay ${roleName(role)} on ${l.code} (RVU ${role === '62' ? 'CO SURG' : role === '66' ? 'TEAM SURG' : 'ASST SURG'} indicator ${role === '62' ? '0 or 9' : role === '66' ? '0 or 9' : '1 or 9'}): the line would be denied CO-54.`,
        reference: `${REF}; CARC 54`,
        suggestion: `Do not bill ${roleName(role)} on ${l.code} to this payer`,
      });
  });
  if (payer.kind === 'medicare') out.push(...statusTFindings(claim, priced));
  return out;
}

const REF_T =
  'CMS PFS Relative Value File read-me, status indicator T (paid only if no other PFS service is billed on the same date by the same provider); Pub. 100-04 ch. 12 §20.4 (bundled services)';

/**
 * PFS status T (e.g. pulse oximetry 94760, a blood draw from an implanted device 36591): Medicare
 * pays it only when no other service payable under the fee schedule (status A or R) is billed on
 * the same date by the same provider (one claim: one rendering provider), else bundled (CO-97 +
 * M15), as adjudicate.ts `bundleStatusT` denies it. A warning: the code is billed right, it is
 * simply not paid beside the other service.
 * See: CMS PFS Relative Value File read-me (status code T); Pub. 100-04 ch. 12 §20.4.
 */
function statusTFindings(
  claim: Claim,
  priced: readonly ({ status: string | null; date: string } | null)[],
): Finding[] {
  const out: Finding[] = [];
  priced.forEach((p, i) => {
    if (p?.status !== 'T') return;
    const j = priced.findIndex(
      (q, k) =>
        k !== i && q !== null && (q.status === 'A' || q.status === 'R') && q.date === p.date,
    );
    if (j < 0) return;
    const code = claim.lines[i]!.code;
    const other = claim.lines[j]!.code;
    out.push({
      id: 'pricing.status-t-bundled',
      severity: 'warning',
      line: i + 1,
      codes: [code, other],
      message: `${code} has PFS status T: Medicare pays it only when no other fee-schedule service is billed the same day, and ${other} (line ${j + 1}) is billed on ${p.date}: the line would be bundled, CO-97 + M15.`,
      reference: `${REF_T}; CARC 97, RARC M15`,
      suggestion: `Expect no separate payment for ${code} beside ${other}; it is paid only when billed alone on its date`,
    });
  });
  return out;
}

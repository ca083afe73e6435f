/**
 * The scrubber's prediction of the payer's surgical-team denials: an assistant at surgery
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
import { findingDenials } from './line-policies';
import { isRejection } from './remittance/denials';

const REF =
  'CMS PFS Relative Value File read-me (ASST SURG, CO SURG, TEAM SURG indicators); Pub. 100-04 ch. 12 §20.4.3 (assistant at surgery) and §40.8 (co-surgeons, team surgery)';

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
export function surgicalTeamFindings(
  claim: Claim,
  payer: PayerProfile,
  fees: FeeSources,
  findings: readonly Finding[],
): Finding[] {
  if (claim.frequency === '8' || !claim.lines.some((l) => surgicalRole(l.modifiers))) return [];
  const dos = isIsoDate(claim.serviceDate) ? claim.serviceDate : claim.submissionDate;
  if (!isIsoDate(dos)) return [];
  const rules = behaviourOn(payer, dos);
  if (findings.some((f) => isRejection(f, rules))) return [];
  const denied = findingDenials(claim, findings, rules);
  const out: Finding[] = [];
  claim.lines.forEach((l, i) => {
    const role = l.code && !denied[i] ? surgicalRole(l.modifiers) : null;
    if (!role) return;
    const date = l.serviceDate ?? claim.serviceDate;
    if (!isIsoDate(date)) return;
    const fee = payerFee(l, claim.provider.pos, claim.provider.locality, date, payer, fees);
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
  return out;
}

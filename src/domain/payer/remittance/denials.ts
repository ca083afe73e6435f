/**
 * From findings to payer actions: which findings make a front-end rejection (the claim never
 * enters adjudication: CO-16 + MA130, no appeal rights) and which deny a line in adjudication
 * (group + CARC + RARC). The mapping is data, one row per finding id.
 * See: DOMAIN.md §5 and §7; Medicare Claims Processing Manual ch. 1 §80.3.2 (unprocessable
 * claims: return as unprocessable with MA130); NCCI Policy Manual ch. 1 (PTP/MUE denials).
 */
import type { Claim } from '../../claim/claim';
import type { Finding, FindingId } from '../../findings';
import type { GroupCode } from './codes';
import type { Behaviour } from '../profile';
import { GLOBAL_CARC } from '../../edits/global-surgery-rules';
import { JZ_MISSING_DENIAL } from '../../edits/drug-wastage';
import { INVALID_FOR_MEDICARE_DENIAL } from '../../edits/medicare-codes';

export interface Denial {
  group: GroupCode;
  carc: string;
  remarks: string[];
  /** Whether appeal rights apply (MA01); false for e.g. timely filing (N211). */
  appealable: boolean;
  /** The finding that caused it. */
  because: FindingId | 'payer';
}

/**
 * RARC that names the field of a rejection. `provider.npi` is the billing provider (837P 2010AA
 * NM1*85; 1500 item 33a): N257; a rendering provider (2310B; item 24J) would be N290.
 * See: RARC list (M51, M76, MA27, N257, N290, M62, M77).
 */
export function fieldRemark(f: Finding): string | null {
  const field = f.field ?? '';
  if (f.id === 'claim.dx-pointer' || field.startsWith('diagnoses')) return 'M76';
  if (field === 'patient.memberId' || field.startsWith('patient.')) return 'MA27';
  if (field === 'provider.npi') return 'N257';
  if (/renderingNpi$/.test(field)) return 'N290';
  if (field === 'provider.pos' || /^lines\[\d+\]\.pos$/.test(field)) return 'M77';
  if (field === 'priorAuthNumber') return 'M62';
  if (/^lines\[\d+\]\.code$/.test(field)) return 'M51';
  if (f.id.startsWith('code.'))
    return f.diagnosisIndex !== undefined || f.line === null ? 'M76' : 'M51';
  return null;
}

const isDiagnosisFinding = (f: Finding) =>
  f.diagnosisIndex !== undefined || (f.line === null && f.id.startsWith('code.'));

const CODE_VALIDITY: ReadonlySet<string> = new Set([
  'code.invalid',
  'code.not-billable',
  'code.seventh-character',
]);

/**
 * Error findings that stop the claim at the front end (claim data and code validity).
 * `rules` is the payer's behaviour in force on the date of service (profile.ts behaviourOn).
 */
export function isRejection(f: Finding, rules: Behaviour): boolean {
  if (f.severity !== 'error') return false;
  const id = String(f.id);
  if (id === 'claim.duplicate') return false;
  if (id.startsWith('claim.')) return true;
  // Only code-validity findings reject; other code.* ids (an add-on without its primary is a
  // valid code, adjudicated CO-107) and unknown future ids never stop the claim.
  if (CODE_VALIDITY.has(id))
    return !(rules.invalidDiagnosis === 'deny-146' && isDiagnosisFinding(f));
  return false;
}

/**
 * Findings that deny their line whatever their severity. The edit engine reports a failed
 * medical-necessity check as a `warning` when a signed ABN (GA) is on file, because the claim
 * is right to be sent; the payer still denies the line, with the patient liable (PR-50).
 * See: Pub. 100-04 ch. 30 §40.3.6 and §50 (ABN, GA/GZ modifiers).
 */
const DENY_ANY_SEVERITY: ReadonlySet<string> = new Set(['coverage.medical-necessity']);

/**
 * "CARC 11, RARC N130" / "CARC 167" / "CARC 50, RARC N130" at the end of a coverage finding's
 * reference: the policy's own denial (a default CO-50 reads "CARC 50, RARC N115/N386" and does
 * not match, so its remark comes from the source: NCD, LCD or plan).
 */
const OWN_COVERAGE_DENIAL =
  /; CARC (50|11|167)(?:, RARC ((?:(?:MA|M|N)\d+)(?:, (?:MA|M|N)\d+)*))?$/;

/** Medicare's timely-filing denial: CO-29 + N211 (you may not appeal this decision). */
const MEDICARE_TIMELY_FILING = { remarks: ['N211'], appealable: false } as const;

/**
 * The adjudicated denial for an error finding, or null when the finding does not deny.
 * `rules` is the payer's behaviour in force on the date of service.
 */
const denial = (
  because: Denial['because'],
  group: GroupCode,
  carc: string,
  remarks: string[],
  appealable = true,
): Denial => ({ group, carc, remarks, appealable, because });

/** Whether `denialFor` can deny any line for the finding (an error, or a DENY_ANY_SEVERITY id). */
export const mayDeny = (f: Finding): boolean =>
  f.severity === 'error' || DENY_ANY_SEVERITY.has(String(f.id));

export function denialFor(
  f: Finding,
  claim: Claim,
  rules: Behaviour,
  lineIndex: number,
): Denial | null {
  const id = String(f.id);
  if (!mayDeny(f)) return null;
  const line = claim.lines[lineIndex];
  const mods = line?.modifiers ?? [];
  switch (id) {
    case 'ncci.ptp':
      if (!rules.ncci.apply) return null;
      return denial(f.id, 'CO', rules.ncci.carc, ['M80']);
    case 'ncci.mue':
      if (!rules.ncci.apply) return null;
      return denial(f.id, 'CO', '151', ['N362']);
    case 'coverage.medical-necessity': {
      // With a signed ABN (GA) the patient is liable; otherwise (GZ or none) the provider is.
      // A diagnosis-to-procedure policy names its own CARC (11 or 167) and remarks in the
      // finding's reference (edits/policy.ts necessityFindings).
      const own = OWN_COVERAGE_DENIAL.exec(f.reference);
      // CARC 50 needs a remark: a policy naming 50 without one gets the one its source implies.
      if (own && (own[1] !== '50' || own[2]))
        return denial(
          f.id,
          mods.includes('GA') ? 'PR' : 'CO',
          own[1]!,
          own[2] ? own[2].split(', ') : [],
        );
      const rarc = /\bNCD\b/.test(f.reference)
        ? 'N386'
        : /\bLCD\b/.test(f.reference)
          ? 'N115'
          : 'N130';
      return denial(f.id, mods.includes('GA') ? 'PR' : 'CO', '50', [rarc]);
    }
    case 'code.invalid-for-payer':
      // A code Medicare does not recognise (PFS status I, e.g. consultations): CO-181 + N56 +
      // N657 (bill the code that fits). See: Pub. 100-04 ch. 12 §30.6.10; edits/medicare-codes.ts.
      return denial(f.id, 'CO', INVALID_FOR_MEDICARE_DENIAL.carc, [
        ...INVALID_FOR_MEDICARE_DENIAL.remarks,
      ]);
    case 'code.add-on-without-primary':
      // CARC 107: the qualifying (primary) service is not on the claim; RARC N122: an add-on
      // code cannot be billed by itself. See: Pub. 100-04 ch. 12 §30.D (add-on codes).
      return denial(f.id, 'CO', '107', ['N122']);
    case 'coverage.add-on-not-payable':
      // G2211 with an E/M billed with modifier 25 (same-day procedure): not separately
      // payable, paid as part of the E/M. See: CY2024 PFS final rule (88 FR 78818); MLN
      // MM13473.
      return denial(f.id, 'CO', '97', ['M80']);
    case 'auth.missing':
      // CARC 197 (authorization absent); an authorization number that does not fit the
      // service adds M62 (invalid treatment authorization code). Reason code 15 is deactivated
      // in the current X12 list (2026-08), so it is no longer used. See: x12.org/codes.
      return denial(f.id, 'CO', '197', claim.priorAuthNumber ? ['M62'] : []);
    case 'filing.timely': {
      // The payer's own rule (behaviour.timelyFilingDenial); Medicare's when it states none:
      // N211, no appeal rights. See: Pub. 100-04 ch. 1 §70.5; 42 CFR 405.926; profile.ts.
      const tf = rules.timelyFilingDenial ?? MEDICARE_TIMELY_FILING;
      return denial(f.id, 'CO', '29', [...tf.remarks], tf.appealable);
    }
    case 'cob.other-payer-primary':
      return denial(f.id, 'CO', '22', ['N479']);
    case 'claim.duplicate':
      // An exact duplicate claim: OA-18 (X12: CARC 18 with group OA only). A line repeating a
      // service another claim already had: the payer's own rule (profile.ts duplicateLine).
      if (f.line !== null && rules.duplicateLine === 'co-97-n111')
        return denial(f.id, 'CO', '97', ['N111']);
      return denial(f.id, 'OA', '18', []);
    case 'em.same-day':
      // One office visit per day: the second is paid as part of the first. See: Pub. 100-04
      // ch. 12 §30.6.7; RARC M86 (payment already made for a same/similar service).
      return denial(f.id, 'CO', '97', ['M86']);
    // Not on the Medicare telehealth list, billed at POS 02/10 (edits/telehealth.ts), and:
    case 'coverage.telehealth':
    case 'em.place-of-service':
      // An E/M family billed for a setting it does not describe: CO-5 (procedure code
      // inconsistent with the place of service) + M77 (inappropriate place of service).
      // See: Pub. 100-04 ch. 12 §30.6; edits/em-place.ts; X12 CARC 5, RARC M77.
      return denial(f.id, 'CO', '5', ['M77']);
    case 'mce.age':
      return denial(f.id, 'CO', '9', []);
    case 'mce.sex':
      return denial(f.id, 'CO', '10', []);
    case 'modifier.invalid':
    case 'modifier.missing':
      // A service inside a surgery's global package (the global surgery edits cite CARC 97) is
      // included in the surgery's payment: CO-97 + M144, not a modifier denial.
      // See: Pub. 100-04 ch. 12 §40.1 and §40.4; global-surgery-rules.ts.
      if (f.reference.includes(GLOBAL_CARC)) return denial(f.id, 'CO', '97', ['M144']);
      // Medicare's JZ/JW requirement (edits/drug-wastage.ts), enforced from 2023-10-01: the
      // line is returned as unprocessable, CO-16 + N822 (missing modifier) + MA130, with no
      // appeal rights (correct and resubmit). See: CMS JW/JZ Modifier Policy FAQ; Pub. 100-04
      // ch. 1 §80.3.2 (unprocessable claims).
      if (id === 'modifier.missing' && f.reference.endsWith(JZ_MISSING_DENIAL))
        return denial(f.id, 'CO', '16', ['N822', 'MA130'], false);
      // The remark says which: an invalid modifier (N823), or a missing one (N822).
      return denial(f.id, 'CO', '4', [id === 'modifier.missing' ? 'N822' : 'N823']);
    case 'icd10cm.excludes1':
      // The edit engine reports Excludes1 as a warning (it does not deny); a payer that still
      // denies for it asks for corrected diagnoses (CO-16 + M76), not CO-11.
      return denial(f.id, 'CO', '16', ['M76']);
    case 'icd10cm.code-first':
      return denial(f.id, 'CO', '16', ['M76']);
    case 'code.invalid':
    case 'code.not-billable':
    case 'code.seventh-character':
      // Only reached when the payer denies invalid diagnoses instead of rejecting them.
      return denial(f.id, 'CO', '146', ['M76']);
    default:
      // Unknown or future finding ids (a newer edit engine) never deny: the finding itself
      // stays on the remittance's findings list for the user to see.
      return null;
  }
}

/** Lines (0-based) a finding concerns: its line, or the lines pointing to its diagnosis, or all. */
export function linesOf(f: Finding, claim: Claim): number[] {
  if (f.line !== null) return f.line >= 1 && f.line <= claim.lines.length ? [f.line - 1] : [];
  if (f.diagnosisIndex !== undefined) {
    const p = f.diagnosisIndex + 1;
    const hit: number[] = [];
    for (let i = 0; i < claim.lines.length; i++)
      if (claim.lines[i]!.dxPointers.includes(p)) hit.push(i);
    return hit;
  }
  return claim.lines.map((_, i) => i);
}

/**
 * Codes that are real CPT codes but not valid for Medicare purposes (PFS RVU status I:
 * "Medicare uses another code for the reporting of, and the payment for, these services").
 * The consultation codes are the common case: since 2010-01-01 Medicare Part B does not
 * recognise office/outpatient (99242–99245; 99241 until CPT deleted it in 2023) or inpatient
 * (99252–99255; 99251 likewise) consultations; the
 * consultant bills the E/M code for the setting instead. Commercial plans that pay consultation
 * codes keep paying them (this rule is Medicare's only).
 * The scrubber (`claimlab check`) and `adjudicate` get the finding from the same call
 * (payer/checks.ts `payerChecks`); the payer denies the line CO-181 (procedure code invalid on
 * the date of service) with N56 (code not valid for the service or date) and N657 (bill the
 * code that fits the service): payer/remittance/denials.ts.
 * See: Pub. 100-04 ch. 12 §30.6.10 (consultation services; A: consultation codes no longer
 * recognised for Medicare Part B from 2010-01-01; the codes to bill instead); CMS RVU file
 * read-me, status I; MLN Matters MM6740.
 */
import type { Claim } from '../claim/claim';
import type { Finding } from '../findings';
import { finding, lineDate } from './finding-kit';

export const CONSULT_POLICY =
  'Pub. 100-04 ch. 12 §30.6.10 (consultation codes not recognised for Medicare Part B from 2010-01-01); CMS PFS RVU file, status I (not valid for Medicare purposes)';
/** The denial the payer gives a code not valid for Medicare (read by remittance/denials.ts). */
export const INVALID_FOR_MEDICARE_DENIAL = { carc: '181', remarks: ['N56', 'N657'] } as const;
export const CONSULTS_INVALID_FROM = '2010-01-01';

/**
 * Office/outpatient (9924x) and inpatient (9925x) consultation codes on a date: 99241 and 99251
 * were deleted from CPT on 2023-01-01 (an invalid code then, judged by the validity edits).
 */
const isConsult = (code: string, date: string) =>
  /^992[45][2-5]$/.test(code) || (/^992[45]1$/.test(code) && date < '2023-01-01');

/**
 * Other status I codes with the HCPCS code Medicare uses instead, where CMS names one.
 * See: CMS RVU file (97014 status I); HCPCS G0283 (unattended electrical stimulation, other
 * than wound care, for Medicare in place of CPT 97014).
 */
const MEDICARE_CODE_FOR: Readonly<Record<string, string>> = { '97014': 'G0283' };

/** The E/M codes §30.6.10 tells the consultant to bill instead, by place of service. */
function instead(code: string, pos: string): string {
  if (pos === '21' || pos === '51')
    return 'an initial hospital care code (99221–99223; the admitting physician adds AI) or, if its requirements are not met, subsequent hospital care (99231–99233)';
  if (pos === '31' || pos === '32')
    return 'an initial nursing facility care code (99304–99306) or subsequent nursing facility care (99307–99310)';
  if (pos === '23') return 'an emergency department visit code (99281–99285)';
  const where = code.startsWith('9925') ? 'the E/M code for the setting, e.g. ' : '';
  return `${where}an office or other outpatient visit (new patient 99202–99205, established patient 99212–99215)`;
}

/**
 * Medicare: a consultation code on or after 2010-01-01 is not valid for Medicare. An error
 * (the line will be denied); the suggestion names the codes to bill for the place of service.
 */
export function invalidForMedicareFindings(
  claim: Claim,
  payerKind: string,
  /** PFS status I from the imported MPFS (edits/exclusions.ts `statusNFrom`), when loaded. */
  statusI?: (code: string) => boolean,
): Finding[] {
  if (payerKind !== 'medicare') return [];
  const out: Finding[] = [];
  claim.lines.forEach((l, i) => {
    const date = lineDate(claim.serviceDate, l.serviceDate);
    const consult = isConsult(l.code, date) && date >= CONSULTS_INVALID_FROM;
    if (!consult) {
      if (statusI?.(l.code)) out.push(statusIFinding(l.code, i));
      return;
    }
    const bill = instead(l.code, claim.provider.pos);
    const { carc, remarks } = INVALID_FOR_MEDICARE_DENIAL;
    out.push(
      finding(
        'code.invalid-for-payer',
        'error',
        i + 1,
        [l.code],
        `${l.code} is a consultation code, which is not valid for Medicare purposes (PFS status I: Medicare uses another code): Medicare denies it CO-${carc} with ${remarks.join(' and ')}. Bill ${bill} for the same service.`,
        `${CONSULT_POLICY}; CARC ${carc}; RARC ${remarks.join(', ')}`,
        {
          field: `lines[${i}].code`,
          suggestion: `Replace ${l.code} with ${bill}, at the level the documentation supports.`,
        },
      ),
    );
  });
  return out;
}

/** Any other PFS status I code: not valid for Medicare; the code Medicare uses when CMS names one. */
function statusIFinding(code: string, i: number): Finding {
  const { carc, remarks } = INVALID_FOR_MEDICARE_DENIAL;
  const instead = MEDICARE_CODE_FOR[code];
  return finding(
    'code.invalid-for-payer',
    'error',
    i + 1,
    [code],
    `${code} is not valid for Medicare purposes (PFS status I: Medicare uses another code for this service${instead ? `, ${instead}` : ''}): Medicare denies it CO-${carc} with ${remarks.join(' and ')}.`,
    `CMS PFS RVU file, status I (not valid for Medicare purposes); CARC ${carc}; RARC ${remarks.join(', ')}`,
    {
      field: `lines[${i}].code`,
      suggestion: instead
        ? `Bill ${instead} instead of ${code}.`
        : `Bill the HCPCS code Medicare uses for this service instead of ${code}.`,
    },
  );
}

/**
 * The claim adjustment group codes, CARCs and RARCs the simulated payers use, each with OUR OWN
 * short wording (X12 owns the official text; we ship numbers with plain-language summaries).
 * Numbers and meanings checked against the code lists in ../shared/reference/carc-rarc
 * (CARC list 2016-03-07, RARC list 2011-08-14) and the current X12 lists of 2026-08
 * (test/payer/x12-current.test.ts: every code exists, is not deactivated, and means what we say).
 * See: X12 Claim Adjustment Reason Code list and Remittance Advice Remark Code list
 * (https://x12.org/codes); DOMAIN.md section 7.
 */
export type GroupCode = 'CO' | 'PR' | 'OA' | 'PI';

export const GROUP_CODES: Record<GroupCode, string> = {
  CO: 'Contractual obligation: the provider writes this off and may not bill the patient.',
  PR: 'Patient responsibility: the patient (or a secondary payer) owes this.',
  OA: 'Other adjustment: neither the provider nor the patient is charged by this payer.',
  PI: 'Payer-initiated reduction.',
};

export const CARC = {
  '1': 'Applied to the deductible.',
  '2': 'Coinsurance share.',
  '3': 'Copayment.',
  '4': 'Modifier missing or does not fit the procedure.',
  '5': 'The procedure code does not fit the place of service.',
  '9': 'Diagnosis does not fit the patient age.',
  '10': 'Diagnosis does not fit the patient sex.',
  '11': 'Diagnosis does not support the procedure.',
  '16': 'Information missing or wrong on the claim; fix it and send again.',
  '18': 'Duplicate of a claim or service already sent.',
  '22': 'Another payer should pay first (coordination of benefits).',
  '23': 'Effect of the earlier payer(s) payment and adjustments.',
  '26': 'Service before coverage started.',
  '27': 'Service after coverage ended.',
  '29': 'Filed after the payer deadline.',
  '31': 'Patient not found as a member of this plan.',
  '45': 'Charge above the allowed amount for this payer (write-off).',
  '50': 'Not medically necessary under the payer policy.',
  '54': 'An assistant, co-surgeon or surgical team is not covered for this procedure.',
  '96': 'Not a covered charge.',
  '97': 'Paid as part of another service on the claim.',
  '100': 'This payment was paid to the patient (or insured), not to the provider.',
  '107': 'The qualifying (primary) service is not on this claim.',
  '109': 'Not covered by this payer; send to the right payer.',
  '119': 'Benefit maximum reached for the period.',
  '146': 'Diagnosis not valid on the date of service.',
  '151': 'Units or frequency more than the payer will accept.',
  '167': 'Diagnosis is not covered.',
  '181': 'Procedure code not valid for this payer on the date of service; bill the code it uses.',
  '197': 'Required prior authorization is absent.',
  '204': 'Not covered under the patient current benefit plan.',
  '236': 'Procedure pair not allowed together on the same day (NCCI).',
  '252': 'Documentation or an attachment is needed to decide this service (see the remark).',
  '253': 'Federal sequestration reduction of the payment.',
} as const;
export type CarcCode = keyof typeof CARC;

export const RARC = {
  MA01: 'You may appeal this decision; see the appeal instructions and deadline.',
  MA04: 'Secondary payment needs the primary payer payment details.',
  MA28: 'Non-assigned claim: this notice is for your information; the patient was paid.',
  MA125: 'By law, this payment is payment in full (no balance billing).',
  MA91: 'This decision is the result of the appeal you filed.',
  MA130:
    'Claim could not be processed (incomplete or invalid data); no appeal rights; send a new claim.',
  M15: 'Bundled into another billed service.',
  M51: 'Procedure code missing or invalid.',
  M62: 'Authorization number missing or invalid.',
  M76: 'Diagnosis missing or invalid.',
  M77: 'Place of service missing, invalid or not right for the service.',
  M144: 'Care before or after the surgery is paid as part of the surgery.',
  M80: 'Not paid with another service on the same day.',
  M86: 'Already paid for the same or a similar service in this period.',
  M127: 'Medical record for this service is needed.',
  MA27: 'Patient name or member ID missing or invalid.',
  N4: 'Prior payer remittance (EOB) missing or incomplete.',
  N20: 'Not payable with another service the same day.',
  N30: 'Patient not eligible for this service.',
  N56: 'Procedure code not valid for the service or date.',
  N111: 'No appeal except on whether it is a duplicate: the service was on a claim already decided.',
  N115: 'Decision based on a Local Coverage Determination (LCD).',
  N122: 'An add-on code cannot be billed without its primary service.',
  N130: 'See the plan benefit documents for limits on this service.',
  N211: 'This decision cannot be appealed.',
  N257: 'Billing provider identifier missing or invalid.',
  N290: 'Rendering provider identifier missing or invalid.',
  N362: 'Units exceed the maximum the payer accepts.',
  N706: 'Documentation is missing: send it so the service can be priced.',
  N386: 'Decision based on a National Coverage Determination (NCD).',
  N425: 'Excluded from coverage by law (statute).',
  N822: 'A procedure modifier the service needs is missing.',
  N823: 'Procedure modifier incomplete or not valid for this service.',
  N479: 'Other payer remittance (COB / Medicare Secondary Payer) missing.',
  N657: 'Bill this with the code that fits the service.',
  N65: 'No payment rate on file for this procedure on the date of service.',
  // N781–N783 are CMS's QMB remarks (CR 9911, 2017); they are newer than the 2011 RARC list in
  // ../shared/reference, which has only N192 (patient is a Medicaid/QMB beneficiary).
  N781: 'Patient is a QMB: do not collect this deductible from the patient; bill Medicaid.',
  N782: 'Patient is a QMB: do not collect this coinsurance from the patient; bill Medicaid.',
  N783: 'Patient is a QMB: do not collect this copay from the patient; bill Medicaid.',
} as const;
export type RarcCode = keyof typeof RARC;

/**
 * RARCs we use that are newer than the stored 2011 RARC list, with where each was introduced
 * (the code-list test checks every other number against the list).
 */
export const RARCS_NEWER_THAN_LIST: Readonly<Record<string, string>> = {
  N822: 'X12 RARC list (current in the 2026-08 list, ../shared/reference/carc-rarc/2026-08); newer than the 2011 list',
  N823: 'X12 RARC list (current in the 2026-08 list, ../shared/reference/carc-rarc/2026-08); newer than the 2011 list',
  N781: 'CMS CR 9911 (2017), QMB billing prohibition',
  N782: 'CMS CR 9911 (2017), QMB billing prohibition',
  N783: 'CMS CR 9911 (2017), QMB billing prohibition',
};

export const CARC_LIST_SOURCE =
  'X12 Claim Adjustment Reason Codes (checked against WPC list 2016-03-07)';
export const RARC_LIST_SOURCE =
  'X12 Remittance Advice Remark Codes (checked against WPC list 2011-08-14)';

/** Our wording for a CARC/RARC, or a neutral text for codes read from an 835 that we do not curate. */
export const carcText = (c: string): string =>
  (CARC as Record<string, string>)[c] ?? `Adjustment reason ${c} (see the X12 CARC list).`;
export const rarcText = (c: string): string =>
  (RARC as Record<string, string>)[c] ?? `Remark ${c} (see the X12 RARC list).`;

/** Cost-sharing and pricing CARCs: a line that only carries these was paid (not denied). */
/** Member cost sharing: deductible, coinsurance, copay (what counts toward out of pocket). */
export const COST_SHARING_CARCS: ReadonlySet<string> = new Set(['1', '2', '3']);

export const NON_DENIAL_CARCS: ReadonlySet<string> = new Set([
  '1',
  '2',
  '3',
  '45',
  '253',
  '23',
  '100',
]);

/**
 * Add-on codes as dated data: which primary codes each add-on code needs on the same claim
 * and date of service, and Medicare's G2211 payment rule with modifier 25. Code numbers only
 * (no CPT descriptors); each rule names its source.
 */

export interface AddOnRule {
  addOn: string;
  /** Codes of which at least one must be billed the same date on the same claim. */
  primaries: string[];
  /** ISO dates, inclusive; null when open. */
  effective: string;
  terminated: string | null;
  source: string;
}

const OO_EM = ['99202', '99203', '99204', '99205', '99211', '99212', '99213', '99214', '99215'];
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

/**
 * See: CMS CY2024 PFS final rule (CMS-1784-F) and MLN MM13473 (G2211 with office/outpatient
 * E/M base codes); CY2021 PFS final rule (CMS-1734-F) for G2212; CPT add-on code
 * instructions (the "use in conjunction with" parentheticals, cited by code number only).
 */
export const ADD_ON_RULES: readonly AddOnRule[] = [
  {
    addOn: 'G2211',
    primaries: OO_EM,
    effective: '2024-01-01',
    terminated: null,
    source:
      'CMS CY2024 PFS final rule (CMS-1784-F); MLN MM13473 (G2211 is reported with an office/outpatient E/M visit, 99202–99205, 99211–99215)',
  },
  {
    addOn: 'G2212',
    primaries: ['99205', '99215'],
    effective: '2021-01-01',
    terminated: null,
    source: 'CMS CY2021 PFS final rule (CMS-1734-F): Medicare prolonged O/O E/M with 99205/99215',
  },
  {
    addOn: '99417',
    primaries: ['99205', '99215'],
    effective: '2021-01-01',
    terminated: '2022-12-31',
    source: 'CPT 2021 add-on instructions for 99417 (with 99205 or 99215)',
  },
  {
    addOn: '99417',
    primaries: ['99205', '99215', '99245', '99345', '99350', '99483'],
    effective: '2023-01-01',
    terminated: null,
    source:
      'CPT 2023 add-on instructions for 99417 (with 99205, 99215, 99245, 99345, 99350, 99483)',
  },
  {
    addOn: '90472',
    primaries: ['90460', '90471', '90473'],
    effective: '2011-01-01',
    terminated: null,
    source: 'CPT add-on instructions for 90472 (with 90460, 90471 or 90473)',
  },
  {
    addOn: '90474',
    primaries: ['90460', '90471', '90473'],
    effective: '2011-01-01',
    terminated: null,
    source: 'CPT add-on instructions for 90474 (with 90460, 90471 or 90473)',
  },
  {
    addOn: '90461',
    primaries: ['90460'],
    effective: '2011-01-01',
    terminated: null,
    source: 'CPT add-on instructions for 90461 (with 90460)',
  },
  {
    addOn: '17003',
    primaries: ['17000'],
    effective: '2007-01-01',
    terminated: null,
    source: 'CPT add-on instructions for 17003 (with 17000)',
  },
  {
    addOn: '11201',
    primaries: ['11200'],
    effective: '2007-01-01',
    terminated: null,
    source: 'CPT add-on instructions for 11201 (with 11200)',
  },
  {
    addOn: '11732',
    primaries: ['11730'],
    effective: '2007-01-01',
    terminated: null,
    source: 'CPT add-on instructions for 11732 (with 11730)',
  },
  {
    addOn: '11045',
    primaries: ['11042'],
    effective: '2011-01-01',
    terminated: null,
    source: 'CPT add-on instructions for 11045 (with 11042)',
  },
];

export interface AddOnPayRule {
  addOn: string;
  /** The base codes whose modifier 25 makes the add-on not payable. */
  primaries: string[];
  modifier: string;
  /**
   * Same-day services that keep the add-on payable although the base code has the modifier;
   * empty before the exception existed.
   */
  exceptions: string[];
  effective: string;
  terminated: string | null;
  source: string;
}

/**
 * Medicare Part B preventive services (a curated subset of the MLN preventive services chart:
 * IPPE, AWV, screening pelvic/Pap, alcohol and depression screening and counselling, CVD
 * behavioural therapy, screening mammography and colonoscopy, tobacco cessation counselling)
 * and vaccine administration (G0008–G0010, 90460–90474).
 * See: MLN Medicare Preventive Services (MLN6775421); CMS CY2025 PFS final rule (CMS-1807-F).
 */
const PREVENTIVE = ['G0402', 'G0438', 'G0439', 'G0101', 'Q0091', 'G0442', 'G0443', 'G0444'];
PREVENTIVE.push('G0446', 'G0447', '77067', 'G0105', 'G0121', '99406', '99407');
const VACCINE_ADMIN = ['G0008', 'G0009', 'G0010', ...range(90460, 90474)];

export const ADD_ON_PAY_RULES: readonly AddOnPayRule[] = [
  {
    addOn: 'G2211',
    primaries: OO_EM,
    modifier: '25',
    exceptions: [],
    effective: '2024-01-01',
    terminated: '2024-12-31',
    source:
      'CMS CY2024 PFS final rule (CMS-1784-F); MLN MM13473: G2211 is not payable when the O/O E/M visit is reported with modifier 25',
  },
  {
    addOn: 'G2211',
    primaries: OO_EM,
    modifier: '25',
    exceptions: [...VACCINE_ADMIN, ...PREVENTIVE],
    effective: '2025-01-01',
    terminated: null,
    source:
      'CMS CY2025 PFS final rule (CMS-1807-F): G2211 with a modifier-25 O/O E/M is payable only when the other same-day service is an annual wellness visit, a vaccine administration or a Medicare Part B preventive service',
  },
];

export const inEffectOn = (r: { effective: string; terminated: string | null }, date: string) =>
  r.effective <= date && (r.terminated === null || date <= r.terminated);

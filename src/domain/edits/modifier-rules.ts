/**
 * Modifier rules as data: which modifiers bypass an NCCI PTP edit, which fit which kind of
 * code, which services need a laterality modifier. Each rule names its source.
 */

/** Any E/M service (CPT 99202–99499: office, hospital, consultations, nursing facility…);
 * the office-visit range alone is isOfficeEm in the payer. */
export const isAnyEm = (code: string): boolean =>
  /^99\d{3}$/.test(code) && code >= '99202' && code <= '99499';
/** Clinical laboratory (CPT 80047–89398, Pathology and Laboratory chapter). */
export const isLab = (code: string): boolean => /^8\d{4}$/.test(code);

/**
 * NCCI PTP-associated modifiers.
 * See: NCCI Policy Manual for Medicare Services ch. I §E.1 (modifiers and modifier
 * indicators); CMS MLN "Proper Use of Modifiers 59 & -X{EPSU}".
 */
export const PTP_ANATOMIC = new Set([
  'E1',
  'E2',
  'E3',
  'E4',
  'FA',
  'F1',
  'F2',
  'F3',
  'F4',
  'F5',
  'F6',
  'F7',
  'F8',
  'F9',
  'TA',
  'T1',
  'T2',
  'T3',
  'T4',
  'T5',
  'T6',
  'T7',
  'T8',
  'T9',
  'LT',
  'RT',
  'LC',
  'LD',
  'RC',
  'LM',
  'RI',
]);
export const PTP_GLOBAL_SURGERY = new Set(['24', '25', '57', '58', '78', '79']);
export const PTP_OTHER = new Set(['27', '59', '91', 'XE', 'XS', 'XP', 'XU']);
export const PTP_REF =
  'NCCI Policy Manual for Medicare Services ch. I §E.1 (NCCI PTP-associated modifiers)';

export interface ModifierFit {
  modifiers: string[];
  /** The kind of code the modifier belongs on. */
  fits: (code: string) => boolean;
  needs: string;
  source: string;
}

export const MODIFIER_FITS: ModifierFit[] = [
  {
    modifiers: ['25', '24', '57'],
    fits: isAnyEm,
    needs: 'an E/M service',
    source: 'CMS Pub. 100-04 ch. 12 §30.6.6 and §40.2 (modifiers 24, 25, 57 on E/M services)',
  },
  {
    modifiers: ['59', 'XE', 'XS', 'XP', 'XU'],
    fits: (c) => !isAnyEm(c),
    needs: 'a procedure other than an E/M service',
    source:
      'NCCI Policy Manual ch. I §E.1 (modifier 59 and -X{EPSU} are not used with E/M services; use 25 or 57)',
  },
  {
    // 78/79 are in PTP_GLOBAL_SURGERY as well: they still belong on a procedure (an E/M in a
    // postoperative period takes 24).
    modifiers: ['22', '76', '77', '78', '79'],
    fits: (c) => !isAnyEm(c),
    needs: 'a procedure (not an E/M service)',
    source:
      'CPT Appendix A (22 increased procedural services is not appended to an E/M; 76/77 repeat procedure; 78/79 procedure in a postoperative period, an E/M there takes 24); CMS Pub. 100-04 ch. 12 §40.2',
  },
  {
    modifiers: ['91'],
    fits: isLab,
    needs: 'a clinical laboratory test',
    source:
      'CPT Appendix A modifier 91 (repeat clinical diagnostic laboratory test); NCCI Policy Manual ch. X',
  },
  {
    modifiers: ['LT', 'RT', '50', '26', 'TC'],
    fits: (c) => !isAnyEm(c),
    needs: 'a procedure (E/M services take no laterality or component modifier)',
    source:
      'CMS Pub. 100-04 ch. 12 §40.7 (bilateral surgery) and §20.4.3 (professional/technical components)',
  },
];

/** Pairs that contradict each other on one line. */
export const MODIFIER_CONFLICTS: { pair: [string, string]; why: string; source: string }[] = [
  {
    pair: ['LT', 'RT'],
    why: 'a line is one side: report each side on its own line, or 50 for both',
    source: 'CMS Pub. 100-04 ch. 12 §40.7',
  },
  {
    pair: ['50', 'LT'],
    why: '50 already means both sides',
    source: 'CMS Pub. 100-04 ch. 12 §40.7',
  },
  {
    pair: ['50', 'RT'],
    why: '50 already means both sides',
    source: 'CMS Pub. 100-04 ch. 12 §40.7',
  },
  {
    pair: ['26', 'TC'],
    why: 'the global service is reported without either modifier',
    source: 'CMS Pub. 100-04 ch. 12 §20.4.3',
  },
  // 59 and a more specific X{EPSU} modifier say the same thing: one of them per line.
  ...(['XE', 'XS', 'XP', 'XU'] as const).map((x) => ({
    pair: ['59', x] as [string, string],
    why: `${x} is the more specific form of 59: report ${x} alone`,
    source:
      'CMS MLN Matters SE1418 and MLN "Proper Use of Modifiers 59 & -X{EPSU}" (59 and an X{EPSU} modifier are not reported on the same line)',
  })),
  {
    pair: ['GA', 'GZ'],
    why: 'an ABN was either signed (GA) or not (GZ)',
    source: 'CMS Pub. 100-04 ch. 30 §40.3.6 (ABN modifiers)',
  },
];

/**
 * Anatomic modifiers that already name the side: the finger modifiers FA and F1-F9 (left hand
 * thumb to right hand fifth digit) and the toe modifiers TA and T1-T9 (left foot great toe to
 * right foot fifth digit). A small-joint injection of a toe or finger (20600) with T5 or F3 says
 * which side as RT or LT would. See: CMS HCPCS Level II modifiers (FA-F9, TA-T9); CMS NCCI
 * Policy Manual ch. I §E (anatomic modifiers).
 */
export const SIDE_NAMING = /^(F[A1-9]|T[A1-9])$/;

/**
 * Services on one side of the body whose claims must say which side: RT or LT for one side,
 * 50 for both where the fee schedule's bilateral indicator is 1 (150% for both sides).
 * See: CMS Pub. 100-04 ch. 12 §40.7.B; MPFS RVU file CY2025 column BILAT SURG.
 */
export const LATERALITY_REQUIRED: { codes: string[]; effective: string; source: string }[] = [
  {
    // Joint injections: bilateral surgery indicator 1 (50 for both sides, paid at 150%).
    codes: ['20600', '20604', '20605', '20606', '20610', '20611'],
    effective: '2015-01-01',
    source:
      'MPFS RVU file CY2025, bilateral surgery indicator 1; CMS Pub. 100-04 ch. 12 §40.7 (RT/LT, or 50 for both sides)',
  },
  {
    // Extremity radiographs: bilateral indicator 3 (each side paid at 100%, reported RT/LT).
    codes: ['73030', '73110', '73130', '73560', '73562', '73564', '73610', '73630'],
    effective: '2015-01-01',
    source:
      'MPFS RVU file CY2025, bilateral surgery indicator 3; CMS Pub. 100-04 ch. 12 §40.7 (RT/LT on each side)',
  },
];

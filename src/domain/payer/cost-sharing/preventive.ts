/**
 * Medicare preventive services with the Part B deductible and coinsurance waived, as dated data
 * with their source. A code listed here with `modifier` counts only when billed with that
 * modifier (advance care planning 99497 is waived only as part of the annual wellness visit,
 * modifier 33).
 * See: Social Security Act §1833(a)(1) and (b) as amended by ACA §4104; 42 CFR 410.152(l);
 * Medicare Claims Processing Manual (Pub. 100-04) ch. 18 §1.2 (table of preventive services);
 * MLN006559 "Medicare Preventive Services" (CMS, 2025).
 */

export interface PreventiveEntry {
  codes: readonly string[];
  /** Only with this modifier (e.g. '33'), or null. */
  modifier: string | null;
  from: string;
  to: string | null;
  source: string;
  /**
   * A screening test (imaging, lab, endoscopy and their visits), not a visit or counselling of
   * its own: a commercial plan's ACA waiver covers it only when billed for a screening (Z code);
   * see categories.ts `planServiceCategory`.
   */
  screeningTest?: true;
}

export const MEDICARE_PREVENTIVE: readonly PreventiveEntry[] = [
  {
    codes: ['G0402'],
    modifier: null,
    from: '2009-01-01',
    to: null,
    source: 'Initial preventive physical examination; 42 CFR 410.16; Pub. 100-04 ch. 12 §80',
  },
  {
    codes: ['G0438', 'G0439'],
    modifier: null,
    from: '2011-01-01',
    to: null,
    source: 'Annual wellness visit; 42 CFR 410.15; Pub. 100-04 ch. 18 §140',
  },
  {
    codes: ['G0442', 'G0443'],
    modifier: null,
    from: '2011-10-14',
    to: null,
    source: 'Alcohol misuse screening and counseling; NCD 210.8; Pub. 100-04 ch. 18 §180',
  },
  {
    codes: ['G0444'],
    modifier: null,
    from: '2011-10-14',
    to: null,
    source: 'Annual depression screening; NCD 210.9; Pub. 100-04 ch. 18 §190',
  },
  {
    codes: ['G0446'],
    modifier: null,
    from: '2011-11-08',
    to: null,
    source:
      'Intensive behavioral therapy for cardiovascular disease; NCD 210.11; Pub. 100-04 ch. 18 §160',
  },
  {
    codes: ['G0447'],
    modifier: null,
    from: '2011-11-29',
    to: null,
    source: 'Intensive behavioral therapy for obesity; NCD 210.12; Pub. 100-04 ch. 18 §200',
  },
  {
    codes: ['99497'],
    modifier: '33',
    from: '2016-01-01',
    to: null,
    source:
      'Advance care planning with the annual wellness visit (modifier 33); CY2016 PFS final rule (80 FR 70886); Pub. 100-04 ch. 18 §140.8',
  },
  {
    codes: ['G0101', 'Q0091'],
    modifier: null,
    from: '2011-01-01',
    to: null,
    source:
      'Screening pelvic examination and screening Pap smear collection; 42 CFR 410.56; SSA §1833(b) as amended by ACA §4104; Pub. 100-04 ch. 18 §40',
  },
  {
    codes: ['77067', '77063'],
    screeningTest: true,
    modifier: null,
    from: '2011-01-01',
    to: null,
    source:
      'Screening mammography (USPSTF B), with tomosynthesis add-on; 42 CFR 410.34; Pub. 100-04 ch. 18 §20',
  },
  {
    codes: ['G0104', 'G0105', 'G0121', 'G0328', '82270', '81528'],
    screeningTest: true,
    modifier: null,
    from: '2011-01-01',
    to: null,
    source:
      'Colorectal cancer screening (USPSTF A): flexible sigmoidoscopy, screening colonoscopy, FIT/FOBT, multi-target stool DNA; 42 CFR 410.37; Pub. 100-04 ch. 18 §60',
  },
  {
    codes: ['G0472'],
    modifier: null,
    from: '2014-06-02',
    to: null,
    source: 'Hepatitis C screening (USPSTF B); NCD 210.13; Pub. 100-04 ch. 18 §210',
  },
  {
    codes: ['G0475'],
    modifier: null,
    from: '2015-04-13',
    to: null,
    source: 'HIV screening (USPSTF A); NCD 210.7; Pub. 100-04 ch. 18 §130',
  },
  {
    codes: ['G0103'],
    modifier: null,
    from: '2011-01-01',
    to: null,
    source:
      'Prostate cancer screening PSA blood test (no deductible or coinsurance; the digital rectal exam G0102 is not waived); 42 CFR 410.39; Pub. 100-04 ch. 18 §50',
  },
  {
    codes: ['76706'],
    screeningTest: true,
    modifier: null,
    from: '2017-01-01',
    to: null,
    source:
      'Abdominal aortic aneurysm screening (USPSTF B); 42 CFR 410.19; Pub. 100-04 ch. 18 §110',
  },
  {
    codes: ['71271', 'G0296'],
    screeningTest: true,
    modifier: null,
    from: '2022-02-10',
    to: null,
    source:
      'Lung cancer screening with low-dose CT and its counseling visit (USPSTF B); NCD 210.14 (2022 revision); Pub. 100-04 ch. 18 §220',
  },
  {
    codes: ['77078', '77080', '77081', '77085', '76977', 'G0130'],
    screeningTest: true,
    modifier: null,
    from: '2011-01-01',
    to: null,
    source:
      'Bone mass measurement (USPSTF B, osteoporosis screening); 42 CFR 410.31; SSA §1861(ddd)(3)(A) and §1833(b)(1) as amended by ACA §4104; MLN006559',
  },
  {
    codes: ['97802', '97803', '97804', 'G0270', 'G0271'],
    modifier: null,
    from: '2011-01-01',
    to: null,
    source:
      'Medical nutrition therapy for diabetes or renal disease; 42 CFR 410.130-410.134; Pub. 100-04 ch. 4 §300; MLN006559',
  },
  {
    codes: ['99406', '99407'],
    modifier: null,
    from: '2011-01-01',
    to: null,
    source:
      'Counseling to prevent tobacco use (USPSTF A); NCD 210.4.1; Pub. 100-04 ch. 18 §150; MLN006559',
  },
  {
    codes: ['G0445'],
    modifier: null,
    from: '2011-11-08',
    to: null,
    source:
      'STI screening and high-intensity behavioral counseling (USPSTF B); NCD 210.10; Pub. 100-04 ch. 18 §170',
  },
  {
    codes: ['G0499'],
    modifier: null,
    from: '2016-09-28',
    to: null,
    source: 'Hepatitis B virus screening (USPSTF B); NCD 210.6; Pub. 100-04 ch. 18 §230',
  },
  {
    codes: ['74263'],
    screeningTest: true,
    modifier: null,
    from: '2025-01-01',
    to: null,
    source:
      'CT colonography as a colorectal cancer screening test (USPSTF A/B); CY2025 PFS final rule (89 FR 97710); 42 CFR 410.37(a)(1); Pub. 100-04 ch. 18 §60',
  },
  {
    codes: ['G0008', 'G0009', 'G0010', '90471', '90472', '90473', '90474'],
    modifier: null,
    from: '2011-01-01',
    to: null,
    source:
      'Vaccine administration (influenza, pneumococcal, hepatitis B); 42 CFR 410.152(h); Pub. 100-04 ch. 18 §10',
  },
];

// By code: adjudication asks for every line, so no scan of the whole list.
const byCode = new Map<string, PreventiveEntry[]>();
for (const e of MEDICARE_PREVENTIVE)
  for (const c of e.codes) byCode.set(c, [...(byCode.get(c) ?? []), e]);

/** The entry that makes this line a waived preventive service on `date`, if any. */
export function preventiveEntry(
  code: string,
  modifiers: readonly string[],
  date: string,
): PreventiveEntry | undefined {
  // Claim codes are upper case (parseClaim normalises them); no per-line case folding.
  const list = byCode.get(code);
  if (!list) return undefined;
  for (const e of list)
    if (
      (e.modifier === null || modifiers.includes(e.modifier)) &&
      e.from <= date &&
      (e.to === null || date <= e.to)
    )
      return e;
  return undefined;
}

/**
 * A planned colorectal cancer screening that turns into a procedure (a polyp removed, a biopsy
 * taken) is billed as the diagnostic or therapeutic code with modifier PT: Medicare waives the
 * Part B deductible, and the coinsurance phases down by date of service — 20% through 2022, 15%
 * in 2023–2026, 10% in 2027–2029, 0% from 2030 (the anaesthesia for it, 00811–00813 with PT, too).
 * See: SSA §1833(b)(1) as amended by ACA §4104 (deductible); Consolidated Appropriations Act 2021
 * §122 (coinsurance phase-down); 42 CFR 410.152(l)(5); Pub. 100-04 ch. 18 §60.1.1; MLN MM12656.
 */
const COLORECTAL_PT = [
  ['45330', '45350'],
  ['45378', '45398'],
  ['44388', '44408'],
  ['00811', '00813'],
] as const;

const PT_COINSURANCE: readonly { from: string; to: string | null; rate: number }[] = [
  { from: '2011-01-01', to: '2022-12-31', rate: 0.2 },
  { from: '2023-01-01', to: '2026-12-31', rate: 0.15 },
  { from: '2027-01-01', to: '2029-12-31', rate: 0.1 },
  { from: '2030-01-01', to: null, rate: 0 },
];

export interface ColorectalFollowOn {
  coinsurance: number;
  source: string;
}

/** Medicare's cost sharing for a colorectal screening that became a procedure (PT), if this line is one. */
export function colorectalFollowOn(
  code: string,
  modifiers: readonly string[],
  date: string,
): ColorectalFollowOn | null {
  if (!modifiers.includes('PT') || code.length !== 5) return null;
  if (!COLORECTAL_PT.some(([a, b]) => code >= a && code <= b)) return null;
  const step = PT_COINSURANCE.find((s) => s.from <= date && (s.to === null || date <= s.to));
  if (!step) return null;
  return {
    coinsurance: step.rate,
    source: `colorectal screening that became a procedure (PT): no Part B deductible, ${Math.round(step.rate * 100)}% coinsurance for ${date.slice(0, 4)} (CAA 2021 §122; 42 CFR 410.152(l)(5))`,
  };
}

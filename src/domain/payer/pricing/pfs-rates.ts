/**
 * The percentages of the Physician Fee Schedule payment rules, as data with their source and
 * the date from which they apply. `paid` is the share of the amount the rule acts on that is
 * still paid (0.5 = the amount is halved).
 * The reference folder (../shared/reference/mpfs/2025) holds the RVU25D CSV files but not the
 * RVU read-me or the manual text, so these come from the CMS publications named in `source`.
 */
export interface PfsRate {
  /** Share paid (0–1). */
  paid: number;
  /** Plain words shown on the priced line, followed by the percentage paid. */
  label: string;
  source: string;
  effective: { from: string; to: string | null };
}

const README = 'CMS PFS Relative Value File read-me (RVU25D), MULT PROC';

export const PFS_RATES = {
  /** Indicator 2 (and 3 across families): second and later procedures of the day at 50%. */
  multipleSurgery: {
    paid: 0.5,
    label: 'multiple procedure',
    source: `Pub. 100-04 ch. 12 §40.6; ${README} indicator 2`,
    effective: { from: '1992-01-01', to: null },
  },
  /** Indicator 4: technical component of the second and later imaging services at 50%. */
  imagingTc: {
    paid: 0.5,
    label: 'imaging multiple procedure: technical component',
    source: `${README} indicator 4 (TC of second and later services 50% since 2010-07-01)`,
    effective: { from: '2010-07-01', to: null },
  },
  /** Indicator 4: professional component of the second and later imaging services at 95%. */
  imagingPc: {
    paid: 0.95,
    label: 'imaging multiple procedure: professional component',
    source: `${README} indicator 4 (PC reduction 5% since 2017-01-01; 25% in 2012–2016)`,
    effective: { from: '2017-01-01', to: null },
  },
  /** Indicator 5: practice-expense part of the second and later therapy units at 50%. */
  therapyPe: {
    paid: 0.5,
    label: 'therapy multiple procedure: practice expense',
    source: `${README} indicator 5 (50% PE reduction in all settings since 2013-04-01)`,
    effective: { from: '2013-04-01', to: null },
  },
  /** Indicator 6: technical component of lower-valued diagnostic cardiovascular services at 75%. */
  cardioTc: {
    paid: 0.75,
    label: 'cardiovascular multiple procedure: technical component',
    source: `${README} indicator 6 (25% TC reduction since 2013-01-01)`,
    effective: { from: '2013-01-01', to: null },
  },
  /** Indicator 7: technical component of lower-valued diagnostic ophthalmology services at 80%. */
  ophthalmologyTc: {
    paid: 0.8,
    label: 'ophthalmology multiple procedure: technical component',
    source: `${README} indicator 7 (20% TC reduction since 2013-01-01)`,
    effective: { from: '2013-01-01', to: null },
  },
  /** Modifiers 80, 81, 82: assistant at surgery, 16% of the surgeon's fee schedule amount. */
  assistant: {
    paid: 0.16,
    label: 'assistant at surgery',
    source: 'Pub. 100-04 ch. 12 §20.4.3; RVU25D read-me, ASST SURG',
    effective: { from: '1992-01-01', to: null },
  },
  /** Modifier AS: non-physician assistant, 85% of the 16% (13.6%). */
  nonPhysicianAssistant: {
    paid: 0.136,
    label: 'non-physician assistant at surgery (85% of 16%)',
    source: 'Pub. 100-04 ch. 12 §110–§120 (PA, NP, CNS assisting at surgery: 85% of the 16%)',
    effective: { from: '1998-01-01', to: null },
  },
  /** Modifier 62: each co-surgeon is paid 62.5% of the fee schedule amount. */
  coSurgery: {
    paid: 0.625,
    label: 'co-surgery',
    source: 'Pub. 100-04 ch. 12 §40.8; RVU25D read-me, CO SURG',
    effective: { from: '1992-01-01', to: null },
  },
} as const satisfies Record<string, PfsRate>;

/** "imaging multiple procedure: technical component 50%". */
export const rateText = (r: PfsRate): string => `${r.label} ${Math.round(r.paid * 1000) / 10}%`;

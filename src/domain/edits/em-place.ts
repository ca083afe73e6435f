/**
 * E/M code family against the place of service: each E/M category describes where the patient
 * is, so a visit code billed for another setting is the wrong code, not just a wrong POS.
 * - Office or other outpatient visits (99202-99215) are not reported for a patient who is an
 *   inpatient (POS 21, 51, 61) or a nursing facility resident (POS 31, 32): that setting has its
 *   own family.
 * - Hospital inpatient or observation care (99221-99239) is not reported in an office (POS 11)
 *   or the patient's home (POS 12), nor for a nursing facility resident (POS 31, 32).
 * - Emergency department visits (99281-99285) are reported only for a hospital emergency
 *   department (POS 23).
 * - Nursing facility visits (99304-99316) are reported only for a patient in a skilled nursing
 *   or nursing facility (POS 31, 32), or the other facilities CPT places in the family (an
 *   intermediate care facility for individuals with intellectual disabilities, POS 54; a
 *   psychiatric residential treatment center, POS 56).
 * Only the pairs the rules rule out are flagged: a POS the table does not name (telehealth 02/10,
 * on-campus outpatient hospital 22 for an office visit or observation, …) is never judged here.
 * The payer denies the line CO-5 (procedure code inconsistent with the place of service) + M77
 * (inappropriate place of service); the scrubber reports the same finding before the claim goes.
 * See: CPT Evaluation and Management Services Guidelines (each category's setting); CMS Pub.
 * 100-04 ch. 12 §30.6 (E/M services: §30.6.9 hospital visits, §30.6.11 emergency department
 * visits, §30.6.13 nursing facility visits); CMS Place of Service Code Set; X12 CARC 5, RARC M77
 * (both current in the August 2026 lists).
 */
import type { Claim } from '../claim/claim';
import type { Finding } from '../findings';
import type { EditContext } from './context';
import { finding } from './finding-kit';

interface EmFamily {
  name: string;
  range: string;
  test: (code: string) => boolean;
  /** Places of service the family is never reported in. */
  notIn?: ReadonlySet<string>;
  /** Or: the only places of service it is reported in. */
  onlyIn?: ReadonlySet<string>;
}

const OFFICE: EmFamily = {
  name: 'an office or other outpatient visit',
  range: '99202-99215',
  test: (c) => /^992(0[2-5]|1[1-5])$/.test(c),
  notIn: new Set(['21', '31', '32', '51', '61']),
};
const HOSPITAL: EmFamily = {
  name: 'hospital inpatient or observation care',
  range: '99221-99239',
  test: (c) => /^992(2[1-3]|3[1-689])$/.test(c),
  notIn: new Set(['11', '12', '31', '32']),
};
const ED: EmFamily = {
  name: 'an emergency department visit',
  range: '99281-99285',
  test: (c) => /^9928[1-5]$/.test(c),
  onlyIn: new Set(['23']),
};
const NURSING: EmFamily = {
  name: 'a nursing facility visit',
  range: '99304-99316',
  test: (c) => /^993(0[4-9]|1[0-6])$/.test(c),
  onlyIn: new Set(['31', '32', '54', '56']),
};
const FAMILIES: readonly EmFamily[] = [OFFICE, HOSPITAL, ED, NURSING];

/** The setting a POS names and the E/M family that fits it (only the POS the table judges). */
const SETTING: Record<string, { place: string; fits: string }> = {
  '11': { place: 'office', fits: 'office or other outpatient visits (99202-99215)' },
  '12': { place: 'home', fits: 'home or residence visits (99341-99350)' },
  '13': { place: 'assisted living facility', fits: 'home or residence visits (99341-99350)' },
  '19': {
    place: 'off-campus outpatient hospital',
    fits: 'office or other outpatient visits (99202-99215)',
  },
  '20': { place: 'urgent care facility', fits: 'office or other outpatient visits (99202-99215)' },
  '21': {
    place: 'inpatient hospital',
    fits: 'hospital inpatient or observation care (99221-99239)',
  },
  '22': {
    place: 'on-campus outpatient hospital',
    fits: 'office or other outpatient visits (99202-99215), or observation care (99221-99239)',
  },
  '23': { place: 'emergency room - hospital', fits: 'emergency department visits (99281-99285)' },
  '31': { place: 'skilled nursing facility', fits: 'nursing facility visits (99304-99316)' },
  '32': { place: 'nursing facility', fits: 'nursing facility visits (99304-99316)' },
  '33': { place: 'custodial care facility', fits: 'home or residence visits (99341-99350)' },
  '51': {
    place: 'inpatient psychiatric facility',
    fits: 'hospital inpatient or observation care (99221-99239)',
  },
  '61': {
    place: 'comprehensive inpatient rehabilitation facility',
    fits: 'hospital inpatient or observation care (99221-99239)',
  },
};

const REF =
  'CPT Evaluation and Management Services Guidelines (the setting of each E/M category); CMS Pub. 100-04 ch. 12 §30.6 (§30.6.9 hospital visits, §30.6.11 emergency department visits, §30.6.13 nursing facility visits); CMS Place of Service Code Set; CARC 5, RARC M77';

/** Whether `family` rules out the place of service `pos`. */
const rulesOut = (f: EmFamily, pos: string): boolean =>
  f.notIn ? f.notIn.has(pos) : !!f.onlyIn && !f.onlyIn.has(pos);

export function emPlaceEdits(claim: Claim, _ctx: EditContext): Finding[] {
  const pos = claim.provider.pos;
  if (!/^\d{2}$/.test(pos)) return [];
  const out: Finding[] = [];
  claim.lines.forEach((l, i) => {
    const fam = FAMILIES.find((f) => f.test(l.code));
    if (!fam || !rulesOut(fam, pos)) return;
    const setting = SETTING[pos];
    const where = setting ? `${pos} (${setting.place})` : pos;
    out.push(
      finding(
        'em.place-of-service',
        'error',
        i + 1,
        [l.code],
        `${l.code} (line ${i + 1}) is ${fam.name} code (${fam.range}), billed with place of service ${where}: the code does not fit the setting${setting ? `; a visit there is reported with ${setting.fits}` : ''}.`,
        REF,
        {
          field: `lines[${i}].code`,
          suggestion: setting
            ? `Bill the visit with a code for the ${setting.place} (${setting.fits}), or correct the place of service if the patient was elsewhere`
            : `Bill the E/M code for the setting the patient was in, or correct the place of service`,
        },
      ),
    );
  });
  return out;
}

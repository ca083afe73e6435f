/**
 * The eleventh round's lexicon (issue 10: STATUS, SHORTHAND and PUNCTUATION classes) on the real
 * FY2026 encoder: siblings of each Index group (not the queries that showed the gap) find the
 * code the Alphabetic Index leads to. Every target word being a FY2026 title or Index word is
 * checked for all rows by abbreviations-fy2026.test.ts.
 * See: Official Guidelines FY2026 §I.B.1 (Alphabetic Index), §I.C.21.c.3 (status),
 * §I.C.21.c.4 (history).
 */
import { describe, expect, it } from 'vitest';
import { fy2026Present, useFy2026Search } from './fy2026-search';
import { ABBREVIATIONS } from '../../src/domain/codes/search/abbreviations';
import { STATUS_ROUND_11 } from '../../src/domain/codes/search/lexicon-status';

const present = fy2026Present('FY2026 lexicon tests (round 11)');
const keysOf = (row: string) => row.replace(/^[+!]/, '').split('=')[0]!.split(',');

describe('round 11 status rows', () => {
  it('are part of the abbreviation table and well formed', () => {
    for (const row of STATUS_ROUND_11) {
      expect(ABBREVIATIONS).toContain(row);
      expect(row.split('=')).toHaveLength(2);
      for (const k of keysOf(row)) expect(k).toMatch(/^[a-z0-9][a-z0-9 ]*$/);
    }
  });
});

describe.skipIf(!present)('round 11 lexicon on FY2026 ICD-10-CM', () => {
  const { top } = useFy2026Search();

  it('Sprain, lumbosacral S33.9 (not the S39.012 strain of the lower back)', () => {
    expect(top('lumbosacral sprain', 1)[0]).toMatch(/^S33\.9/);
    expect(top('ls sprain', 1)[0]).toMatch(/^S33\.9/);
    expect(top('lumbosacral strain', 1)[0]).toMatch(/^S39\.012/); // Strain, low back
  });
  it('Status: tubal ligation, peripheral angioplasty, vascular grafts', () => {
    expect(top('s/p btl', 1)).toEqual(['Z98.51']);
    expect(top('h/o iliac stent', 1)).toEqual(['Z95.820']);
    expect(top('s/p aortobifemoral bypass', 1)).toEqual(['Z95.828']);
  });
  it('Presence: bone implants, spectacles and contact lenses', () => {
    expect(top('retained hardware', 1)).toEqual(['Z96.7']);
    expect(top('wears glasses', 1)).toEqual(['Z97.3']);
  });
  it('Dependence on enabling machines, residential institution, long-term drug NEC', () => {
    expect(top('dependent on cane', 1)).toEqual(['Z99.89']);
    expect(top('home cpap', 1)).toEqual(['Z99.89']);
    expect(top('lives in assisted living', 1)).toEqual(['Z59.3']);
    expect(top('long term statin use', 1)).toEqual(['Z79.899']);
  });
  it('Late effect(s) - see Sequelae; personal history typed in full; cancer of a site', () => {
    expect(top('late effects of tuberculosis', 1)).toEqual(['B90.9']);
    expect(top('personal history of breast cancer', 1)).toEqual(['Z85.3']);
    expect(top('hx of cancer of the rectum', 1)).toEqual(['Z85.048']);
    expect(top('h/o basal cell carcinoma of the skin', 1)).toEqual(['Z85.828']);
  });
  it('Shorthand and punctuation variants of Index terms', () => {
    expect(top('bedwetting', 1)).toEqual(['N39.44']);
    expect(top('sixth disease', 1)).toEqual(['B08.20']);
    expect(top('seasonal allergy', 1)).toEqual(['J30.2']);
    expect(top('polydrug abuse', 1)).toEqual(['F19.10']);
    expect(top('perimenopausal symptoms', 1)).toEqual(['N95.1']);
    expect(top('vag discharge', 1)).toEqual(['N89.8']);
    expect(top('a1c high', 1)).toEqual(['R73.09']);
    expect(top('ear infx', 1)).toEqual(['H66.90']);
    expect(top('crohns of the small bowel', 1)).toEqual(['K50.00']);
    expect(top('high creatinine', 1)).toEqual(['R79.89']);
    expect(top('hypercarbia', 1)).toEqual(['R06.89']);
    expect(top('munchausens syndrome', 1)[0]).toMatch(/^F68\.1/);
    expect(top('korsakoff syndrome', 1)).toEqual(['F10.96']);
    expect(top('merkel cell cancer', 1)[0]).toMatch(/^C4A/);
  });
});

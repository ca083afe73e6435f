/**
 * Coder-query classes (issue 10, fifth round) on the real FY2026 code set and Alphabetic Index:
 * the rules' own examples. Skips, saying how to get the files, when ../shared/reference is absent.
 * See: Official Guidelines FY2026 §I.A.15 ("with"), §I.B.1 (main term), §I.C.19.a (7th
 * character A), §I.C.21.c.3 (status); Index and external cause index entries quoted in
 * src/domain/codes/search/abbreviations.ts beside each row.
 */
import { describe, expect, it } from 'vitest';
import { fy2026Present, useFy2026Search } from './fy2026-search';

const present = fy2026Present('FY2026 coder-class tests (round 5)');

describe.skipIf(!present)('coder-query classes on FY2026 ICD-10-CM (round 5)', () => {
  const { top } = useFy2026Search();

  it('shorthand: lexicon rows read through the Index', () => {
    expect(top('hfm disease', 1)).toEqual(['B08.4']);
    expect(top('on hrt', 1)).toEqual(['Z79.890']);
    expect(top('lad stemi', 1)).toEqual(['I21.02']);
    expect(top('acute appy', 1)).toEqual(['K35.80']);
    expect(top('lipid screening', 1)).toEqual(['Z13.220']);
    expect(top('cbd stone', 1)).toEqual(['K80.50']);
    expect(top('co poisoning accidental', 1)).toEqual(['T58.91XA']);
    expect(top('sbo', 1)).toEqual(['K56.609']);
    expect(top('preop exam')).toContain('Z01.818');
  });
  it('punctuation: "swimmer\'s ear" is its own title (H60.33-)', () => {
    expect(top("swimmer's ear rt", 1)).toEqual(['H60.331']);
  });
  it('anatomy: a limb word counts once; a site the condition codes do not name', () => {
    expect(top('lt leg pain', 1)).toEqual(['M79.605']);
    expect(top('lle edema', 1)).toEqual(['R60.0']);
    expect(top('bilat leg edema', 1)).toEqual(['R60.0']);
    expect(top('varicose veins bilat legs', 1)).toEqual(['I83.93']);
    expect(top('cts rt wrist', 1)).toEqual(['G56.01']);
    expect(top('puncture wound lt palm', 1)).toEqual(['S61.432A']);
    expect(top('rt distal radius fx routine healing', 1)).toEqual(['S52.501D']);
  });
  it('status: amputation status, a device in place', () => {
    expect(top('lt great toe amputation status', 1)).toEqual(['Z89.412']);
    expect(top('aicd in place', 1)).toEqual(['Z95.810']);
    expect(top('pacemaker in place', 1)).toEqual(['Z95.0']);
  });
  it('mechanism: kicked by an animal, cut by a knife, foreign body in an orifice', () => {
    expect(top('kicked by horse', 1)).toEqual(['W55.12XA']);
    expect(top('kicked by another person', 1)).toEqual(['W50.1XXA']);
    expect(top('cut by kitchen knife', 1)).toEqual(['W26.0XXA']);
    expect(top('fb rt ear', 1)).toEqual(['T16.1XXA']);
    expect(top('fb in nose', 1)).toEqual(['T17.1XXA']);
  });
});

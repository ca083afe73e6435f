/**
 * Mechanism and anatomy ranking (issue 10, eighth round) on the real FY2026 code set and
 * Alphabetic Index: the injury type and the body site typed pick the subcategory of that type
 * and site. Queries written from the Index and Tabular, not taken from any holdout set.
 * Skips, saying how to get the files, when ../shared/reference is absent.
 * See: Official Guidelines FY2026 §I.B.1, §I.B.13, §I.C.19.a, §I.C.19.c.1.
 */
import { describe, expect, it } from 'vitest';
import { fy2026Present, useFy2026Search } from './fy2026-search';

const present = fy2026Present('FY2026 round-8 coder-class tests');

describe.skipIf(!present)('round 8: mechanism and anatomy ranking on FY2026 ICD-10-CM', () => {
  const { top } = useFy2026Search();

  // S90-S99 name only the great toe and the lesser toe(s); "2nd toe" is a place, not a burn
  // degree (T25.2-) nor the great toe. See: ICD-10-CM S91.1-, S90.1-, M20.4- titles.
  it('anatomy: a toe by its place is a lesser toe (the first the great toe)', () => {
    expect(top('laceration lt 2nd toe', 1)).toEqual(['S91.115A']);
    expect(top('contusion rt 3rd toe', 1)).toEqual(['S90.121A']);
    expect(top('abrasion lt 4th toe', 1)).toEqual(['S90.415A']);
    expect(top('hammer toe left 2nd toe', 1)).toEqual(['M20.42']);
    expect(top('second degree burn rt 2nd toe', 1)).toEqual(['T25.231A']);
  });

  // S60-S69 name each finger; a title naming another finger comes after the finger typed, and a
  // finger with none named is the unspecified finger code. See: Guidelines I.B.13, S61.2-, S62.6-.
  it('anatomy: the finger typed selects its code; none named is the unspecified finger', () => {
    expect(top('fracture rt ring finger', 1)).toEqual(['S62.604A']);
    expect(top('fx rt 5th finger', 1)).toEqual(['S62.606A']);
    expect(top('fx rt finger', 1)).toEqual(['S62.609A']);
    expect(top('lac rt finger', 1)).toEqual(['S61.219A']);
    expect(top('dog bite rt finger', 1)).toEqual(['S61.259A']);
  });

  // A fracture typed with no kind: the unspecified fracture of the site, before a burst, wedge
  // compression or "other" fracture; the Index entry typed keeps its own code ("Fracture, ankle
  // S82.89-"). See: Guidelines I.B.1, I.C.19.c.1; ICD-10-CM S22.0-, S32.0-, S82.9-, S92.4-.
  it('mechanism: a fracture of no kind typed is the unspecified fracture of the site', () => {
    expect(top('fx l1 vertebra', 1)).toEqual(['S32.019A']);
    expect(top('fracture t7 vertebra', 1)).toEqual(['S22.069A']);
    expect(top('fx rt lower leg', 1)).toEqual(['S82.91XA']);
    expect(top('fx rt great toe', 1)).toEqual(['S92.401A']);
    expect(top('rt ankle fx initial', 1)).toEqual(['S82.891A']);
    expect(top('unstable burst fx l1', 1)).toEqual(['S32.012A']);
    expect(top('wedge fx l2', 1)).toEqual(['S32.020A']);
  });

  // The site typed, not the "unspecified site" (nor "multiple sites") sibling of its subcategory.
  // See: Guidelines I.B.13, I.C.19.d.5; ICD-10-CM T23.0-, T23.2-, T24.2- titles.
  it('anatomy: a burn of the site typed, before the unspecified-site code of the limb', () => {
    expect(top('burn rt palm', 1)).toEqual(['T23.051A']);
    expect(top('2nd degree burn rt palm', 1)).toEqual(['T23.251A']);
    expect(top('burn rt lower leg 2nd degree', 1)).toEqual(['T24.231A']);
    expect(top('burn rt hand second degree', 1)).toEqual(['T23.201A']);
  });

  // Index "Burn, chemical (external) (internal) - see Corrosion, by site". See: Guidelines I.C.19.d.
  it('mechanism: a chemical burn is the corrosion of the site, not its thermal burn', () => {
    expect(top('chemical burn rt hand', 1)).toEqual(['T23.401A']);
    expect(top('acid burn lt forearm', 1)).toEqual(['T22.412A']);
    expect(top('burn rt hand', 1)).toEqual(['T23.001A']);
  });

  // An animal bite of a site is the open bite of the site (S-code, first) with the animal as the
  // external cause ("Bite, bitten by, dog W54.0"), same encounter. See: Guidelines I.C.20.
  it('mechanism: a bite with its site is the open bite, then the animal external cause', () => {
    expect(top('dog bite rt hand', 2)).toEqual(['S61.451A', 'W54.0XXA']);
    expect(top('dog bite rt hand subsequent', 2)).toEqual(['S61.451D', 'W54.0XXD']);
    expect(top('cat bite finger', 2)).toEqual(['S61.259A', 'W55.01XA']);
    expect(top('human bite lt thumb', 2)).toEqual(['S61.052A', 'W50.3XXA']);
    expect(top('dog bite', 1)).toEqual(['W54.0XXA']);
  });

  // The Index leads to the unspecified side (S53.10-: "Unspecified subluxation of unspecified
  // ulnohumeral joint"); with a side typed its sided sibling is offered (the side is the 6th
  // character before the 7th), and the dislocation typed comes before the subluxation.
  // See: Guidelines I.B.13; ICD-10-CM S53.1-, S82.1- titles.
  it('anatomy and mechanism: the sided sibling of a 7-character code; dislocation vs subluxation', () => {
    expect(top('dislocation of lt elbow', 1)).toEqual(['S53.105A']);
    expect(top('dislocation rt elbow', 1)).toEqual(['S53.104A']);
    expect(top('subluxation rt elbow', 1)).toEqual(['S53.101A']);
    expect(top('fx rt tibial plateau', 1)).toEqual(['S82.141A']);
  });
});

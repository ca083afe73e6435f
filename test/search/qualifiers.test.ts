/**
 * Coder-query classes (issue 10): hyphenated words, side and history qualifiers, status
 * phrases. Rules: ICD-10-CM Official Guidelines FY2026 §I.B.13 (laterality), §I.A.9
 * (unspecified when the documentation does not say), §I.C.21.c.3–4 (status and history codes).
 */
import { describe, expect, it } from 'vitest';
import { expandQuery } from '../../src/domain/codes/search/expand';
import { byQualifiers } from '../../src/domain/codes/search/qualifiers';
import type { SearchHit } from '../../src/domain/codes/search/types';
import { hit } from './helpers';

const order = (q: string, hits: SearchHit[]) =>
  byQualifiers(hits, expandQuery(q)).map((h) => h.code);

const KNEE = [
  hit('M25569', 'Pain in unspecified knee'),
  hit('M25561', 'Pain in right knee'),
  hit('M25562', 'Pain in left knee'),
];

describe('query qualifiers', () => {
  it('a hyphenated word also matches its joined form', () => {
    const s = expandQuery('pre-diabetes');
    expect(s[0]!.alts).toEqual([['pre', 'diabetes'], ['prediabetes']]);
  });

  it('side abbreviations expand to the words titles use', () => {
    expect(expandQuery('lt knee pain')[0]!.alts).toEqual([['left']]);
    expect(expandQuery('rlq pain')[0]!.alts).toEqual([['right', 'lower', 'quadrant']]);
    expect(expandQuery('bilat knee oa')[0]!.alts).toEqual([['bilateral']]);
  });

  it('the side typed ranks first; with no side, the unspecified side does', () => {
    expect(order('lt knee pain', KNEE)[0]).toBe('M25562');
    expect(order('right knee pain', KNEE)[0]).toBe('M25561');
    expect(order('knee pain', [...KNEE].reverse())[0]).toBe('M25569');
  });

  it('history of is the personal history, family history the family one', () => {
    const hits = [hit('Z823', 'Family history of stroke'), hit('Z8673', 'Personal history of TIA')];
    expect(order('hx of stroke', hits)[0]).toBe('Z8673');
    expect(order('family history of stroke', [...hits].reverse())[0]).toBe('Z823');
  });

  it('s/p asks for a status Z code, not the condition', () => {
    const hits = [
      hit('Q440', 'Agenesis of gallbladder'),
      hit('Z9049', 'Acquired absence of other specified parts of digestive tract'),
    ];
    expect(order('s/p cholecystectomy', hits)[0]).toBe('Z9049');
  });

  // See: Guidelines §I.C.21.c.3 (Z79 long-term (current) drug therapy).
  it('"chronic" beside a drug reads as long term and asks for a Z79 code', () => {
    const s = expandQuery('chronic anticoagulation');
    expect(s[0]!.alts).toEqual([['long', 'term']]);
    expect(s[1]!.drug).toBe(true);
    expect(expandQuery('chronic pain')[0]!.alts).toEqual([['chronic']]);
    const hits = [
      hit('I8291', 'Chronic embolism and thrombosis of unspecified vein'),
      hit('Z7901', 'Long term (current) use of anticoagulants'),
    ];
    expect(order('chronic anticoagulation', hits)[0]).toBe('Z7901');
    expect(order('long term prednisone', hits)[0]).toBe('Z7901');
  });

  it('a drug name also finds its Z79 drug class', () => {
    expect(expandQuery('prednisone')[0]!.alts).toContainEqual(['systemic', 'steroids']);
    expect(expandQuery('eliquis')[0]!.alts).toContainEqual(['anticoagulants']);
  });

  it('an abbreviation glued to its stage is split; w and w/o are with and without', () => {
    expect(expandQuery('ckd3a').map((s) => s.typed)).toEqual(['ckd', '3a']);
    expect(expandQuery('dm2')[0]!.alts).toEqual([['type', '2', 'diabetes', 'mellitus']]);
    expect(expandQuery('copd w pna')[1]!.alts).toEqual([['with']]);
    expect(expandQuery('gerd w/o esophagitis')[1]!.alts).toEqual([['without']]);
  });

  // See: Guidelines §I.B.13: no bilateral code -> the right and the left code.
  it('bilateral with no bilateral code puts right and left before the unspecified side', () => {
    expect(order('bilat knee pain', KNEE).slice(0, 2).sort()).toEqual(['M25561', 'M25562']);
  });

  // See: Guidelines §I.C.19 (open bite vs superficial insect bite).
  it('a bite with no insect named is an open bite; an insect bite is superficial', () => {
    const hits = [
      hit('S60362A', 'Insect bite (nonvenomous) of left thumb, initial encounter'),
      hit('S61052A', 'Open bite of left thumb without damage to nail, initial encounter'),
    ];
    expect(order('bite of left thumb', hits)[0]).toBe('S61052A');
    expect(order('insect bite left thumb', [...hits].reverse())[0]).toBe('S60362A');
  });

  // See: Guidelines §I.C.13.c (M84 not for traumatic fractures) and §I.C.19.a (7th character A).
  it('a fracture is traumatic and the initial encounter comes first unless said otherwise', () => {
    const hits = [
      hit('M84372A', 'Stress fracture, left ankle, initial encounter for fracture'),
      hit('S82892D', 'Other fracture of left lower leg, subsequent encounter for closed fracture'),
      hit('S82892A', 'Other fracture of left lower leg, initial encounter for closed fracture'),
    ];
    expect(order('left ankle fracture', hits)).toEqual(['S82892A', 'S82892D', 'M84372A']);
    expect(order('stress fracture left ankle', hits)[0]).toBe('M84372A');
    expect(order('left ankle fracture subsequent', hits)[0]).toBe('S82892D');
  });
});

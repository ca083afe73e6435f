/**
 * Coder-query classes (issue 10): hyphenated words, side and history qualifiers, status
 * phrases. Rules: ICD-10-CM Official Guidelines FY2026 §I.B.13 (laterality), §I.A.9
 * (unspecified when the documentation does not say), §I.C.21.c.3–4 (status and history codes).
 */
import { describe, expect, it } from 'vitest';
import { expandQuery } from '../../src/domain/codes/search/expand';
import { byQualifiers } from '../../src/domain/codes/search/qualifiers';
import type { SearchHit } from '../../src/domain/codes/search/types';

const hit = (code: string, title: string): SearchHit => ({
  code,
  display: code,
  title,
  billable: true,
  score: 1,
  via: 'description',
});
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
});

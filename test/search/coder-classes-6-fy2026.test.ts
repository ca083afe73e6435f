/**
 * Coder-query classes (issue 10, sixth round) on the real FY2026 code set and Alphabetic Index:
 * the general rules' own examples. Skips, saying how to get the files, when ../shared/reference
 * is absent. See: Official Guidelines FY2026 §I.A.9 (defaults), §I.A.15 ("with"/"without"),
 * §I.B.1 (the Index's default), §I.C.6.a (dominant side).
 */
import { describe, expect, it } from 'vitest';
import { fy2026Present, useFy2026Search } from './fy2026-search';

const present = fy2026Present('FY2026 coder-class tests (round 6)');

describe.skipIf(!present)('coder-query classes on FY2026 ICD-10-CM (round 6)', () => {
  const { top } = useFy2026Search();

  it('negation: a word typed is not found where a title excludes it, nor a negated word where one states it', () => {
    expect(top('CAD w/ angina', 1)).toEqual(['I25.119']);
    expect(top('annual physical adult no abn findings', 1)).toEqual(['Z00.00']);
    expect(top('dm2 w hypoglycemia no coma', 1)).toEqual(['E11.649']);
    expect(top("Graves' disease w/o storm", 1)).toEqual(['E05.00']);
    expect(top('elevated bp w/o htn', 1)).toEqual(['R03.0']);
  });
  it('a detail not typed is not assumed: "not specified as recurrent", the Index default kept', () => {
    expect(top('c. diff colitis', 1)).toEqual(['A04.72']);
    expect(top('GERD w esophagitis', 1)).toEqual(['K21.00']);
    // Index "Concussion S06.0X9-": the Index entry typed keeps its code first.
    expect(top('concussion', 1)).toEqual(['S06.0X9A']);
  });
  it('the Tabular step: among siblings, the child that says more of the query (a tie-breaker)', () => {
    expect(top('pressure ulcer sacrum stage 2', 1)).toEqual(['L89.152']);
    expect(top('acute on chronic HFpEF', 1)).toEqual(['I50.33']);
    expect(top('elevated wbc', 1)).toEqual(['D72.829']);
    // Far apart in score: the Index's own code stays first.
    expect(top('copd with emphysema', 1)).toEqual(['J43.9']);
  });
  it('dominance: the left side is non-dominant, the right dominant, unless typed', () => {
    expect(top('old cva with left hemiparesis', 1)).toEqual(['I69.354']);
  });
  it('note words: a rule-out is not coded, NOS is unspecified', () => {
    expect(top('presents w chest pain r/o MI', 1)).toEqual(['R07.9']);
    expect(top('depression nos', 1)).toEqual(['F32.A']);
    expect(top('anemia nos', 1)).toEqual(['D64.9']);
  });
  it('lay words and split words reach the Index term', () => {
    expect(top('black tarry stools', 1)).toEqual(['K92.1']);
    expect(top('painful periods', 1)).toEqual(['N94.6']);
    expect(top('swollen lymph nodes', 1)).toEqual(['R59.9']);
    expect(top('post partum depression', 1)).toEqual(['F53.0']);
  });
  it('inflections before typo correction', () => {
    expect(top('coughing', 1)).toEqual(['R05.9']);
    expect(top('snores', 1)).toEqual(['R06.83']);
  });
});

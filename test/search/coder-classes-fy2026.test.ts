/**
 * Coder-query classes (issue 10, third round) on the real FY2026 code set and Alphabetic Index:
 * one test per class, queries from bench/queries/tuning-3.json (never from holdout-3.json).
 * Skips, saying how to get the files, when ../shared/reference is absent.
 * See: Official Guidelines FY2026 §I.A.9, §I.A.12, §I.B.1, §I.B.13, §I.C.19, §I.C.21.c.3–4.
 */
import { describe, expect, it } from 'vitest';
import { fy2026Present, useFy2026Search } from './fy2026-search';

const present = fy2026Present('FY2026 coder-class tests');

describe.skipIf(!present)('coder-query classes on FY2026 ICD-10-CM', () => {
  const { top } = useFy2026Search();

  it('punctuation: hyphenated shorthand and organisms with periods', () => {
    expect(top('ibs-d', 1)).toEqual(['K58.0']);
    expect(top('e. coli sepsis', 1)).toEqual(['A41.51']);
    expect(top('post-op fever', 1)).toEqual(['R50.82']);
  });
  it('anatomy: eyes, spinal levels, lobes and arteries as charted', () => {
    expect(top('dry eye ou', 1)).toEqual(['H04.123']);
    expect(top('pterygium od', 1)).toEqual(['H11.001']);
    expect(top('c5-c6 ddd', 1)).toEqual(['M50.322']);
    expect(top('l5-s1 radiculopathy', 1)).toEqual(['M54.17']);
    expect(top('rul nodule', 1)).toEqual(['R91.1']);
    expect(top('r ica stenosis', 1)).toEqual(['I65.21']);
  });
  it('status: operations and devices, and a history no code names', () => {
    expect(top('s/p cardiac stent', 1)).toEqual(['Z95.5']);
    expect(top('s/p trach', 1)).toEqual(['Z93.0']);
    expect(top('s/p pacemaker', 1)).toEqual(['Z95.0']);
    expect(top('hx of testicular cancer', 1)).toEqual(['Z85.47']);
    expect(top('fh of hypertension', 1)).toEqual(['Z82.49']);
  });
  it('laterality: the Index header leads to the sided child of the site typed', () => {
    expect(top('right hand cellulitis', 1)).toEqual(['L03.113']);
    expect(top('right thigh cellulitis', 1)).toEqual(['L03.115']);
    expect(top('left varicocele', 1)).toEqual(['I86.1']);
    expect(top('left ureteral stone', 1)).toEqual(['N20.1']);
  });
  it('mechanism: a sting is a toxic effect of the venom, whatever the site', () => {
    expect(top('bee sting right hand', 1)).toEqual(['T63.441A']);
    expect(top('stung by wasp', 1)).toEqual(['T63.461A']);
  });
  it('shorthand: electrolytes, roman stages, two conditions typed together', () => {
    expect(top('hypo k', 1)).toEqual(['E87.6']);
    expect(top('ckd stage iii', 1)).toEqual(['N18.30']);
    expect(top('afib on eliquis')).toEqual(expect.arrayContaining(['I48.91', 'Z79.01']));
    expect(top('uti w hematuria')).toEqual(expect.arrayContaining(['N39.0', 'R31.9']));
  });
});

/**
 * Coder-query classes (issue 10, seventh round) on the real FY2026 code set and Alphabetic Index:
 * the general rules' own examples. Skips, saying how to get the files, when ../shared/reference
 * is absent. See: Official Guidelines FY2026 §I.C.19.a (7th character), §I.C.19.e.5.b
 * (poisoning of unknown intent is accidental).
 */
import { describe, expect, it } from 'vitest';
import { fy2026Present, useFy2026Search } from './fy2026-search';

const present = fy2026Present('FY2026 coder-class tests (round 7)');

describe.skipIf(!present)('coder-query classes on FY2026 ICD-10-CM (round 7)', () => {
  const { top } = useFy2026Search();

  it('the episode typed picks the 7th character (A initial, D subsequent, S sequela)', () => {
    expect(top('low back strain subsequent', 1)).toEqual(['S39.012D']);
    expect(top('low back strain subs', 1)).toEqual(['S39.012D']);
    expect(top('fx rt distal radius f/u', 1)).toEqual(['S52.501D']);
    expect(top('hip fx lt sequela', 1)).toEqual(['S72.002S']);
    expect(top('low back strain init', 1)).toEqual(['S39.012A']);
    expect(top('low back strain', 1)).toEqual(['S39.012A']);
    // "f/u visit" alone is the follow-up encounter.
    expect(top('f/u visit', 1)).toEqual(['Z09']);
  });
  it('an overdose is an accidental poisoning, "od" beside a drug is an overdose', () => {
    expect(top('tylenol od', 1)).toEqual(['T39.1X1A']);
    expect(top('o.d. heroin', 1)).toEqual(['T40.1X1A']);
    expect(top('tylenol od subsequent', 1)).toEqual(['T39.1X1D']);
    expect(top('acetaminophen od intentional', 1)).toEqual(['T39.1X2A']);
    expect(top('acetaminophen poisoning', 1)).toEqual(['T39.1X1A']);
  });
  it('no code has every word: a code still names the main term typed (I.B.1)', () => {
    // Rash (R21) or pruritus (L29.9, the lexicon's reading of "itchy"): either names a word typed.
    expect(['R21', 'L29.9']).toContain(top('pt c/o itchy rash both arms', 1)[0]);
    expect(top('gerd symptoms', 1)).toEqual(['K21.9']);
    expect(top('pseudophakia rt eye', 1)).toEqual(['Z96.1']);
    expect(top('melanoma rt upper arm', 1)).toEqual(['C43.61']);
    // A generic main term ("injured") does not hold back the rarer word typed with it.
    expect(top('injured by lawn mower', 1)).toEqual(['W28.XXXA']);
  });
  it('a transport accident is a traffic accident unless nontraffic is typed', () => {
    expect(top('mvc passenger init', 1)).toEqual(['V49.50XA']);
    expect(top('pedestrian hit by car', 1)).toEqual(['V03.10XA']);
  });
});

/**
 * The tenth round's ranking rules (issue 10) on the real FY2026 encoder: Index, Tabular and
 * Guideline conventions that hold for every code, each checked on a sample of its class.
 * See: Official Guidelines FY2026 §I.B.13 (laterality), §I.A.9 (unspecified codes), §I.C.2
 * (primary neoplasm by default), §I.C.21.c.5 (screening).
 */
import { describe, expect, it } from 'vitest';
import { fy2026Present, useFy2026Search } from './fy2026-search';

const present = fy2026Present('FY2026 ranking tests (round 10)');

describe.skipIf(!present)('ranking rules on FY2026 ICD-10-CM (round 10)', () => {
  const { top } = useFy2026Search();

  it('bilateral typed: a code of a category without sides is not put behind another category of one side (I.B.13)', () => {
    // R20.2 "Paresthesia of skin" has no side; "Meralgia paresthetica, right lower limb" is
    // another condition, not the bilateral answer.
    expect(top('paresthesia both hands', 1)).toEqual(['R20.2']);
    // Within a sided category with no bilateral code, right and left still come first.
    expect(top('bilat knee pain', 2).sort()).toEqual(['M25.561', 'M25.562']);
  });
  it('"both eyes" in a title is its bilateral code: not the answer for one eye (I.B.13)', () => {
    expect(top('vision loss right eye', 1)).toEqual(['H54.61']);
    expect(top('vision loss left eye', 1)).toEqual(['H54.62']);
  });
  it('a malignant neoplasm not said to be secondary is primary (I.C.2, Neoplasm Table)', () => {
    expect(top('ca lt lung', 1)).toEqual(['C34.92']);
    expect(top('ca rt lung', 1)).toEqual(['C34.91']);
    // The secondary code when the spread is typed.
    expect(top('lung mets', 1)).toEqual(['C78.00']);
    expect(top('liver metastasis', 1)).toEqual(['C78.7']);
  });
  it('screening codes only when a screening is typed (I.C.21.c.5)', () => {
    expect(top('ca lt lung', 3)).not.toContain('Z12.2');
    expect(top('breast cancer screening', 2)).toContain('Z12.31');
  });
  it('a sibling saying an untyped detail is not promoted over the Index default (I.A.9)', () => {
    // "Delay, development, speech F80.9"; F80.4 adds "due to hearing loss".
    expect(top('speech delay', 1)).toEqual(['F80.9']);
    expect(top('language delay', 1)).toEqual(['F80.9']);
  });

  it('a negated word is not required of a code; the title that excludes it comes first (I.A.15)', () => {
    expect(top("raynaud's phenomenon w/o gangrene", 1)).toEqual(['I73.00']);
    expect(top('raynauds disease w/o gangrene', 1)).toEqual(['I73.00']);
    expect(top('elevated bp w/o htn', 1)).toEqual(['R03.0']);
    expect(top('migraine no aura', 1)).toEqual(['G43.009']);
  });

  it('AD, AS, AU beside a word of the ear are its sides; elsewhere "ad" keeps its reading (I.B.13)', () => {
    expect(top('tinnitus ad', 1)).toEqual(['H93.11']);
    expect(top('tinnitus au', 1)).toEqual(['H93.13']);
    expect(top('impacted cerumen as', 1)).toEqual(['H61.22']);
    expect(top('ad', 1)).toEqual(['L20.9']); // atopic dermatitis
  });

  it('side typed: another condition that only mentions the one typed comes after the code of that side (I.B.13, I.B.1)', () => {
    // "Tuberculosis > otitis media" A18.6 and "Scarlatina > otitis media" A38.0 have no side.
    expect(top('otitis media lt', 1)).toEqual(['H66.92']);
    expect(top('ear infection left', 1)).toEqual(['H66.92']);
    // A code reached through its own Index entry keeps its place ("Disease, Dupuytren's").
    expect(top('dupuytrens rt hand', 1)).toEqual(['M72.0']);
  });

  it('an Index header leads first to the child whose title says it is the default (I.A.9)', () => {
    // "Degeneration, intervertebral disc, lumbar region M51.36" is a header in FY2026: its
    // child "...without mention of lumbar back pain or lower extremity pain" is the default.
    expect(top('degenerative disc disease lumbar', 1)).toEqual(['M51.369']);
    expect(top('lumbosacral ddd', 1)).toEqual(['M51.379']);
    expect(top('parkinsons', 2)).toContain('G20.A1'); // "...without mention of fluctuations"
  });

  it('"acute on chronic" only when both are typed (or an exacerbation): acute alone is acute (I.A.9)', () => {
    expect(top('diastolic chf acute', 1)).toEqual(['I50.31']);
    expect(top('acute on chronic diastolic chf', 1)).toEqual(['I50.33']);
    expect(top('chronic diastolic chf', 1)).toEqual(['I50.32']);
  });

  it('among hits of one score, the Index entry typed level by level comes first (I.B.1)', () => {
    // "Struck by > object > falling" W20.8, not "... > falling > from, in, on > structure" W20.1.
    expect(top('hit by falling object', 1)).toEqual(['W20.8XXA']);
    // "Bite > face NEC": NEC says no more than the term; the injury before its cause.
    expect(top('dog bite face', 1)).toEqual(['S01.85XA']);
    expect(top('s/p thyroidectomy', 1)).toEqual(['E89.0']); // "Absence > thyroid"
  });

  it('"s/p" asks for a status code, not a history: its "history" reading is no history typed (I.C.21.c.3)', () => {
    expect(top('s/p aortic valve replacement mechanical', 1)).toEqual(['Z95.2']);
    expect(top('s/p transmetatarsal amputation rt foot', 1)).toEqual(['Z89.431']);
    expect(top('s/p mitral valve replacement', 1)).toEqual(['Z95.2']);
  });

  it('the Tabular child step keeps a child of the side typed ahead of one without it (I.B.13)', () => {
    expect(top('left sided abd pain', 2)).not.toContain('R10.10');
    expect(['R10.12', 'R10.32']).toContain(top('left sided abd pain', 1)[0]);
  });

  it('saying as much, the unspecified child comes before "other specified" (I.A.9)', () => {
    expect(top('influenza b with pneumonia', 1)).toEqual(['J10.00']);
    expect(top('flu w pneumonia', 1)).toEqual(['J11.00']);
  });
});

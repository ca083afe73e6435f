/**
 * Round 11 laterality ranking (issue 10) on the real FY2026 encoder: a side typed on a condition
 * whose family has codes of that side only for details not typed keeps the Index's code for the
 * condition typed (it has no side of its own); a family whose sided code says what was typed
 * keeps that code first. Samples are siblings of the Index terms, not the queries that showed
 * the gap. See: Official Guidelines FY2026 §I.A.9 (unspecified codes), §I.B.1 (Alphabetic
 * Index), §I.B.13 (laterality).
 */
import { describe, expect, it } from 'vitest';
import { fy2026Present, useFy2026Search } from './fy2026-search';

const present = fy2026Present('FY2026 laterality ranking tests (round 11)');

describe.skipIf(!present)('round 11 laterality ranking on FY2026 ICD-10-CM', () => {
  const { top } = useFy2026Search();

  it('a side typed on a condition with no code of that side for it keeps the Index code', () => {
    // Index "Neuritis, optic" H46.9; the sided H46.0-/H46.1- are papillitis and retrobulbar.
    expect(top('optic neuritis lt', 1)).toEqual(['H46.9']);
    expect(top('optic neuritis left eye', 1)).toEqual(['H46.9']);
    // Index "Iritis" H20.9; the sided H20.01- are primary iridocyclitis.
    expect(top('iritis rt eye', 1)).toEqual(['H20.9']);
    // Both sides typed: no bilateral code says "optic neuritis" either.
    expect(top('bilateral optic neuritis', 1)).toEqual(['H46.9']);
  });

  it('a sided code that says what was typed stays first', () => {
    expect(top('rt knee oa', 1)).toEqual(['M17.11']);
    expect(top('left knee osteoarthritis', 1)).toEqual(['M17.12']);
    expect(top('cellulitis left foot', 1)).toEqual(['L03.116']);
    // A sideless code of a subcategory with sided codes is its unspecified site: behind them.
    expect(top('lac rt eyebrow', 1)).toEqual(['S01.111A']);
  });
});

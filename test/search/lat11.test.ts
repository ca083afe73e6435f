/**
 * Round 11 laterality/encounter ranking rules on small inputs (the FY2026 samples are in
 * lat11-fy2026.test.ts). See: ICD-10-CM Official Guidelines FY2026 §I.C.19.a (the 7th character
 * is added to the code the Index leads to: A initial, D subsequent, S sequela).
 */
import { describe, expect, it } from 'vitest';
import { byEpisode } from '../../src/domain/codes/search/episode';
import { hit } from './helpers';

const CARPAL = 'Fracture of unspecified carpal bone, left wrist';
const PISIFORM = 'Displaced fracture of pisiform, left wrist';

describe('the episode typed keeps the place of the code ranked first (I.C.19.a)', () => {
  it('moves a listed sibling of the episode typed up to the place of its other-episode twin', () => {
    const hits = [
      hit('S62102A', `${CARPAL}, initial encounter for closed fracture`),
      hit('S62162S', `${PISIFORM}, sequela`),
      hit('S62102S', `${CARPAL}, sequela`),
    ];
    expect(byEpisode(hits, 'sequela', () => null).map((h) => h.code)).toEqual([
      'S62102S',
      'S62162S',
      'S62102A',
    ]);
  });
  it('leaves a sibling already ahead where it is', () => {
    const hits = [
      hit('S62102S', `${CARPAL}, sequela`),
      hit('S62162S', `${PISIFORM}, sequela`),
      hit('S62102A', `${CARPAL}, initial encounter for closed fracture`),
    ];
    expect(byEpisode(hits, 'sequela', () => null).map((h) => h.code)).toEqual([
      'S62102S',
      'S62162S',
      'S62102A',
    ]);
  });
});

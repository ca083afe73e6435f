/**
 * The ninth round's lexicon (issue 10, MECHANISM class) on the real FY2026 encoder: a sample of
 * each group (an Index injury main term or External Cause Index main term) finds the code its
 * Index term leads to. (Every target word being a FY2026 title or Index word is checked for all
 * abbreviation rows by lexicon-7-fy2026.test.ts.)
 * See: Official Guidelines FY2026 §I.C.19 (injuries), §I.C.20 (external causes), §I.B.1
 * (Alphabetic Index), §I.C.19.a (7th character A, initial encounter).
 */
import { describe, expect, it } from 'vitest';
import { fy2026Present, useFy2026Search } from './fy2026-search';
import { ABBREVIATIONS } from '../../src/domain/codes/search/abbreviations';
import { MECHANISM } from '../../src/domain/codes/search/lexicon-mechanism';

const present = fy2026Present('FY2026 lexicon tests (round 9)');
const keysOf = (row: string) => row.replace(/^[+!]/, '').split('=')[0]!.split(',');

describe('mechanism rows (round 9)', () => {
  it('are part of the abbreviation table and well formed', () => {
    for (const row of MECHANISM) {
      expect(ABBREVIATIONS).toContain(row);
      expect(row.split('=')).toHaveLength(2);
      for (const k of keysOf(row)) expect(k).toMatch(/^[a-z0-9][a-z0-9 ]*$/);
    }
  });
});

describe.skipIf(!present)('mechanism lexicon on FY2026 ICD-10-CM (round 9)', () => {
  const { top } = useFy2026Search();

  it('Laceration: gash, sliced, split lip', () => {
    expect(top('gash left forearm', 1)).toEqual(['S51.812A']);
    expect(top('sliced left index finger', 1)).toEqual(['S61.211A']);
    expect(top('split lip', 2)).toContain('S01.511A'); // Laceration, lip
  });
  it('Sprain (twisted) and Strain (tweaked, threw out back)', () => {
    expect(top('twisted left knee', 1)).toEqual(['S83.92XA']);
    expect(top('tweaked back', 1)).toEqual(['S39.012A']); // Strain, back, low
    expect(top('threw out my back', 1)).toEqual(['S39.012A']);
  });
  it('Fracture (broke, busted nose) and Dislocation (popped shoulder)', () => {
    expect(top('broke left wrist', 5)).toContain('S62.102A');
    expect(top('busted nose', 1)).toEqual(['S02.2XXA']); // Fracture, nasal bones
    expect(top('popped shoulder', 1)).toEqual(['S43.006A']);
  });
  it('External causes: Assault by knife, pedal cyclist noncollision, Overexertion, Striking against', () => {
    expect(top('stabbed', 5)).toContain('X99.1XXA');
    expect(top('fell off bike', 1)).toEqual(['V18.9XXA']);
    expect(top('lifting injury', 1)).toEqual(['X50.0XXA']);
    expect(top('hit my head on cabinet', 1)).toEqual(['W22.8XXA']);
  });
  it('second group: lumbar sprain, cracked rib, smashed (crushing), glass, insect bite, collisions', () => {
    expect(top('back sprain', 1)).toEqual(['S33.5XXA']); // Sprain, spine, lumbar
    expect(top('cracked rib', 1)).toEqual(['S22.39XA']);
    expect(top('cracked tooth', 1)).toEqual(['K03.81']); // its own title, not a fracture
    expect(top('smashed right thumb', 1)).toEqual(['S67.01XA']); // Crush, thumb
    expect(top('stepped on glass', 1)).toEqual(['W25.XXXA']); // Contact, with, glass
    expect(top('mosquito bite', 1)).toEqual(['W57.XXXA']); // Bitten, by, insect
    expect(top('fell from standing', 1)).toEqual(['W18.30XA']); // Fall, same level
    expect(top('rear ended', 5)).toContain('V43.52XA'); // car driver, collision with car
    expect(top('bicycle hit by car', 1)).toEqual(['V13.4XXA']); // pedal cyclist, collision with car
    expect(top('head butted', 1)).toEqual(['W50.0XXA']); // Striking against, person
  });
  it('third group: amputation, ACL, teeth, pedestrian, falling object, electrocution, contusion', () => {
    expect(top('fingertip cut off left index', 1)).toEqual(['S68.111A']); // Amputation, finger
    expect(top('torn acl left knee', 1)).toEqual(['S83.512A']); // Sprain, knee, cruciate, anterior
    expect(top('acl tear right knee', 1)).toEqual(['S83.511A']);
    expect(top('torn meniscus left knee', 5)).toContain('S83.207A'); // Tear, meniscus: unchanged
    expect(top('knocked out tooth', 1)).toEqual(['S03.2XXA']); // Dislocation, tooth
    expect(top('chipped tooth', 1)).toEqual(['S02.5XXA']); // Fracture, tooth (traumatic)
    expect(top('run over by car', 1)).toEqual(['V03.10XA']); // pedestrian, collision with car
    expect(top('dropped weight on foot', 1)).toEqual(['W20.8XXA']); // Struck by, object, falling
    expect(top('electrocuted', 1)).toEqual(['T75.4XXA']);
    expect(top('stubbed right toe', 2)).toContain('S90.111A'); // Contusion, toe, great
  });
});

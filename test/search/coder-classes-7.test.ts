/**
 * Coder-query classes, seventh round of issue 10: the general rules behind them, on small inputs
 * (the same rules on the real FY2026 files are in coder-classes-7-fy2026.test.ts). Rules:
 * ICD-10-CM Official Guidelines FY2026 §I.C.19.a (7th character: A initial, D subsequent, S
 * sequela) and §I.C.19.e.5.b (a poisoning of unknown intent is accidental).
 */
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/domain/codes/search';
import { byEpisode, byIntent, titleEpisode } from '../../src/domain/codes/search/episode';
import { expandQuery } from '../../src/domain/codes/search/expand';
import { byQualifiers } from '../../src/domain/codes/search/qualifiers';
import type { IndexTermInput } from '../../src/domain/codes/search/types';
import { billableRow as row, codesOf, hit } from './helpers';

const STRAIN = 'Strain of muscle, fascia and tendon of lower back';
const strainRows = [
  row('S39012A', `${STRAIN}, initial encounter`),
  row('S39012D', `${STRAIN}, subsequent encounter`),
  row('S39012S', `${STRAIN}, sequela`),
];

describe('the episode of care typed picks the 7th character (I.C.19.a)', () => {
  it('reads the typed forms as one optional episode slot', () => {
    const ep = (q: string) => expandQuery(q).find((s) => s.episode)?.episode;
    expect(ep('low back strain init')).toBe('initial');
    expect(ep('low back strain initial encounter')).toBe('initial');
    expect(ep('low back strain subs')).toBe('subsequent');
    expect(ep('fx rt radius f/u')).toBe('subsequent');
    expect(ep('hip fx sequela')).toBe('sequela');
    // Alone, or beside a visit word only, it is what it says: "f/u visit" is Z09.
    expect(ep('sequela')).toBeUndefined();
    expect(ep('f/u visit')).toBeUndefined();
  });
  it("reads a title's episode", () => {
    expect(titleEpisode(`${STRAIN}, initial encounter`)).toBe('initial');
    expect(
      titleEpisode(
        'Fracture of right radius, subsequent encounter for closed fracture with routine healing',
      ),
    ).toBe('subsequent');
    expect(titleEpisode(`${STRAIN}, sequela`)).toBe('sequela');
    expect(titleEpisode('Sequelae of cerebral infarction')).toBeNull();
  });
  it('ranks the code of the episode typed first, the initial encounter when none is typed', () => {
    expect(codesOf(strainRows, 'lower back strain subsequent')[0]).toBe('S39012D');
    expect(codesOf(strainRows, 'lower back strain subs')[0]).toBe('S39012D');
    expect(codesOf(strainRows, 'lower back strain f/u')[0]).toBe('S39012D');
    expect(codesOf(strainRows, 'lower back strain sequela')[0]).toBe('S39012S');
    expect(codesOf(strainRows, 'lower back strain init')[0]).toBe('S39012A');
    expect(codesOf(strainRows, 'lower back strain')[0]).toBe('S39012A');
  });
  it('swaps a hit for another episode for its sibling, in place', () => {
    const hits = [hit('S39012A', `${STRAIN}, initial encounter`), hit('R52', 'Pain, unspecified')];
    const sib = (code: string) =>
      code === 'S39012D' ? hit('S39012D', `${STRAIN}, subsequent encounter`) : null;
    expect(byEpisode(hits, 'subsequent', sib).map((h) => h.code)).toEqual([
      'S39012D',
      'R52',
      'S39012A',
    ]);
    expect(byEpisode(hits, null, sib)).toBe(hits);
  });
  it('keeps routine healing (D) before delayed healing or nonunion unless typed', () => {
    const d = hit(
      'S52501D',
      'Fracture of radius, subsequent encounter for closed fracture with routine healing',
    );
    const g = hit(
      'S52501G',
      'Fracture of radius, subsequent encounter for closed fracture with delayed healing',
    );
    expect(byEpisode([g, d], 'subsequent', () => null).map((h) => h.code)).toEqual([
      'S52501D',
      'S52501G',
    ]);
    expect(byEpisode([g, d], 'subsequent', () => null, 'fx delayed healing f u')[0]!.code).toBe(
      'S52501G',
    );
  });
});

describe('an overdose is an accidental poisoning unless another intent is typed (I.C.19.e.5.b)', () => {
  const T39 = 'Poisoning by 4-Aminophenol derivatives';
  const hits = [
    hit('T391X6A', 'Underdosing of 4-Aminophenol derivatives, initial encounter'),
    hit('T391X4A', `${T39}, undetermined, initial encounter`),
    hit('T391X2A', `${T39}, intentional self-harm, initial encounter`),
    hit('T391X1A', `${T39}, accidental (unintentional), initial encounter`),
  ];
  it('puts the accidental poisoning first for an overdose with no intent', () => {
    expect(byIntent(hits, expandQuery('tylenol overdose'))[0]!.code).toBe('T391X1A');
  });
  it('keeps the intent typed', () => {
    expect(byIntent(hits, expandQuery('tylenol overdose intentional'))[0]!.code).toBe('T391X2A');
    expect(byIntent(hits, expandQuery('tylenol underdosing'))[0]!.code).toBe('T391X6A');
  });
  it('reads "od" beside something not of the eye as an overdose, beside an eye word as the right eye', () => {
    expect(expandQuery('tylenol od').find((s) => s.typed === 'od')!.alts).toContainEqual([
      'overdose',
    ]);
    expect(expandQuery('o.d. heroin').find((s) => s.typed === 'od')!.alts).toContainEqual([
      'overdose',
    ]);
    expect(expandQuery('cataract od').find((s) => s.typed === 'od')!.alts).toEqual([['right']]);
  });
});

describe('a code must name the head concept when no code has every word (I.B.1)', () => {
  const rows = [
    row('R21', 'Rash and other nonspecific skin eruption'),
    row('Z97.15', 'Presence of artificial arms, bilateral (complete) (partial)'),
    row('Z97.16', 'Presence of artificial legs, bilateral (complete) (partial)'),
    row('Z96.1', 'Presence of intraocular lens'),
    row('S40.021A', 'Contusion of right upper arm, initial encounter'),
    row('W28.XXXA', 'Contact with powered lawn mower, initial encounter'),
    row('T14.90XA', 'Injury, unspecified, initial encounter'),
  ];
  const terms: IndexTermInput[] = [
    { path: ['Rash'], code: 'R21', kind: 'index' },
    { path: ['Presence', 'artificial', 'limb', 'arm', 'bilateral'], code: 'Z97.15', kind: 'index' },
    { path: ['Contusion', 'arm'], code: 'S40.021A', kind: 'index' },
    { path: ['Injury'], code: 'T14.90XA', kind: 'index' },
    { path: ['Mower, lawn'], code: 'W28.XXXA', kind: 'eindex' },
  ];
  const top = (q: string) =>
    buildSearchIndex(rows, terms)
      .search(q, { limit: 5 })
      .hits.map((h) => h.code);
  it('drops the words no code has with the condition, not the condition', () => {
    // "presence ... arm" names a status code; "rash" is the main term typed.
    expect(top('rash presence arm')[0]).toBe('R21');
  });
  it('a generic main term does not hold back a rarer word typed with it', () => {
    expect(top('injured by lawn mower')[0]).toBe('W28.XXXA');
  });
});

describe('a transport accident not said to be nontraffic is a traffic accident (V00-V99 note)', () => {
  const hits = [
    hit(
      'V49.10XA',
      'Passenger injured in collision with unspecified motor vehicles in nontraffic accident, initial encounter',
    ),
    hit(
      'V49.50XA',
      'Passenger injured in collision with unspecified motor vehicles in traffic accident, initial encounter',
    ),
  ];
  it('puts the traffic code first unless nontraffic is typed', () => {
    expect(byQualifiers(hits, expandQuery('mvc passenger'))[0]!.code).toBe('V49.50XA');
    expect(byQualifiers(hits, expandQuery('mvc passenger nontraffic'))[0]!.code).toBe('V49.10XA');
  });
});

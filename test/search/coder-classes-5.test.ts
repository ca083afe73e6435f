/**
 * Coder-query classes, fifth round of issue 10: the rules behind them, on small inputs (the same
 * rules on the real FY2026 files are in coder-classes-5-fy2026.test.ts). Rules: ICD-10-CM
 * Official Guidelines FY2026 §I.A.15 ("with"), §I.B.1 (look up the main term, the condition),
 * §I.C.21.c.3 (status), the Alphabetic Index "see" references quoted beside each case.
 */
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/domain/codes/search';
import { expandQuery } from '../../src/domain/codes/search/expand';
import { byMainTerm } from '../../src/domain/codes/search/query';
import type { SearchHit } from '../../src/domain/codes/search/types';
import { billableRow as row } from './helpers';

const hit = (code: string, score: number, indexPath?: string): SearchHit => ({
  code,
  display: code,
  title: code,
  billable: true,
  score,
  via: indexPath ? 'index' : 'description',
  ...(indexPath ? { indexPath } : {}),
});
const alts = (q: string) => expandQuery(q).map((s) => s.alts);

describe('fifth-round lexicon rows (abbreviations.ts)', () => {
  it('spells out abbreviations the Index and titles use the words of', () => {
    expect(alts('hfm')).toEqual([[['hand', 'foot', 'mouth', 'disease']]]);
    expect(alts('hrt')).toEqual([[['hormone', 'replacement', 'therapy']]]);
    expect(alts('lad')).toEqual([[['left', 'anterior', 'descending']]]);
    expect(alts('acute appy')).toEqual([[['acute', 'appendicitis']]]);
  });
  it('reads "distal <bone>" as its lower end and "palm" as the hand, keeping the typed words', () => {
    // Index "Fracture, radius, distal end - see Fracture, radius, lower end"; "Puncture, palm -
    // see Puncture, hand".
    expect(alts('distal radius')[0]).toContainEqual(['lower', 'end', 'radius']);
    expect(alts('distal radius')[0]).toContainEqual(['distal', 'radius']);
    expect(alts('palm')[0]).toEqual([['palm'], ['hand']]);
  });
  it('"kicked by" an animal is "struck by" it (external cause index "Kicked by, animal")', () => {
    expect(alts('kicked by horse')[0]).toEqual([['kicked'], ['struck']]);
  });
  it('an amputation status is an acquired absence; a device "in place" is present', () => {
    expect(alts('amputation status')).toEqual([[['acquired', 'absence']]]);
    expect(alts('in place')).toEqual([[['presence'], ['status']]]);
  });
});

describe('a slot counts its best alternative once', () => {
  // "leg" stands for leg | limb | lower extremity: a title with "lower leg" must not collect both
  // "leg" and the "lower" of another alternative.
  const s = buildSearchIndex(
    [row('M79.605', 'Pain in left leg'), row('M79.662', 'Pain in left lower leg')],
    [],
  );
  it('ranks "Pain in left leg" first for "left leg pain"', () => {
    expect(s.search('left leg pain', { limit: 2 }).hits.map((h) => h.code)).toEqual([
      'M79.605',
      'M79.662',
    ]);
  });
});

describe('byMainTerm: another main term "with" the condition typed ranks below', () => {
  const slots = expandQuery('left leg edema');
  it('lowers "Varix > leg > with > edema" below "Edema > legs"', () => {
    const hits = [
      hit('I83.892', 4.3, 'Varix > leg > left > with > edema'),
      hit('R60.0', 3.95, 'Edema > legs'),
    ];
    expect(byMainTerm(hits, slots).map((h) => h.code)).toEqual(['R60.0', 'I83.892']);
  });
  it('leaves it when the query names the main term, or the path has no "with"', () => {
    const hits = [
      hit('I83.892', 4.3, 'Varix > leg > left > with > edema'),
      hit('R60.0', 3.95, 'Edema > legs'),
    ];
    expect(byMainTerm(hits, expandQuery('varix left leg edema')).map((h) => h.code)).toEqual([
      'I83.892',
      'R60.0',
    ]);
    const plain = [hit('I87.1', 4.3, 'Compression > vein'), hit('R60.0', 3.95, 'Edema > legs')];
    expect(byMainTerm(plain, slots)).toBe(plain);
  });
  it('covers "with <condition>" subterms ("Puncture > ear > with foreign body")', () => {
    const hits = [
      hit('S01.341A', 4.3, 'Puncture > ear > right > with foreign body'),
      hit('T16.1XXA', 3.96),
    ];
    expect(byMainTerm(hits, expandQuery('fb rt ear')).map((h) => h.code)).toEqual([
      'T16.1XXA',
      'S01.341A',
    ]);
  });
});

describe('a typed site is dropped before the condition when only unrelated codes name it', () => {
  const s = buildSearchIndex(
    [
      row('G56.01', 'Carpal tunnel syndrome, right upper limb'),
      row('S61.511A', 'Laceration without foreign body of right wrist, initial encounter'),
      row('M67.432', 'Ganglion, left wrist'),
      row('M67.40', 'Ganglion, unspecified site'),
    ],
    [
      { path: ['Syndrome', 'carpal tunnel'], code: 'G56.0-', kind: 'index' },
      { path: ['Cyst', 'ganglion'], code: 'M67.40', kind: 'index' },
    ],
  );
  const first = (q: string) => s.search(q, { limit: 1 }).hits[0]?.code;
  it('carpal tunnel of the wrist is the upper-limb code, not a wrist laceration', () => {
    expect(first('carpal tunnel syndrome rt wrist')).toBe('G56.01');
  });
  it('keeps the site when a code names it with part of the condition (ganglion of the wrist)', () => {
    expect(first('left wrist ganglion cyst')).toBe('M67.432');
  });
});

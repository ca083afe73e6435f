/**
 * Coder-query classes, third round of issue 10: the rules behind them, on small inputs (the same
 * rules on the real FY2026 files are in coder-classes-fy2026.test.ts). Rules: ICD-10-CM Official
 * Guidelines FY2026 §I.A.9 (NEC and unspecified), §I.A.12 (see), §I.B.1 (Index, then Tabular),
 * §I.B.13 (laterality), §I.C.19 (injuries, toxic effects), §I.C.21.c.3–4 (status and history).
 */
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/domain/codes/search';
import { expandQuery } from '../../src/domain/codes/search/expand';
import {
  byQualifiers,
  codePenalty,
  historyCodeFor,
  isHistorySlot,
} from '../../src/domain/codes/search/qualifiers';
import { resolveIndexCode } from '../../src/domain/codes/search/remap';
import { hit, row } from './helpers';

const alts = (q: string) => expandQuery(q).map((s) => s.alts);

describe('tokenization and normalisation', () => {
  it('reads a vertebra or spinal level as its level, its vertebra and its region', () => {
    expect(alts('c5-c6 ddd')[0]).toEqual([['c5', 'c6'], ['cervical']]);
    expect(alts('l5-s1 radiculopathy')[0]).toEqual([['l5', 's1'], ['lumbosacral']]);
    expect(alts('l4 compression fracture')[0]).toEqual([['l4'], ['fourth', 'lumbar'], ['lumbar']]);
  });
  it('leaves a code that looks like a level alone (S72 has no 72nd sacral vertebra)', () => {
    expect(alts('s72.001a')[0]).toEqual([['s72']]);
  });
  it('drops how long a symptom has lasted and reads a roman stage as its digit', () => {
    expect(expandQuery('rlq pain x 2 days').map((s) => s.typed)).toEqual(['rlq', 'pain']);
    expect(expandQuery('ckd stage iii').map((s) => s.typed)).toEqual(['ckd', 'stage', '3']);
    expect(expandQuery('ckd iv').map((s) => s.typed)).toEqual(['ckd', '4']);
  });
  it('reads d/o, d/t, w/ and IBS-D as the words titles use', () => {
    expect(alts('panic d/o')[1]).toEqual([['disorder']]);
    expect(alts('sepsis d/t e coli').slice(1)).toEqual([[['due']], [['escherichia', 'coli']]]);
    expect(alts('ibs-d')[0]).toEqual([['irritable', 'bowel', 'syndrome', 'with', 'diarrhea']]);
  });
});

describe('abbreviation tables (ClaimLab curated, synonyms.ts)', () => {
  it('OD, OS and OU are the right eye, the left eye and both eyes: sides only', () => {
    expect(alts('pterygium od')[1]).toEqual([['right']]);
    expect(alts('chalazion os')[1]).toEqual([['left']]);
    expect(alts('dry eye ou')[2]).toEqual([['bilateral']]);
  });
  it('a limb abbreviation with a side is the side and the limb', () => {
    expect(alts('lle edema')).toEqual([
      [['left']],
      [['lower', 'limb'], ['lower', 'extremity'], ['leg']],
      [['edema']],
    ]);
  });
  it('breast quadrants, lung lobes and arteries are spelled out', () => {
    expect(alts('lt breast mass uoq')[2]).toEqual([['upper', 'outer', 'quadrant']]);
    expect(alts('rul nodule')[0]).toContainEqual(['right', 'upper', 'lobe']);
    expect(alts('l mca stroke')[1]).toEqual([['middle', 'cerebral', 'artery']]);
  });
  it('an organ adjective also reads as the noun a title uses', () => {
    expect(alts('history of ovarian cancer')[1]).toEqual([['ovarian'], ['ovary']]);
    expect(alts('left ureteral stone')[1]).toEqual([['ureteral'], ['ureter']]);
  });
  it('an -ectomy or a device names the status a Z code says', () => {
    expect(alts('s/p appendectomy')[1]).toContainEqual([
      'acquired',
      'absence',
      'digestive',
      'tract',
    ]);
    expect(alts('s/p cardiac stent')[1]).toEqual([['coronary', 'angioplasty', 'implant']]);
  });
  it('"post-op" before a condition is postprocedural, not a status', () => {
    expect(alts('post-op fever')[0]).toEqual([['postprocedural'], ['postoperative']]);
  });
});

describe('index-term matching: a header the Index names leads to the child its words name', () => {
  const entries = [
    row('L0311', false, 'Cellulitis of other parts of limb'),
    row('L03111', true, 'Cellulitis of right axilla'),
    row('L03112', true, 'Cellulitis of left axilla'),
    row('L03113', true, 'Cellulitis of right upper limb'),
    row('L03114', true, 'Cellulitis of left upper limb'),
    row('L03115', true, 'Cellulitis of right lower limb'),
    row('L03116', true, 'Cellulitis of left lower limb'),
    row('L03119', true, 'Cellulitis of unspecified part of limb'),
  ];
  const byCode = new Map(entries.map((e, i) => [e.code, i]));
  const sorted = Int32Array.from(entries.keys());
  const codes = (words?: string[]) =>
    resolveIndexCode('L03.11-', byCode, sorted, entries, words && new Set(words)).map(
      ([i]) => entries[i]!.code,
    );
  it('without words: the header and its most generic children (unspecified first)', () => {
    expect(codes()).toEqual(['L0311', 'L03119', 'L03111', 'L03112']);
  });
  it('"Cellulitis, upper limb": the upper-limb children', () => {
    expect(codes(['upper', 'limb'])).toEqual(['L0311', 'L03119', 'L03113', 'L03114']);
  });
  it('a see reference carries its subterms to the search ("hand" - see "upper limb")', () => {
    const s = buildSearchIndex(entries, [
      { path: ['Cellulitis', 'hand'], code: 'L03.11-', kind: 'see', nemod: '\u2192upper limb' },
    ]);
    expect(s.search('right hand cellulitis', { limit: 1 }).hits[0]?.code).toBe('L03113');
  });
});

describe('laterality', () => {
  it('a side typed moves a sideless code behind the sided ones of its own category only', () => {
    const hits = [
      hit('I83029', 'Varicose veins of left lower extremity with ulcer of unspecified site'),
      hit('I861', 'Scrotal varices'),
      hit('I839', 'Asymptomatic varicose veins of lower extremity'),
      hit('I8392', 'Asymptomatic varicose veins of left lower extremity'),
    ];
    expect(byQualifiers(hits, expandQuery('left varicocele')).map((h) => h.code)).toEqual([
      'I83029',
      'I861',
      'I8392',
      'I839',
    ]);
  });
});

describe('mechanism: a venomous sting is coded by the animal, whatever the site', () => {
  const s = buildSearchIndex([
    row('S61411A', true, 'Laceration without foreign body of right hand, initial encounter'),
    row(
      'T63441A',
      true,
      'Toxic effect of venom of bees, accidental (unintentional), initial encounter',
    ),
  ]);
  it('"bee sting right hand" finds T63.441A although its title names no hand', () => {
    expect(s.search('bee sting right hand', { limit: 1 }).hits[0]?.code).toBe('T63441A');
    expect(expandQuery('bee sting right hand')[0]!.venom).toBe(true);
  });
});

describe('history and status words', () => {
  it("a history no code names is the history code of the condition's body system", () => {
    expect(historyCodeFor('I10', true)).toBe('Z8249');
    expect(historyCodeFor('I639', true)).toBe('Z823');
    expect(historyCodeFor('K37', false)).toBe('Z8719');
    expect(historyCodeFor('E119', true)).toBe('Z833');
    expect(historyCodeFor('W540XXA', false)).toBeNull();
  });
  it('knows a slot that only says whose history it is', () => {
    const [fh, htn] = expandQuery('fh of hypertension');
    expect(isHistorySlot(fh!)).toBe(true);
    expect(isHistorySlot(htn!)).toBe(false);
  });
  it('"on" before a drug is long-term use of it', () => {
    expect(expandQuery('afib on eliquis')[1]).toMatchObject({
      typed: 'on',
      alts: [['long', 'term']],
    });
  });
  it('two things joined by "with" are found apart when no code has both', () => {
    const s = buildSearchIndex([
      row('N390', true, 'Urinary tract infection, site not specified'),
      row('R319', true, 'Hematuria, unspecified'),
      row('I10', true, 'Essential (primary) hypertension'),
    ]);
    expect(
      s
        .search('uti w hematuria', { limit: 5 })
        .hits.map((h) => h.code)
        .sort(),
    ).toEqual(['N390', 'R319']);
  });
});

describe('specificity: the default when nothing more is typed', () => {
  it('an Index level "unspecified <x>" says nothing beyond the query (Guidelines I.A.9)', () => {
    const s = buildSearchIndex(
      [
        row('N6320', true, 'Unspecified lump in the left breast, unspecified quadrant'),
        row('N6342', true, 'Unspecified lump in left breast, subareolar'),
      ],
      [
        { path: ['Lump', 'breast', 'left', 'unspecified quadrant'], code: 'N63.20', kind: 'index' },
        { path: ['Lump', 'breast', 'subareolar', 'left'], code: 'N63.42', kind: 'index' },
      ],
    );
    expect(s.search('left breast lump', { limit: 1 }).hits[0]?.code).toBe('N6320');
  });
  it('a dislocation not said to be recurrent or congenital is traumatic (S43), like a fracture', () => {
    const hits = [
      hit('M24412', 'Recurrent dislocation, left shoulder'),
      hit('S43005A', 'Unspecified dislocation of left shoulder joint, initial encounter'),
    ];
    expect(byQualifiers(hits, expandQuery('left shoulder dislocation'))[0]!.code).toBe('S43005A');
    expect(codePenalty(expandQuery('left shoulder dislocation'))!('M24412')).toBeGreaterThan(0);
  });
  it('"acute on chronic" is not the default when no acuity is typed', () => {
    const hits = [
      hit('I5023', 'Acute on chronic systolic (congestive) heart failure'),
      hit('I5020', 'Unspecified systolic (congestive) heart failure'),
    ];
    expect(byQualifiers(hits, expandQuery('systolic chf'))[0]!.code).toBe('I5020');
    expect(byQualifiers(hits, expandQuery('acute on chronic systolic chf'))[0]!.code).toBe('I5023');
  });
  it('newborn (P) and pregnancy (O) codes only when the query says so (I.C.16.a, I.C.15.a)', () => {
    const adult = codePenalty(expandQuery('sepsis d/t e coli'))!;
    expect(adult('P364')).toBeGreaterThan(adult('A4151'));
    expect(codePenalty(expandQuery('newborn sepsis e coli'))!('P364')).toBe(0);
    expect(codePenalty(expandQuery('gdm diet controlled'))!('O24410')).toBe(0);
    expect(codePenalty(expandQuery('hypertension'))!('O10019')).toBeGreaterThan(0);
  });
});

describe('the "with" convention: a combination code names a range of stages', () => {
  it('"stage 1 through stage 4" covers stages 2, 3, 3a and 3b (I12.9; Guidelines I.C.9.a.2)', () => {
    const s = buildSearchIndex([
      row(
        'I129',
        true,
        'Hypertensive chronic kidney disease with stage 1 through stage 4 chronic kidney disease, or unspecified chronic kidney disease',
      ),
      row(
        'I120',
        true,
        'Hypertensive chronic kidney disease with stage 5 chronic kidney disease or end stage renal disease',
      ),
    ]);
    expect(s.search('htn w ckd 3', { limit: 1 }).hits[0]?.code).toBe('I129');
    expect(s.search('hypertensive ckd3a', { limit: 1 }).hits[0]?.code).toBe('I129');
    expect(s.search('htn w ckd 5', { limit: 1 }).hits[0]?.code).toBe('I120');
  });
});

/**
 * Coder-query classes, sixth round of issue 10: the general rules behind them, on small inputs
 * (the same rules on the real FY2026 files are in coder-classes-6-fy2026.test.ts). Rules:
 * ICD-10-CM Official Guidelines FY2026 §I.A.9 (unspecified and default codes), §I.A.15 ("with"
 * and "without" in titles), §I.B.1 (the Index's default), §I.C.6.a (dominant side).
 */
import { describe, expect, it } from 'vitest';
import { dominanceMismatch, negationConflicts } from '../../src/domain/codes/search/qualifiers';
import { expandQuery } from '../../src/domain/codes/search/expand';
import { sameRoot } from '../../src/domain/codes/search/query';
import { inflections } from '../../src/domain/codes/search/tokenize';
import { billableRow as row, codesOf } from './helpers';

describe('a word the vocabulary lacks in another inflection', () => {
  it('lists the base of an -ing or -ed form and the gerund of a third person', () => {
    expect(inflections('coughing')).toContain('cough');
    expect(inflections('snore')).toEqual(['snoring']);
    expect(inflections('spotted')).toContain('spot');
  });
  it('reads "coughing" as cough before any near spelling ("cushing")', () => {
    const rows = [
      row('R05.9', 'Cough, unspecified'),
      row('E24.9', "Cushing's syndrome, unspecified"),
    ];
    expect(codesOf(rows, 'coughing')[0]).toBe('R05.9');
    expect(codesOf(rows, 'snores')).toEqual([]);
    expect(codesOf([...rows, row('R06.83', 'Snoring')], 'snores')).toEqual(['R06.83']);
  });
});

describe('forms of one word, and two words that only start alike', () => {
  it('reads endings as forms of one word, and two long different tails as two words', () => {
    expect(sameRoot('diabetes', 'diabetic')).toBe(true);
    expect(sameRoot('myocardial', 'myocardium')).toBe(true);
    expect(sameRoot('infarction', 'infarct')).toBe(true);
    expect(sameRoot('osteopenia', 'osteophyte')).toBe(false);
  });
  it('finds osteopenia before osteophytes', () => {
    const rows = [
      row('M25.70', 'Osteophyte, unspecified joint'),
      row('M85.80', 'Osteopenia, unspecified site'),
    ];
    expect(codesOf(rows, 'osteopenia')).toEqual(['M85.80']);
  });
});

describe('note words: rule-out, NOS, generic words (IV.H, I.A.9)', () => {
  const typed = (q: string) => expandQuery(q).map((s) => s.typed);
  it('drops what follows "r/o" or "rule out" after a stated symptom', () => {
    expect(typed('presents w chest pain r/o MI')).toEqual(['chest pain']);
    expect(typed('chest pain rule out mi')).toEqual(['chest pain']);
    // Nothing before it: the words are kept.
    expect(typed('r/o mi').length).toBeGreaterThan(0);
  });
  it('reads NOS as unspecified, and never as the start of another word ("nose")', () => {
    expect(expandQuery('depression nos')[1]!.alts).toEqual([['unspecified']]);
    const rows = [
      row('F32.A', 'Depression, unspecified'),
      row('M95.0', 'Acquired deformity of nose'),
    ];
    expect(codesOf(rows, 'depression nos')).toEqual(['F32.A']);
  });
  it('SI joint is the sacroiliac joint', () => {
    expect(expandQuery('si joint pain')[0]!.alts).toEqual([['sacroiliac', 'joint']]);
  });
});

describe('two typed words that are one word of the titles', () => {
  it('reads "post partum" as "postpartum" when "partum" is no word of the titles', () => {
    const rows = [
      row('F53.0', 'Postpartum depression'),
      row('F32.89', 'Other specified depressive episodes'),
    ];
    expect(codesOf(rows, 'post partum depression')[0]).toBe('F53.0');
  });
});

describe('lay words the Index names (Melena, Dysmenorrhea, Enlargement)', () => {
  it('spells them out', () => {
    expect(expandQuery('black tarry stools')[0]!.alts).toEqual([['melena']]);
    expect(expandQuery('painful periods')[0]!.alts).toEqual([['dysmenorrhea']]);
    expect(expandQuery('swollen')[0]!.alts).toEqual([['swelling'], ['enlarged']]);
  });
});

describe('negation in titles and queries (I.A.15 "with"/"without")', () => {
  const rows = [
    row(
      'I25.10',
      'Atherosclerotic heart disease of native coronary artery without angina pectoris',
    ),
    row(
      'I25.119',
      'Atherosclerotic heart disease of native coronary artery with unspecified angina pectoris',
    ),
  ];
  it('a word typed that a title only excludes is not found in it', () => {
    expect(codesOf(rows, 'atherosclerotic heart disease angina')[0]).toBe('I25.119');
  });
  it('a word negated by the query ("no", "w/o") is not found in a title that states it', () => {
    const z = [
      row('Z00.00', 'Encounter for general adult medical examination without abnormal findings'),
      row('Z00.01', 'Encounter for general adult medical examination with abnormal findings'),
    ];
    expect(codesOf(z, 'adult medical examination no abnormal findings')[0]).toBe('Z00.00');
    expect(codesOf(z, 'adult medical examination with abnormal findings')[0]).toBe('Z00.01');
  });
  it('the excluded phrase ends at the site ("without foreign body of right hand")', () => {
    const title = 'Laceration without foreign body of right hand, initial encounter';
    const n = { said: [new Set(['hand'])], negated: [] };
    expect(negationConflicts(title, n)).toBe(0);
    expect(negationConflicts(title, { said: [new Set(['foreign'])], negated: [] })).toBe(1);
    // "without loss of consciousness": the whole phrase is excluded.
    const c = 'Concussion without loss of consciousness, initial encounter';
    expect(negationConflicts(c, { said: [new Set(['consciousness'])], negated: [] })).toBe(1);
  });
});

describe('a detail not typed is not assumed (I.A.9)', () => {
  it('a sibling that excludes a detail comes before the one that states it', () => {
    const rows = [
      row('A04.71', 'Enterocolitis due to Clostridium difficile, recurrent'),
      row('A04.72', 'Enterocolitis due to Clostridium difficile, not specified as recurrent'),
    ];
    expect(codesOf(rows, 'clostridium difficile enterocolitis')[0]).toBe('A04.72');
    expect(codesOf(rows, 'recurrent clostridium difficile enterocolitis')[0]).toBe('A04.71');
  });
});

describe('the Tabular step: a child whose title says what was typed (I.B.1, I.A.5)', () => {
  const rows = [
    row('L89.150', 'Pressure ulcer of sacral region, unstageable'),
    row('L89.152', 'Pressure ulcer of sacral region, stage 2'),
    row('L89.159', 'Pressure ulcer of sacral region, unspecified stage'),
  ];
  it('completes the code with the child that says the stage typed', () => {
    expect(codesOf(rows, 'pressure ulcer sacral region stage 2')[0]).toBe('L89.152');
    expect(codesOf(rows, 'pressure ulcer sacral region')[0]).toBe('L89.159');
  });
});

describe('dominance (I.C.6.a): right is dominant, left non-dominant unless documented', () => {
  it('flags the side-dominance pairs that are not the default', () => {
    const t = 'Hemiplegia and hemiparesis following cerebral infarction affecting';
    expect(dominanceMismatch(`${t} left dominant side`, 'left')).toBe(true);
    expect(dominanceMismatch(`${t} left non-dominant side`, 'left')).toBe(false);
    expect(dominanceMismatch(`${t} right non-dominant side`, 'right')).toBe(true);
    expect(dominanceMismatch(`${t} right dominant side`, 'right')).toBe(false);
    expect(dominanceMismatch(`${t} left dominant side`, null)).toBe(false);
  });
});

/**
 * Coder-query classes, fourth round of issue 10: the rules behind them, on small inputs (the same
 * rules on the real FY2026 files are in coder-classes-4-fy2026.test.ts). Rules: ICD-10-CM
 * Official Guidelines FY2026 §I.A.9 (unspecified), §I.A.12.c (see), §I.B.13 (laterality),
 * §I.C.1.b and the B95-B97 note (organism as an additional code), §I.C.2 (Neoplasm Table),
 * §I.C.5.b.1 (in remission), §I.C.12.a (pressure ulcer stages), §I.C.19.a (7th character),
 * §I.C.21.c.3–4 (status and history).
 */
import { describe, expect, it } from 'vitest';
import { neoplasmTableCode } from '../../src/codesets/alpha-index/flatten';
import type { IndexPart } from '../../src/codesets/alpha-index/types';
import { buildSearchIndex } from '../../src/domain/codes/search';
import { expandQuery } from '../../src/domain/codes/search/expand';
import { byQualifiers, historyCodeFor } from '../../src/domain/codes/search/qualifiers';
import { resolveIndexCode } from '../../src/domain/codes/search/remap';
import { hit, row } from './helpers';

const alts = (q: string) => expandQuery(q).map((s) => s.alts);
const typed = (q: string) => expandQuery(q).map((s) => s.typed);

describe('the abbreviation lexicon (abbreviations.ts)', () => {
  it('spells out standard clinical abbreviations, a one-word key also in its plural', () => {
    expect(alts('lbbb')).toEqual([[['left', 'bundle', 'branch', 'block']]]);
    expect(alts('pvcs')).toEqual([[['ventricular', 'premature', 'depolarization']]]);
    expect(alts('cll')).toEqual([[['chronic', 'lymphocytic', 'leukemia']]]);
    expect(alts('itp')).toEqual([[['immune', 'thrombocytopenic', 'purpura']]]);
  });
  it('keeps the typed word when it is also a word of titles ("+"), and marks drugs ("!")', () => {
    expect(alts('hit')[0]).toEqual([['hit'], ['heparin', 'induced', 'thrombocytopenia']]);
    expect(expandQuery('chronic anticoag').map((s) => s.alts)).toEqual([
      [['long', 'term']],
      [['anticoagulants']],
    ]);
  });
  it('never overrides a hand-tuned synonyms.ts row (htn, copd, pna)', () => {
    expect(alts('htn')).toEqual([[['hypertension']]]);
    expect(alts('pna')).toEqual([[['pneumonia']]]);
  });
});

describe('note-writing that is not classification wording', () => {
  it('spells out an ordinal: "5th metatarsal" is the fifth (S92.35- titles)', () => {
    expect(typed('rt 5th metatarsal fx')).toEqual(['rt', 'fifth', 'metatarsal', 'fx']);
    expect(alts('pain in left 5th finger')[2]).toEqual([['little', 'finger']]);
  });
  it('drops note words with no code meaning, and a connector left at the start', () => {
    expect(typed('pt w/ htn')).toEqual(['htn']);
    expect(typed('c/o chest pain')).toEqual(['chest pain']);
  });
  it('keeps "and" between two things as a connector that matches no word', () => {
    const slots = expandQuery('htn and hld');
    expect(slots.map((s) => s.typed)).toEqual(['htn', 'and', 'hld']);
    expect(slots[1]!.alts).toEqual([]);
  });
  it('reads the history of an operation or device as s/p (status, I.C.21.c.3)', () => {
    expect(typed('h/o mastectomy')[0]).toBe('s p');
    expect(typed('history of tka')[0]).toBe('s p');
    // A history of a disease stays a history.
    expect(typed('history of breast cancer')[0]).toBe('history of');
  });
});

describe('qualifiers', () => {
  it('a side an abbreviation names is not held against a title that says it ("lbbb")', () => {
    const hits = [
      hit('I452', 'Bifascicular block'),
      hit('I447', 'Left bundle-branch block, unspecified'),
    ];
    expect(byQualifiers(hits, expandQuery('lbbb')).map((h) => h.code)).toEqual(['I452', 'I447']);
    const swapped = [hits[1]!, hits[0]!];
    expect(byQualifiers(swapped, expandQuery('lbbb'))[0]!.code).toBe('I447');
  });
  it('"without subsequent striking against object" is an initial encounter, not a later one', () => {
    const hits = [
      hit('W01', 'Fall on same level from slipping, tripping and stumbling'),
      hit(
        'W010XXA',
        'Fall on same level from slipping, tripping and stumbling without subsequent striking against object, initial encounter',
      ),
      hit('W010XXD', 'Fall on same level ... without subsequent striking, subsequent encounter'),
    ];
    const order = byQualifiers(hits, expandQuery('tripped and fell')).map((h) => h.code);
    expect(order.indexOf('W010XXA')).toBeLessThan(order.indexOf('W010XXD'));
    expect(order[0]).toBe('W01');
  });
  it('a history of alcohol or drug abuse is its "in remission" code; of nicotine, Z87.891', () => {
    expect(historyCodeFor('F1010', false)).toBe('F1011');
    expect(historyCodeFor('F1020', false)).toBe('F1021');
    expect(historyCodeFor('F1190', false)).toBe('F1191');
    expect(historyCodeFor('F17210', false)).toBe('Z87891');
    // A family history is the family's code.
    expect(historyCodeFor('F1010', true)).toBe('Z818');
  });
});

describe('index codes that lead to a header', () => {
  it('a leukemia not said to be in remission is "not having achieved remission"', () => {
    const entries = [
      row('C911', false, 'Chronic lymphocytic leukemia of B-cell type'),
      row(
        'C9110',
        true,
        'Chronic lymphocytic leukemia of B-cell type not having achieved remission',
      ),
      row('C9111', true, 'Chronic lymphocytic leukemia of B-cell type in remission'),
      row('C9112', true, 'Chronic lymphocytic leukemia of B-cell type in relapse'),
    ];
    const byCode = new Map(entries.map((e, i) => [e.code, i]));
    const sorted = Int32Array.from(entries.keys());
    const t = resolveIndexCode('C91.1-', byCode, sorted, entries);
    expect(entries[t[1]![0]]!.code).toBe('C9110');
  });
});

describe('the Neoplasm Table behind a "see Neoplasm" reference (I.C.2, I.A.12.c)', () => {
  const table: IndexPart = {
    kind: 'neoplasm',
    version: 'test',
    source: 'test',
    warnings: [],
    terms: [
      {
        title: 'Neoplasm, neoplastic',
        cells: ['C80.1', 'C79.9', 'D09.9', 'D36.9', 'D48.9', 'D49.9'],
        children: [
          {
            title: 'bone',
            nemod: '(periosteum)',
            cells: ['C41.9', 'C79.51', null, 'D16.9-', 'D48.0', 'D49.2'],
          },
          { title: 'skin NOS', cells: ['C44.90', 'C79.2', 'D04.9', 'D23.9', 'D48.5', 'D49.2'] },
        ],
      },
    ],
  };
  it('a site and a column name a cell', () => {
    expect(neoplasmTableCode('Neoplasm, bone, malignant', table)).toBe('C41.9');
    expect(neoplasmTableCode('Neoplasm, skin,  in situ', table)).toBe('D04.9');
    expect(neoplasmTableCode('Neoplasm, skin, benign', table)).toBe('D23.9');
  });
  it('"by site" with no site is the first row; no column or an empty cell is nothing', () => {
    expect(neoplasmTableCode('Neoplasm, malignant, by site', table)).toBe('C80.1');
    expect(neoplasmTableCode('Neoplasm, uncertain behavior, by site', table)).toBe('D48.9');
    expect(neoplasmTableCode('Neoplasm', table)).toBeUndefined();
    expect(neoplasmTableCode('Neoplasm, bone, in situ', table)).toBeUndefined();
    expect(neoplasmTableCode('Pain, abdominal', table)).toBeUndefined();
  });
});

describe('the word search', () => {
  const entries = [
    row('A048', true, 'Other specified bacterial intestinal infections'),
    row(
      'B9681',
      true,
      'Helicobacter pylori [H. pylori] as the cause of diseases classified elsewhere',
    ),
    row('K2970', true, 'Gastritis, unspecified, without bleeding'),
    row('K2900', true, 'Acute gastritis without bleeding'),
    row('O1490', true, 'Unspecified pre-eclampsia, unspecified trimester'),
    row('R051', true, 'Acute cough'),
    row('R059', true, 'Cough, unspecified'),
    row('A3790', true, 'Whooping cough, unspecified species without pneumonia'),
    row('Z880', true, 'Allergy status to penicillin'),
    // A word of the query that some code has, but none with "cough".
    row('Z7389', true, 'Other problems related to productive life-management difficulty'),
  ];
  const s = buildSearchIndex(entries, [
    { path: ['Infection', 'Helicobacter pylori'], code: 'A04.8', kind: 'index' },
    {
      path: ['Infection', 'Helicobacter pylori', 'as cause of disease classified elsewhere'],
      code: 'B96.81',
      kind: 'index',
    },
    { path: ['Gastritis'], code: 'K29.70', kind: 'index' },
    { path: ['Cough'], code: 'R05.9', kind: 'index' },
    { path: ['Cough', 'whooping'], code: 'A37.90', kind: 'index' },
  ]);
  const codes = (q: string) => s.search(q, { limit: 3 }).hits.map((h) => h.code);
  it('a condition and its organism: the condition, then the B95-B97 code (I.C.1.b)', () => {
    expect(codes('h. pylori gastritis').slice(0, 2)).toEqual(['K2970', 'B9681']);
    expect(codes('gastritis h pylori').slice(0, 2)).toEqual(['K2970', 'B9681']);
  });
  it('a word run together that is two words of titles is read as both ("preeclampsia")', () => {
    expect(codes('preeclampsia')[0]).toBe('O1490');
  });
  it('when no code has every word, those with the rest rank by what they say beyond it', () => {
    expect(codes('productive cough')[0]).toBe('R059');
  });
  it('"pcn allergy" is the allergy status to penicillin', () => {
    expect(codes('pcn allergy')[0]).toBe('Z880');
  });
});

/**
 * The tenth round's lexicon (issue 10: STATUS, LATERALITY, PUNCTUATION and SHORTHAND classes) on
 * the real FY2026 encoder: a sample of each group (an Alphabetic Index main term and its
 * subterms, typed the way coders type them) finds the code the Index term leads to. Samples are
 * siblings of the rows' groups, not the queries that showed the gap. (Every target word being a
 * FY2026 title or Index word is checked for all rows by lexicon-7-fy2026.test.ts.)
 * See: Official Guidelines FY2026 §I.C.21.c.3 (status), §I.C.21.c.4 (history), §I.C.6.a
 * (dominant side), §I.C.1.a.2.d (asymptomatic HIV), §I.B.1 (Alphabetic Index).
 */
import { describe, expect, it } from 'vitest';
import { fy2026Present, useFy2026Search } from './fy2026-search';
import { ABBREVIATIONS } from '../../src/domain/codes/search/abbreviations';
import { STATUS_ROUND_10 } from '../../src/domain/codes/search/lexicon-status';
import { expandQuery } from '../../src/domain/codes/search/expand';

const present = fy2026Present('FY2026 lexicon tests (round 10)');
const keysOf = (row: string) => row.replace(/^[+!]/, '').split('=')[0]!.split(',');

describe('round 10 rows', () => {
  it('are part of the abbreviation table and well formed', () => {
    for (const row of STATUS_ROUND_10) {
      expect(ABBREVIATIONS).toContain(row);
      expect(row.split('=')).toHaveLength(2);
      for (const k of keysOf(row)) expect(k).toMatch(/^[a-z0-9][a-z0-9 ]*$/);
    }
  });
  it('a side typed between "s/p" and a sided operation is kept only where the code has none', () => {
    // Z98.890 has no side: "s/p left knee arthroscopy" is one phrase.
    expect(expandQuery('s/p left knee arthroscopy')).toHaveLength(1);
    // A joint replacement keeps its side for the side ranking (Z96.65- has right and left).
    expect(expandQuery('s/p rt total knee').map((s) => s.typed)).toEqual([
      's p',
      'rt',
      'total knee',
    ]);
  });
  it('notes that say who the patient is not are dropped', () => {
    expect(expandQuery('h/o c-section, not pregnant').map((s) => s.typed)).toEqual([
      'h o c section',
    ]);
  });
});

describe.skipIf(!present)('round 10 lexicon on FY2026 ICD-10-CM', () => {
  const { top } = useFy2026Search();

  it('History, personal / family, malignant neoplasm by the site typed', () => {
    expect(top('hx cecal ca', 1)).toEqual(['Z85.038']); // large intestine, other
    expect(top('hx tonsil cancer', 2)).toContain('Z85.818'); // lip, oral cavity, pharynx
    expect(top('h/o basal cell carcinoma', 1)).toEqual(['Z85.828']); // skin, other
    expect(top('hx endometrial cancer', 1)).toEqual(['Z85.42']); // uterus, other parts
    expect(top('fhx skin cancer', 1)).toEqual(['Z80.8']); // other organs or systems
    expect(top('family history of brain tumor', 1)).toEqual(['Z80.8']);
    expect(top('fh testicular cancer', 1)).toEqual(['Z80.43']);
    expect(top('fh lymphoma', 1)).toEqual(['Z80.7']); // lymphoid, hematopoietic
  });
  it('History, personal: cervical dysplasia, nervous system, skin, uterine scar, fracture', () => {
    expect(top('hx cin 2', 1)).toEqual(['Z87.410']);
    expect(top('h/o bells palsy', 1)).toEqual(['Z86.69']);
    expect(top('history of psoriasis', 1)).toEqual(['Z87.2']);
    expect(top('prior cesarean', 1)).toEqual(['Z98.891']);
    expect(top('h/o wrist fracture', 1)).toEqual(['Z87.81']);
    expect(top('hx of bulimia', 1)).toEqual(['Z86.59']);
  });
  it('Presence, artificial joint: typed without "replacement", with the side between', () => {
    expect(top('s/p lt total hip', 1)).toEqual(['Z96.642']);
    expect(top('h/o right total knee', 1)).toEqual(['Z96.651']);
    expect(top('s/p reverse total shoulder rt', 1)).toEqual(['Z96.611']);
  });
  it('Status (post) NEC Z98.890 and Absence (acquired) of organs', () => {
    expect(top('status post right shoulder arthroscopy', 1)).toEqual(['Z98.890']);
    expect(top('s/p cardioversion', 1)).toEqual(['Z98.890']);
    expect(top('s/p t&a', 1)).toEqual(['Z90.89']);
    expect(top('s/p pancreaticoduodenectomy', 1)).toEqual(['Z90.411']);
    expect(top('s/p toe amputation left', 1)).toEqual(['Z89.422']); // other toe(s)
    expect(top('s/p suprapubic catheter', 1)).toEqual(['Z93.59']);
  });
  it('Long-term drug therapy, Dependence and Allergy status as typed', () => {
    expect(top('chronic steroid therapy', 1)).toEqual(['Z79.52']); // systemic
    expect(top('on oral steroids', 1)).toEqual(['Z79.52']);
    expect(top('ltu warfarin', 1)).toEqual(['Z79.01']);
    expect(top('on mtx', 1)).toEqual(['Z79.631']);
    expect(top('on birth control pills', 1)).toEqual(['Z79.3']);
    expect(top('inr check', 2)).toContain('Z51.81');
    expect(top('ventilator dependent', 1)).toEqual(['Z99.11']);
    expect(top('uses cpap', 1)).toEqual(['Z99.89']);
    expect(top('allergic to wasp stings', 2)).toContain('Z91.030');
    expect(top('latex allergy', 1)).toEqual(['Z91.040']);
    expect(top('on the transplant list', 1)).toEqual(['Z76.82']);
    expect(top('declined flu shot', 1)).toEqual(['Z28.21']);
  });
  it('a lifelong condition typed as a history is the condition (I.C.21.c.4)', () => {
    expect(top('h/o hypertension', 1)).toEqual(['I10']);
    expect(top('hx t2dm', 1)).toEqual(['E11.9']);
    expect(top('known coronary artery disease', 1)).toEqual(['I25.10']);
    expect(top('pmh hyperlipidemia', 1)).toEqual(['E78.5']);
    // A condition of a past pregnancy stays a history.
    expect(top('hx gestational hypertension', 1)).toEqual(['Z87.59']);
  });
  it('Family history typed with the relative first', () => {
    expect(top("pt's father h/o prostate ca", 1)).toEqual(['Z80.42']);
    expect(top('fh ckd', 1)).toEqual(['Z84.19']);
    expect(top('fh trisomy 21', 1)).toEqual(['Z82.79']);
  });
  it('sides: AD/AS/AU after an ear condition, "r and l", sided hemiplegia (I.C.6.a)', () => {
    expect(top('impacted cerumen as', 1)).toEqual(['H61.22']);
    expect(top('otitis externa au', 1)).toEqual(['H60.93']);
    expect(top('tinnitus ad', 1)).toEqual(['H93.11']);
    expect(top('r and l hip pain', 2)).toEqual(['M25.551', 'M25.552']);
    expect(top('left sided hemiparesis', 1)).toEqual(['G81.94']); // left: nondominant
    expect(top('rt hemiplegia', 1)).toEqual(['G81.91']); // right: dominant
    expect(top('rt middle finger pain', 1)).toEqual(['M79.644']); // Pain, limb, upper, finger
  });
  it('punctuation: prefixes typed apart, eponyms typed every way', () => {
    expect(top('post menopausal bleeding', 1)).toEqual(['N95.0']);
    expect(top('supra pubic pain', 1)).toEqual(['R10.24']);
    expect(top('peri umbilical pain', 1)).toEqual(['R10.33']);
    expect(top('dequervains', 1)).toEqual(['M65.4']);
    expect(top('addisons', 1)).toEqual(['E27.1']);
    expect(top('raynaud phenomenon without gangrene', 1)).toEqual(['I73.00']);
    expect(top('scheuermann kyphosis', 1)).toEqual(['M42.00']);
    expect(top('t2d', 1)).toEqual(['E11.9']);
  });
  it('shorthand by specialty', () => {
    expect(top('closed head injury', 1)).toEqual(['S09.90XA']);
    expect(top('cppd', 1)).toEqual(['M11.20']); // Pseudogout - see Chondrocalcinosis
    expect(top('polyarthralgia', 1)).toEqual(['M25.50']); // Arthralgia - see Pain, joint
    expect(top('known hiv', 1)).toEqual(['Z21']); // I.C.1.a.2.d
    expect(top('drug induced diabetes', 1)).toEqual(['E09.9']);
    expect(top('anemia of chronic inflammation', 1)).toEqual(['D63.8']);
    expect(top('chemo induced neutropenia', 1)).toEqual(['D70.1']);
    expect(top('er positive', 1)).toEqual(['Z17.0']);
    expect(top('adenocarcinoma of the colon', 1)).toEqual(['C18.9']);
    expect(top('nsclc', 1)).toEqual(['C34.90']);
    expect(top('native vessel cad without angina', 1)).toEqual(['I25.10']);
    expect(top('cad native vessel', 2)).toContain('I25.10');
    expect(top('language delay', 1)).toEqual(['F80.9']);
    expect(top('lactational mastitis', 1)).toEqual(['O91.22']);
    expect(top('normal pregnancy 3rd tri', 1)).toEqual(['Z34.93']);
    expect(top('2 ppd smoker', 1)).toEqual(['F17.210']);
    expect(top('paronychia', 2)).toContain('L03.019'); // Paronychia - see Cellulitis, digit
  });
});

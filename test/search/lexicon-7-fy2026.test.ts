/**
 * The seventh round's lexicon (issue 10, "The encoder finds what coders type") on the real
 * FY2026 encoder: every lexicon row leads somewhere (each target word is a word of a FY2026 title
 * or Alphabetic Index term), spelling-variant keys are never words the classification itself
 * uses, and a sample of each group finds the code its Index term leads to.
 * See: Official Guidelines FY2026 §I.B.1 (locate the term in the Alphabetic Index), §I.A.9
 * (unspecified codes), §I.C.21.c (screening, contact/exposure, administrative examinations,
 * contraceptive management, supervision of normal pregnancy Z codes).
 */
import { describe, expect, it } from 'vitest';
import { fy2026Present, useFy2026Search } from './fy2026-search';
import { ABBREVIATIONS } from '../../src/domain/codes/search/abbreviations';
import { CLINICAL_ABBREVIATIONS } from '../../src/domain/codes/search/lexicon-clinical';
import { LAY_TERMS } from '../../src/domain/codes/search/lexicon-lay';
import { SPELLING_VARIANTS } from '../../src/domain/codes/search/lexicon-spelling';
import { VISIT_REASONS } from '../../src/domain/codes/search/lexicon-visits';
import { SYNONYMS } from '../../src/domain/codes/search/synonyms';
import { isStop, stem } from '../../src/domain/codes/search/tokenize';

const present = fy2026Present('FY2026 lexicon tests (round 7)');

const targetsOf = (row: string) => row.replace(/^[+!]/, '').split('=')[1] ?? '';
const keysOf = (row: string) => row.replace(/^[+!]/, '').split('=')[0]!.split(',');

describe('lexicon rows (round 7)', () => {
  it('every lexicon file is part of the abbreviation table expand.ts reads', () => {
    for (const row of [
      ...CLINICAL_ABBREVIATIONS,
      ...LAY_TERMS,
      ...VISIT_REASONS,
      ...SPELLING_VARIANTS,
    ])
      expect(ABBREVIATIONS).toContain(row);
  });
  it('rows are well formed: lower-case keys, one "=", no empty key', () => {
    for (const row of [...CLINICAL_ABBREVIATIONS, ...LAY_TERMS, ...VISIT_REASONS]) {
      expect(row.split('=')).toHaveLength(2);
      for (const k of keysOf(row)) expect(k).toMatch(/^[a-z0-9][a-z0-9 ]*$/);
    }
  });
  it('screening and exposure rows read every typing alike', () => {
    const keys = new Set(VISIT_REASONS.flatMap(keysOf));
    for (const k of ['hep c screening', 'screening for hep c', 'screen hep c', 'psa screening'])
      expect(keys).toContain(k);
    for (const k of ['strep exposure', 'exposure to strep', 'exposed to covid', 'covid contact'])
      expect(keys).toContain(k);
  });
});

describe.skipIf(!present)('lexicon on FY2026 ICD-10-CM (round 7)', () => {
  const { top, search } = useFy2026Search();
  const known = (w: string) =>
    isStop(w) || search().ix.rawTerm.has(w) || search().ix.stemTerm.has(stem(w));

  it('every target word of every lexicon and synonym row is a FY2026 title or Index word', () => {
    const missing: string[] = [];
    for (const row of ABBREVIATIONS)
      for (const w of targetsOf(row).match(/[a-z0-9]+/g) ?? [])
        if (!known(w)) missing.push(`${row.slice(0, 60)} -> ${w}`);
    for (const rule of SYNONYMS)
      for (const w of rule.to
        .join(' ')
        .toLowerCase()
        .match(/[a-z0-9]+/g) ?? [])
        if (!known(w)) missing.push(`${rule.from[0]} -> ${w}`);
    expect(missing).toEqual([]);
  });
  it('a spelling variant is never itself a word of a title or Index term', () => {
    const real = SPELLING_VARIANTS.flatMap(keysOf).filter(
      (k) => !k.includes(' ') && search().ix.rawTerm.has(k),
    );
    expect(real).toEqual([]);
  });
  it('clinical abbreviations: cardiology, neurology, OB, ortho, endocrine', () => {
    expect(top('paf', 1)).toEqual(['I48.0']); // Fibrillation, atrial, paroxysmal
    expect(top('spms', 1)).toEqual(['G35.C0']); // Sclerosis, multiple, secondary progressive
    expect(top('eoe', 1)).toEqual(['K20.0']); // Esophagitis, eosinophilic
    expect(top('ghtn 3rd tri', 1)).toEqual(['O13.3']); // Hypertension, gestational
    expect(top('a1gdm', 1)).toEqual(['O24.410']); // Diabetes, gestational, diet controlled
    expect(top('low t', 1)).toEqual(['E29.1']); // Hypofunction, testicular
    expect(top('hip fracture rt', 1)).toEqual(['S72.001A']); // Fracture, hip - see femur, neck
    expect(top('boxers fx lt init', 2)).toContain('S62.337A'); // Fracture, metacarpal, neck
    expect(top('panic attacks', 1)).toEqual(['F41.0']); // Attack, panic
    expect(top('vaping', 1)).toEqual(['F17.290']); // Dependence, nicotine, other tobacco
    expect(top('lvh', 1)).toEqual(['I51.7']); // Hypertrophy, cardiac
    expect(top('pacemaker', 1)).toEqual(['Z95.0']); // Status, cardiac pacemaker
    expect(top('lvad', 1)).toEqual(['Z95.811']); // Status, heart assist device
    expect(top('ascus', 1)).toEqual(['R87.610']); // ASC-US on cytologic smear of cervix
    expect(top('btl', 1)).toEqual(['Z98.51']); // Status, tubal ligation
    expect(top('lumbar oa', 1)[0]).toMatch(/^M47\.8\d6$/); // Osteoarthritis, spine - see Spondylosis
    expect(top('radial head fx', 1)[0]).toMatch(/^S52\.12/); // Fracture, radius, head
  });
  it('lay words: the Index term they are indexed under', () => {
    expect(top('cold sores', 1)).toEqual(['B00.1']); // Coldsore
    expect(top('athletes foot', 1)).toEqual(['B35.3']); // Tinea pedis
    expect(top('jock itch', 1)).toEqual(['B35.6']); // Tinea cruris
    expect(top('ear wax rt', 1)).toEqual(['H61.21']); // Impaction, cerumen
    expect(top('nighttime urination', 1)).toEqual(['R35.1']); // Nocturia
    expect(top('burning on urination', 1)).toEqual(['R30.0']); // Dysuria
    expect(top('passed out', 1)).toEqual(['R55']); // Syncope
    expect(top('bladder infection', 1)).toEqual(['N30.90']); // Infection, bladder - see Cystitis
    expect(top('flat feet', 1)).toEqual(['M21.40']); // Flat foot
  });
  it('visit reasons: screening, exposure, administrative exams, refills, pregnancy, vaccines', () => {
    expect(top('hep b screening', 1)).toEqual(['Z11.59']); // Screening, viral NEC
    expect(top('screening for chlamydia', 1)).toEqual(['Z11.8']); // Screening, chlamydial
    expect(top('colon cancer screening', 1)).toEqual(['Z12.11']);
    expect(top('psa screen', 1)).toEqual(['Z12.5']); // Screening, neoplasm, prostate
    expect(top('covid exposure', 1)).toEqual(['Z20.822']);
    expect(top('exposed to strep', 1)).toEqual(['Z20.818']); // other bacterial
    expect(top('dot physical', 1)).toEqual(['Z02.4']); // Examination, driving license
    expect(top('school physical', 1)).toEqual(['Z02.0']);
    expect(top('rx refill', 1)).toEqual(['Z76.0']); // Issue of repeat prescription
    expect(top('depo shot', 2)).toContain('Z30.42'); // Surveillance, injectable contraceptive
    expect(top('prenatal visit 2nd tri', 1)).toEqual(['Z34.92']); // Pregnancy, supervision, normal
    expect(top('tdap', 1)).toEqual(['Z23']); // Vaccination - see Immunization
    expect(top('positive ppd', 1)).toEqual(['R76.11']); // Reaction, tuberculin skin test
    expect(top('preop labs', 1)).toEqual(['Z01.812']); // Examination, pre-procedural, laboratory
    expect(top('std testing', 1)).toEqual(['Z11.3']); // Screening, sexually-transmitted
    expect(top('hospice', 1)).toEqual(['Z51.5']); // Care, palliative
    expect(top('wcc 4 yo', 1)).toEqual(['Z00.129']); // an age typed with the visit is no code word
  });
  it('status rows: operations, devices and relatives as the Index words them', () => {
    expect(top('s/p spinal fusion', 1)).toEqual(['Z98.1']); // Status, arthrodesis
    expect(top('s/p tah bso', 1)).toEqual(['Z90.710']); // Absence, uterus with cervix
    expect(top('s/p lap band', 1)).toEqual(['Z98.84']); // Status, bariatric surgery
    expect(top('lap band adjustment', 1)).toEqual(['Z46.51']); // the typed words still lead
    expect(top('colostomy', 1)).toEqual(['Z93.3']); // Status, colostomy
    expect(top('g-tube', 1)).toEqual(['Z93.1']); // Status, gastrostomy
    expect(top('hearing aids', 1)).toEqual(['Z97.4']); // Presence, external hearing-aid
    expect(top('wheelchair', 1)).toEqual(['Z99.3']); // Dependence, wheelchair
    expect(top('brca positive', 1)).toEqual(['Z15.01']); // Susceptibility, genetic, breast
    expect(top('mother with breast ca', 1)).toEqual(['Z80.3']); // History, family, breast
  });
  it('use disorders: mild is abuse, moderate or severe dependence (DSM-5-TR crosswalk)', () => {
    expect(top('mild alcohol use disorder', 1)).toEqual(['F10.10']);
    expect(top('severe alcohol use disorder', 1)).toEqual(['F10.20']);
    expect(top('opioid use disorder', 2)).toEqual(expect.arrayContaining(['F11.10', 'F11.20']));
    expect(top('tobacco use disorder', 1)).toEqual(['F17.200']);
  });
  it('spelling variants: British spellings and misspellings of two or more edits', () => {
    expect(top('oesophagitis', 1)).toEqual(['K20.90']);
    expect(top('haematuria', 1)).toEqual(['R31.9']);
    expect(top('excema', 1)).toEqual(['L30.9']);
    expect(top('crones disease', 1)).toEqual(['K50.90']);
    expect(top('alzhiemers', 1)).toEqual(['G30.9']);
    expect(top('hemmorhoids', 1)).toEqual(['K64.9']);
  });
});

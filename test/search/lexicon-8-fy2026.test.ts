/**
 * The eighth round's lexicon (issue 10, STATUS and ANATOMY classes) on the real FY2026 encoder:
 * every status operation is read in each way coders type it, and a sample of each Index group
 * finds the code its Index term leads to. (Every target word being a FY2026 title or Index word
 * is checked for all abbreviation rows by lexicon-7-fy2026.test.ts.)
 * See: Official Guidelines FY2026 §I.C.21.c.3 (status Z codes: Z79, Z94, Z95, Z96, Z99),
 * §I.C.21.c.4 (history Z85-Z87), §I.C.21.c.7 (aftercare Z47), §I.B.1 (Alphabetic Index).
 */
import { describe, expect, it } from 'vitest';
import { fy2026Present, useFy2026Search } from './fy2026-search';
import { ABBREVIATIONS } from '../../src/domain/codes/search/abbreviations';
import { STATUS_ANATOMY } from '../../src/domain/codes/search/lexicon-status';

const present = fy2026Present('FY2026 lexicon tests (round 8)');
const keysOf = (row: string) => row.replace(/^[+!]/, '').split('=')[0]!.split(',');

describe('status/anatomy rows (round 8)', () => {
  it('are part of the abbreviation table and well formed', () => {
    for (const row of STATUS_ANATOMY) {
      expect(ABBREVIATIONS).toContain(row);
      expect(row.split('=')).toHaveLength(2);
      for (const k of keysOf(row)) expect(k).toMatch(/^[a-z0-9][a-z0-9 ]*$/);
    }
  });
  it('an operation status is read in every typing: s/p, h/o, hx, prior, "X status"', () => {
    const keys = new Set(STATUS_ANATOMY.flatMap(keysOf));
    for (const k of ['s p cabg', 'h o cabg', 'hx of cabg', 'pmh cabg', 'prior cabg', 'cabg status'])
      expect(keys).toContain(k);
    for (const k of ['hx kidney transplant', 'previous renal tx', 'liver transplant status'])
      expect(keys).toContain(k);
  });
});

describe.skipIf(!present)('status and anatomy lexicon on FY2026 ICD-10-CM (round 8)', () => {
  const { top } = useFy2026Search();

  it('Status (post) and Presence (of): bypass, stents, devices, valves', () => {
    expect(top('h/o cabg', 1)).toEqual(['Z95.1']); // Status, aortocoronary bypass
    expect(top('hx pci', 2)).toContain('Z98.61'); // Status, angioplasty, coronary artery
    expect(top('h/o stent', 1)).toEqual(['Z95.5']); // Presence, coronary artery prosthesis
    expect(top('aicd status', 1)).toEqual(['Z95.810']); // Status, cardiac, defibrillator
    expect(top('tissue valve', 1)).toEqual(['Z95.3']); // Status, heart valve, xenogenic
    expect(top('h/o bariatric surgery', 1)).toEqual(['Z98.84']); // Status, bariatric surgery
  });
  it('Transplant (status) and Dependence (on) ... enabling machine', () => {
    expect(top('h/o kidney transplant', 1)).toEqual(['Z94.0']);
    expect(top('home oxygen', 1)).toEqual(['Z99.81']); // Dependence, supplemental oxygen
    expect(top('insulin pump status', 1)).toEqual(['Z96.41']); // Presence, insulin pump
  });
  it('History (personal): PMH, prior, previous', () => {
    expect(top('PMH breast cancer', 1)).toEqual(['Z85.3']);
    expect(top('previous stroke', 1)).toEqual(['Z86.73']);
    expect(top('previous pe', 1)).toEqual(['Z86.711']);
    expect(top('fhx pancreatic cancer', 1)).toEqual(['Z80.0']); // History, family, digestive organ
  });
  it('other postprocedural states, acquired absence, history of treatments and abuse', () => {
    expect(top('s/p acl repair', 1)).toEqual(['Z98.890']); // Status (post) NEC
    expect(top('s/p whipple', 2)).toContain('Z90.411'); // Absence, pancreas, acquired
    expect(top('h/o vasectomy', 1)).toEqual(['Z98.52']); // Status, vasectomy
    expect(top('h/o radiotherapy', 1)).toEqual(['Z92.3']); // History, irradiation
    expect(top('h/o preeclampsia', 1)).toEqual(['Z87.59']); // History, complications of pregnancy
    expect(top('h/o domestic violence', 1)).toEqual(['Z91.414']); // History, abuse, adult
    expect(top('h/o concussion', 1)).toEqual(['Z87.820']); // History, traumatic brain injury
  });
  it('Allergy (status) to drugs and dye, however typed', () => {
    expect(top('codeine allergy', 1)).toEqual(['Z88.5']); // narcotic agent
    expect(top('allergic to nsaids', 1)).toEqual(['Z88.6']); // analgesic agent
    expect(top('h/o contrast allergy', 1)).toEqual(['Z91.041']); // radiographic dye
    expect(top('allergy to cephalosporins', 1)).toEqual(['Z88.1']); // other antibiotic agents
  });
  it('Long-term (current) drug therapy by drug and class', () => {
    expect(top('daily aspirin', 1)).toEqual(['Z79.82']);
    expect(top('on estrogen', 1)).toEqual(['Z79.890']); // Therapy, hormone replacement
    expect(top('on humira', 1)).toEqual(['Z79.620']); // immunosuppressive biologic
    expect(top('on glp 1', 1)).toEqual(['Z79.85']); // injectable non-insulin antidiabetic
  });
  it('a drug by brand or generic name "on" it is its Z79 class; the name alone is not', () => {
    expect(top('on januvia', 1)).toEqual(['Z79.84']); // oral hypoglycemic drugs
    expect(top('on symbicort', 1)).toEqual(['Z79.51']); // inhaled steroids
    expect(top('on tramadol', 1)).toEqual(['Z79.891']); // opiate analgesic
    expect(top('on boniva', 1)).toEqual(['Z79.83']); // bisphosphonates
    expect(top('on zoloft', 1)).toEqual(['Z79.899']); // other long term drug therapy
    expect(top('tramadol overdose', 1)[0]).toMatch(/^T40\.42/); // Table of Drugs, tramadol
  });
  it('Aftercare, removal and attention to artificial openings', () => {
    expect(top('aftercare after appendectomy', 1)).toEqual(['Z48.815']); // surgical, digestive
    expect(top('port flush', 1)).toEqual(['Z45.2']); // Management, vascular access device
    expect(top('aftercare hip replacement', 1)).toEqual(['Z47.1']);
    expect(top('pin removal', 1)).toEqual(['Z47.2']); // Removal, internal fixation device
    expect(top('g tube change', 1)).toEqual(['Z43.1']); // Attention to, gastrostomy
    expect(top('foley change', 1)).toEqual(['Z46.6']);
  });
  it('anatomy: named fractures and joints', () => {
    expect(top('jones fracture rt', 5).some((c) => c.startsWith('S92.35'))).toBe(true);
    expect(top('sacral fracture', 1)).toEqual(['S32.10XA']); // Fracture, sacrum
    expect(top('lt tib fib fx', 2)).toContain('S82.202A'); // Fracture, tibia (with fibula)
    expect(top('lt thumb cmc oa', 1)).toEqual(['M18.12']); // Osteoarthritis, first carpometacarpal
    expect(top('ls radiculopathy', 1)).toEqual(['M54.17']); // Radiculopathy, lumbosacral
  });
  it('anatomy: a small joint abbreviation with a symptom is classed by the hand or foot', () => {
    expect(top('dip joint pain rt index', 1)).toEqual(['M25.541']); // Pain in joints of hand
    expect(top('lt pip joint swelling', 1)).toEqual(['M25.442']); // Effusion, hand
    expect(top('rt ac joint pain', 1)).toEqual(['M25.511']); // Pain in shoulder
  });
  it('anatomy: ant/post dislocations and named muscle groups', () => {
    expect(top('ant shoulder dislocation rt', 1)).toEqual(['S43.014A']); // anterior, humerus
    expect(top('lt calf strain', 1)).toEqual(['S86.112A']); // posterior muscle group
  });
});

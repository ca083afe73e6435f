/**
 * The starter modifier list (codesets/starter/procedures.json): the CPT Appendix A and common
 * HCPCS Level II modifiers are known, so a valid modifier never raises modifier.invalid, and
 * the wording is our own short text (no AMA descriptors).
 */
import { describe, expect, it } from 'vitest';
import procJson from '../../codesets/starter/procedures.json';
import { starterCatalog } from '../../src/codesets/starter';
import { checkClaim } from '../../src/domain/edits/index';
import { curatedNcci } from '../../src/codesets/ncci/curated';
import { NPI, basePatient, claimInput } from '../factories';

const CPT = ['22', '23', '27', '32', '33', '47', '52', '53', '54', '55', '56', '58', '62', '63'];
CPT.push('66', '73', '74', '78', '79', '80', '81', '82', '90', '92', '93', '96', '97', '99');
const DIGITS = ['FA', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9'];
DIGITS.push('TA', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'E1', 'E2', 'E3', 'E4');
const LEVEL2 = ['GC', 'GE', 'GT', 'GV', 'GW', 'CS', 'CR', 'KX', 'Q5', 'Q6', 'QW', 'SA', 'SB'];

describe('starter modifier list', () => {
  const cat = starterCatalog();

  it.each([...CPT, ...DIGITS, ...LEVEL2])('knows modifier %s', (m) => {
    expect(cat.modifier(m, '2026-03-02')?.display.length).toBeGreaterThan(5);
  });

  it('lists each modifier once, with short wording of our own', () => {
    const mods = (procJson as { modifiers: { code: string; display: string }[] }).modifiers;
    expect(new Set(mods.map((m) => m.code)).size).toBe(mods.length);
    for (const m of mods) expect(m.display.length, m.code).toBeLessThanOrEqual(170);
  });

  it('does not report valid modifiers as invalid on a claim', () => {
    const claim = claimInput({
      claimId: 'MODS',
      patient: { ...basePatient(), birthDate: '1960-05-01', memberId: 'MBI-1' },
      provider: { npi: NPI, pos: '11' },
      submissionDate: undefined,
      diagnoses: ['M17.11'],
      lines: [
        { code: '20610', modifiers: ['RT', '79'], units: 1, dxPointers: [1], charge: '90.00' },
        { code: '11055', modifiers: ['T5', 'Q6'], units: 1, dxPointers: [1], charge: '40.00' },
      ],
    });
    const f = checkClaim(claim, { catalog: cat, ncci: curatedNcci() }).findings;
    expect(f.filter((x) => x.id === 'modifier.invalid')).toEqual([]);
  });
});

// A toe or finger modifier names the side: a small-joint injection of the right great toe with T5
// needs no RT as well, and one with no side at all is still reported.
// See: CMS HCPCS Level II modifiers TA-T9 (toes) and FA-F9 (fingers); CMS Pub. 100-04 ch. 12 §40.7.
describe('laterality on joint injections', () => {
  const cat = starterCatalog();
  const claimWith = (modifiers: string[]) =>
    claimInput({
      claimId: 'SIDE',
      patient: { ...basePatient(), birthDate: '1960-05-01', memberId: 'MBI-1' },
      provider: { npi: NPI, pos: '11' },
      submissionDate: undefined,
      diagnoses: ['M17.11'],
      lines: [{ code: '20600', modifiers, units: 1, dxPointers: [1], charge: '90.00' }],
    });
  const missing = (modifiers: string[]) =>
    checkClaim(claimWith(modifiers), { catalog: cat, ncci: curatedNcci() }).findings.filter(
      (x) => x.id === 'modifier.missing',
    );

  it.each([['T5'], ['TA'], ['F3'], ['FA'], ['RT'], ['50']])(
    'accepts %s as naming the side',
    (m) => {
      expect(missing([m])).toEqual([]);
    },
  );

  it.each([[[]], [['59']], [['E1']]])('still asks for the side with %j', (mods) => {
    expect(missing(mods as string[])).toHaveLength(1);
  });
});

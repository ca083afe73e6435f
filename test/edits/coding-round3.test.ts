/**
 * Coding rules the third expert audit (issue 10, test/fidelity/claims-3.jsonl) found missing,
 * on the test catalog (starter codes), so they run without the official bundles:
 * - §I.B.13 laterality: right and left codes where a bilateral code exists;
 * - §I.C.21.c.16: Z codes that may only be first-listed (with the listed exceptions);
 * - CPT Appendix A: 22, 76-79 belong on procedures; CMS SE1418: 59 and an X{EPSU} modifier are
 *   not both on one line.
 * See: ICD-10-CM Official Guidelines FY2026 §I.B.13, §I.C.21.c.16; CPT Appendix A; CMS MLN
 * Matters SE1418.
 */
import { describe, expect, it } from 'vitest';
import { curatedNcci } from '../../src/codesets/ncci/curated';
import { checkClaim } from '../../src/domain/edits/index';
import { claimInput, lineInput } from '../factories';
import { testCatalog } from './support/catalog';

const ctx = { catalog: testCatalog(), ncci: curatedNcci() };
const check = (over: Record<string, unknown>) => checkClaim(claimInput(over), ctx).findings;
const ofId = (id: string, over: Record<string, unknown>) => check(over).filter((f) => f.id === id);

describe('laterality (§I.B.13)', () => {
  it('right and left osteoarthritis of the knee: the bilateral code M17.0 is assigned', () => {
    const f = ofId('icd10cm.not-together', { diagnoses: ['M17.11', 'M17.12'] });
    expect(f).toHaveLength(1);
    expect(f[0]!.suggestion).toContain('M17.0');
    expect(f[0]!.reference).toContain('§I.B.13');
  });

  it('right and left codes with no bilateral code (cellulitis of each lower limb) are both reported', () => {
    expect(ofId('icd10cm.not-together', { diagnoses: ['L03.115', 'L03.116'] })).toEqual([]);
  });

  it('one side only is no finding', () => {
    expect(ofId('icd10cm.not-together', { diagnoses: ['M17.11'] })).toEqual([]);
  });
});

describe('Z codes that may only be first-listed (§I.C.21.c.16)', () => {
  it('Z00.00 after another diagnosis is a sequencing warning', () => {
    const f = ofId('icd10cm.sequencing', { diagnoses: ['I10', 'Z00.00'] });
    expect(f.map((x) => [x.severity, x.codes])).toEqual([['warning', ['Z00.00']]]);
  });

  it('Z00.00 first-listed is in order', () => {
    expect(ofId('icd10cm.sequencing', { diagnoses: ['Z00.00', 'I10'] })).toEqual([]);
  });

  it('Z00.6 is the listed exception, and Z23 is not on the list', () => {
    expect(ofId('icd10cm.sequencing', { diagnoses: ['I10', 'Z00.6', 'Z23'] })).toEqual([]);
  });
});

describe('modifiers that belong on procedures; 59 beside X{EPSU}', () => {
  for (const m of ['22', '76', '79'])
    it(`${m} on an E/M is invalid`, () => {
      const f = ofId('modifier.invalid', {
        lines: [lineInput('99213', '120.00', { modifiers: [m] })],
      });
      expect(f.map((x) => x.codes)).toEqual([['99213', m]]);
    });

  it('76 on a procedure (a repeat ECG) is valid', () => {
    const f = ofId('modifier.invalid', {
      diagnoses: ['I10'],
      lines: [lineInput('93000', '40.00'), lineInput('93000', '40.00', { modifiers: ['76'] })],
    });
    expect(f).toEqual([]);
  });

  it('59 and XS on one line contradict; XS alone does not', () => {
    const line = (modifiers: string[]) => [lineInput('11102', '90.00', { modifiers })];
    const both = ofId('modifier.invalid', { diagnoses: ['L98.9'], lines: line(['59', 'XS']) });
    expect(both.map((x) => x.codes)).toEqual([['11102', '59', 'XS']]);
    expect(ofId('modifier.invalid', { diagnoses: ['L98.9'], lines: line(['XS']) })).toEqual([]);
  });
});

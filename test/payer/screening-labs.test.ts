/**
 * Medicare covers some lab tests under more than one benefit: a lipid panel under NCD 190.23 for
 * a diagnosed condition and under the cardiovascular screening benefit with Z13.6; glucose tests
 * and (from 2025) HbA1c under the diabetes screening benefit with Z13.1. A diagnosis that any
 * benefit in force accepts supports the line; without one the line is still denied (CO-50).
 * See: 42 CFR 410.17 and 410.18; SSA §1861(xx), (yy); Pub. 100-04 ch. 18 §90 and §100;
 * CY2025 PFS final rule (HbA1c as a diabetes screening test); NCD 190.21, 190.23.
 */
import { describe, expect, it } from 'vitest';
import { necessityFindings } from '../../src/domain/edits/policy';
import { policyOf } from '../../src/domain/payer/policy';
import { claim, line, payer, run } from './helpers';

const medicare = policyOf(payer('medicare'));
const ids = (code: string, dx: string, date = '2026-03-02') =>
  necessityFindings(
    claim([line(code, '40.00')], { diagnoses: [dx], serviceDate: date, submissionDate: date }),
    medicare,
  ).map((f) => f.id);

describe('Medicare screening labs are covered under their screening benefit', () => {
  it('a lipid panel with Z13.6 (cardiovascular screening) is supported; with E78.5 (NCD 190.23) too', () => {
    expect(ids('80061', 'Z13.6')).toEqual([]);
    expect(ids('80061', 'E78.5')).toEqual([]);
  });

  it('a lipid panel for a diagnosis neither benefit covers is not (CO-50 at the payer)', () => {
    expect(ids('80061', 'R53.83')).toEqual(['coverage.medical-necessity']);
  });

  it('HbA1c with Z13.1 is a diabetes screening test from 2025-01-01, not before', () => {
    expect(ids('83036', 'Z13.1', '2025-01-01')).toEqual([]);
    expect(ids('83036', 'Z13.1', '2024-12-31')).toEqual(['coverage.medical-necessity']);
  });

  it('a fasting glucose with Z13.1 is a diabetes screening test', () => {
    expect(ids('82947', 'Z13.1')).toEqual([]);
    expect(ids('82947', 'R53.83')).toEqual(['coverage.medical-necessity']);
  });
});

// Clinical lab tests are paid on the lab fee schedule (not the PFS) with no deductible or
// coinsurance; the pneumococcal and hepatitis B vaccine administrations like the flu one.
// See: SSA §1833(a)(1)(D) and (b)(3) (no cost sharing for clinical lab tests); §1833(b)(1)
// (vaccines); Pub. 100-04 ch. 16 §10 and ch. 18 §10.
describe('Medicare prices the screening labs and vaccine administrations (not CO-96)', () => {
  it.each([
    ['82270', 'Z12.11'],
    ['82947', 'Z13.1'],
    ['G0103', 'Z12.5'],
    ['G0009', 'Z23'],
    ['G0010', 'Z23'],
  ])('%s with %s: priced, nothing for the patient', (code, dx) => {
    const { j } = run(
      claim([line(code, '40.00')], {
        diagnoses: [dx],
        patient: { ...claim([]).patient, sex: 'M' },
      }),
    );
    expect(j.status).toBe('paid');
    expect(Number(j.lines[0]!.allowed)).toBeGreaterThan(0);
    expect(j.lines[0]!.adjustments.filter((a) => a.group === 'PR')).toEqual([]);
  });
});

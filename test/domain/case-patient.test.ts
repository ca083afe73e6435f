/**
 * A case's generated patient (pack format patient.kind "generated"): the same seed gives the same
 * synthetic person, within the constraints, on every reader (issue 12).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn } from '../../src/domain/claim/claim';
import { casePatient } from '../../src/domain/world/case-patient';
import { isMbi } from '../../src/domain/world/ids';
import { patientOf } from '../../src/scenarios/format/legacy';

describe('generated case patients', () => {
  it('same seed, same person; the age on the date of service is in the band; the sex is kept', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 20 }),
        fc.constantFrom('F', 'M', 'U', 'any') as fc.Arbitrary<'F' | 'M' | 'U' | 'any'>,
        fc.constantFrom('2026-02-28', '2024-02-29', '2025-12-31', '2026-01-01'),
        (seed, min, span, sex, date) => {
          const c = { seed, ageBand: { min, max: min + span }, sex };
          const a = casePatient(c, date, 'medicare');
          expect(casePatient(c, date, 'medicare')).toEqual(a);
          const age = ageOn(a.birthDate, date);
          expect(age).toBeGreaterThanOrEqual(min);
          expect(age).toBeLessThanOrEqual(min + span);
          if (sex !== 'any') expect(a.sex).toBe(sex);
          expect(isMbi(a.memberId)).toBe(true);
        },
      ),
      { numRuns: 500, seed: 12 },
    );
  });

  it('the pack reader gives a generated case its person, not a placeholder', () => {
    const p = patientOf({
      patient: {
        kind: 'generated',
        seed: 42,
        ageBand: { min: 66, max: 80 },
        sex: 'F',
        dualStatus: 'qmb',
      },
      encounter: { serviceDate: '2026-03-02', payerId: 'medicare' },
    } as never);
    expect(p.firstName).not.toBe('Generated');
    expect(p.sex).toBe('F');
    expect(p.dualStatus).toBe('qmb');
    expect(ageOn(p.birthDate, '2026-03-02')).toBeGreaterThanOrEqual(66);
  });
});

import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { Claim } from '../../src/domain/claim/claim';
import { cents } from '../../src/domain/money';
import { claimSchema } from '../../src/domain/claim/schema';

const claim: Claim = {
  claimId: 'C1',
  payerId: 'medicare',
  frequency: '1',
  originalClaimId: null,
  patient: { sex: 'F', birthDate: '1950-04-02', memberId: '1EG4TE5MK73' },
  provider: { npi: '1234567893', pos: '11', locality: '01' },
  serviceDate: '2026-03-02',
  submissionDate: '2026-03-03',
  diagnoses: ['E11.65'],
  lines: [
    {
      code: '99214',
      modifiers: [],
      units: 1,
      dxPointers: [1],
      charge: cents(14500),
    },
  ],
  priorAuthNumber: null,
  accumulators: { deductibleMet: cents(0), outOfPocketMet: cents(0) },
  payerSequence: 'secondary',
  otherPayers: [
    {
      payerId: 'bcbs',
      sequence: 'primary',
      memberId: 'X1',
      coverage: { relation: 'self' },
      adjudication: {
        payerClaimNumber: 'P1',
        adjudicationDate: '2026-03-20',
        lines: [
          { line: 1, code: '99214', modifiers: [], units: 1, paid: cents(9000), adjustments: [] },
        ],
      },
    },
  ],
};

describe('claim schema', () => {
  it('infers the domain Claim type exactly (no second copy to drift)', () => {
    expectTypeOf<z.output<typeof claimSchema>>().toEqualTypeOf<Claim>();
  });

  it('round-trips a claim with coordination of benefits through JSON', () => {
    const back = claimSchema.safeParse(JSON.parse(JSON.stringify(claim)));
    expect(back.success && back.data).toEqual(claim);
  });

  it('names the field of a stored claim whose money is not whole cents', () => {
    const bad = claimSchema.safeParse({ ...claim, lines: [{ ...claim.lines[0], charge: 145.5 }] });
    expect(bad.error?.issues[0]?.path).toEqual(['lines', 0, 'charge']);
  });
});

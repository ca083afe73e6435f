import type { Claim, ClaimLine } from '../../src/domain/claim/claim';
import type { Finding, FindingId } from '../../src/domain/findings';
import { cents, parseMoney } from '../../src/domain/money';
import { adjudicate, type AdjudicationContext } from '../../src/domain/payer/adjudicate';
import type { PayerProfile } from '../../src/domain/payer/profile';
import { remittanceJson } from '../../src/domain/payer/remittance/remittance';
import { starterFees, starterPayers } from '../../src/services/shipped';
import { fixtureMpfs } from './fixtures/mpfs';

export const $ = (s: string) => parseMoney(s)!;

export const line = (code: string, charge: string, more: Partial<ClaimLine> = {}): ClaimLine => ({
  code,
  modifiers: [],
  units: 1,
  dxPointers: [1],
  charge: $(charge),
  ...more,
});

export function claim(lines: ClaimLine[], more: Partial<Claim> = {}): Claim {
  return {
    claimId: 'T1',
    payerId: 'medicare',
    frequency: '1',
    originalClaimId: null,
    patient: { sex: 'F', birthDate: '1955-05-01', memberId: '1EG4TE5MK73' },
    provider: { npi: '1234567893', pos: '11', locality: '10112-00' },
    serviceDate: '2026-03-02',
    submissionDate: '2026-03-02',
    diagnoses: ['E11.9', 'I10', 'M17.11'],
    lines,
    priorAuthNumber: null,
    accumulators: { deductibleMet: cents(0), outOfPocketMet: cents(0) },
    ...more,
  };
}

export const payer = (id: string): PayerProfile => structuredClone(starterPayers().get(id)!);
export const fees = starterFees(fixtureMpfs());

export const finding = (
  id: FindingId,
  line: number | null,
  more: Partial<Finding> = {},
): Finding => ({
  id,
  severity: 'error',
  line,
  codes: [],
  message: 'test finding',
  reference: 'test',
  ...more,
});

/** Adjudicates and returns the public JSON (money as strings), which is what users see. */
export function run(c: Claim, ctx: Partial<AdjudicationContext> & { payerId?: string } = {}) {
  const r = adjudicate(c, { payer: payer(ctx.payerId ?? c.payerId), fees, ...ctx });
  return { r, j: remittanceJson(r) };
}

import type { Claim, ClaimLine } from '../../src/domain/claim/claim';
import type { Finding, FindingId } from '../../src/domain/findings';
import { adjudicate, type AdjudicationContext } from '../../src/domain/payer/adjudicate';
import { remittanceJson } from '../../src/domain/payer/remittance/remittance';
import { starterFees } from '../../src/services/shipped';
import { $, claim as baseClaim, line, payer } from '../factories';
import { fixtureMpfs } from './fixtures/mpfs';

/** The payer tests' shorthand: `claim(lines, overrides)` over the shared baseline claim. */
export const claim = (lines: ClaimLine[], more: Partial<Claim> = {}): Claim =>
  baseClaim({ lines, ...more });

export { $, line, payer };
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

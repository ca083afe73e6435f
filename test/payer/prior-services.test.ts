/**
 * What the duplicate edit sees of a case's earlier submissions (moved from the case session to
 * src/domain/payer/prior-services.ts). See: Pub. 100-04 ch. 1 §120 (duplicates), ch. 34
 * (reopenings); DOMAIN.md §1 step 5 (a rejected claim was never adjudicated).
 */
import { describe, expect, it } from 'vitest';
import { priorServices, type SentClaim } from '../../src/domain/payer/prior-services';
import { claim, line } from './helpers';

const two = (claimId: string) =>
  claim([line('99213', '120.00'), line('20610', '250.00')], { claimId });
const answered = (
  c: ReturnType<typeof two>,
  status: string,
  allowed: [string, string],
  payerClaimNumber = `ICN-${c.claimId}`,
): SentClaim => ({
  claim: c,
  remittance: {
    status,
    payerClaimNumber,
    lines: [
      { line: 1, allowed: allowed[0] },
      { line: 2, allowed: allowed[1] },
    ],
  },
});

describe('priorServices: the services a payer already processed for the case', () => {
  const current = two('C-2');

  it('keeps the lines the payer allowed, and drops a denied line (the correction re-bills it)', () => {
    const out = priorServices([answered(two('C-1'), 'partially-paid', ['80.00', '0.00'])], current);
    expect(out).toHaveLength(1);
    expect(out[0]!.claimId).toBe('C-1');
    expect(out[0]!.lines.map((l) => l.code)).toEqual(['99213']);
  });

  it('drops a claim with every line denied, a rejected claim, a refused reopening and an unanswered one', () => {
    const subs: SentClaim[] = [
      answered(two('D'), 'denied', ['0.00', '0.00']),
      answered(two('R'), 'rejected', ['80.00', '90.00']),
      answered(two('F'), 'refused', ['80.00', '90.00']),
      { claim: two('U'), remittance: null },
    ];
    expect(priorServices(subs, current)).toEqual([]);
  });

  it('never counts the claim being decided, nor the original a correction takes back', () => {
    const original = answered(two('C-1'), 'paid', ['80.00', '90.00'], 'ICN-9');
    expect(priorServices([answered(two('C-2'), 'paid', ['1.00', '1.00'])], current)).toEqual([]);
    const byNumber = { ...current, originalClaimId: 'ICN-9' };
    const byClaimId = { ...current, originalClaimId: 'C-1' };
    expect(priorServices([original], byNumber)).toEqual([]);
    expect(priorServices([original], byClaimId)).toEqual([]);
    expect(priorServices([original], current)).toHaveLength(1);
  });
});

/**
 * Payment posting against a real adjudicated remittance: the expected posting (payment, CO/OA/PI
 * to contractual, PR to the patient, QMB cost sharing protected), judged postings (PR written off
 * loses revenue, CO to the patient overbills), the balance check on every line, and the
 * secondary claim carrying the primary's adjudication (837P loop 2320/2430).
 * See: DOMAIN.md §6–§7.
 */
import { describe, expect, it } from 'vitest';
import { practiceEffects } from '../../src/cli/commands/simulate';
import { starterCatalog } from '../../src/codesets/starter';
import { shippedPayerService } from '../../src/services/shipped';
import { cents } from '../../src/domain/money';
import type { Claim } from '../../src/domain/claim/claim';
import {
  balanceViolations,
  correctPosting,
  expectedPosting,
  judgePosting,
  secondaryClaim,
} from '../../src/machines/posting';
import { WRONG_MOVES } from '../../src/machines/practice/decisions';

const claim = (over: Partial<Claim> = {}): Claim => ({
  claimId: 'POST-1',
  payerId: 'medicare',
  frequency: '1',
  originalClaimId: null,
  patient: {
    sex: 'M',
    birthDate: '1948-08-09',
    memberId: '1EG4TE5MK01',
    firstName: 'W',
    lastName: 'N',
  },
  provider: { npi: '1234567893', pos: '11', locality: '10112-00' },
  serviceDate: '2026-03-02',
  submissionDate: '2026-03-03',
  diagnoses: ['I10'],
  lines: [{ code: '99213', modifiers: [], units: 1, dxPointers: [1], charge: cents(12_000) }],
  priorAuthNumber: null,
  accumulators: { deductibleMet: cents(28_300), outOfPocketMet: cents(0) },
  accumulatorsGiven: true,
  ...over,
});

const effects = () => practiceEffects(shippedPayerService(), starterCatalog(), 1);

describe('posting', () => {
  it('expects payment, CO to contractual and PR to the patient; every line balances', () => {
    const r = effects().adjudicate(claim(), '2026-03-04');
    expect(r.status).toBe('paid');
    const e = expectedPosting(r);
    expect(e.payment + e.contractual + e.patient).toBe(12_000);
    expect(e.patient).toBeGreaterThan(0);
    expect(balanceViolations(r)).toEqual([]);
    expect(judgePosting(e, correctPosting(e), '2026-03-20').right).toBe(true);
  });

  it('PR written off as contractual loses revenue; CO to the patient overbills', () => {
    const e = expectedPosting(effects().adjudicate(claim(), '2026-03-04'));
    const prOff = judgePosting(
      e,
      { payment: e.payment, contractual: cents(e.contractual + e.patient), toPatient: cents(0) },
      '2026-03-20',
    );
    expect(prOff.right).toBe(false);
    expect(prOff.rationale).toContain(WRONG_MOVES.prAsContractual);
    const coOn = judgePosting(
      e,
      { payment: e.payment, contractual: cents(0), toPatient: cents(e.patient + e.contractual) },
      '2026-03-20',
    );
    expect(coOn.right).toBe(false);
    expect(coOn.rationale).toContain(WRONG_MOVES.coToPatient);
  });

  it("a QMB's Medicare cost sharing is not the patient's to pay", () => {
    const r = effects().adjudicate(
      claim({ patient: { ...claim().patient, dualStatus: 'qmb-plus' } }),
      '2026-03-04',
    );
    const e = expectedPosting(r);
    expect(e.patient).toBe(0);
    expect(e.protectedPr).toBeGreaterThan(0);
  });

  it('the secondary claim carries the primary adjudication per line', () => {
    const fx = effects();
    const primary = claim({ patient: { ...claim().patient, dualStatus: 'qmb-plus' } });
    const r = fx.adjudicate(primary, '2026-03-04');
    const sec = secondaryClaim(
      primary,
      r,
      { payerId: 'medicaid', memberId: 'MCD000100' },
      'POST-1-S',
      '2026-03-25',
    );
    expect(sec.payerSequence).toBe('secondary');
    expect(sec.otherPayers?.[0]?.adjudication?.lines[0]?.paid).toBe(r.lines[0]!.paid);
    const r2 = fx.adjudicate(sec, '2026-03-26');
    expect(r2.payerSequence).toBe(2);
    expect(balanceViolations(r2)).toEqual([]);
  });

  it('zero-pay and take-back: a replacement reverses the original and posts the net', () => {
    const fx = effects();
    const c = claim({
      payerId: 'commercial-ppo',
      patient: { ...claim().patient, memberId: 'KHP0099991' },
    });
    const first = fx.adjudicate(c, '2026-03-04');
    const zero = expectedPosting(
      fx.adjudicate(
        {
          ...c,
          claimId: 'POST-Z',
          lines: [{ ...c.lines[0]!, code: '99397' }],
          diagnoses: ['Z00.00'],
          serviceDate: '2026-03-05',
        },
        '2026-03-06',
      ),
    );
    expect(zero.payment).toBeGreaterThanOrEqual(0);
    const replaced = fx.adjudicate(
      {
        ...c,
        claimId: 'POST-2',
        frequency: '7',
        originalClaimId: first.payerClaimNumber,
        lines: [{ ...c.lines[0]!, code: '99212', charge: cents(8_500) }],
      },
      '2026-04-01',
    );
    expect(replaced.reversal).not.toBeNull();
    const e = expectedPosting(replaced);
    // Net: the new payment minus the original taken back (negative when the new one pays less).
    expect(e.payment).toBe(replaced.totals.paid - first.totals.paid);
    expect(e.payment).toBeLessThan(0);
    expect(balanceViolations(replaced)).toEqual([]);
  });
});

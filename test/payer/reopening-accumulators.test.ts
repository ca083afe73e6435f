/**
 * A Medicare reopening never counts the deductible twice: the revised determination starts from
 * the accumulators the original started from (its shares are credited back), whether or not a
 * payer ledger supplies the member's running amounts (the app decides one submission at a time).
 * See: 42 CFR 405.984 (the revised determination replaces the initial one); Pub. 100-04 ch. 34;
 * 42 CFR 410.160 (the Part B deductible is met once per calendar year).
 */
import { describe, expect, it } from 'vitest';
import { adjudicate } from '../../src/domain/payer/adjudicate';
import { reopen } from '../../src/domain/payer/corrections/reopening';
import { answerSubmission as submissionJson } from '../../src/services/submission';
import { remittanceJson } from '../../src/domain/payer/remittance/remittance';
import { $, claim, fees, line, payer } from './helpers';

const mcr = payer('medicare');
// 2026 Part B deductible 283.00: 233.00 met before this claim, 50.00 left.
const acc = { deductibleMet: $('233.00'), outOfPocketMet: $('233.00') };
const pr1 = (r: ReturnType<typeof adjudicate>) =>
  r.lines.flatMap((l) => l.adjustments).filter((a) => a.group === 'PR' && a.carc === '1');

describe('a reopening of a partly paid claim', () => {
  const first = claim([line('99213', '150.00')], { accumulators: acc });
  const original = adjudicate(first, { payer: mcr, fees });
  // The clerical error: the charge was keyed wrong; the corrected claim asks again on 2026-04-01.
  const corrected = claim([line('99213', '160.00')], {
    claimId: 'T1-R',
    submissionDate: '2026-04-01',
    accumulators: acc,
    originalClaimId: original.payerClaimNumber,
  });

  it('the original applies the 50.00 left of the deductible', () => {
    expect(pr1(original).reduce((s, a) => s + a.amount, 0)).toBe($('50.00'));
    expect(original.accumulatorsAfter.deductibleMet).toBe($('283.00'));
  });

  it('the revised claim applies the same 50.00, not the whole allowed amount again', () => {
    const out = reopen(
      { requestDate: '2026-04-01', reason: 'clerical-error', claim: corrected },
      original,
      { payer: mcr, fees },
    );
    if (out.kind !== 'revised') throw new Error(JSON.stringify(out));
    expect(pr1(out.remittance).reduce((s, a) => s + a.amount, 0)).toBe($('50.00'));
    expect(out.remittance.accumulatorsAfter.deductibleMet).toBe($('283.00'));
    // What the app does: one submission, the original as JSON, no ledger.
    const app = submissionJson(corrected, 'reopening', remittanceJson(original), {
      payer: mcr,
      fees,
    });
    if (!app.ok) throw new Error('not ok');
    const j = app.value as { status: string; totals: { patientResponsibility: string } };
    expect(j.status).not.toBe('refused');
    expect(j.totals.patientResponsibility).toBe(
      remittanceJson(out.remittance).totals.patientResponsibility,
    );
  });
});

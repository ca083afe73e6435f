/**
 * A won appeal is effectuated by the payer: the original decision taken back in full and the
 * claim reprocessed without the overturned denial, priced on the fee schedule, the cost sharing
 * counted from the accumulators the original started from — the deductible is never met twice.
 * See: 42 CFR 405.984 (effect of a revised determination); Pub. 100-04 ch. 29 §310.4
 * (effectuation); 42 CFR 410.160 (the Part B deductible once a year); X12 835 CLP02 = 22.
 */
import { describe, expect, it } from 'vitest';
import { adjudicate } from '../../src/domain/payer/adjudicate';
import { effectuateAppeal } from '../../src/domain/payer/corrections/appeal-effectuation';
import { submit } from '../../src/domain/payer/corrections/submit';
import { lineBalances } from '../../src/domain/payer/remittance/remittance';
import { remittanceJson } from '../../src/domain/payer/remittance/remittance';
import { remittanceFromJson } from '../../src/domain/payer/remittance/remittance-json';
import { $, claim, fees, finding, line, payer } from './helpers';

const mcr = payer('medicare');
// 2026 Part B deductible 283.00: 233.00 met before this claim, 50.00 left.
const acc = { deductibleMet: $('233.00'), outOfPocketMet: $('233.00') };
const c = claim([line('99213', '150.00'), line('80061', '60.00')], { accumulators: acc });
// The lipid panel denied CO-50 (no diagnosis supports it in the payer's view).
const necessity = [finding('coverage.medical-necessity', 2, { reference: 'NCD 190.23' })];
const original = adjudicate(c, { payer: mcr, fees, findings: necessity });
const decision = { level: 1, name: 'Redetermination (MAC)', decidedOn: '2026-06-01' };
const sumPr1 = (r: typeof original) =>
  r.lines
    .flatMap((l) => l.adjustments)
    .filter((a) => a.group === 'PR' && a.carc === '1')
    .reduce((s, a) => s + a.amount, 0);

describe('effectuating a won appeal', () => {
  it('the original denies line 2 CO-50 and applies the 50.00 left of the deductible', () => {
    expect(original.status).toBe('partially-paid');
    expect(original.lines[1]!.adjustments.map((a) => `${a.group}-${a.carc}`)).toContain('CO-50');
    expect(sumPr1(original)).toBe($('50.00'));
  });

  const out = effectuateAppeal(c, original, decision, { payer: mcr, fees, findings: necessity });
  if (!out.ok) throw new Error(out.message);
  const revised = out.remittance;

  it('takes the original back in full and pays the overturned line on the fee schedule', () => {
    expect(revised.reversal?.payerClaimNumber).toBe(original.payerClaimNumber);
    expect(revised.reversal?.totals.paid).toBe(-original.totals.paid);
    expect(revised.status).toBe('paid');
    const l2 = revised.lines[1]!;
    expect(l2.paid).toBeGreaterThan(0);
    expect(l2.adjustments.some((a) => a.carc === '50')).toBe(false);
    expect(revised.lines.every(lineBalances)).toBe(true);
    expect(revised.claimRemarks[0]).toBe('MA91');
    expect(revised.appeal).toBeNull();
    // The findings behind the overturned denial no longer stand.
    expect(revised.findings.some((f) => f.severity === 'error')).toBe(false);
  });

  it('never counts the deductible twice: the revision applies the same 50.00', () => {
    expect(sumPr1(revised)).toBe($('50.00'));
    expect(revised.accumulatorsAfter.deductibleMet).toBe($('283.00'));
  });

  it('is dated from the decision (the payer reprocesses after it)', () => {
    expect(revised.receivedDate).toBe('2026-06-01');
    expect(revised.remitDate > '2026-06-01').toBe(true);
  });

  it('the same through the one submission function the app and the CLI use, from the JSON', () => {
    const read = remittanceFromJson(remittanceJson(original), 'original');
    if (!read.ok) throw new Error('unreadable');
    const viaJson = submit(c, 'appeal', read.value, { payer: mcr, fees }, decision);
    if (viaJson.kind !== 'revised') throw new Error(JSON.stringify(viaJson));
    expect(sumPr1(viaJson.remittance)).toBe($('50.00'));
    expect(viaJson.remittance.totals.paid).toBe(revised.totals.paid);
  });

  it('refuses a decision on a claim that was never decided (a rejection)', () => {
    const rejected = { ...original, status: 'rejected' as const, payerClaimNumber: null };
    const r = effectuateAppeal(c, rejected, decision, { payer: mcr, fees });
    expect(r.ok).toBe(false);
    const s = submit(c, 'appeal', null, { payer: mcr, fees }, decision);
    expect(s.kind).toBe('refused');
  });
});

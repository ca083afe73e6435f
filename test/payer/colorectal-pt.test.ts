/**
 * A planned colorectal cancer screening that becomes a procedure, billed with modifier PT
 * (Medicare): no Part B deductible, and the coinsurance the law sets for the year of service —
 * 20% through 2022, 15% in 2023–2026, 10% in 2027–2029, none from 2030. Without PT the same
 * procedure takes the deductible and 20%.
 * See: SSA §1833(b)(1) (ACA §4104); Consolidated Appropriations Act 2021 §122; 42 CFR
 * 410.152(l)(5); Pub. 100-04 ch. 18 §60.1.1.
 */
import { describe, expect, it } from 'vitest';
import { colorectalFollowOn } from '../../src/domain/payer/cost-sharing/preventive';
import { mulRound } from '../../src/domain/money';
import { $, claim, line, run } from './helpers';

const onDate = (date: string, modifiers: string[]) =>
  run(
    claim([line('45385', '600.00', { modifiers })], {
      serviceDate: date,
      submissionDate: date,
      diagnoses: ['Z12.11', 'D12.5'],
      accumulators: { deductibleMet: $('0.00'), outOfPocketMet: $('0.00') },
    }),
  ).r.lines[0]!;

describe('Medicare colorectal screening that became a polypectomy (45385-PT)', () => {
  it.each([
    ['2022-06-01', 0.2],
    ['2026-05-01', 0.15],
    ['2027-02-01', 0.1],
    ['2030-03-01', 0],
  ])('on %s: no deductible, coinsurance %s of the allowed amount', (date, rate) => {
    const l = onDate(date, ['PT']);
    expect(l.allowed).toBeGreaterThan(0);
    expect(l.adjustments.filter((a) => a.carc === '1')).toEqual([]);
    const coins = l.adjustments.find((a) => a.group === 'PR' && a.carc === '2')?.amount ?? 0;
    expect(coins).toBe(mulRound(l.allowed, rate));
  });

  it('without PT the procedure takes the deductible like any other', () => {
    const l = onDate('2026-05-01', []);
    expect(l.adjustments.some((a) => a.group === 'PR' && a.carc === '1')).toBe(true);
  });

  it('PT on a code that is not a colorectal procedure changes nothing', () => {
    expect(colorectalFollowOn('99213', ['PT'], '2026-05-01')).toBeNull();
    expect(colorectalFollowOn('45385', [], '2026-05-01')).toBeNull();
    expect(colorectalFollowOn('00812', ['PT'], '2026-05-01')?.coinsurance).toBe(0.15);
  });
});

import { describe, expect, it } from 'vitest';
import { adjudicate } from '../../src/domain/payer/adjudicate';
import {
  birthdayRule,
  coordinationOrder,
  type Coverage,
} from '../../src/domain/payer/coordination/cob';
import { lineBalances, remittanceJson } from '../../src/domain/payer/remittance/remittance';
import { cents } from '../../src/domain/money';
import { $, claim, fees, line, payer } from './helpers';
import { baseProvider } from '../factories';

const met = { deductibleMet: $('283.00'), outOfPocketMet: cents(0) };

describe('coordination of benefits: order', () => {
  const dep = (payerId: string, holderBirthDate: string, since = '2020-01-01'): Coverage => ({
    payerId,
    kind: 'commercial',
    relation: 'dependent',
    holderBirthDate,
    since,
  });

  it('birthday rule: the parent whose birthday comes first in the year (year ignored) is primary', () => {
    const mom = dep('mom-plan', '1985-09-14');
    const dad = dep('dad-plan', '1990-03-02');
    expect(birthdayRule(mom, dad).map((c) => c.payerId)).toEqual(['dad-plan', 'mom-plan']);
    // Same birthday: the plan that covered the parent longer.
    expect(
      birthdayRule(dep('a', '1980-05-05', '2019-01-01'), dep('b', '1982-05-05', '2015-01-01'))[0]
        .payerId,
    ).toBe('b');
  });

  it('Medicare secondary payer basics, and Medicaid always last', () => {
    const medicare: Coverage = {
      payerId: 'medicare',
      kind: 'medicare',
      relation: 'self',
      since: '2020-01-01',
    };
    const medicaid: Coverage = {
      payerId: 'medicaid',
      kind: 'medicaid',
      relation: 'self',
      since: '2020-01-01',
    };
    const bigEmployer: Coverage = {
      payerId: 'ghp',
      kind: 'commercial',
      relation: 'self',
      since: '2010-01-01',
      employerGroup: { employees: 250, currentEmployment: true },
    };
    const smallEmployer: Coverage = {
      ...bigEmployer,
      payerId: 'small',
      employerGroup: { employees: 12, currentEmployment: true },
    };
    const retiree: Coverage = {
      ...bigEmployer,
      payerId: 'retiree',
      employerGroup: { employees: 250, currentEmployment: false },
    };
    const ids = (cs: Coverage[], age: number) => coordinationOrder(cs, age).map((c) => c.payerId);
    expect(ids([medicaid, medicare, bigEmployer], 67)).toEqual(['ghp', 'medicare', 'medicaid']);
    expect(ids([smallEmployer, medicare], 67)).toEqual(['medicare', 'small']);
    expect(ids([retiree, medicare], 67)).toEqual(['medicare', 'retiree']);
    // Disabled under 65: the employer plan is primary only with 100+ employees.
    expect(
      ids(
        [{ ...smallEmployer, employerGroup: { employees: 60, currentEmployment: true } }, medicare],
        50,
      ),
    ).toEqual(['medicare', 'small']);
    expect(
      ids(
        [medicare, { ...medicare, payerId: 'wc', kind: 'commercial', accidentCoverage: true }],
        70,
      ),
    ).toEqual(['wc', 'medicare']);
  });
});

describe('coordination of benefits: the secondary claim', () => {
  it('Medicaid (payer of last resort) after Medicare: pays nothing when Medicare paid more than the Medicaid rate; the coinsurance is written off CO-45 + MA125, the patient owes nothing', () => {
    const c = claim([line('99213', '120.00')], { accumulators: met });
    const primary = adjudicate(c, { payer: payer('medicare'), fees });
    expect(primary.totals.patientResponsibility).toBe($('16.37'));
    const sec = adjudicate(
      { ...c, payerId: 'medicaid' },
      {
        payer: payer('medicaid'),
        fees,
        cob: { primary, otherPayerPrimary: { payerId: 'medicare', reason: 'dual eligible' } },
      },
    );
    const j = remittanceJson(sec);
    expect(j.status).toBe('paid');
    // 42 CFR 447.15: min(16.37, max(0, 61.00 Medicaid rate − 64.18 Medicare paid)) = 0.
    expect(j.lines[0]!.paid).toBe('0.00');
    expect(j.lines[0]!.adjustments).toEqual([
      { group: 'OA', carc: '23', amount: '103.63' },
      { group: 'CO', carc: '45', amount: '16.37' },
    ]);
    expect(j.lines[0]!.remarks).toContain('MA125');
    expect(j.totals.patientResponsibility).toBe('0.00');
    expect(sec.payerSequence).toBe(2);
  });

  it('Medicaid secondary pays up to its rate less the primary payment; the rest is CO (payment in full) except its nominal copay', () => {
    const c = claim([line('99213', '120.00')]); // Medicare deductible not met: PR-1 81.86
    const primary = adjudicate(c, { payer: payer('medicare'), fees });
    const sec = adjudicate(
      { ...c, payerId: 'medicaid' },
      { payer: payer('medicaid'), fees, cob: { primary } },
    );
    const l = sec.lines[0]!;
    expect(l.paid).toBe($('59.00')); // Medicaid table 61.00 − 0 paid by Medicare, less its 2.00 copay
    expect(l.adjustments).toEqual([
      { group: 'OA', carc: '23', amount: $('38.14') },
      { group: 'CO', carc: '45', amount: $('20.86') }, // 81.86 left by Medicare − 61.00
      { group: 'PR', carc: '3', amount: $('2.00') },
    ]);
    expect(lineBalances(l)).toBe(true);
  });

  it('Medicare as secondary to an employer plan (MSP) pays the copay, less sequestration', () => {
    // National amounts (no locality): the plan's 125% of Medicare is of the national fee.
    const c = claim([line('99213', '120.00')], {
      payerId: 'commercial-ppo',
      accumulators: met,
      provider: { ...baseProvider(), locality: '' },
    });
    const primary = adjudicate(c, { payer: payer('commercial-ppo'), fees });
    expect(primary.lines[0]!.paid).toBe($('86.19'));
    const sec = adjudicate(
      { ...c, payerId: 'medicare' },
      { payer: payer('medicare'), fees, cob: { primary } },
    );
    expect(sec.lines[0]!.adjustments).toEqual([
      { group: 'OA', carc: '23', amount: $('95.00') },
      { group: 'CO', carc: '253', amount: $('0.50') },
    ]);
    expect(sec.lines[0]!.paid).toBe($('24.50'));
    expect(sec.totals.patientResponsibility).toBe(0);
  });

  it('a primary rejection is not a primary adjudication: the secondary denies CO-22', () => {
    const c = claim([line('99213', '120.00')], {
      patient: { sex: 'F', birthDate: '1955-05-01', memberId: null },
    });
    const rejected = {
      ...adjudicate(c, { payer: payer('medicare'), fees }),
      status: 'rejected' as const,
    };
    const sec = adjudicate(
      { ...c, payerId: 'medicaid' },
      {
        payer: payer('medicaid'),
        fees,
        cob: {
          primary: rejected,
          otherPayerPrimary: { payerId: 'medicare', reason: 'dual eligible' },
        },
      },
    );
    expect(sec.lines[0]!.adjustments.map((a) => `${a.group}-${a.carc}`)).toContain('CO-22');
  });
});

describe('appeal levels', () => {
  it('lists the five Medicare levels with deadlines and the 2026 amounts in controversy', async () => {
    const { appealLevels, meetsAmountInControversy } =
      await import('../../src/domain/payer/corrections/appeals');
    const levels = appealLevels(payer('medicare'), '2026-03-16');
    // Level 1's last day, Sunday 2026-07-19, runs to Monday (appealDeadlineRoll).
    expect(levels.map((l) => [l.level, l.deadline])).toEqual([
      [1, '2026-07-20'],
      [2, '2026-09-17'],
      [3, '2026-05-20'],
      [4, '2026-05-20'],
      [5, '2026-05-20'],
    ]);
    expect(meetsAmountInControversy(levels[2]!, $('199.99'))).toBe(false);
    expect(meetsAmountInControversy(levels[2]!, $('200.00'))).toBe(true);
    expect(levels[4]!.amountInControversy).toBe($('1960.00'));
  });
});

/**
 * Secondary claims carry the primary's adjudication (claim JSON `otherPayers`, 837P loops
 * 2320/2330B/2430); the payer ledger finds the primary's decision for the same claim id in a
 * batch; a claim billed as secondary without it is rejected (bill the primary first).
 */
import { describe, expect, it } from 'vitest';
import { parseClaim } from '../../src/domain/claim/parse';
import { PayerLedger } from '../../src/domain/payer/ledger';
import {
  lineBalances,
  patientResponsibility,
  remittanceJson,
} from '../../src/domain/payer/remittance/remittance';
import { parse837p, write837p } from '../../src/interop/x12/837p';
import { fees, payer } from './helpers';
import { baseProvider } from '../factories';

const base = {
  claimId: 'COB-1',
  patient: {
    sex: 'F',
    birthDate: '1988-06-02',
    memberId: 'KH777',
    firstName: 'Rosa',
    lastName: 'Diaz',
  },
  provider: baseProvider(),
  serviceDate: '2026-03-02',
  submissionDate: '2026-03-03',
  diagnoses: ['I10'],
  lines: [{ code: '99213', units: 1, dxPointers: [1], charge: '150.00' }],
  accumulators: { deductibleMet: '0.00', outOfPocketMet: '0.00' },
};

describe('secondary claims', () => {
  it('reads otherPayers with the primary remittance, naming bad fields by path', () => {
    const p = parseClaim({
      ...base,
      payerId: 'medicaid',
      payerSequence: 'secondary',
      otherPayers: [
        {
          payerId: 'commercial-ppo',
          sequence: 'primary',
          remittance: {
            payerClaimNumber: 'C1',
            remitDate: '2026-03-24',
            lines: [
              {
                line: 1,
                code: '99213',
                paid: 'lots',
                adjustments: [{ group: 'XX', carc: '45', amount: '1.00' }],
              },
            ],
          },
        },
      ],
    });
    expect(p.findings.map((f) => f.field)).toEqual([
      'otherPayers[0].remittance.lines[0].paid',
      'otherPayers[0].remittance.lines[0].adjustments[0].group',
    ]);
    expect(
      parseClaim({ ...base, payerId: 'medicaid', payerSequence: 'fourth' }).findings[0]!.field,
    ).toBe('payerSequence');
  });

  it('coordinates a Medicaid secondary with the primary found in the ledger (same claim id)', () => {
    const ledger = new PayerLedger();
    const primary = ledger.adjudicate(parseClaim({ ...base, payerId: 'commercial-ppo' }).claim, {
      payer: payer('commercial-ppo'),
      fees,
    });
    expect(primary.totals.patientResponsibility).toBe(2500);
    const second = parseClaim({
      ...base,
      payerId: 'medicaid',
      payerSequence: 'secondary',
      otherPayers: [{ payerId: 'commercial-ppo', sequence: 'primary' }],
    }).claim;
    const r = ledger.adjudicate(second, { payer: payer('medicaid'), fees });
    expect(r.status).not.toBe('rejected');
    expect(r.payerSequence).toBe(2);
    for (const l of r.lines) {
      expect(lineBalances(l)).toBe(true);
      // The primary's payment and write-off appear as OA-23 on the secondary.
      expect(l.adjustments.some((a) => a.group === 'OA' && a.carc === '23')).toBe(true);
      expect(patientResponsibility(l.adjustments)).toBeLessThanOrEqual(
        patientResponsibility(primary.lines[l.line - 1]!.adjustments),
      );
    }
  });

  it('denies a claim billed as secondary without the primary’s decision (CO-22: bill the primary first)', () => {
    const ledger = new PayerLedger();
    const c = parseClaim({
      ...base,
      payerId: 'medicaid',
      payerSequence: 'secondary',
      otherPayers: [{ payerId: 'commercial-ppo', sequence: 'primary' }],
    }).claim;
    const r = ledger.adjudicate(c, { payer: payer('medicaid'), fees });
    // An adjudicated denial: CO-22, this care may be covered by another payer.
    expect(r.status).toBe('denied');
    expect(r.lines[0]!.adjustments[0]).toMatchObject({ group: 'CO', carc: '22' });
    expect(r.findings.find((f) => f.id === 'cob.other-payer-primary')?.message).toMatch(
      /commercial-ppo is primary \(the claim is billed as secondary\)/,
    );
  });

  it('writes the primary’s adjudication into the 837P (2320/2330B/2430) and reads it back', () => {
    const ledger = new PayerLedger();
    const primary = ledger.adjudicate(parseClaim({ ...base, payerId: 'commercial-ppo' }).claim, {
      payer: payer('commercial-ppo'),
      fees,
    });
    const second = parseClaim({
      ...base,
      payerId: 'medicaid',
      payerSequence: 'secondary',
      otherPayers: [
        {
          payerId: 'commercial-ppo',
          sequence: 'primary',
          memberId: 'KH777',
          remittance: remittanceJson(primary),
        },
      ],
    });
    expect(second.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const x = write837p(second.claim);
    const segs = x.split('~').map((s) => s.trim());
    expect(segs).toContain('SBR*S*18*******MC');
    expect(segs).toContain('SBR*P*18*******CI');
    expect(segs.some((s) => s.startsWith('SVD*commercial-ppo*'))).toBe(true);
    expect(segs).toContain(`REF*F8*${primary.payerClaimNumber}`);
    expect(segs).toContain(`DTP*573*D8*${primary.remitDate.replace(/-/g, '')}`);
    const back = parse837p(x);
    if (!back.ok) throw new Error(back.errors[0]!.message);
    expect(back.value[0]!.payerSequence).toBe('secondary');
    expect(back.value[0]!.otherPayers).toEqual(second.claim.otherPayers);
    // The secondary adjudicates the same from the 837 as from the JSON.
    const a = new PayerLedger().adjudicate(second.claim, { payer: payer('medicaid'), fees });
    const b = new PayerLedger().adjudicate(
      { ...second.claim, otherPayers: back.value[0]!.otherPayers! },
      {
        payer: payer('medicaid'),
        fees,
      },
    );
    expect(remittanceJson(b).lines).toEqual(remittanceJson(a).lines);
  });
});

describe('the payer works out the order of benefits from the claim’s coverage facts', () => {
  const child = {
    ...base,
    claimId: 'KID-1',
    patient: { sex: 'M', birthDate: '2016-02-10', memberId: 'KH555' },
  };

  it('birthday rule: the plan of the parent whose birthday comes first is primary', () => {
    const c = parseClaim({
      ...child,
      payerId: 'commercial-ppo',
      coverage: { relation: 'dependent', holderBirthDate: '1985-09-14', since: '2018-01-01' },
      otherPayers: [
        {
          payerId: 'dad-plan',
          sequence: 'secondary',
          coverage: { relation: 'dependent', holderBirthDate: '1990-03-02', since: '2019-01-01' },
        },
      ],
    });
    expect(c.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const r = new PayerLedger().adjudicate(c.claim, { payer: payer('commercial-ppo'), fees });
    expect(r.lines[0]!.adjustments[0]).toMatchObject({ group: 'CO', carc: '22' });
    expect(r.findings.find((f) => f.id === 'cob.other-payer-primary')?.message).toMatch(
      /dad-plan is primary \(birthday rule: .*03-02 before 09-14\)/,
    );
    // Once dad-plan has decided, its adjudication on the claim lets this plan pay as secondary.
    const withPrimary = parseClaim({
      ...child,
      payerId: 'commercial-ppo',
      payerSequence: 'secondary',
      coverage: { relation: 'dependent', holderBirthDate: '1985-09-14' },
      otherPayers: [
        {
          payerId: 'dad-plan',
          sequence: 'primary',
          coverage: { relation: 'dependent', holderBirthDate: '1990-03-02' },
          adjudication: {
            payerClaimNumber: 'DP-1',
            adjudicationDate: '2026-03-20',
            lines: [
              {
                line: 1,
                code: '99213',
                paid: '60.00',
                adjustments: [
                  { group: 'CO', carc: '45', amount: '50.00' },
                  { group: 'PR', carc: '2', amount: '40.00' },
                ],
              },
            ],
          },
        },
      ],
    }).claim;
    const r2 = new PayerLedger().adjudicate(withPrimary, { payer: payer('commercial-ppo'), fees });
    expect(r2.payerSequence).toBe(2);
    expect(r2.lines[0]!.paid).toBe(4000);
    expect(patientResponsibility(r2.lines[0]!.adjustments)).toBeLessThanOrEqual(4000);
  });

  it('Medicare Secondary Payer: a working beneficiary’s employer plan (20+ employees) pays first', () => {
    const senior = {
      ...base,
      claimId: 'MSP-1',
      payerId: 'medicare',
      patient: { sex: 'F', birthDate: '1958-01-15', memberId: '1EG4TE5MK73' },
      coverage: { relation: 'self' },
    };
    const working = parseClaim({
      ...senior,
      otherPayers: [
        {
          payerId: 'commercial-ppo',
          sequence: 'secondary',
          coverage: { relation: 'self', employerGroup: { employees: 50, currentEmployment: true } },
        },
      ],
    }).claim;
    const r = new PayerLedger().adjudicate(working, { payer: payer('medicare'), fees });
    expect(r.findings.find((f) => f.id === 'cob.other-payer-primary')?.message).toMatch(
      /commercial-ppo is primary \(Medicare Secondary Payer: .*20 or more employees/,
    );
    // A retiree plan (no current employment) pays after Medicare: Medicare pays as primary.
    const retired = parseClaim({
      ...senior,
      otherPayers: [
        {
          payerId: 'commercial-ppo',
          sequence: 'secondary',
          coverage: {
            relation: 'self',
            employerGroup: { employees: 50, currentEmployment: false },
          },
        },
      ],
    }).claim;
    const r2 = new PayerLedger().adjudicate(retired, { payer: payer('medicare'), fees });
    expect(r2.findings.some((f) => f.id === 'cob.other-payer-primary')).toBe(false);
    expect(r2.payerSequence).toBe(1);
  });

  it('names a dependent coverage without the policyholder’s birth date', () => {
    const p = parseClaim({
      ...child,
      payerId: 'commercial-ppo',
      coverage: { relation: 'dependent' },
    });
    expect(p.findings.map((f) => f.field)).toContain('coverage.holderBirthDate');
  });
});

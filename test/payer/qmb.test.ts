/**
 * QMB protections (qmb.ts): Medicare adjudicates as usual, keeps PR-1/PR-2 in the 835 and adds
 * N781/N782/N783; the remittance says the patient may not be billed; Medicaid as secondary pays
 * the cost sharing up to its rate and the provider writes off the rest (CO-45), never PR.
 * Amounts by hand from the fixture MPFS: 99213 at locality 10112-00, office = 81.86 allowed;
 * 2026 Part B deductible 283.00, coinsurance 20%, sequestration 2%; Medicaid table 99213 = 61.00.
 * See: Social Security Act §1902(n)(3)(B); CMS MLN "Prohibition on Balance Billing Dually
 * Eligible Individuals Enrolled in the QMB Program"; CMS CR 9911.
 */
import { describe, expect, it } from 'vitest';
import type { Claim, DualStatus } from '../../src/domain/claim/claim';
import { parseClaim } from '../../src/domain/claim/parse';
import { adjudicate } from '../../src/domain/payer/adjudicate';
import { RARC } from '../../src/domain/payer/remittance/codes';
import {
  lineBalances,
  remittanceJson,
  type Remittance,
} from '../../src/domain/payer/remittance/remittance';
import { remittanceFromJson } from '../../src/domain/payer/remittance/remittance-json';
import { $, claim, fees, finding, line, payer } from './helpers';
import { NPI, basePatient, baseProvider } from '../factories';

/** 50.00 of the 283.00 deductible left: the line has both PR-1 and PR-2. */
const partlyMet = { deductibleMet: $('233.00'), outOfPocketMet: $('0.00') };

const patient = (dualStatus?: DualStatus): Claim['patient'] => ({
  ...basePatient(),
  ...(dualStatus ? { dualStatus } : {}),
});

const visit = (dualStatus?: DualStatus, more: Partial<Claim> = {}) =>
  claim([line('99213', '120.00')], {
    claimId: 'QMB-1',
    accumulators: partlyMet,
    patient: patient(dualStatus),
    ...more,
  });

const medicare = (c: Claim) => adjudicate(c, { payer: payer('medicare'), fees });
const medicaidAfter = (c: Claim, primary: Remittance) =>
  adjudicate(
    { ...c, payerId: 'medicaid' },
    {
      payer: payer('medicaid'),
      fees,
      cob: { primary, otherPayerPrimary: { payerId: 'medicare', reason: 'dual eligible' } },
    },
  );

describe('QMB: Medicare remittance', () => {
  it('keeps PR-1/PR-2, adds N781/N782, and says the patient owes 0.00', () => {
    const r = medicare(visit('qmb'));
    const l = r.lines[0]!;
    // 120.00 billed, 81.86 allowed: CO-45 38.14; deductible 50.00; coinsurance 20% of 31.86 =
    // 6.37; payment 81.86 − 56.37 = 25.49; sequestration 2% = 0.51; paid 24.98.
    expect(l.adjustments).toEqual([
      { group: 'CO', carc: '45', amount: $('38.14') },
      { group: 'CO', carc: '253', amount: $('0.51') },
      { group: 'PR', carc: '1', amount: $('50.00') },
      { group: 'PR', carc: '2', amount: $('6.37') },
    ]);
    expect(l.paid).toBe($('24.98'));
    expect(lineBalances(l)).toBe(true);
    expect(l.remarks).toEqual(['N781', 'N782']);
    const j = remittanceJson(r);
    // The 835 amounts are what Medicaid is asked to pay; the patient owes nothing.
    expect(j.totals.patientResponsibility).toBe('56.37');
    expect(j.patientMayBeBilled).toBe(false);
    expect(j.patientOwes).toBe('0.00');
    expect(j.balanceBilling).toMatchObject({
      reason: 'qmb',
      dualStatus: 'qmb',
      protectedAmount: '56.37',
    });
    expect(j.balanceBilling!.source).toMatch(/1902\(n\)\(3\)\(B\)/);
  });

  it('QMB-Plus is protected too; SLMB and no dual status are not (no remarks, no flag)', () => {
    expect(medicare(visit('qmb-plus')).lines[0]!.remarks).toEqual(['N781', 'N782']);
    for (const s of ['slmb', undefined] as const) {
      const r = medicare(visit(s));
      expect(r.lines[0]!.adjustments).toEqual(medicare(visit('qmb')).lines[0]!.adjustments);
      expect(r.lines[0]!.remarks).toEqual([]);
      expect(r.balanceBilling).toBeUndefined();
      expect('patientMayBeBilled' in remittanceJson(r)).toBe(false);
    }
  });

  it('a PR-50 after a signed ABN (GA) may still be billed: only cost sharing is protected', () => {
    const c = claim([line('99213', '120.00'), line('80061', '40.00', { modifiers: ['GA'] })], {
      claimId: 'QMB-ABN',
      accumulators: partlyMet,
      patient: patient('qmb'),
    });
    const r = adjudicate(c, {
      payer: payer('medicare'),
      fees,
      findings: [finding('coverage.medical-necessity', 2, { reference: 'NCD 190.23' })],
    });
    expect(r.lines[1]!.adjustments).toEqual([{ group: 'PR', carc: '50', amount: $('40.00') }]);
    expect(r.lines[1]!.remarks).toEqual(['N386']);
    const j = remittanceJson(r);
    expect(j.patientMayBeBilled).toBe(true);
    expect(j.patientOwes).toBe('40.00');
    expect(j.balanceBilling!.protectedAmount).toBe('56.37');
    expect(j.totals.patientResponsibility).toBe('96.37');
  });

  it('assignment is mandatory for a QMB: a non-participating provider gets no limiting-charge balance', () => {
    const nonPar = { ...baseProvider(), participating: false };
    const plain = medicare(visit(undefined, { provider: nonPar }));
    expect(plain.lines[0]!.remarks).toContain('MA28'); // not assigned: PR-45 up to the limiting charge
    expect(plain.lines[0]!.adjustments.some((a) => a.group === 'PR' && a.carc === '45')).toBe(true);
    const q = medicare(visit('qmb', { provider: nonPar }));
    expect(q.lines[0]!.remarks).not.toContain('MA28');
    expect(q.lines[0]!.adjustments.some((a) => a.group === 'PR' && a.carc === '45')).toBe(false);
    expect(q.balanceBilling!.patientOwes).toBe(0);
    expect(lineBalances(q.lines[0]!)).toBe(true);
  });

  it('our RARC wording exists for N781–N783 and is our own short text', () => {
    for (const c of ['N781', 'N782', 'N783'] as const) expect(RARC[c]).toMatch(/QMB/);
  });
});

describe('QMB: Medicaid as secondary (payer of last resort)', () => {
  it('pays the Medicare cost sharing up to its rate; the rest is CO-45, the patient owes 0.00', () => {
    const c = visit('qmb');
    const sec = medicaidAfter(c, medicare(c));
    const l = sec.lines[0]!;
    // remaining 56.37; Medicaid 61.00 − Medicare paid 24.98 = 36.02 (lesser of the two);
    // write-off 56.37 − 36.02 = 20.35 CO-45 (+ MA125); no Medicaid copay for a QMB.
    expect(l.paid).toBe($('36.02'));
    expect(l.adjustments).toEqual([
      { group: 'OA', carc: '23', amount: $('63.63') },
      { group: 'CO', carc: '45', amount: $('20.35') },
    ]);
    expect(l.remarks).toContain('MA125');
    expect(lineBalances(l)).toBe(true);
    const j = remittanceJson(sec);
    expect(j.totals.patientResponsibility).toBe('0.00');
    expect(j.patientMayBeBilled).toBe(false);
    expect(j.patientOwes).toBe('0.00');
    expect(sec.payerSequence).toBe(2);
  });

  it('without QMB status the same secondary takes its nominal copay (PR-3 2.00)', () => {
    const c = visit(undefined);
    const l = medicaidAfter(c, medicare(c)).lines[0]!;
    expect(l.paid).toBe($('34.02'));
    expect(l.adjustments).toEqual([
      { group: 'OA', carc: '23', amount: $('63.63') },
      { group: 'CO', carc: '45', amount: $('20.35') },
      { group: 'PR', carc: '3', amount: $('2.00') },
    ]);
  });

  it('when Medicare paid more than the Medicaid rate, Medicaid pays 0 and everything left is CO', () => {
    const c = visit('qmb', {
      accumulators: { deductibleMet: $('283.00'), outOfPocketMet: $('0.00') },
    });
    const sec = medicaidAfter(c, medicare(c));
    expect(sec.lines[0]!.paid).toBe(0);
    expect(sec.lines[0]!.adjustments).toEqual([
      { group: 'OA', carc: '23', amount: $('103.63') },
      { group: 'CO', carc: '45', amount: $('16.37') },
    ]);
    expect(sec.totals.patientResponsibility).toBe(0);
  });

  it('the protection travels with the stored Medicare remittance JSON (app, --history)', () => {
    const c = visit('qmb');
    const back = remittanceFromJson(JSON.parse(JSON.stringify(remittanceJson(medicare(c)))), 'r');
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(back.value.balanceBilling).toMatchObject({ dualStatus: 'qmb', patientOwes: 0 });
    // Even when the Medicaid claim itself does not say QMB, the primary's protection applies.
    const sec = medicaidAfter(visit(undefined), back.value);
    expect(sec.totals.patientResponsibility).toBe(0);
    expect(sec.lines[0]!.paid).toBe($('36.02'));
  });
});

describe('QMB: the crossover claim (Medicare’s adjudication on the Medicaid claim)', () => {
  /** The primary as the secondary reads it from the claim's 2320/2430 data: no stored flag. */
  const asOnClaim = (r: Remittance, remarks: boolean): Remittance => {
    const { balanceBilling: _dropped, ...rest } = r;
    return {
      ...rest,
      lines: r.lines.map((l) => ({ ...l, remarks: remarks ? l.remarks : [] })),
    } as Remittance;
  };

  it('Medicare’s N781/N782 on the lines tell Medicaid it is a QMB’s cost sharing: flagged, no copay, the patient owes 0.00', () => {
    const c = visit('qmb');
    const sec = medicaidAfter(c, asOnClaim(medicare(c), true));
    const j = remittanceJson(sec);
    expect(j.patientMayBeBilled).toBe(false);
    expect(j.patientOwes).toBe('0.00');
    expect(sec.lines[0]!.adjustments.some((a) => a.group === 'PR')).toBe(false);
    expect(sec.lines[0]!.paid).toBe($('36.02'));
  });

  it('without the remarks the crossover is still flagged: Medicaid holds the QMB enrolment itself', () => {
    // See: SSA §1902(n)(3)(B) (no QMB may be billed Medicare cost sharing, whatever the claim
    // shows); the patient's dual status on the claim is Medicaid's own record of it.
    const c = visit('qmb');
    const sec = medicaidAfter(c, asOnClaim(medicare(c), false));
    expect(remittanceJson(sec).patientMayBeBilled).toBe(false);
    expect(sec.lines[0]!.adjustments.some((a) => a.group === 'PR')).toBe(false);
  });
});

describe('QMB: claim input', () => {
  const base = {
    payerId: 'medicare',
    patient: basePatient(),
    provider: { npi: NPI, pos: '11' },
    serviceDate: '2026-03-02',
    diagnoses: ['I10'],
    lines: [{ code: '99213', charge: '120.00', dxPointers: [1] }],
  };
  it('reads patient.dualStatus (any case) and names the field when it is not a known group', () => {
    const ok = parseClaim({ ...base, patient: { ...base.patient, dualStatus: 'QMB' } });
    expect(ok.claim.patient.dualStatus).toBe('qmb');
    expect(ok.findings).toEqual([]);
    const bad = parseClaim({ ...base, patient: { ...base.patient, dualStatus: 'dual' } });
    expect(bad.claim.patient.dualStatus).toBeUndefined();
    expect(bad.findings.map((f) => [f.id, f.field])).toEqual([
      ['claim.invalid-field', 'patient.dualStatus'],
    ]);
    expect(parseClaim(base).claim.patient).not.toHaveProperty('dualStatus');
  });
});

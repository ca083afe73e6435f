/**
 * Adjudication rules one by one (GA + medical necessity, Medicaid payer of last resort,
 * Medicare secondary payment, assignment, service categories, bilateral indicator 3, status T,
 * fee-schedule year, new finding ids).
 */
import { describe, expect, it } from 'vitest';
import type { FindingId } from '../../src/domain/findings';
import { cents } from '../../src/domain/money';
import { adjudicate } from '../../src/domain/payer/adjudicate';
import { withAssignment } from '../../src/domain/payer/cost-sharing/assignment';
import { serviceCategory } from '../../src/domain/payer/cost-sharing/categories';
import {
  lineBalances,
  remittanceJson,
  type Remittance,
} from '../../src/domain/payer/remittance/remittance';
import { scrub } from '../../src/domain/edits/index';
import { starterCatalog } from '../../src/codesets/starter';
import { curatedNcci } from '../../src/codesets/ncci/curated';
import { $, claim, fees, finding, line, payer, run } from './helpers';

const met = { deductibleMet: $('283.00'), outOfPocketMet: cents(0) };
const newId = (id: string) => id as FindingId;

describe('GA + medical necessity (the edit engine reports a warning with GA)', () => {
  const necessity = (severity: 'error' | 'warning') =>
    finding('coverage.medical-necessity', 1, { severity, reference: 'NCD 190.23 Lipid testing' });

  it('denies 80061-GA PR-50 + N386 even though the finding is a warning', () => {
    const c = claim([line('80061', '40.00', { modifiers: ['GA'] })]);
    const { j } = run(c, { findings: [necessity('warning')] });
    expect(j.lines[0]!.adjustments).toEqual([{ group: 'PR', carc: '50', amount: '40.00' }]);
    expect(j.lines[0]!.remarks).toEqual(['N386']);
    expect(j.lines[0]!.paid).toBe('0.00');
    expect(j.totals.patientResponsibility).toBe('40.00');
  });

  it('end to end with the edit engine: 80061-GA pointed to Z00.00 is PR-50, not paid', () => {
    const catalog = starterCatalog();
    const c = claim([line('80061', '40.00', { modifiers: ['GA'] })], { diagnoses: ['Z00.00'] });
    const r = adjudicate(c, {
      payer: payer('medicare'),
      fees,
      edits: (x, policy) => scrub(x, { catalog, ncci: curatedNcci(), policy }),
    });
    expect(r.findings.map((f) => f.id)).toContain('coverage.medical-necessity');
    expect(r.lines[0]!.paid).toBe(0);
    expect(r.lines[0]!.adjustments).toEqual([{ group: 'PR', carc: '50', amount: $('40.00') }]);
  });

  it('denies CO-50 with GZ or no modifier (provider liable)', () => {
    for (const modifiers of [['GZ'], []]) {
      const { j } = run(claim([line('80061', '40.00', { modifiers })]), {
        findings: [necessity('error')],
      });
      expect(j.lines[0]!.adjustments).toEqual([{ group: 'CO', carc: '50', amount: '40.00' }]);
      expect(j.totals.patientResponsibility).toBe('0.00');
    }
  });
});

describe('finding ids from the edit engine', () => {
  it('add-on code without its primary: CO-107 + N122 (adjudicated, not rejected)', () => {
    const { j } = run(claim([line('99213', '120.00')], { accumulators: met }), {
      findings: [finding('code.add-on-without-primary', 1)],
    });
    expect(j.status).toBe('denied');
    expect(j.lines[0]!.adjustments).toEqual([{ group: 'CO', carc: '107', amount: '120.00' }]);
    expect(j.lines[0]!.remarks).toEqual(['N122']);
    expect(j.claimRemarks).toEqual(['MA01']);
  });

  it('G2211 not payable with a modifier-25 E/M: CO-97 + M80 on that line only', () => {
    const c = claim([line('99213', '120.00', { modifiers: ['25'] }), line('G2211', '20.00')], {
      accumulators: met,
    });
    const { j } = run(c, { findings: [finding('coverage.add-on-not-payable', 2)] });
    expect(j.status).toBe('partially-paid');
    expect(j.lines[1]!.adjustments).toEqual([{ group: 'CO', carc: '97', amount: '20.00' }]);
    expect(j.lines[1]!.remarks).toEqual(['M80']);
  });

  it('missing member id: front-end rejection MA130 + MA27, no lines', () => {
    const { j } = run(claim([line('99213', '120.00')]), {
      findings: [finding('claim.missing-field', null, { field: 'patient.memberId' })],
    });
    expect(j.status).toBe('rejected');
    expect(j.lines).toEqual([]);
    expect(j.claimRemarks).toEqual(['MA130', 'MA27']);
  });

  it('Excludes1: no denial as a warning; CO-16 + M76 (not CO-11) when a payer denies it', () => {
    const c = claim([line('99213', '120.00')], { accumulators: met });
    const warn = run(c, {
      findings: [finding('icd10cm.excludes1', null, { severity: 'warning', diagnosisIndex: 0 })],
    }).j;
    expect(warn.status).toBe('paid');
    const err = run(c, { findings: [finding('icd10cm.excludes1', null, { diagnosisIndex: 0 })] }).j;
    expect(err.lines[0]!.adjustments).toEqual([{ group: 'CO', carc: '16', amount: '120.00' }]);
    expect(err.lines[0]!.remarks).toEqual(['M76']);
  });

  it('an unknown finding id neither crashes nor denies', () => {
    const c = claim([line('99213', '120.00')], { accumulators: met });
    for (const id of ['future.something-new', 'code.some-future-edit']) {
      const { j } = run(c, { findings: [finding(newId(id), 1)] });
      expect(j.status).toBe('paid');
      expect(j.findings.map((f) => f.id)).toContain(id);
    }
  });
});

describe('Medicare secondary payment (42 CFR 411.33)', () => {
  it('pays the lowest of (a) its primary payment, (b) allowed − primary paid, (c) the patient share', () => {
    const c = claim([line('99213', '120.00')], { payerId: 'commercial-ppo', accumulators: met });
    const real = adjudicate(c, { payer: payer('commercial-ppo'), fees });
    // A primary that allowed 90.00, paid 72.00 and left the patient 18.00 coinsurance plus
    // 30.00 it does not cover: (a) 65.49, (b) max(81.86, 90.00) − 72.00 = 18.00, (c) 48.00.
    const primary: Remittance = {
      ...real,
      lines: [
        {
          ...real.lines[0]!,
          allowed: $('90.00'),
          paid: $('72.00'),
          adjustments: [
            { group: 'PR', carc: '2', amount: $('18.00') },
            { group: 'PR', carc: '96', amount: $('30.00') },
          ],
        },
      ],
    };
    const sec = adjudicate(
      { ...c, payerId: 'medicare' },
      {
        payer: payer('medicare'),
        fees,
        cob: { primary },
      },
    );
    const l = sec.lines[0]!;
    expect(l.paid).toBe($('17.64')); // 18.00 less 2% sequestration (0.36)
    expect(l.adjustments).toEqual([
      { group: 'OA', carc: '23', amount: $('72.00') },
      { group: 'PR', carc: '2', amount: $('18.00') },
      { group: 'PR', carc: '96', amount: $('12.00') },
      { group: 'CO', carc: '253', amount: $('0.36') },
    ]);
    expect(lineBalances(l)).toBe(true);
  });
});

describe('non-participating providers: assigned vs not assigned (Pub. 100-04 ch. 12 §30.3.12)', () => {
  const nonPar = (charge: string) => {
    const c = claim([line('99213', charge)], { accumulators: met });
    c.provider.participating = false;
    return c;
  };

  it('assigned: allowed 95%, CO-45 = charge − allowed, patient owes only the coinsurance', () => {
    const { j } = run(withAssignment(nonPar('120.00'), true));
    expect(j.lines[0]!.allowed).toBe('77.77');
    expect(j.lines[0]!.adjustments).toEqual([
      { group: 'CO', carc: '45', amount: '42.23' },
      { group: 'CO', carc: '253', amount: '1.24' },
      { group: 'PR', carc: '2', amount: '15.55' },
    ]);
    expect(j.lines[0]!.paid).toBe('60.98');
  });

  it('not assigned: only the charge above the limiting charge is CO; up to it the patient owes (PR-45)', () => {
    const { j } = run(nonPar('120.00'));
    expect(j.lines[0]!.limitingCharge).toBe('89.44');
    expect(j.lines[0]!.adjustments).toEqual([
      { group: 'CO', carc: '45', amount: '30.56' }, // 120.00 − 89.44
      { group: 'CO', carc: '253', amount: '1.24' },
      { group: 'PR', carc: '2', amount: '15.55' }, // 20% of 77.77
      { group: 'PR', carc: '45', amount: '11.67' }, // 89.44 − 77.77
    ]);
    expect(j.lines[0]!.paid).toBe('60.98'); // 80% of the 95% amount, less sequestration
    expect(j.lines[0]!.remarks).toEqual(['MA28']);
    expect(j.totals.patientResponsibility).toBe('27.22');
  });

  it('not assigned with a charge under the limiting charge: no write-off at all', () => {
    const { j } = run(nonPar('85.00'));
    expect(j.lines[0]!.adjustments.filter((a) => a.group === 'CO').map((a) => a.carc)).toEqual([
      '253',
    ]);
    expect(j.lines[0]!.adjustments).toContainEqual({ group: 'PR', carc: '45', amount: '7.23' });
  });
});

describe('service categories', () => {
  it('anatomic pathology priced under the PFS (status A) takes the deductible; CLFS labs do not', () => {
    const { j } = run(claim([line('88305', '150.00'), line('80061', '40.00')]));
    const pr = (n: number) => j.lines[n]!.adjustments.filter((a) => a.group === 'PR');
    expect(pr(0).map((a) => a.carc)).toEqual(['1']);
    expect(pr(1)).toEqual([]);
    expect(serviceCategory('88305', [], '2026-03-02', 'A')).toBe('diagnostic');
    expect(serviceCategory('88305', [], '2026-03-02', 'X')).toBe('lab');
    expect(serviceCategory('80061')).toBe('lab');
  });

  it('waived preventive services: G0444, 99497 only with modifier 33, vaccine administration', () => {
    const { j } = run(
      claim([
        line('G0444', '40.00'),
        line('99497', '120.00', { modifiers: ['33'] }),
        line('99497', '120.00'),
      ]),
    );
    const pr = (n: number) => j.lines[n]!.adjustments.filter((a) => a.group === 'PR');
    expect(pr(0)).toEqual([]);
    expect(pr(1)).toEqual([]);
    expect(pr(2).map((a) => a.carc)).toEqual(['1']);
    expect(serviceCategory('G0008', [], '2026-01-02')).toBe('preventive');
    expect(serviceCategory('90471', [], '2026-01-02')).toBe('preventive');
    // Dated: depression screening is preventive from its NCD date (2011-10-14).
    expect(serviceCategory('G0444', [], '2010-06-01')).not.toBe('preventive');
  });
});

describe('pricing rules', () => {
  it('bilateral indicator 3 with modifier 50 pays 100% for each side (200%)', () => {
    const one = run(claim([line('73030', '500.00')], { accumulators: met })).j;
    const both = run(
      claim([line('73030', '500.00', { modifiers: ['50'] })], { accumulators: met }),
    ).j;
    expect(Number(both.lines[0]!.allowed)).toBeCloseTo(2 * Number(one.lines[0]!.allowed), 2);
    expect(both.lines[0]!.pricingRules).toContain('bilateral 200% (100% each side)');
  });

  it('status T is paid alone but bundled (CO-97 + M15) with another PFS service the same day', () => {
    const alone = run(claim([line('96372', '30.00')], { accumulators: met })).j;
    expect(alone.lines[0]!.paid).not.toBe('0.00');
    const withEm = run(
      claim([line('99213', '120.00'), line('96372', '30.00')], { accumulators: met }),
    ).j;
    expect(withEm.lines[1]!.adjustments).toEqual([{ group: 'CO', carc: '97', amount: '30.00' }]);
    expect(withEm.lines[1]!.remarks).toEqual(['M15']);
    // Another day: paid.
    const otherDay = run(
      claim([line('99213', '120.00'), line('96372', '30.00', { serviceDate: '2026-03-03' })], {
        accumulators: met,
      }),
    ).j;
    expect(otherDay.lines[1]!.paid).not.toBe('0.00');
  });
});

describe('fee schedule year', () => {
  it('names the pricing year and notes a 2026 date of service priced on the CY2025 tables', () => {
    const j = remittanceJson(
      adjudicate(claim([line('99213', '120.00')]), { payer: payer('medicare'), fees }),
    );
    expect(j.lines[0]!.pricingSource).toMatch(/pricing year CY2025$/);
    const note = j.findings.find((f) => f.severity === 'info');
    expect(note?.id).toBe('pricing.fee-schedule-year');
    expect(note?.message).toMatch(/2026-03-02 .*CY2025/);
    const in2025 = run(
      claim([line('99213', '120.00')], { serviceDate: '2025-06-02', submissionDate: '2025-06-02' }),
    ).j;
    expect(in2025.findings.filter((f) => f.severity === 'info')).toEqual([]);
  });
});

describe('dates in payer deadlines (leap day)', () => {
  it('12-month timely filing from 2024-02-29 ends 2025-02-28, not March 1', async () => {
    const { filingDeadline } = await import('../../src/domain/payer/checks');
    expect(filingDeadline(payer('medicare'), '2024-02-29').deadline).toBe('2025-02-28');
  });
});

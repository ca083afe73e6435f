/**
 * Benefit policies as payer-profile data: ACA preventive visits at $0 on the commercial plan,
 * and exclusions with the right CARC (Medicare statutory exclusion PR-96 + N425; a commercial
 * plan's excluded benefit PR-204).
 * See: 45 CFR 147.130 (a)(1) (no cost sharing for recommended preventive services, including
 * HRSA well-woman visits) and (a)(2)(iii) (cost sharing allowed when the visit's primary purpose
 * is not preventive); SSA §1862(a)(7) and 42 CFR 411.15(a)(1) (routine physicals excluded from
 * Medicare); Pub. 100-04 ch. 30 §20.1; X12 CARC 96 / 204, RARC N425.
 */
import { describe, expect, it } from 'vitest';
import { cents } from '../../src/domain/money';
import {
  benefitExclusion,
  planPreventive,
  procedureListed,
} from '../../src/domain/payer/cost-sharing/plan-benefits';
import { parsePayerProfile } from '../../src/domain/payer/profile';
import { lineBalances } from '../../src/domain/payer/remittance/remittance';
import { claim, line, payer, run } from './helpers';

const commercial = (code: string, diagnoses: string[], more = {}) =>
  claim([line(code, '250.00', more)], {
    payerId: 'commercial-ppo',
    diagnoses,
    patient: { sex: 'F', birthDate: '1980-05-01', memberId: 'KH123' },
    accumulators: { deductibleMet: cents(0), outOfPocketMet: cents(0) },
  });

const patientShare = (j: ReturnType<typeof run>['j']) => j.totals.patientResponsibility;

describe('commercial plan: ACA preventive visits at no cost sharing (45 CFR 147.130)', () => {
  it.each([
    ['99396', 'Z00.00', 'adult, without abnormal findings'],
    ['99386', 'Z00.01', 'adult, with abnormal findings'],
    ['99395', 'Z01.419', 'well-woman (gynecological exam) without abnormal findings'],
    ['99396', 'Z01.411', 'well-woman with abnormal findings'],
    ['99395', 'Z0000', 'diagnosis written without the dot'],
  ])('%s with %s first-listed (%s): no deductible, no coinsurance, no copay', (code, dx) => {
    const { r, j } = run(commercial(code, [dx, 'E78.5']));
    expect(j.status).toBe('paid');
    expect(patientShare(j)).toBe('0.00');
    expect(j.lines[0]!.paid).toBe(j.lines[0]!.allowed);
    expect(Number(j.lines[0]!.paid)).toBeGreaterThan(0);
    expect(r.lines.every(lineBalances)).toBe(true);
  });

  it('the line follows its own diagnosis pointer, not only the claim order', () => {
    const { j } = run(commercial('99396', ['E78.5', 'Z00.00'], { dxPointers: [2, 1] }));
    expect(patientShare(j)).toBe('0.00');
  });

  it('a preventive visit code billed for a problem (primary purpose not preventive) takes the default cost sharing', () => {
    const { j } = run(commercial('99396', ['E78.5']));
    expect(j.lines[0]!.adjustments.filter((a) => a.group === 'PR').map((a) => a.carc)).toEqual([
      '1',
    ]);
    expect(patientShare(j)).toBe(j.lines[0]!.allowed); // deductible not met: all of it
  });

  it('is plan data: without the policy the code keeps its own category', () => {
    const p = payer('commercial-ppo');
    expect(p.preventiveServices.length).toBeGreaterThan(0);
    expect(planPreventive(p, ['E78.5'], line('99396', '1.00'), '2026-03-02')).toBe(
      'not-preventive',
    );
    expect(planPreventive(p, ['Z01.419'], line('99395', '1.00'), '2026-03-02')).toBe('preventive');
    expect(planPreventive(p, ['Z00.00'], line('99213', '1.00'), '2026-03-02')).toBeNull();
    expect(planPreventive(p, ['Z00.00'], line('99396', '1.00'), '2024-12-31')).toBeNull();
    expect(
      planPreventive(payer('medicare'), ['Z00.00'], line('99396', '1.00'), '2026-03-02'),
    ).toBeNull();
  });
});

describe('exclusions as data: PR-96 + N425 (statutory) vs PR-204 (plan benefit)', () => {
  it('Medicare routine physical 99381–99397: PR-96 + N425, whatever the diagnosis', () => {
    for (const code of ['99381', '99387', '99397']) {
      const { j } = run(claim([line(code, '200.00')], { diagnoses: ['Z00.00'] }));
      expect(j.lines[0]!.adjustments).toEqual([{ group: 'PR', carc: '96', amount: '200.00' }]);
      expect(j.lines[0]!.remarks).toEqual(['N425']);
      expect(j.totals.patientResponsibility).toBe('200.00');
    }
    expect(benefitExclusion(payer('medicare'), '99395', '2026-03-02')).toMatchObject({
      carc: '96',
      remarks: ['N425'],
    });
  });

  it("a commercial plan's excluded benefit (acupuncture in the starter PPO): PR-204, the patient's", () => {
    const { r, j } = run(commercial('97810', ['M54.50']));
    expect(j.status).toBe('denied');
    expect(j.lines[0]!.adjustments).toEqual([{ group: 'PR', carc: '204', amount: '250.00' }]);
    expect(j.lines[0]!.paid).toBe('0.00');
    expect(j.totals.patientResponsibility).toBe('250.00');
    expect(r.lines.every(lineBalances)).toBe(true);
    // Not excluded by Medicare's profile (which has no such exclusion).
    expect(benefitExclusion(payer('medicare'), '97810', '2026-03-02')).toBeUndefined();
  });

  it('an exclusion applies only while in force', () => {
    const p = payer('commercial-ppo');
    p.exclusions = [{ ...p.exclusions[0]!, terminated: '2025-12-31' }];
    expect(benefitExclusion(p, '97811', '2025-06-01')).toBeDefined();
    expect(benefitExclusion(p, '97811', '2026-03-02')).toBeUndefined();
  });

  it('the profile schema names a bad exclusion or preventive policy by its path', () => {
    const raw = structuredClone(payer('commercial-ppo')) as Record<string, unknown>;
    raw.exclusions = [
      {
        procedures: ['97814-97810'],
        group: 'XX',
        carc: 'abc',
        title: 't',
        effective: null,
        terminated: null,
        source: 's',
      },
    ];
    raw.preventiveServices = [
      {
        procedures: ['9938'],
        diagnoses: [],
        title: 't',
        effective: null,
        terminated: null,
        source: 's',
      },
    ];
    const r = parsePayerProfile(raw, 'commercial-ppo.json');
    expect(r.ok).toBe(false);
    const paths = r.ok ? [] : r.errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'commercial-ppo.json: exclusions[0].procedures[0]',
        'commercial-ppo.json: exclusions[0].group',
        'commercial-ppo.json: exclusions[0].carc',
        'commercial-ppo.json: preventiveServices[0].procedures[0]',
        'commercial-ppo.json: preventiveServices[0].diagnoses',
      ]),
    );
  });

  it('procedure ranges compare codes of equal length only', () => {
    expect(procedureListed(['99381-99397'], '99390')).toBe(true);
    expect(procedureListed(['99381-99397'], '99398')).toBe(false);
    expect(procedureListed(['99381-99397'], '9939')).toBe(false);
    expect(procedureListed(['G0438'], 'g0438')).toBe(true);
  });
});

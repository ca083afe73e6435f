/**
 * A plan's medical-necessity policy names its denial: CO-50 (not medically necessary; the
 * default), CO-11 (the diagnosis is inconsistent with the procedure) or CO-167 (the diagnosis is
 * not covered), with its remarks. The scrubber's finding names the same group, CARC and remarks
 * the payer denies with. See: DOMAIN.md §5 (medical necessity: CO-50, or CO-11, CO-167);
 * scenarios/README.md "Plans and their dated policies".
 */
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/domain/claim/claim';
import { adjudicate } from '../../src/domain/payer/adjudicate';
import { withPayerChecks } from '../../src/domain/payer/checks';
import { withPlanPolicies, type PlanPolicies } from '../../src/domain/payer/plan-policies';
import { policiesSchema } from '../../src/scenarios/format/v2';
import { claim, fees, line, payer } from './helpers';

/** A lipid panel pointing to fatigue (R53.83): the plan's policy covers it for E78.x only. */
const lipids = (): Claim =>
  claim([line('80061', '60.00', { dxPointers: [1] })], {
    claimId: 'MN-1',
    payerId: 'commercial-ppo',
    serviceDate: '2026-05-04',
    submissionDate: '2026-05-04',
    diagnoses: ['R53.83', 'E78.5'],
  });

const policy = (denial?: { carc: '50' | '11' | '167'; remarks: string[] }): PlanPolicies => ({
  medicalNecessity: [
    {
      from: '2026-01-01',
      to: null,
      source: 'plan policy LAB-12',
      value: [
        {
          procedures: ['80061'],
          diagnoses: ['E78'],
          title: 'Lipid testing',
          ...(denial ? { denial } : {}),
        },
      ],
    },
  ],
});

function both(denial?: { carc: '50' | '11' | '167'; remarks: string[] }) {
  const c = lipids();
  const p = withPlanPolicies(
    payer('commercial-ppo'),
    { id: 'acme-gold', policies: policy(denial) },
    c.serviceDate,
  );
  const scrub = withPayerChecks(c, [], p).filter((f) => f.id === 'coverage.medical-necessity');
  const r = adjudicate(c, { payer: p, fees, seed: 1 });
  const l = r.lines[0]!;
  return {
    scrub,
    denied: l.adjustments.filter((a) => a.carc !== '45').map((a) => `${a.group}-${a.carc}`),
    remarks: l.remarks,
    remitFinding: r.findings.filter((f) => f.id === 'coverage.medical-necessity'),
  };
}

describe("a plan's medical-necessity policy names its denial", () => {
  it('absent: CO-50 (the default)', () => {
    const b = both();
    expect(b.denied).toEqual(['CO-50']);
    expect(b.scrub.map((f) => [f.severity, f.line])).toEqual([['error', 1]]);
  });

  it('CARC 11: CO-11 with its remark, and the scrubber says the diagnosis is inconsistent', () => {
    const b = both({ carc: '11', remarks: ['N130'] });
    expect(b.denied).toEqual(['CO-11']);
    expect(b.remarks).toEqual(['N130']);
    expect(b.scrub[0]!.message).toMatch(/inconsistent with the procedure/);
    expect(b.scrub[0]!.message).toMatch(/CO-11 \+ N130/);
    expect(b.scrub[0]!.reference).toMatch(/acme-gold: plan policy LAB-12/);
    expect(b.remitFinding.map((f) => f.message)).toEqual(b.scrub.map((f) => f.message));
  });

  it('CARC 167: CO-167, "diagnosis not covered"', () => {
    const b = both({ carc: '167', remarks: [] });
    expect(b.denied).toEqual(['CO-167']);
    expect(b.scrub[0]!.message).toMatch(/diagnosis is not covered/);
  });

  it('CARC 50 named with a remark: CO-50 with that remark', () => {
    const b = both({ carc: '50', remarks: ['N130'] });
    expect(b.denied).toEqual(['CO-50']);
    expect(b.remarks).toEqual(['N130']);
  });

  it('the pack format takes 50, 11 or 167 and names the field of anything else', () => {
    const entry = (carc: string) => ({
      medicalNecessity: [
        {
          from: '2026-01-01',
          source: 'plan policy LAB-12',
          value: [
            {
              id: 'lipids',
              procedures: ['80061'],
              diagnoses: ['E78.5'],
              title: 'Lipid testing',
              denial: { carc },
            },
          ],
        },
      ],
    });
    const ok = policiesSchema.safeParse(entry('167'));
    expect(ok.success).toBe(true);
    expect(ok.data?.medicalNecessity?.[0]!.value[0]!.denial).toEqual({ carc: '167', remarks: [] });
    const bad = policiesSchema.safeParse(entry('96'));
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path.join('.')).toBe('medicalNecessity.0.value.0.denial.carc');
  });
});

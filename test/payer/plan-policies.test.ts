/**
 * A plan's dated policies take effect when the payer adjudicates (src/domain/payer/
 * plan-policies.ts, modifier-policy.ts): modifier rules, prior authorization and timely filing,
 * each from the entry in force on the date of service, with the day before and the day a policy
 * starts. The rules are the pack format's (scenarios/README.md "Plans and their dated policies"):
 * - distinct-diagnosis: an E/M with 25 is paid only when it points to a diagnosis the procedure
 *   does not (CO-4 + N823 otherwise).
 * - documentation-required: paid only when the claim says the records were sent (837P PWK with
 *   a transmission other than AA), else CO-252 + M127.
 * - not-recognised: an E/M with 25 billed with a procedure is part of the procedure's payment
 *   (CO-97 + M144); another modifier the plan does not recognise is CO-4 + N823.
 * - pays-as-ncci: taken as NCCI takes it; it replaces the payer's own modifier-25 behaviour.
 * See: CMS MCPM (Pub. 100-04) ch. 12 §30.6.6; NCCI Policy Manual ch. 11 §E; X12 005010X222A1
 * 2300 PWK; CMS Pub. 100-04 ch. 1 §70 (timely filing counted from the date of service).
 */
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/domain/claim/claim';
import { parseClaim } from '../../src/domain/claim/parse';
import { adjudicate } from '../../src/domain/payer/adjudicate';
import {
  applyModifierRules,
  documentationSent,
  modifierRulesOn,
  type ModifierRule,
  type ModifierRuleKind,
} from '../../src/domain/payer/modifier-policy';
import { withPlanPolicies, type PlanPolicies } from '../../src/domain/payer/plan-policies';
import { claim, fees, line, payer } from './helpers';

/** E/M 99214-25 for hypertension (dx 2) + a knee injection 20610 for arthritis (dx 3). */
const emWithProcedure = (serviceDate: string, more: Partial<Claim> = {}, emDx = [2]) =>
  claim(
    [
      line('99214', '150.00', { modifiers: ['25'], dxPointers: emDx }),
      line('20610', '150.00', { modifiers: ['RT'], dxPointers: [3] }),
    ],
    {
      claimId: 'PLAN-1',
      payerId: 'commercial-ppo',
      serviceDate,
      submissionDate: serviceDate,
      ...more,
    },
  );

const plan = (policies: PlanPolicies) => ({ id: 'acme-gold', policies });
const mod25 = (rule: ModifierRuleKind, from = '2026-01-01', to: string | null = null) => ({
  from,
  to,
  source: 'test plan policy',
  value: [{ modifier: '25', rule, title: `modifier 25: ${rule}` }],
});
const run = (c: Claim, policies: PlanPolicies) =>
  adjudicate(c, {
    payer: withPlanPolicies(payer('commercial-ppo'), plan(policies), c.serviceDate),
    fees,
    seed: 1,
  });
const adj = (r: ReturnType<typeof run>, i: number) =>
  r.lines[i]!.adjustments.map((a) => `${a.group}-${a.carc}`);

describe('modifier policies', () => {
  it('distinct-diagnosis: CO-4 + N823 when the E/M points only to the procedure diagnosis; paid when distinct', () => {
    const same = run(emWithProcedure('2026-05-04', {}, [3]), {
      modifiers: [mod25('distinct-diagnosis')],
    });
    expect(adj(same, 0)).toEqual(['CO-4']);
    expect(same.lines[0]!.remarks).toEqual(['N823']);
    expect(same.findings.find((f) => f.id === 'payer.modifier-policy')?.reference).toMatch(
      /acme-gold: test plan policy/,
    );
    const distinct = run(emWithProcedure('2026-05-04'), {
      modifiers: [mod25('distinct-diagnosis')],
    });
    expect(adj(distinct, 0)).not.toContain('CO-4');
    expect(distinct.lines[0]!.allowed).toBeGreaterThan(0);
  });

  it('documentation-required: CO-252 + M127 unless the claim sends the records (AA is not sending)', () => {
    const policies = { modifiers: [mod25('documentation-required')] };
    const none = run(emWithProcedure('2026-05-04'), policies);
    expect(adj(none, 0)).toEqual(['CO-252']);
    expect(none.lines[0]!.remarks).toEqual(['M127']);
    expect(none.status).toBe('partially-paid');
    const onRequest = run(
      emWithProcedure('2026-05-04', { attachments: [{ reportType: '09', transmission: 'AA' }] }),
      policies,
    );
    expect(adj(onRequest, 0)).toEqual(['CO-252']);
    const sent = run(
      emWithProcedure('2026-05-04', {
        attachments: [{ reportType: '09', transmission: 'EL', controlNumber: 'ATT-1' }],
      }),
      policies,
    );
    expect(adj(sent, 0)).not.toContain('CO-252');
    expect(sent.lines[0]!.allowed).toBeGreaterThan(0);
  });

  it('not-recognised: an E/M with 25 and a procedure is bundled (CO-97 + M144); pays-as-ncci pays it', () => {
    const nr = run(emWithProcedure('2026-05-04'), { modifiers: [mod25('not-recognised')] });
    expect(adj(nr, 0)).toEqual(['CO-97']);
    expect(nr.lines[0]!.remarks).toEqual(['M144']);
    // The starter PPO's own behaviour would deny the non-distinct E/M CO-4: the plan rule replaces it.
    const ncci = run(emWithProcedure('2026-05-04', {}, [3]), {
      modifiers: [mod25('pays-as-ncci')],
    });
    expect(adj(ncci, 0)).not.toContain('CO-4');
    expect(ncci.lines[0]!.allowed).toBeGreaterThan(0);
  });

  it('a 25 rule needs a procedure on the claim; a rule for another modifier denies the line carrying it', () => {
    const alone = claim([line('99214', '150.00', { modifiers: ['25'], dxPointers: [2] })], {
      serviceDate: '2026-05-04',
      submissionDate: '2026-05-04',
      payerId: 'commercial-ppo',
    });
    const out: Parameters<typeof applyModifierRules>[2] = [null];
    const rule: ModifierRule = {
      modifier: '25',
      rule: 'documentation-required',
      title: 't',
      effective: null,
      terminated: null,
      source: 's',
    };
    applyModifierRules(alone, [rule], out, []);
    expect(out).toEqual([null]);
    const two = claim(
      [
        line('20610', '150.00', { modifiers: ['RT'], dxPointers: [3] }),
        line('20611', '150.00', { modifiers: ['59'], dxPointers: [3] }),
      ],
      { serviceDate: '2026-05-04', submissionDate: '2026-05-04' },
    );
    const out2: Parameters<typeof applyModifierRules>[2] = [null, null];
    applyModifierRules(two, [{ ...rule, modifier: '59', rule: 'not-recognised' }], out2, []);
    expect(out2[0]).toBeNull();
    expect(out2[1]).toMatchObject({ group: 'CO', carc: '4', remarks: ['N823'] });
  });

  it('the rule in force on the date of service applies: the day before and the day a rule starts', () => {
    const policies = {
      modifiers: [
        mod25('distinct-diagnosis', '2026-01-01', '2026-03-31'),
        mod25('documentation-required', '2026-04-01'),
      ],
    };
    expect(adj(run(emWithProcedure('2026-03-31'), policies), 0)).not.toContain('CO-252');
    expect(adj(run(emWithProcedure('2026-04-01'), policies), 0)).toEqual(['CO-252']);
    expect(adj(run(emWithProcedure('2026-03-31', {}, [3]), policies), 0)).toEqual(['CO-4']);
    const rules = modifierRulesOn(
      withPlanPolicies(payer('commercial-ppo'), plan(policies), '2026-04-01').modifierRules,
      '2026-04-01',
    );
    expect(rules.map((r) => r.rule)).toEqual(['documentation-required']);
  });

  it('documentationSent and parseClaim read 837P PWK attachments, and name a bad field', () => {
    expect(documentationSent({})).toBe(false);
    expect(documentationSent({ attachments: [{ reportType: '09', transmission: 'FX' }] })).toBe(
      true,
    );
    const input = {
      claimId: 'A1',
      payerId: 'commercial-ppo',
      patient: { sex: 'F', birthDate: '1970-01-01', memberId: 'M1' },
      provider: { npi: '1234567893', pos: '11' },
      serviceDate: '2026-05-04',
      diagnoses: ['I10'],
      lines: [{ code: '99213', units: 1, dxPointers: [1], charge: '100.00' }],
    };
    const ok = parseClaim({
      ...input,
      attachments: [{ reportType: '09', transmission: 'EL', controlNumber: 'X1' }],
    });
    expect(ok.claim.attachments).toEqual([
      { reportType: '09', transmission: 'EL', controlNumber: 'X1' },
    ]);
    const bad = parseClaim({ ...input, attachments: [{ reportType: '09', transmission: 'ZZ' }] });
    expect(bad.findings.map((f) => f.field)).toContain('attachments[0].transmission');
  });
});

describe('prior authorization and timely filing from a plan', () => {
  const mri = (serviceDate: string, submissionDate = serviceDate) =>
    claim([line('72148', '900.00', { dxPointers: [1] })], {
      claimId: 'PLAN-MRI',
      payerId: 'commercial-ppo',
      serviceDate,
      submissionDate,
    });
  const pa = {
    priorAuthorization: [
      {
        from: '2026-01-01',
        to: '2026-03-31',
        source: 'PA list 2026-01',
        value: [{ procedures: ['70551'], title: 'MRI brain' }],
      },
      {
        from: '2026-04-01',
        source: 'PA list 2026-04',
        value: [{ procedures: ['70551', '72148'], title: 'MRI brain and lumbar spine' }],
      },
    ],
  };

  it('a procedure added to the list needs authorization from the day the entry starts (CO-197)', () => {
    expect(adj(run(mri('2026-03-31'), pa), 0)).not.toContain('CO-197');
    const on = run(mri('2026-04-01'), pa);
    expect(adj(on, 0)).toEqual(['CO-197']);
    expect(on.findings.find((f) => f.id === 'auth.missing')?.reference).toMatch(/PA list 2026-04/);
    // With an authorization number the claim passes.
    expect(adj(run({ ...mri('2026-04-01'), priorAuthNumber: 'PA-778812' }, pa), 0)).not.toContain(
      'CO-197',
    );
  });

  const tf = {
    timelyFiling: [
      {
        from: '2025-01-01',
        to: '2026-03-31',
        source: 'manual 2025',
        value: { unit: 'days' as const, amount: 180 },
      },
      {
        from: '2026-04-01',
        source: 'bulletin 2026-02',
        value: { unit: 'days' as const, amount: 90 },
      },
    ],
  };
  const visit = (serviceDate: string, submissionDate: string) =>
    claim([line('99213', '100.00', { dxPointers: [1] })], {
      claimId: 'PLAN-TF',
      payerId: 'commercial-ppo',
      serviceDate,
      submissionDate,
    });

  it('the limit in force on the date of service, counted to the day the claim is received (CO-29)', () => {
    // From 2026-04-01: 90 days. Day 90 (2026-06-30) is on time, day 91 is late.
    expect(adj(run(visit('2026-04-01', '2026-06-30'), tf), 0)).not.toContain('CO-29');
    const late = run(visit('2026-04-01', '2026-07-01'), tf);
    expect(adj(late, 0)).toEqual(['CO-29']);
    expect(late.status).toBe('denied');
    // The day before: 180 days still apply to a 2026-03-31 service sent 106 days later.
    expect(adj(run(visit('2026-03-31', '2026-07-15'), tf), 0)).not.toContain('CO-29');
    expect(adj(run(visit('2026-03-31', '2026-09-28'), tf), 0)).toEqual(['CO-29']);
  });
});

/**
 * A CLI claim billed under a pack plan (issue 10 "The scrubber and the payer agree"): `check`
 * and `adjudicate` lay the plan's dated policies over its payer for the date of service, as
 * pack validation does, when the claim names the plan in `planId` or bills the plan's id as its
 * `payerId`; an unknown plan is a finding naming the field, in both commands.
 * See: scenarios/payer-rules-v2/plans/acme-gold-ppo.json (Acme Gold PPO, synthetic plan policy:
 * head CT/MRI need prior authorization on the January 2026 list, 2026-01-01..03-31; lumbar
 * MRI 72148 on the April 2026 list; timely filing 180 days, 90 days from 2026-04-01);
 * scenarios/README.md "Plans and their dated policies"; X12 CARC 197 (precertification absent),
 * CARC 29 (time limit for filing expired).
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { captureIo } from '../support/cli-io';

interface Row {
  claimId: string;
  status?: string;
  findings: { id: string; message: string }[];
  lines?: { paid: string; adjustments: { group: string; carc: string }[] }[];
}

const claim = (id: string, over: Record<string, unknown> = {}) => ({
  claimId: id,
  payerId: 'acme-health',
  planId: 'acme-gold-ppo',
  frequency: '1',
  patient: { sex: 'F', birthDate: '1950-03-10', memberId: `M-${id}` },
  provider: { npi: '1234567893', pos: '11', locality: '10112-00' },
  serviceDate: '2026-02-10',
  submissionDate: '2026-02-12',
  diagnoses: ['R51.9'],
  lines: [{ code: '70450', units: 1, dxPointers: [1], charge: '500.00' }],
  accumulators: { deductibleMet: '1000.00', outOfPocketMet: '0.00' },
  ...over,
});

async function run(cmd: 'check' | 'adjudicate', claims: object[]): Promise<Map<string, Row>> {
  const { io, out } = captureIo(claims.map((c) => JSON.stringify(c)).join('\n'));
  expect(await main([cmd, '-'], io)).toBe(0);
  return new Map(out.map((l) => JSON.parse(l) as Row).map((r) => [r.claimId, r]));
}
const ids = (r: Row | undefined) => r!.findings.map((f) => f.id);
const adj = (r: Row | undefined, line = 0) =>
  r!.lines![line]!.adjustments.map((a) => `${a.group}-${a.carc}`);

/** Both commands on the same claims: what check predicts is what the payer decides. */
async function both(claims: object[]) {
  return { check: await run('check', claims), adjudicate: await run('adjudicate', claims) };
}

describe('a CLI claim under a pack plan', () => {
  it("applies the plan's prior-authorization list in force on the date of service", async () => {
    const { check, adjudicate } = await both([
      // January 2026 list: CT head 70450 needs authorization.
      claim('jan-ct'),
      claim('jan-ct-auth', { priorAuthNumber: 'PA-1' }),
      // The payer alone (no plan named) has no prior-authorization list.
      claim('jan-ct-payer', { planId: undefined }),
      // April 2026 list: 70450 is off it, lumbar MRI 72148 is on it.
      claim('apr-ct', { serviceDate: '2026-04-10', submissionDate: '2026-04-12' }),
      claim('apr-mri', {
        serviceDate: '2026-04-15',
        submissionDate: '2026-04-20',
        diagnoses: ['M54.16'],
        lines: [{ code: '72148', units: 1, dxPointers: [1], charge: '700.00' }],
      }),
      // Lumbar MRI before 2026-04-01: not on the January list.
      claim('mar-mri', {
        serviceDate: '2026-03-20',
        submissionDate: '2026-03-25',
        diagnoses: ['M54.16'],
        lines: [{ code: '72148', units: 1, dxPointers: [1], charge: '700.00' }],
      }),
    ]);
    for (const id of ['jan-ct', 'apr-mri']) {
      expect(ids(check.get(id)), id).toContain('auth.missing');
      expect(adj(adjudicate.get(id)), id).toContain('CO-197');
      expect(adjudicate.get(id)!.lines![0]!.paid, id).toBe('0.00');
    }
    for (const id of ['jan-ct-auth', 'jan-ct-payer', 'apr-ct', 'mar-mri']) {
      expect(ids(check.get(id)), id).not.toContain('auth.missing');
      expect(adj(adjudicate.get(id)), id).not.toContain('CO-197');
    }
  });

  it("applies the plan's timely-filing limit in force on the date of service", async () => {
    const visit = {
      diagnoses: ['I10'],
      lines: [{ code: '99213', units: 1, dxPointers: [1], charge: '150.00' }],
    };
    const { check, adjudicate } = await both([
      // 90 days from 2026-04-01: 2026-04-02 filed 2026-07-10 is day 99, late.
      claim('apr-late', { ...visit, serviceDate: '2026-04-02', submissionDate: '2026-07-10' }),
      // Day 89: in time.
      claim('apr-ok', { ...visit, serviceDate: '2026-04-02', submissionDate: '2026-06-30' }),
      // The payer's own 180 days when no plan is named: day 99 is in time.
      claim('apr-payer', {
        ...visit,
        planId: undefined,
        serviceDate: '2026-04-02',
        submissionDate: '2026-07-10',
      }),
    ]);
    expect(ids(check.get('apr-late'))).toContain('filing.timely');
    expect(adj(adjudicate.get('apr-late'))).toContain('CO-29');
    for (const id of ['apr-ok', 'apr-payer']) {
      expect(ids(check.get(id)), id).not.toContain('filing.timely');
      expect(adj(adjudicate.get(id)), id).not.toContain('CO-29');
    }
  });

  it("reads the plan's id billed as the payerId as that plan on its payer", async () => {
    const { check, adjudicate } = await both([
      claim('as-payer', { payerId: 'acme-gold-ppo', planId: undefined }),
    ]);
    expect(ids(check.get('as-payer'))).toContain('auth.missing');
    expect(adjudicate.get('as-payer')!.status).not.toBe('rejected');
    expect(adj(adjudicate.get('as-payer'))).toContain('CO-197');
  });

  it('reports an unknown plan, a plan of another payer and a planId that is not a string, naming planId', async () => {
    const claims = [
      claim('unknown', { planId: 'acme-silver-hmo' }),
      claim('other-payer', { payerId: 'commercial-ppo' }),
      claim('not-text', { planId: 7 }),
    ];
    const { check, adjudicate } = await both(claims);
    for (const { claimId } of claims) {
      // The output carries no `field`: the message names it (README "Output").
      const f = check.get(claimId)!.findings.find((x) => x.message.includes('planId'));
      expect(f, claimId).toMatchObject({ id: 'claim.invalid-field' });
      // The payer rejects the claim with the same finding: the two commands agree.
      const r = adjudicate.get(claimId)!;
      expect(r.status, claimId).toBe('rejected');
      expect(r.findings, claimId).toContainEqual(f);
    }
    expect(
      check.get('unknown')!.findings.find((x) => x.message.includes('planId'))!.message,
    ).toMatch(/Unknown plan "acme-silver-hmo".*acme-gold-ppo/);
  });
});

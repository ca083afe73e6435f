/**
 * Opening a case reads only its payer profile (the payer service loads on the first scrub or
 * submission the page answers itself, issue 9 "A lean first load"): the profile, the problems of
 * a broken profile and an unknown payer are what the whole service reported before.
 */
import { describe, expect, it } from 'vitest';
import { starterCatalog } from '../../src/codesets/starter';
import { buildPayerService } from '../../src/services/payer';
import { withPlanPolicies } from '../../src/domain/payer/plan-policies';
import { parsePayerProfile } from '../../src/domain/payer/profile';
import type { Claim } from '../../src/domain/claim/claim';
import { cents } from '../../src/domain/money';
import { payerServiceFor, planProfileFile } from '../../src/state/payer-service';
import type { Pack } from '../../src/scenarios/schema';
import { claim as claimOf, shippedPack } from '../factories';

const pack = shippedPack('starter');
const caseFile = pack.cases[0]!;

/** The pack with the case's payer profile replaced by `data` (same file name). */
function withProfile(data: unknown): Pack {
  return {
    ...pack,
    payers: pack.payers.map((f) =>
      (f.data as { id?: unknown }).id === caseFile.payerId ? { ...f, data } : f,
    ),
  };
}

describe('payerServiceFor', () => {
  it("gives the case's payer profile as the pack's payer service reads it", () => {
    const p = payerServiceFor(pack, caseFile, starterCatalog);
    if (Array.isArray(p)) throw new Error(p.map((x) => x.message).join('; '));
    const whole = buildPayerService([pack]).payers.get(caseFile.payerId)!;
    expect(p.profile).toEqual(whole);
    expect(p.payerName).toBe(whole.name);
    expect(p.acceptsReplacement).toBe(whole.corrections === 'frequency-7-8');
  });

  it("names the broken field of the case's payer profile, as the whole service does", () => {
    const ours = pack.payers.find((f) => (f.data as { id?: unknown }).id === caseFile.payerId)!;
    const broken = withProfile({ ...(ours.data as object), name: 42 });
    const p = payerServiceFor(broken, caseFile, starterCatalog);
    expect(Array.isArray(p)).toBe(true);
    const expected = buildPayerService([broken]).problems.filter((e) =>
      e.path.startsWith(ours.file),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(p).toEqual(expected);
  });

  it('says when the pack has no profile for the case’s payer', () => {
    const p = payerServiceFor(pack, { ...caseFile, payerId: 'nobody' }, starterCatalog);
    expect(p).toEqual([
      {
        path: `cases/${caseFile.id}.payerId`,
        message: `no payer profile "nobody" in pack ${pack.id}`,
      },
    ]);
  });

  it('scrubs in the page (no worker) with the same findings as the payer service', async () => {
    const p = payerServiceFor(pack, caseFile, starterCatalog);
    if (Array.isArray(p)) throw new Error('no payer');
    const claim = claimOf({ payerId: caseFile.payerId });
    const findings = await p.scrub(claim, []);
    expect(findings).toEqual(buildPayerService([pack]).scrub(claim, starterCatalog(), []));
  });
});

describe('payerServiceFor: a case naming a plan (format 2 encounter.planId)', () => {
  // The plan's dated policies replace the payer's own on the case's date of service, as
  // `pack validate` checks the answer key and the CLI adjudicates a claim naming the plan.
  // See: scenarios/README.md "Plans and dated policies"; issue 10 "The scrubber and the payer agree".
  const rules = shippedPack('payer-rules');
  const ct = rules.cases.find((c) => c.planId === 'acme-gold-ppo')!;

  it('adjudicates under the plan in force on the date of service', () => {
    expect(ct).toBeDefined();
    const p = payerServiceFor(rules, ct, starterCatalog);
    if (Array.isArray(p)) throw new Error(p.map((x) => x.message).join('; '));
    const bare = buildPayerService([rules]).payers.get(ct.payerId)!;
    const plan = rules.plans!.find((x) => x.id === 'acme-gold-ppo')!;
    expect(p.profile).toEqual(withPlanPolicies(bare, plan, ct.serviceDate));
    expect(p.profile).not.toEqual(bare);
  });

  it("scrubs with the plan's prior-authorization list, as the payer then denies", async () => {
    const p = payerServiceFor(rules, ct, starterCatalog);
    if (Array.isArray(p)) throw new Error(p.map((x) => x.message).join('; '));
    // A procedure on the plan's list in force on the case's date, billed without an auth number.
    const code = p.profile.priorAuth?.[0]?.procedures[0];
    expect(code).toBeDefined();
    const claim = claimOf({
      payerId: ct.payerId,
      patient: ct.patient,
      serviceDate: ct.serviceDate,
      submissionDate: ct.serviceDate,
      diagnoses: ['R51.9'],
      lines: [
        {
          code: code!,
          modifiers: [],
          units: 1,
          dxPointers: [1],
          charge: cents(90000),
        } as Claim['lines'][number],
      ],
    });
    const ids = (await p.scrub(claim, [])).map((f) => f.id);
    expect(ids).toContain('auth.missing');
    // The payer's own profile has no such list: the bare service does not flag it.
    const bare = buildPayerService([rules]).scrub(claim, starterCatalog(), []);
    expect(bare.map((f) => f.id)).not.toContain('auth.missing');
    // What the worker is sent reads back as the same profile (round trip through the parser).
    const raw = rules.payers.find((f) => (f.data as { id?: unknown }).id === ct.payerId)!;
    const bareProfile = buildPayerService([rules]).payers.get(ct.payerId)!;
    const plan = rules.plans!.find((x) => x.id === ct.planId)!;
    const effective = withPlanPolicies(bareProfile, plan, ct.serviceDate);
    expect(effective).toEqual(p.profile);
    const sent = planProfileFile(raw, bareProfile, effective);
    const again = parsePayerProfile(JSON.parse(JSON.stringify(sent.data)), sent.file);
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    expect(again.value).toEqual(p.profile);
  });

  it('names the case field when the plan is not in the pack', () => {
    const p = payerServiceFor(rules, { ...ct, planId: 'nowhere-hmo' }, starterCatalog);
    expect(p).toEqual([
      {
        path: `cases/${ct.id}.planId`,
        message: `no plan "nowhere-hmo" of payer ${ct.payerId} in pack ${rules.id}`,
      },
    ]);
  });
});

/**
 * Opening a case reads only its payer profile (the payer service loads on the first scrub or
 * submission the page answers itself, issue 9 "A lean first load"): the profile, the problems of
 * a broken profile and an unknown payer are what the whole service reported before.
 */
import { describe, expect, it } from 'vitest';
import { starterCatalog } from '../../src/codesets/starter';
import { buildPayerService } from '../../src/services/payer';
import { payerServiceFor } from '../../src/state/payer-service';
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

/**
 * A commercial plan prices vaccines and Part B drugs instead of denying them as not covered:
 * vaccine products at the plan's own dated price list (those Medicare's ASP file does not list:
 * zoster, HPV, meningococcal), injectable drugs and the ASP-listed vaccines at the plan's
 * percentage of Medicare's ASP limit; ACIP-recommended vaccines and their administration at $0
 * cost sharing (non-grandfathered plans). RVU status N/E/X never turns into a commercial denial.
 * See: 45 CFR 147.130(a)(1)(ii) (ACIP immunizations without cost sharing); SSA §1847A (ASP);
 * scenarios/starter/fees/commercial-ppo-vaccines-2025.json; issue 10 "Who pays".
 */
import { describe, expect, it } from 'vitest';
import { claim, line, run } from './helpers';

const ppo = { payerId: 'commercial-ppo', diagnoses: ['Z23', 'M17.11'] };
const adj = (j: ReturnType<typeof run>['j'], n: number) => j.lines[n - 1]!;

describe('commercial PPO: vaccines and Part B drugs', () => {
  it('zoster vaccine (not on the ASP file) priced from the plan list, with its administration, at $0 cost sharing', () => {
    const { j } = run(
      claim(
        [line('90750', '250.00', { dxPointers: [1] }), line('90471', '40.00', { dxPointers: [1] })],
        ppo,
      ),
    );
    expect(j.status).toBe('paid');
    expect(adj(j, 1).allowed).toBe('210.00');
    expect(adj(j, 1).paid).toBe('210.00');
    expect(adj(j, 1).adjustments).toEqual([{ group: 'CO', carc: '45', amount: '40.00' }]);
    expect(adj(j, 2).adjustments.filter((a) => a.group === 'PR')).toEqual([]);
  });

  it('an injectable drug the PFS does not price (J3301) at 125% of the ASP limit, not CO-96', () => {
    const c = claim([line('J3301', '40.00', { units: 4, dxPointers: [2] })], ppo);
    const com = adj(run(c).j, 1);
    const mcr = adj(run({ ...c, payerId: 'medicare' }).j, 1);
    expect(com.adjustments.map((a) => a.carc)).not.toContain('96');
    expect(Number(mcr.allowed)).toBeGreaterThan(0);
    // 125% of Medicare's allowance, to the cent.
    expect(Math.abs(Number(com.allowed) - Number(mcr.allowed) * 1.25)).toBeLessThanOrEqual(0.01);
  });

  // Part B covers only the immunizations SSA §1861(s)(10) lists (influenza, pneumococcal,
  // hepatitis B, COVID-19); §1862(a)(7) excludes the others (Part D covers them): billed to
  // Part B, the zoster vaccine is the beneficiary's (PR-96 + N425), never a CO write-off.
  it('the same zoster vaccine billed to Medicare Part B: statutory exclusion, PR-96 + N425', () => {
    const { j } = run(
      claim([line('90750', '250.00', { dxPointers: [1] })], { diagnoses: ['Z23'] }),
    );
    expect(j.lines[0]!.adjustments).toEqual([{ group: 'PR', carc: '96', amount: '250.00' }]);
    expect(j.lines[0]!.remarks).toEqual(['N425']);
    expect(j.findings.map((f) => f.id)).toContain('coverage.statutory-exclusion');
  });

  // Status I (not valid for Medicare: the consultations Medicare replaced with visit codes) is
  // Medicare's rule, not the plan's: a plan paying a percentage of Medicare prices the published
  // RVUs. See: CMS RVU file read-me, status I; Pub. 100-04 ch. 12 §30.6.10.
  it('an office consultation (status I): the PPO pays it, Medicare does not recognise it', () => {
    const c = claim([line('99243', '250.00', { dxPointers: [1] })], {
      ...ppo,
      diagnoses: ['R10.9'],
    });
    const com = run(c).j;
    expect(Number(com.lines[0]!.allowed)).toBeGreaterThan(0);
    expect(com.lines[0]!.adjustments.map((a) => a.carc)).not.toContain('16');
    const mcr = run({ ...c, payerId: 'medicare' }).j;
    // CO-181 + N56 + N657, not CO-16 (test/payer/medicare-consults.test.ts).
    expect(mcr.lines[0]!.adjustments).toEqual([{ group: 'CO', carc: '181', amount: '250.00' }]);
  });
});

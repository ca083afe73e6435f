/**
 * `claimlab simulate --check-postings`: the automatic biller posts each remittance line by line
 * through the same checks as the trainee's posting (balance, then judged against the 835), posting
 * right with the coder's accuracy and otherwise making a common posting mistake (PR written off,
 * CO moved to the patient, a denial written off at posting). Without the flag the output is what
 * it always was (the goldens in simulate-golden.test.ts).
 * See: issue 15 ("Payment posting": each posting is checked against the remittance); DOMAIN.md §6–§8.
 */
import { describe, expect, it } from 'vitest';
import { figuresJson, parseSimulateFlags, simulate } from '../../src/cli/commands/simulate';
import { starterCatalog } from '../../src/codesets/starter';
import { fixedEncounterSource } from '../../src/machines/practice/fixed-source';
import { shippedPayerService } from '../../src/services/shipped';

const service = shippedPayerService();
const catalog = starterCatalog();
const run = (coderAccuracy: number, checkPostings?: boolean) =>
  simulate(
    { seed: 5, encounters: 120, coderAccuracy, ...(checkPostings ? { checkPostings } : {}) },
    service,
    catalog,
    fixedEncounterSource(5, { encounters: 120 }),
  );

describe('simulate --check-postings', () => {
  it('at coder accuracy 1 every posting is checked and none is wrong', () => {
    const r = run(1, true);
    expect(r.postings!.checked).toBeGreaterThan(0);
    expect(r.postings!.wrong).toBe(0);
    expect(r.postings!.errors).toEqual({});
  });

  it('below 1 the biller mis-posts (seeded) and the checks report it by kind', () => {
    const r = run(0.6, true);
    expect(r.postings!.wrong).toBeGreaterThan(0);
    const kinds = Object.keys(r.postings!.errors);
    expect(kinds.length).toBeGreaterThan(0);
    for (const k of kinds)
      expect([
        'patient-responsibility-written-off',
        'contractual-to-patient',
        'denial-written-off-at-posting',
        'other',
      ]).toContain(k);
    // Deterministic for a seed.
    expect(run(0.6, true).postings).toEqual(r.postings);
    // Every line still balances (a mis-posting is the biller's, not the payer's).
    expect(r.figures.balanceCheck.violations).toBe(0);
  });

  it('without the flag nothing changes: no postings figure, the 835 posted as it says', () => {
    const r = run(0.6);
    expect(r.postings).toBeUndefined();
    const j = figuresJson(r.figures, { seed: 5, days: r.days, until: r.until });
    expect('postings' in j).toBe(false);
  });

  it('parses --check-postings', () => {
    expect(parseSimulateFlags(['--check-postings']).checkPostings).toBe(true);
    expect(parseSimulateFlags([]).checkPostings).toBeUndefined();
  });
});

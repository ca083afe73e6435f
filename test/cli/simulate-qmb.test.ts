/**
 * `claimlab simulate`'s QMB crossovers: a Qualified Medicare Beneficiary may not be billed the
 * Medicare cost sharing, nor a Medicaid copay on it (SSA §1902(n)(3)(B), §1866(a)(1)(A); CMS MLN
 * "Prohibition on Balance Billing Dually Eligible Individuals Enrolled in the QMB Program").
 * Through the practice as `simulate` runs it (fixed visits, starter code set; the synthetic world
 * too when the official bundles are built): Medicaid's remittance for every QMB crossover has
 * no patient responsibility (no PR-3 copay), its protection says the patient owes 0, and no
 * posting of a QMB's claim moves anything to the patient's balance. The rule lives in the payer
 * (coordination/cob.ts `applySecondary`, adjudicate.ts `crossoverQmb`), not in simulate.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encounterSource } from '../../src/cli/commands/simulate-source';
import { loadNodeCatalog } from '../../src/codesets/load-node';
import { starterCatalog } from '../../src/codesets/starter';
import type { CodeCatalog } from '../../src/domain/codes/catalog';
import type { EncounterSource } from '../../src/domain/world/encounter';
import { addDays } from '../../src/domain/time/dates';
import { autoBiller } from '../../src/machines/practice/biller';
import { Practice } from '../../src/machines/practice/engine';
import { fixedEncounterSource } from '../../src/machines/practice/fixed-source';
import { practiceEffects, type LedgerEntry } from '../../src/services/practice-payer';
import { shippedPayerService } from '../../src/services/shipped';

const isQmb = (s: string | undefined) => s === 'qmb' || s === 'qmb-plus';

function runPractice(seed: number, source: EncounterSource, catalog: CodeCatalog) {
  const journal: LedgerEntry[] = [];
  const p = new Practice(
    { seed, start: source.world.startDate, behaviour: source.world.payers },
    practiceEffects(shippedPayerService(), catalog, seed, journal),
  );
  const work = autoBiller({ coderAccuracy: 0.9 });
  const qmb = new Set<string>();
  let next = source.next();
  let last = p.today;
  for (;;) {
    while (next && next.serviceDate <= p.today) {
      if (isQmb(next.patient.dualStatus)) qmb.add(next.id);
      p.admit(next);
      last = next.serviceDate;
      next = source.next();
    }
    if (!next && (p.open === 0 || p.today > addDays(last, 730))) break;
    p.advance(1, work);
  }
  return { p, journal, qmb };
}

function expectNoQmbPatientBalance(r: ReturnType<typeof runPractice>): number {
  const crossovers = r.journal.filter(
    (e) =>
      isQmb(e.claim.patient.dualStatus) &&
      e.claim.payerSequence === 'secondary' &&
      e.remittance.payerId === 'medicaid',
  );
  for (const e of crossovers) {
    const pr = e.remittance.lines.flatMap((l) =>
      l.adjustments.filter((a) => a.group === 'PR').map((a) => `${e.claim.claimId} PR-${a.carc}`),
    );
    expect(pr).toEqual([]);
    expect(e.remittance.balanceBilling?.patientOwes).toBe(0);
  }
  const toPatient = r.p.postings
    .filter((x) => r.qmb.has(x.encounterId) && x.toPatient > 0)
    .map((x) => `${x.claimId}: ${x.toPatient}`);
  expect(toPatient).toEqual([]);
  return crossovers.length;
}

describe('simulate: QMB crossovers leave the patient nothing to pay', () => {
  it('fixed visits (seed 11, 400 encounters): Medicaid takes no copay, nothing posted to the patient', () => {
    const r = runPractice(11, fixedEncounterSource(11, { encounters: 400 }), starterCatalog());
    expect(expectNoQmbPatientBalance(r)).toBeGreaterThanOrEqual(20);
  }, 120_000);

  it.skipIf(!existsSync(new URL('../../codesets/build/', import.meta.url)))(
    'the synthetic world (seed 21, 600 encounters, official code sets)',
    async (ctx) => {
      const official = await loadNodeCatalog().catch(() => null);
      if (!official)
        return ctx.skip(
          'official code-set bundles not built: run `npm run -s claimlab -- codesets build` with ../shared/reference',
        );
      const r = runPractice(21, encounterSource(21, { encounters: 600 }), official);
      expect(expectNoQmbPatientBalance(r)).toBeGreaterThanOrEqual(20);
    },
    120_000,
  );
});

/**
 * A revised remittance in the practice's ledger (#/practice): after a won appeal (or a granted
 * reopening, or a corrected claim) the payer takes its first decision back (835 reversal, CLP02 22) and pays the claim
 * again; billing staff post the take-back and the re-payment, and the ledger shows both, naming
 * the decision taken back and why the payer revised it. The trainee's posting form shows the
 * reversal line by line.
 * See: X12 005010X221A1 §1.10.2.8 (reversals and corrections); 42 CFR 405.984; issue 15
 * ("Payment posting": zero-pay and take-back remittances).
 */
import { describe, expect, it } from 'vitest';
import { runPracticeToEnd } from '../support/practice-run';
import { starterCatalog } from '../../src/codesets/starter';
import { Practice } from '../../src/machines/practice/engine';
import { autoBiller } from '../../src/machines/practice/biller';
import { fixedEncounterSource } from '../../src/machines/practice/fixed-source';
import { expectedLinePostings } from '../../src/machines/posting';
import { loadShippedPacks } from '../../src/scenarios/load-node';
import { browserPracticeEffects } from '../../src/state/practice-effects';
import { buildView, type CaseRow } from '../../src/state/practice-view';

describe('revised remittances in the practice ledger', () => {
  it('a won appeal’s revised remittance is posted as a take-back of the original and a re-payment', () => {
    const catalog = starterCatalog();
    const effects = browserPracticeEffects(loadShippedPacks().packs, () => catalog, 7, []);
    const bill = autoBiller({ coderAccuracy: 0.8 });
    const seen: NonNullable<CaseRow['remittance']>[] = [];
    // The trainee posts every remittance line by line, as the 835 says; the biller does the rest.
    const work = (pp: Practice) => {
      const view = buildView(pp, { endsOn: '2030-01-01', upcoming: 0, guided: false });
      for (const row of view.queues.toPost) {
        if (row.remittance?.reversal) seen.push(row.remittance);
        const r = pp.remittance(row.id)!;
        const out = pp.postLines(row.id, expectedLinePostings(r));
        expect(out.ok).toBe(true);
      }
      bill(pp);
    };
    const p = runPracticeToEnd(7, 120, effects, work);
    const revised = p.postings.filter((x) => x.revision);
    expect(revised.length).toBeGreaterThan(0);
    expect(seen.length).toBe(revised.length);
    // Won appeals (MA91) and the biller's corrected claims (frequency 7) both revise a decision.
    const why = new Set(revised.map((x) => x.revision!.why));
    expect(why.has('appeal')).toBe(true);
    for (const rec of revised) {
      expect(rec.right).toBe(true);
      // The decision taken back is the original remittance posted earlier for the claim.
      const first = p.postings.find(
        (x) => x.encounterId === rec.encounterId && x.payerClaimNumber === rec.revision!.original,
      );
      expect(first, `the original of ${rec.claimId}`).toBeDefined();
      // Take-back amounts are the original's, negated.
      expect(rec.revision!.reversed.payment + first!.payment).toBe(0);
      expect(rec.revision!.reversed.payment + rec.takeBack).toBe(0);
      expect(rec.revision!.reversed.contractual + rec.revision!.reversed.toPatient).toBeLessThan(0);
    }
    // The form's view of the reversal: the original's lines, every amount negated.
    const r0 = seen.find((x) => x.reversal!.why === 'appeal')!;
    for (const l of r0.reversal!.lines) {
      expect(l.billed).toBeLessThan(0);
      expect(l.adjustments.every((a) => a.amount <= 0)).toBe(true);
    }
    expect(p.figures().balanceCheck.violations).toBe(0);
  });
});

describe('a patient balance write-off the rules do not allow yet', () => {
  it('is refused and judged wrong with its rule; the balance stays billed; hardship is taken', () => {
    const catalog = starterCatalog();
    const effects = browserPracticeEffects(loadShippedPacks().packs, () => catalog, 5, []);
    const source = fixedEncounterSource(5, { encounters: 80 });
    const p = new Practice(
      { seed: 5, start: source.world.startDate, behaviour: source.world.payers },
      effects,
    );
    const bill = autoBiller({ coderAccuracy: 1 });
    const open = () =>
      p.queue('balances').find((id) => {
        const b = p.balance(id);
        return b !== null && b.balance > b.smallBalance && b.statements < b.badDebtAfterStatements;
      });
    let next = source.next();
    for (let day = 0; day < 400 && !open(); day++) {
      while (next && next.serviceDate <= p.today) {
        p.admit(next);
        next = source.next();
      }
      p.advance(1, bill);
    }
    const id = open();
    expect(id, 'a patient balance over the small-balance limit').toBeDefined();
    const owed = p.balance(id!)!.balance;
    const before = p.decisions.length;
    // See: Pub. 15-1 §310 (bad debt after a reasonable collection effort); the practice's limits.
    expect(p.writeOffBalance(id!, 'small-balance')).toBe(false);
    const d = p.decisions.at(-1)!;
    expect(p.decisions.length).toBe(before + 1);
    expect(d).toMatchObject({ kind: 'write-off', right: false, encounterId: id });
    expect(d.rationale).toMatch(/small-balance write-off is for balances of \$5\.00 or less/);
    expect(p.state(id!)).toBe('patientBalance');
    expect(p.balance(id!)!.balance).toBe(owed);
    expect(p.writeOffBalance(id!, 'bad-debt')).toBe(false);
    expect(p.decisions.at(-1)!.rationale).toMatch(/Pub\. 15-1 §310/);
    expect(p.writeOffBalance(id!, 'hardship')).toBe(true);
    expect(p.state(id!)).not.toBe('patientBalance');
  });
});

describe('a QMB’s crossover to Medicaid in the practice', () => {
  it('Medicaid’s remittance is flagged QMB: no Medicaid copay, nothing for the patient (SSA §1902(n)(3)(B))', () => {
    const catalog = starterCatalog();
    const effects = browserPracticeEffects(loadShippedPacks().packs, () => catalog, 7, []);
    const crossovers: import('../../src/domain/payer/remittance/remittance').Remittance[] = [];
    const adjudicate = effects.adjudicate;
    effects.adjudicate = (claim, received) => {
      const r = adjudicate(claim, received);
      const qmb = claim.patient.dualStatus === 'qmb' || claim.patient.dualStatus === 'qmb-plus';
      if (qmb && claim.payerSequence === 'secondary') crossovers.push(r);
      return r;
    };
    const bill = autoBiller({ coderAccuracy: 1 });
    runPracticeToEnd(7, 160, effects, bill);
    expect(crossovers.length).toBeGreaterThan(0);
    for (const r of crossovers) {
      expect(r.balanceBilling?.reason).toBe('qmb');
      expect(r.balanceBilling?.patientOwes).toBe(0);
      expect(r.lines.flatMap((l) => l.adjustments).some((a) => a.group === 'PR')).toBe(false);
    }
  });
});

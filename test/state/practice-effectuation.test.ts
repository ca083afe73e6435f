/**
 * In #/practice a won appeal is effectuated by the payer service, not estimated: the payer takes
 * its first decision back (835 reversal) and reprocesses the claim without the overturned denial
 * (MA91), the practice receives that revised remittance on its date, and every line balances.
 * `claimlab simulate` (no `effectuate` effect) keeps its own estimate, so its goldens stand.
 * See: 42 CFR 405.984; Pub. 100-04 ch. 29 §310.4; issue 15 ("The practice").
 */
import { describe, expect, it } from 'vitest';
import { runPracticeToEnd } from '../support/practice-run';
import { starterCatalog } from '../../src/codesets/starter';
import { autoBiller } from '../../src/machines/practice/biller';
import { loadShippedPacks } from '../../src/scenarios/load-node';
import { browserPracticeEffects, type LedgerEntry } from '../../src/state/practice-effects';
import type { Remittance } from '../../src/domain/payer/remittance/remittance';

describe('a won appeal in the practice', () => {
  it('brings the payer service’s revised remittance (reversal, MA91), balanced', () => {
    const catalog = starterCatalog();
    const packs = loadShippedPacks().packs;
    const journal: LedgerEntry[] = [];
    const effects = browserPracticeEffects(packs, () => catalog, 7, journal);
    const revisions: Remittance[] = [];
    const effectuate = effects.effectuate!;
    effects.effectuate = (claim, original, decision) => {
      const r = effectuate(claim, original, decision);
      if (r) revisions.push(r);
      return r;
    };
    const work = autoBiller({ coderAccuracy: 0.8 });
    const p = runPracticeToEnd(7, 160, effects, work);
    const won = Object.values(p.figures().appeals).reduce((t, a) => t + a.won, 0);
    expect(won).toBeGreaterThan(0);
    expect(revisions.length).toBe(won);
    for (const r of revisions) {
      expect(r.claimRemarks[0]).toBe('MA91');
      expect(r.reversal).not.toBeNull();
      expect(
        r.lines.every((l) => l.billed === l.paid + l.adjustments.reduce((s, a) => s + a.amount, 0)),
      ).toBe(true);
    }
    expect(p.figures().balanceCheck.violations).toBe(0);
  });
});

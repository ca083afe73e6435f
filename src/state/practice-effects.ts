/**
 * The practice's payer in the browser: the one practice payer (services/practice-payer.ts, the
 * same wiring `claimlab simulate` uses) over the app's packs and its code catalog, adjudicating
 * in the page. The engine asks synchronously (an adjudication is computed when the claim is sent
 * and delivered on the payer's day), so the page's service answers rather than the worker.
 * See: issue 15 ("The practice, in the app"); issue 9 (one payer service).
 */
import type { CodeCatalog } from '../domain/codes/catalog';
import { effectuateAppeal } from '../domain/payer/corrections/appeal-effectuation';
import type { PracticeEffects } from '../machines/practice/engine';
import { buildPayerService, type PackSet } from '../services/payer';
import { practiceEffects, type LedgerEntry } from '../services/practice-payer';

export type { LedgerEntry };

export function browserPracticeEffects(
  packs: PackSet,
  catalog: () => CodeCatalog,
  seed: number,
  journal: LedgerEntry[] = [],
): PracticeEffects {
  const service = buildPayerService(packs);
  return {
    ...practiceEffects(service, catalog, seed, journal),
    // A won appeal is reprocessed by the same payer service (the app only: simulate keeps its
    // own simplified effectuation so its output stays what it was). The ledger's running
    // accumulators do not see the revision (it starts from the original's, see the module).
    effectuate: (claim, original, decision) => {
      const payer = service.payers.get(original.payerId);
      if (!payer) return null;
      const out = effectuateAppeal(
        claim,
        original,
        decision,
        service.context(payer, { catalog: catalog(), seed }),
      );
      return out.ok ? out.remittance : null;
    },
  };
}

/**
 * The practice's payer in the browser: the one practice payer (services/practice-payer.ts, the
 * same wiring `claimlab simulate` uses) over the app's packs and its code catalog, adjudicating
 * in the page. The engine asks synchronously (an adjudication is computed when the claim is sent
 * and delivered on the payer's day), so the page's service answers rather than the worker.
 * See: issue 15 ("The practice, in the app"); issue 9 (one payer service).
 */
import type { Claim } from '../domain/claim/claim';
import type { CodeCatalog } from '../domain/codes/catalog';
import { isQmbStatus } from '../domain/payer/cost-sharing/qmb';
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
  const base = practiceEffects(service, catalog, seed, journal);
  return {
    ...base,
    // A crossover claim carries Medicare's QMB remarks with its adjudication, as the case
    // workspace's does (remittance-case.ts `secondaryClaimOf`), so Medicaid's remittance for a
    // QMB is flagged and takes no copay (the app only: simulate's claims stay as they were).
    adjudicate: (claim, receivedDate) =>
      base.adjudicate(
        withQmbRemarks(claim, (id) => service.payers.get(id)?.kind === 'medicare'),
        receivedDate,
      ),
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

/** Medicare's remark for each cost-sharing CARC on a QMB's line (qmb.ts `addQmbRemarks`). */
const QMB_REMARK: Readonly<Record<string, string>> = { '1': 'N781', '2': 'N782', '3': 'N783' };

/**
 * A secondary claim of a QMB after Medicare, with the remarks Medicare put on each line's
 * deductible, coinsurance or copay (N781/N782/N783) in the primary's adjudication (837P 2320
 * MOA / 2430 LQ). Any other claim is returned as it is.
 * See: SSA §1902(n)(3)(B); CMS CR 9911.
 */
export function withQmbRemarks(claim: Claim, isMedicare: (payerId: string) => boolean): Claim {
  if (!isQmbStatus(claim.patient.dualStatus) || claim.payerSequence !== 'secondary') return claim;
  const others = claim.otherPayers ?? [];
  if (!others.some((o) => isMedicare(o.payerId) && o.adjudication)) return claim;
  return {
    ...claim,
    otherPayers: others.map((o) =>
      isMedicare(o.payerId) && o.adjudication
        ? {
            ...o,
            adjudication: {
              ...o.adjudication,
              lines: o.adjudication.lines.map((l) => {
                const remarks = l.adjustments
                  .filter((a) => a.group === 'PR' && a.amount > 0 && QMB_REMARK[a.carc])
                  .map((a) => QMB_REMARK[a.carc]!);
                return remarks.length && !l.remarks?.length ? { ...l, remarks } : l;
              }),
            },
          }
        : o,
    ),
  };
}

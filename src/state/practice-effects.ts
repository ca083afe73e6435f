/**
 * The practice's payer in the browser: the one payer service (src/services/payer.ts) over the
 * app's packs and its code catalog, adjudicating in the page over one payer ledger — the same
 * wiring `claimlab simulate` uses (src/cli/commands/simulate.ts `practiceEffects`), so a seed
 * gives the same remittances in both. The engine asks synchronously (an adjudication is computed
 * when the claim is sent and delivered on the payer's day), so the page's service answers rather
 * than the worker.
 * See: issue 15 ("The practice, in the app"); issue 9 (one payer service).
 */
import type { Claim } from '../domain/claim/claim';
import type { CodeCatalog } from '../domain/codes/catalog';
import type { Finding } from '../domain/findings';
import { PayerLedger } from '../domain/payer/ledger';
import type { Remittance } from '../domain/payer/remittance/remittance';
import type { PracticeEffects } from '../machines/practice/engine';
import { buildPayerService, type PackSet } from '../services/payer';

/** A missing insured ID is a front-end rejection (NUCC 1500 item 1a; 837P 2010BA NM109). */
const missingMember = (claim: Claim): Finding[] =>
  claim.patient.memberId
    ? []
    : [
        {
          id: 'claim.missing-field',
          severity: 'error',
          line: null,
          codes: [],
          field: 'patient.memberId',
          message: 'The insured ID (patient.memberId) is missing.',
          reference: 'NUCC 1500 item 1a; 837P 2010BA NM109',
        },
      ];

/** One adjudication the payer's ledger recorded (saved with the practice, replayed on restore). */
export interface LedgerEntry {
  remittance: Remittance;
  claim: Claim;
}

/**
 * The practice's payer. `journal` is what the ledger recorded before (a restored practice): it
 * is replayed first, so duplicate checks and each member's deductible and out-of-pocket amounts
 * go on where they were. Every new adjudication is appended to it.
 */
export function browserPracticeEffects(
  packs: PackSet,
  catalog: () => CodeCatalog,
  seed: number,
  journal: LedgerEntry[] = [],
): PracticeEffects {
  const service = buildPayerService(packs);
  const ledger = new PayerLedger();
  for (const e of journal)
    ledger.record(
      e.remittance,
      service.payers.get(e.remittance.payerId),
      e.claim.serviceDate,
      e.claim,
    );
  const keep = (claim: Claim, r: Remittance) => {
    if (r.status !== 'rejected') journal.push({ remittance: r, claim });
  };
  const encounterOf = (id: string) => id.replace(/-\d+$/, '');
  const ctx = (claim: Claim, receivedDate: string, revising = false) => {
    const payer = service.payers.get(claim.payerId);
    if (!payer) throw new RangeError(`No payer profile "${claim.payerId}" in the loaded packs`);
    const own = encounterOf(claim.claimId);
    return service.context(payer, {
      catalog: catalog(),
      seed,
      findings: missingMember(claim),
      receivedDate,
      history: (c) => {
        const prior = ledger.priorClaims(payer.id, c, { daysBefore: 90 });
        return revising ? prior.filter((p) => encounterOf(p.claimId) !== own) : prior;
      },
    });
  };
  return {
    payer: (id) => service.payers.get(id),
    adjudicate: (claim, receivedDate) => {
      const r = ledger.adjudicate(claim, ctx(claim, receivedDate));
      keep(claim, r);
      return r;
    },
    reopen: (claim, requestDate) => {
      const out = ledger.reopen(
        { requestDate, reason: 'clerical-error', claim },
        ctx(claim, requestDate, true),
      );
      if (out.kind !== 'revised') return { kind: 'refused' };
      keep(claim, out.remittance);
      return out;
    },
  };
}

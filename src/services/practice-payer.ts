/**
 * The practice's payer, for `claimlab simulate` and the `#/practice` screen alike: the one payer
 * service's profiles and edits adjudicating over one payer ledger, so a seed gives the same
 * remittances in both. `journal` is what the ledger recorded before (a restored practice): it is
 * replayed first, so duplicate checks and each member's deductible and out-of-pocket amounts go
 * on where they were; every new adjudication is appended to it.
 * See: issue 15 (batch simulation, "The practice, in the app"); issue 9 (one payer service).
 */
import type { Claim } from '../domain/claim/claim';
import type { CodeCatalog } from '../domain/codes/catalog';
import type { Finding } from '../domain/findings';
import { KEEP_OBJECTS, PayerLedger } from '../domain/payer/ledger';
import type { Remittance } from '../domain/payer/remittance/remittance';
import type { PracticeEffects } from '../machines/practice/engine';
import type { PayerService } from './payer';

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

/** One adjudication the payer's ledger recorded (saved with a practice, replayed on restore). */
export interface LedgerEntry {
  remittance: Remittance;
  claim: Claim;
}

export function practiceEffects(
  service: PayerService,
  catalog: CodeCatalog | (() => CodeCatalog),
  seed: number,
  journal?: LedgerEntry[],
): PracticeEffects {
  const catalogNow = typeof catalog === 'function' ? catalog : () => catalog;
  // The objects, not JSON text: the edits look back at the member's claims on every
  // adjudication, and a practice's ledger (tens of thousands of claims) fits in memory.
  const ledger = new PayerLedger(KEEP_OBJECTS);
  for (const e of journal ?? [])
    ledger.record(
      e.remittance,
      service.payers.get(e.remittance.payerId),
      e.claim.serviceDate,
      e.claim,
    );
  const keep = (claim: Claim, r: Remittance) => {
    if (journal && r.status !== 'rejected') journal.push({ remittance: r, claim });
  };
  // Claims of one encounter are ENC-…-01, -02…: a reopening revises its own encounter's claim,
  // so that claim is not an earlier service the revised one could duplicate.
  const encounterOf = (id: string) => id.replace(/-\d+$/, '');
  const ctx = (claim: Claim, receivedDate: string, revising = false) => {
    const payer = service.payers.get(claim.payerId);
    if (!payer) throw new RangeError(`No payer profile "${claim.payerId}" in the loaded packs`);
    const own = encounterOf(claim.claimId);
    return service.context(payer, {
      catalog: catalogNow(),
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

/**
 * The services a payer has already processed for a case, as the duplicate edit
 * (`claim.duplicate`, src/domain/edits/claim-data.ts) sees them before deciding `current`.
 * A rejected claim never entered adjudication (DOMAIN.md §1 step 5), a refused reopening changed
 * nothing, and a denied line is what the correction re-bills (for Medicare, the reopening of
 * that line): none of these is history. Lines the payer allowed are. A correction takes its
 * original back, so the original is not a duplicate of it.
 * See: Pub. 100-04 ch. 1 §120 (duplicates), ch. 34 (reopenings).
 */
import type { Claim } from '../claim/claim';

/** One earlier submission: the claim as sent and the payer's answer in its JSON form. */
export interface SentClaim {
  claim: Claim;
  remittance: {
    status: string;
    payerClaimNumber?: string | null | undefined;
    lines: readonly { line: number; allowed: string }[];
  } | null;
}

export function priorServices(submissions: readonly SentClaim[], current: Claim): Claim[] {
  const revised = current.originalClaimId;
  return submissions.flatMap((s) => {
    const r = s.remittance;
    if (!r || r.status === 'rejected' || r.status === 'refused') return [];
    if (s.claim.claimId === current.claimId) return [];
    if (revised && (r.payerClaimNumber === revised || s.claim.claimId === revised)) return [];
    const allowed = r.lines.filter((l) => l.allowed !== '0.00').map((l) => l.line);
    const lines = s.claim.lines.filter((_, i) => allowed.includes(i + 1));
    return lines.length ? [{ ...s.claim, lines }] : [];
  });
}

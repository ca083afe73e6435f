/**
 * What a trainee sends the payer after a decision, in one call for the app (page or worker) and
 * the CLI: a claim (new, or a frequency 7/8 correction that takes `original` back) or, where the
 * payer uses them, a reopening request naming the original (dated the day it is sent). The
 * outcome is a remittance, or a refused reopening with the reasons.
 * See: reopening.ts (Medicare reopenings), adjudicate.ts (claims, replacements and voids).
 */
import type { Claim } from '../../claim/claim';
import { findingJson, type Finding } from '../../findings';
import { adjudicate, type AdjudicationContext } from '../adjudicate';
import { cobFromClaim } from '../coordination/prior';
import { reopen, type ReopeningOutcome } from './reopening';
import { effectuateAppeal, type AppealDecision } from './appeal-effectuation';
import type { Remittance } from '../remittance/remittance';

/** `appeal`: the payer effectuates a won appeal (`decision`) by reprocessing `original`. */
export type Channel = 'claim' | 'reopening' | 'appeal';

export function submit(
  claim: Claim,
  channel: Channel,
  original: Remittance | null,
  context: AdjudicationContext,
  decision?: AppealDecision,
): ReopeningOutcome {
  // A claim billed as secondary (payerSequence, otherPayers) coordinates with the primary's
  // decision it carries, whichever way it is sent (as the CLI's ledger does).
  const cob = context.cob ?? cobFromClaim(claim, undefined, context.payer);
  const ctx: AdjudicationContext = { ...context, ...(cob ? { cob } : {}) };
  if (channel === 'appeal') {
    const out =
      original && decision
        ? effectuateAppeal(claim, original, decision, ctx)
        : {
            ok: false as const,
            message: 'A won appeal names the decision and the remittance it revises.',
          };
    return out.ok
      ? { kind: 'revised', remittance: out.remittance }
      : {
          kind: 'refused',
          findings: [
            {
              id: 'claim.original-not-found',
              severity: 'error',
              line: null,
              codes: [],
              message: out.message,
              reference: '42 CFR 405.984 (effect of a revised determination)',
              field: 'originalClaimId',
            },
          ],
        };
  }
  if (channel === 'reopening')
    return reopen(
      { requestDate: claim.submissionDate, reason: 'clerical-error', claim },
      original ?? undefined,
      ctx,
    );
  return {
    kind: 'revised',
    remittance: adjudicate(claim, { ...ctx, ...(original ? { original } : {}) }),
  };
}

/** The JSON of a refused reopening (`claimlab reopen` and the app): no lines, no money. */
export function refusalJson(
  claim: Pick<Claim, 'claimId' | 'originalClaimId'>,
  findings: readonly Finding[],
) {
  return {
    claimId: claim.claimId,
    status: 'refused' as const,
    lines: [],
    totals: { billed: '0.00', allowed: '0.00', paid: '0.00', patientResponsibility: '0.00' },
    findings: findings.map(findingJson),
    originalClaimId: claim.originalClaimId,
  };
}

/**
 * Answering a submission, in one function for the page and the worker: what the payer answers a
 * claim (new, or a frequency 7/8 correction) or a reopening with, as the app stores it — the
 * remittance JSON with its 835 (interop), or a refused reopening. `originalJson` is the
 * remittance JSON the correction revises; a bad one is an error naming its field.
 * See: src/domain/payer/corrections/submit.ts (the decision), src/interop/x12/835.ts (the 835).
 */
import type { Claim } from '../domain/claim/claim';
import type { AdjudicationContext } from '../domain/payer/adjudicate';
import type { ReopeningOutcome } from '../domain/payer/corrections/reopening';
import { refusalJson, submit, type Channel } from '../domain/payer/corrections/submit';
import type { AppealDecision } from '../domain/payer/corrections/appeal-effectuation';
import { remittanceJson } from '../domain/payer/remittance/remittance';
import { remittanceFromJson } from '../domain/payer/remittance/remittance-json';
import type { Result } from '../domain/result';
import { remittanceJsonWith835 } from '../interop/x12/835';

export function answerSubmission(
  claim: Claim,
  channel: Channel,
  originalJson: unknown,
  ctx: AdjudicationContext,
  /** The won appeal a `channel: 'appeal'` effectuates. */
  decision?: AppealDecision,
): Result<unknown> {
  let original = null;
  if (originalJson !== undefined && originalJson !== null) {
    const o = remittanceFromJson(originalJson, 'original remittance');
    if (!o.ok) return o;
    original = o.value;
  }
  return {
    ok: true,
    value: answerJson(claim, submit(claim, channel, original, ctx, decision), true),
  };
}

/**
 * The payer's answer as JSON: the remittance of the `claimlab adjudicate` contract (with its
 * 835 text for the app, which keeps it for download) or the refused reopening. The app's
 * answer above and `claimlab reopen` print it.
 */
export function answerJson(
  claim: Pick<Claim, 'claimId' | 'originalClaimId'>,
  outcome: ReopeningOutcome,
  with835: boolean,
) {
  if (outcome.kind === 'refused') return refusalJson(claim, outcome.findings);
  return with835 ? remittanceJsonWith835(outcome.remittance) : remittanceJson(outcome.remittance);
}

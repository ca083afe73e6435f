/**
 * Effectuating a won appeal: when an appeal decides in the provider's favour, the payer
 * reprocesses the claim and sends a revised remittance. The original decision is taken back in
 * full (as for a reopening: every amount negated, the deductible and out-of-pocket shares it used
 * given back) and the same claim is adjudicated again on the decision's date without the denials
 * the appeal overturned — priced on the payer's fee schedule, the member's cost sharing counted
 * from the accumulators the original started from, so the deductible is never counted twice.
 * The revised remittance says it is the result of the appeal (RARC MA91) and carries no appeal
 * rights of its own when nothing is denied any more.
 * See: 42 CFR 405.982 (notice of a redetermination), 405.984 (effect of a revised
 * determination); Medicare Claims Processing Manual (Pub. 100-04) ch. 29 §310.4 (effectuating a
 * redetermination within 30 days); 45 CFR 147.136(b)(2)(ii)(F) (a plan pays a reversed denial);
 * X12 005010X221A1 §1.10.2.8 (reversal and correction).
 */
import type { Claim } from '../../claim/claim';
import { adjudicate, type AdjudicationContext } from '../adjudicate';
import type { Remittance } from '../remittance/remittance';
import { reversible } from './reversal';

export interface AppealDecision {
  /** The level that decided (1 = redetermination / first internal appeal). */
  level: number;
  name: string;
  /** The date of the favourable decision: the payer reprocesses from it. */
  decidedOn: string;
}

export type EffectuationOutcome =
  { ok: true; remittance: Remittance } | { ok: false; message: string };

/**
 * The payer's revised remittance after `decision` overturned the denials on `original` (its
 * record of `claim`). Refused (with the reason) when there is no decided claim to revise.
 */
export function effectuateAppeal(
  claim: Claim,
  original: Remittance,
  decision: AppealDecision,
  ctx: AdjudicationContext,
): EffectuationOutcome {
  if (!reversible(original))
    return {
      ok: false,
      message: `Claim ${original.claimId} was never decided (${original.status}): there is no decision an appeal could revise.`,
    };
  const r = adjudicate(
    { ...claim, frequency: '1' },
    {
      ...ctx,
      receivedDate: decision.decidedOn,
      original,
      appealDecision: decision,
      // The claim's earlier submission is the one revised: it is not a duplicate of itself.
      randomReview: false,
    },
  );
  // The denials were overturned: the edit and policy findings behind them no longer stand.
  const findings = r.findings.filter((f) => f.severity === 'info');
  return {
    ok: true,
    remittance: {
      ...r,
      findings,
      claimRemarks: ['MA91', ...r.claimRemarks.filter((x) => x !== 'MA91')],
    },
  };
}

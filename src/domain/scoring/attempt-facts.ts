/**
 * What a stored attempt (the lifecycle's saved context) gives scoring: the coded work, the
 * claims sent with the payer's answers, and the decisions taken after them. Decisions the
 * lifecycle does not record yet are inferred from the claims: a new claim after a rejection is
 * "correct and resubmit", a frequency-7 claim a corrected claim, a frequency-1 claim naming the
 * original a reopening. Recorded decisions (`context.decisions`, when the machine keeps them)
 * take precedence.
 * See: CMS-1500 item 22 (resubmission code and original reference number).
 */
import type { AttemptFacts, Decisions, RemitLike } from './attempt';
import type { DenialAction } from './types';
import { codedWork } from './work';

interface StoredClaim {
  frequency: string;
  originalClaimId?: string | null;
  diagnoses: string[];
  lines: {
    code: string;
    modifiers: string[];
    units: number;
    dxPointers: number[];
    charge: number;
  }[];
}

/** The lifecycle context fields scoring reads (src/machines/lifecycle.machine.ts). */
export interface StoredAttemptContext {
  draft: Parameters<typeof codedWork>[1];
  submissions: readonly { claim: StoredClaim; submittedOn: string; remittance: RemitLike | null }[];
  decisions?: Decisions;
}

export function attemptFacts(ctx: StoredAttemptContext): AttemptFacts {
  const subs = ctx.submissions.map((s) => ({
    ...s,
    channel:
      s.claim.frequency === '1' && s.claim.originalClaimId
        ? ('reopening' as const)
        : ('claim' as const),
  }));
  const actions: DenialAction[] = [];
  subs.forEach((s, i) => {
    if (i === 0) return;
    const before = subs[i - 1]?.remittance?.status;
    if (before === 'rejected') actions.push('correct-and-resubmit');
    else if (s.channel === 'reopening') actions.push('reopening');
    else if (s.claim.frequency === '7') actions.push('corrected-claim');
    else actions.push('correct-and-resubmit');
  });
  return {
    work: codedWork(ctx.submissions.at(-1)?.claim, ctx.draft),
    submissions: subs,
    decisions: ctx.decisions ?? { actions },
  };
}

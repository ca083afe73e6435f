/**
 * Whole-attempt scoring: the coding (score-coding.ts), the claim's fields, how the claim got
 * paid (each avoidable rejection, denial and refused reopening costs a point), and the trainee's
 * follow-up decisions (follow-up.ts: the denial action, the appeal level and its timing, writing
 * off or billing the patient, the write-off reason). A pure function of the stored attempt and the answer key: the same
 * record scores the same when it is read back (test/scoring/attempt.test.ts).
 * See: README "Scoring" for the formula; DOMAIN.md sections 1, 5 and 8.
 */
import { parseMoney } from '../money';
import { followUpItems } from './follow-up';
import { REF } from './references';
import { scoreCodingItems, totals } from './score-coding';
import type {
  CaseKey,
  ClaimStatus,
  CodedWork,
  DenialAction,
  ScoredItem,
  ScoreReport,
} from './types';

/** The part of a stored remittance scoring reads (the remittance JSON of the CLI contract). */
export interface RemitLike {
  status: ClaimStatus | 'voided' | 'refused';
  totals?: { patientResponsibility?: string; paid?: string };
  lines?: { adjustments: { group: string; carc: string; amount: string }[] }[];
  findings?: { id: string; severity: string; message?: string; reference?: string }[];
  remitDate?: string;
  appealDeadline?: string | null;
  patientMayBeBilled?: boolean;
}

export interface SubmissionLike {
  claim: {
    frequency: string;
    lines: readonly { code: string; charge: number }[];
  };
  submittedOn: string;
  /** How it went to the payer; absent = a claim. */
  channel?: 'claim' | 'reopening';
  remittance: RemitLike | null;
}

/** What the trainee decided after the payer's answer (recorded by the machines). */
export interface Decisions {
  /** Denial actions taken, in order (e.g. corrected-claim, appeal). */
  actions: DenialAction[];
  /** An appeal filed: its level and the day it was filed. */
  appeal?: { level: number; filedOn: string; deadline?: string | null };
  /** What was done with the balance left after the payer: bill the patient or write it off
   * (absent: the last `write-off` or `bill-patient` in `actions`, if any). */
  balance?: 'bill-patient' | 'write-off';
  /** The reason a write-off was recorded with, in the practice machines' words (`contractual`,
   * `timely-filing`, `ncci-bundled`, `non-covered`, `medical-necessity`, `duplicate`, …). */
  writeOffReason?: string;
}

/** A stored attempt as scoring reads it. */
export interface AttemptFacts {
  work: CodedWork;
  submissions: readonly SubmissionLike[];
  decisions: Decisions;
  /**
   * The payer's answer a case starts from (pack `afterRemittance`), which is not the trainee's
   * submission: the follow-up decisions answer it when the trainee sent no claim of their own.
   */
  startRemittance?: RemitLike | null;
}

const STATUS_WORDS: Record<RemitLike['status'], string> = {
  paid: 'paid',
  'partially-paid': 'partly paid',
  denied: 'denied',
  rejected: 'rejected',
  voided: 'voided',
  refused: 'reopening refused',
};

/** The decision in force: the last remittance that is not a refused reopening. */
export function finalRemittance(subs: readonly SubmissionLike[]): RemitLike | null {
  for (let i = subs.length - 1; i >= 0; i--) {
    const r = subs[i]?.remittance;
    if (r && r.status !== 'refused') return r;
  }
  return null;
}

const reasonOf = (r: RemitLike): { why: string; reference: string } => {
  const f = r.findings?.find((x) => x.severity === 'error') ?? r.findings?.[0];
  if (f)
    return { why: `${f.id}${f.message ? `: ${f.message}` : ''}`, reference: f.reference ?? f.id };
  const adj = r.lines?.flatMap((l) => l.adjustments).find((a) => a.group !== 'PR');
  if (adj)
    return { why: `${adj.group}-${adj.carc}`, reference: `CARC ${adj.carc} (X12 code list)` };
  return { why: STATUS_WORDS[r.status], reference: REF.rejection };
};

function claimFieldItems(key: CaseKey, facts: AttemptFacts): ScoredItem[] {
  const cm = key.chargeMaster;
  const last = facts.submissions.at(-1);
  if (!cm || !last) return [];
  const wrong = last.claim.lines.flatMap((l, i) => {
    const want = cm[l.code] ?? cm[l.code.toUpperCase()];
    const cents = want === undefined ? null : parseMoney(want);
    return cents === null || cents === l.charge ? [] : [`line ${i + 1} (${l.code}: ${want})`];
  });
  return [
    {
      kind: 'claim-field',
      section: 'claim',
      label: 'Charges (item 24F)',
      expected: 'the charge master amount on each line',
      given: wrong.length ? `differs on ${wrong.join(', ')}` : 'as in the charge master',
      mark: wrong.length ? 'wrong' : 'right',
      rationale: wrong.length
        ? `Bill every line at the practice's charge, whoever the payer: ${wrong.join(', ')}.`
        : 'Every line is billed at the practice charge.',
      reference: REF.charges,
    },
  ];
}

/**
 * How the claim got paid: the final decision against the key's expected status, and one wrong
 * item per avoidable rejection, unexpected denial or refused reopening on the way.
 */
function paymentItems(key: CaseKey, facts: AttemptFacts): ScoredItem[] {
  const subs = facts.submissions;
  if (!subs.length) return [];
  const expected: ClaimStatus = key.expected?.status ?? 'paid';
  const items: ScoredItem[] = [];
  let firstExpectedSeen = false;
  subs.forEach((s, i) => {
    const r = s.remittance;
    if (!r) return;
    const n = i + 1;
    // The first time the payer gives the status the key expects is the case's point, not a cost.
    if (r.status === expected && !firstExpectedSeen) {
      firstExpectedSeen = true;
      return;
    }
    if (r.status === 'paid' || r.status === 'voided') return;
    if (r.status === 'partially-paid' && expected === 'paid') {
      // A partly-paid claim is scored by the final outcome, not as an extra submission.
      return;
    }
    const { why, reference } = reasonOf(r);
    const refused = r.status === 'refused';
    items.push({
      kind: 'submission',
      section: 'payment',
      label: `Claim ${n}: ${STATUS_WORDS[r.status]}`,
      expected:
        expected === 'paid' ? 'paid on the first claim' : `${expected} once, as the case sets`,
      given: `${STATUS_WORDS[r.status]} (${why})`,
      mark: 'wrong',
      rationale: refused
        ? `The payer refused the reopening sent on ${s.submittedOn}: a reopening corrects clerical errors within its time limit; this one cost a round trip (${why}).`
        : r.status === 'rejected'
          ? `Rejected before processing (${why}): a scrub before sending catches this; every rejection delays payment.`
          : `Denied (${why}): an avoidable denial the answer-key claim does not get.`,
      reference: refused ? REF.reopening : reference,
    });
  });
  const final = finalRemittance(subs);
  const got = final?.status ?? 'no decision yet';
  const ok = final !== null && final.status === expected;
  items.unshift({
    kind: 'claim-outcome',
    section: 'payment',
    label: 'Claim outcome',
    expected,
    given: `${got} after ${subs.length} claim${subs.length === 1 ? '' : 's'}`,
    mark: ok ? (items.length === 0 ? 'right' : 'partly') : 'wrong',
    rationale: ok
      ? items.length === 0
        ? `The claim came to ${expected} with nothing avoidable on the way.`
        : `The claim came to ${expected}, but only after ${items.length} avoidable round trip${items.length === 1 ? '' : 's'}.`
      : `The answer-key claim comes to ${expected}; this attempt ended ${got}.`,
    reference: final ? reasonOf(final).reference : REF.rejection,
  });
  return items;
}

/** Scores a whole attempt: coding, claim fields, payment path and follow-up decisions. */
export function scoreAttempt(key: CaseKey, facts: AttemptFacts): ScoreReport {
  const items = [
    ...scoreCodingItems(key, facts.work),
    ...claimFieldItems(key, facts),
    ...paymentItems(key, facts),
    ...followUpItems(
      key,
      facts,
      finalRemittance(facts.submissions) ?? facts.startRemittance ?? null,
    ),
  ];
  return { items, totals: totals(items) };
}

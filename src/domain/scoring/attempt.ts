/**
 * Whole-attempt scoring: the coding (score-coding.ts), the claim's fields, how the claim got
 * paid (each avoidable rejection, denial and refused reopening costs a point), and the trainee's
 * follow-up decisions (the denial action, the appeal level and its timing, writing off or
 * billing the patient). A pure function of the stored attempt and the answer key: the same
 * record scores the same when it is read back (test/scoring/attempt.test.ts).
 * See: README "Scoring" for the formula; DOMAIN.md sections 1, 5 and 8.
 */
import { parseMoney } from '../money';
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
  /** What was done with the balance left after the payer: bill the patient or write it off. */
  balance?: 'bill-patient' | 'write-off';
}

/** A stored attempt as scoring reads it. */
export interface AttemptFacts {
  work: CodedWork;
  submissions: readonly SubmissionLike[];
  decisions: Decisions;
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

/** The balance after the payer: bill the patient their share, or write off what they may not be billed. */
function expectedBalance(final: RemitLike): 'bill-patient' | 'write-off' | null {
  const pr = parseMoney(final.totals?.patientResponsibility ?? '0.00') ?? 0;
  if (pr > 0 && final.patientMayBeBilled !== false) return 'bill-patient';
  const co = (final.lines ?? []).some((l) =>
    l.adjustments.some((a) => a.group === 'CO' && (parseMoney(a.amount) ?? 0) > 0),
  );
  if (pr > 0 || co || final.status === 'denied') return 'write-off';
  return null;
}

const ACTION_WORDS: Record<DenialAction, string> = {
  'correct-and-resubmit': 'correct and resubmit',
  'corrected-claim': 'send a corrected claim',
  reopening: 'request a reopening',
  appeal: 'appeal',
  'write-off': 'write off',
  'bill-patient': 'bill the patient',
  'bill-secondary': 'bill the secondary payer',
  'bill-other-payer': 'bill the payer that is primary',
  'post-only': 'post the payment only',
};
const words = (as: readonly DenialAction[]) =>
  as.length ? as.map((a) => ACTION_WORDS[a]).join(', then ') : '(none)';

function followUpItems(key: CaseKey, facts: AttemptFacts): ScoredItem[] {
  const items: ScoredItem[] = [];
  const d = facts.decisions;
  const k = key.denial;
  if (k) {
    const ok = k.actions.some((a) => d.actions.includes(a));
    items.push({
      kind: 'denial-action',
      section: 'follow-up',
      label: 'Denial action',
      expected: words(k.actions),
      given: words(d.actions),
      mark: ok ? (d.actions.every((a) => k.actions.includes(a)) ? 'right' : 'partly') : 'wrong',
      rationale: k.rationale,
      reference: REF.denialWork,
    });
  }
  if (k?.appealLevel !== undefined || d.appeal) {
    const want = k?.appealLevel;
    const got = d.appeal?.level;
    items.push({
      kind: 'appeal-level',
      section: 'follow-up',
      label: 'Appeal level',
      expected: want === undefined ? '(no appeal)' : `level ${want}`,
      given: got === undefined ? '(no appeal)' : `level ${got}`,
      mark: want === got ? 'right' : 'wrong',
      rationale:
        want === undefined
          ? 'This denial is not one to appeal: correct the claim instead.'
          : got === undefined
            ? `This denial should be appealed at level ${want}.`
            : want === got
              ? `Level ${want} is the next level open for this decision.`
              : `Appeals go level by level: this one is level ${want}, not ${got}.`,
      reference: REF.appeals,
    });
  }
  if (d.appeal) {
    const deadline = d.appeal.deadline ?? finalRemittance(facts.submissions)?.appealDeadline;
    if (deadline) {
      const inTime = d.appeal.filedOn <= deadline;
      items.push({
        kind: 'appeal-timing',
        section: 'follow-up',
        label: 'Appeal timing',
        expected: `filed by ${deadline}`,
        given: `filed ${d.appeal.filedOn}`,
        mark: inTime ? 'right' : 'wrong',
        rationale: inTime
          ? `Filed within the window (deadline ${deadline}).`
          : `Filed after the deadline of ${deadline}: the payer dismisses a late appeal.`,
        reference: REF.appeals,
      });
    }
  }
  const final = finalRemittance(facts.submissions);
  const want = final ? expectedBalance(final) : null;
  if (want && d.balance) {
    items.push({
      kind: 'balance-decision',
      section: 'follow-up',
      label: 'Balance decision',
      expected: want === 'bill-patient' ? 'bill the patient their share' : 'write it off',
      given: d.balance === 'bill-patient' ? 'billed the patient' : 'wrote it off',
      mark: d.balance === want ? 'right' : 'wrong',
      rationale:
        want === 'bill-patient'
          ? d.balance === want
            ? 'The patient owes the PR amount on the remittance: a statement bills it.'
            : 'The remittance leaves a patient share (group PR): bill it, do not write it off.'
          : d.balance === want
            ? 'What is left is a contractual (CO) amount or protected: it is written off, not billed.'
            : 'The patient may not be billed a CO adjustment (or a protected QMB balance): write it off.',
      reference: REF.balance,
    });
  }
  return items;
}

/** Scores a whole attempt: coding, claim fields, payment path and follow-up decisions. */
export function scoreAttempt(key: CaseKey, facts: AttemptFacts): ScoreReport {
  const items = [
    ...scoreCodingItems(key, facts.work),
    ...claimFieldItems(key, facts),
    ...paymentItems(key, facts),
    ...followUpItems(key, facts),
  ];
  return { items, totals: totals(items) };
}

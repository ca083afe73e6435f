/**
 * The claim lifecycle of one case, from the visit to the closed account:
 *
 *   encounter → coding → claim → submitted → adjudicated → paid | denied | rejected
 *   denied | rejected → corrected → resubmitted → adjudicated → …
 *   resubmitted → denied (a refused reopening: the original decision stands)
 *   paid | denied → patientStatement → closed
 *   paid | denied → patientStatement (the patient billed from the denial workbench: the account
 *     on its statement cycle) → closed once paid or written off with a reason
 *   denied → reprocessing → adjudicated (an appeal won: the payer's revised remittance)
 *   paid → secondary → paid (the secondary claim with the primary's adjudication, and its answer)
 *
 * A correction goes the way the payer takes it: after a rejection, a new claim; after a denial,
 * a replacement (frequency 7 naming the payer claim number) or, at a payer that uses reopenings
 * (Medicare Part B), a reopening request naming it. A reopening can be refused (too late, not a
 * clerical error): the machine returns to the denial with the refusal on the submission.
 *
 * The coding draft lives in the context and changes only through `dx.*` / `line.*` events
 * while the state is tagged `editable`, so a submitted claim can never be edited behind the
 * payer's back. Adjudication is the injected `adjudicate` actor and the simulated clock the
 * injected `tick` action (every move of `today` goes through it): tests and the UI swap them
 * with `.provide()`.
 * See: DOMAIN.md sections 1, 5 and 8 (rejection vs denial, corrected claims).
 */
import { assign, fromPromise, raise, setup } from 'xstate';
import type { Claim, Frequency } from '../domain/claim/claim';
import type { Finding } from '../domain/findings';
import { claimFromDraft, type ClaimHeader } from './claim-from-draft';
import {
  addDiagnosis,
  addLine,
  emptyDraft,
  moveDiagnosis,
  removeDiagnosis,
  removeLine,
  togglePointer,
  updateLine,
  type Draft,
  type DraftLine,
} from './draft';
import type { Remittance } from './remittance';
import type { WorkEntry } from './denial-work';
import { accountClosed, type PatientAccount } from './patient-account';
import { addDays, isIsoDate } from '../domain/time/dates';

export interface Submission {
  claim: Claim;
  submittedOn: string;
  remittance: Remittance | null;
}

/** What the next claim built from the draft will carry (CMS-1500 item 22). */
export interface NextClaim {
  claimId: string;
  frequency: Frequency;
  originalClaimId: string | null;
  /** How it goes to the payer: a claim, or a reopening request (Medicare). Absent = claim. */
  channel?: 'claim' | 'reopening';
}

export interface LifecycleContext {
  caseId: string;
  header: ClaimHeader;
  /** Payer setting: takes frequency-7 replacement claims (else a new claim after a denial). */
  acceptsReplacement: boolean;
  /** The simulated clock (ISO date); moves only through the `tick` action. */
  today: string;
  draft: Draft;
  claimSeq: number;
  next: NextClaim;
  /** The claim built from the draft by `claim.create` / `claim.resubmit`. */
  claim: Claim | null;
  /** `claim.*` findings from reading the claim (missing or invalid fields, pointers). */
  claimFindings: Finding[];
  submissions: Submission[];
  remittance: Remittance | null;
  error: string | null;
  /** Actions taken at a remittance other than a new claim (denial-work.ts); absent = none. */
  work?: WorkEntry[];
  /** The patient's account once billed from the denial workbench (patient-account.ts): the
   * statements, payments and write-off; the case closes when it does. Absent = not billed. */
  account?: PatientAccount;
  /** The payer's revised remittances after won appeals, oldest first (not the trainee's claims,
   * so not submissions); the last is the `remittance` in force until the next. Absent = none. */
  revisions?: Remittance[];
  /** The secondary claim sent with the primary's adjudication (837P 2320/2430) and the
   * secondary payer's answer to it (null while it decides). Absent = none sent. */
  secondary?: Submission;
}

/** How the trainee chose to correct an adjudicated claim (the denial workbench of a case that
 * starts from a remittance); absent = the way the payer takes corrections. */
export type CorrectAs = 'replacement' | 'void' | 'reopening' | 'new';

/** What the payer actor receives: the claim and the findings from reading it (claim.*). */
export interface AdjudicateInput {
  claim: Claim;
  findings: Finding[];
  /** `appeal`: the payer effectuates a won appeal (reprocesses `original` without its denials). */
  channel: 'claim' | 'reopening' | 'appeal';
  /** The remittance a correction (frequency 7 or reopening) or a won appeal revises, else null. */
  original: Remittance | null;
  /** The favourable decision a `channel: 'appeal'` effectuates. */
  decision?: AppealDecision;
}

/** What the secondary payer is sent: the primary's claim and its decision (COB, 837P 2320/2430). */
export interface SecondaryInput {
  claim: Claim;
  primary: Remittance;
  today: string;
}

/** The secondary claim as sent and the secondary payer's remittance for it. */
export interface SecondaryAnswer {
  claim: Claim;
  remittance: Remittance;
}

/** A favourable appeal decision (the level, its name and the date it was decided). */
export interface AppealDecision {
  level: number;
  name: string;
  decidedOn: string;
}

export interface LifecycleInput {
  caseId: string;
  header: ClaimHeader;
  acceptsReplacement: boolean;
  /** Defaults to the date of service. */
  today?: string;
  draft?: Draft;
}

export type LifecycleEvent =
  | { type: 'coding.start' }
  | { type: 'coding.edit' }
  | { type: 'dx.add'; code: string }
  | { type: 'dx.remove'; index: number }
  | { type: 'dx.move'; index: number; by: -1 | 1 }
  | { type: 'line.add'; line?: Partial<DraftLine> }
  | { type: 'line.remove'; index: number }
  | { type: 'line.update'; index: number; patch: Partial<DraftLine> }
  | { type: 'line.pointer'; index: number; pointer: number }
  | { type: 'claim.create' }
  | { type: 'claim.submit' }
  | { type: 'payer.adjudicated'; remittance: Remittance }
  | { type: 'remittance.post' }
  | { type: 'claim.correct'; as?: CorrectAs }
  /** `account`: the patient's account a bill-patient entry opens (patient-account.ts). */
  | { type: 'denial.record'; entry: WorkEntry; account?: PatientAccount }
  /** A step on the patient's account (a statement, a payment, a write-off), ending on `at`. */
  | { type: 'balance.record'; account: PatientAccount; at: string }
  | { type: 'claim.resubmit' }
  | { type: 'statement.issue' }
  | { type: 'case.close' };

export const claimIdFor = (caseId: string, seq: number) =>
  `${caseId.toUpperCase()}-${String(seq).padStart(3, '0')}`;

/** Days the simulated clock moves at each step (Medicare pays clean claims after a 14-day floor).
 * See: Medicare Claims Processing Manual (Pub. 100-04) ch. 1 §80.2.1.1 (payment floor). */
export const CLOCK_STEPS = { code: 1, adjudicate: 14, correct: 2, statement: 3 } as const;

/**
 * What the UI asks the machine instead of comparing state names: `editable` (the draft takes
 * `dx.*` / `line.*`), `busy` (the payer is working), the phase of the case (one per station of
 * the stepper: which screen shows) and, once the remittance is posted, its outcome.
 */
export type LifecycleTag =
  | 'editable'
  | 'busy'
  | 'phase.encounter'
  | 'phase.coding'
  | 'phase.claim'
  | 'phase.remittance'
  | 'phase.outcome'
  | 'phase.correction'
  | 'phase.statement'
  | 'phase.closed'
  | 'outcome.paid'
  | 'outcome.denied'
  | 'outcome.rejected';

const lastSubmitted = (c: LifecycleContext): Claim | null => c.submissions.at(-1)?.claim ?? null;

/** The submissions with the payer's answer recorded on the last one. */
function withRemittance(subs: Submission[], remittance: Remittance): Submission[] {
  const out = [...subs];
  const last = out.at(-1);
  if (last) out[out.length - 1] = { ...last, remittance };
  return out;
}

const lifecycleSetup = setup({
  types: {
    context: {} as LifecycleContext,
    events: {} as LifecycleEvent,
    input: {} as LifecycleInput,
    tags: {} as LifecycleTag,
  },
  actors: {
    adjudicate: fromPromise<Remittance, AdjudicateInput>(async () => {
      throw new Error('No payer is connected: provide an `adjudicate` actor.');
    }),
    billSecondary: fromPromise<SecondaryAnswer, SecondaryInput>(async () => {
      throw new Error('No secondary payer is connected: provide a `billSecondary` actor.');
    }),
  },
  guards: {
    isRejected: ({ context }) => context.remittance?.status === 'rejected',
    isRefusal: (_, params: { remittance: Remittance }) => params.remittance.status === 'refused',
    isDenied: ({ context }) =>
      context.remittance?.status === 'denied' || context.remittance?.status === 'partially-paid',
    hasClaim: ({ context }) => context.claim !== null,
    closesPath: ({ event }) => event.type === 'denial.record' && event.entry.closes,
    /** The patient is billed (a statement goes out): the account follows, not the score. */
    billsPatient: ({ event }) =>
      event.type === 'denial.record' &&
      event.entry.balance === 'bill-patient' &&
      event.entry.closes &&
      event.account !== undefined,
    accountCloses: ({ event }) => event.type === 'balance.record' && accountClosed(event.account),
    /** No patient account open (the statement of a coded case, or an account paid or written off). */
    mayClose: ({ context }) => !context.account || accountClosed(context.account),
    wonAppeal: ({ event }) =>
      event.type === 'denial.record' && event.entry.appeal?.result === 'won',
    sendsSecondary: ({ event }) =>
      event.type === 'denial.record' &&
      event.entry.action === 'bill-secondary' &&
      event.entry.right,
  },
  actions: {
    /** The simulated clock: moves `today` on by `days`, or to `notBefore` when that is later
     * (a remittance dated after the payer's usual processing time). A date the clock cannot
     * read (a case with no valid date of service) stays where it is. */
    tick: assign(({ context }, params: { days: number; notBefore?: string | undefined }) => {
      if (!isIsoDate(context.today)) return {};
      const ticked = addDays(context.today, params.days);
      const later = params.notBefore;
      return { today: isIsoDate(later) && later > ticked ? later : ticked };
    }),
    editDraft: assign(({ context, event }) => ({ draft: applyDraftEvent(context.draft, event) })),
    buildClaim: assign(({ context }) => {
      const parsed = claimFromDraft(context.draft, context.header, {
        ...context.next,
        submissionDate: context.today,
      });
      return { claim: parsed.claim, claimFindings: parsed.findings, error: null };
    }),
    recordSubmission: assign(({ context }) =>
      context.claim
        ? {
            submissions: [
              ...context.submissions,
              { claim: context.claim, submittedOn: context.today, remittance: null },
            ],
          }
        : {},
    ),
    /** Records the remittance on the last submission (the clock moves in `tick`). */
    receiveRemittance: assign(({ context }, params: { remittance: Remittance }) => ({
      remittance: params.remittance,
      submissions: withRemittance(context.submissions, params.remittance),
    })),
    planCorrection: assign(({ context, event }) => {
      const prior = lastSubmitted(context);
      const seq = context.claimSeq + 1;
      const as = event.type === 'claim.correct' ? event.as : undefined;
      if (as) return { claimSeq: seq, ...chosenCorrection(context, seq, as) };
      // A rejected claim was never processed: it is fixed and sent as a new claim. A denied one
      // is replaced (frequency 7 with the payer's claim number) when the payer takes that, else
      // reopened (a reopening request naming the claim number; the claim itself is frequency 1).
      const decided = context.remittance !== null && context.remittance.status !== 'rejected';
      const correct = decided && prior !== null;
      const replace = correct && context.acceptsReplacement;
      const reopening = correct && !context.acceptsReplacement;
      // CMS-1500 item 22 carries the payer's claim number (Medicare ICN) when it gave one.
      const ref = correct && prior ? (context.remittance?.payerClaimNumber ?? prior.claimId) : null;
      return {
        claimSeq: seq,
        next: {
          claimId: claimIdFor(context.caseId, seq),
          frequency: (replace ? '7' : '1') as Frequency,
          originalClaimId: ref,
          channel: reopening ? ('reopening' as const) : ('claim' as const),
        },
        claim: null,
        claimFindings: [],
      };
    }),
    /** A refused reopening: kept on the submission; the decision in force stays the original. */
    receiveRefusal: assign(({ context }, params: { remittance: Remittance }) => ({
      submissions: withRemittance(context.submissions, params.remittance),
    })),
    /** An action at the remittance (appeal, write-off, billing…): kept with its consequence; the
     * clock moves to the day its outcome arrived (an appeal decision). */
    recordWork: assign(({ context, event }) => {
      if (event.type !== 'denial.record') return {};
      const until = event.entry.until ?? event.entry.at;
      return {
        work: [...(context.work ?? []), event.entry],
        today: isIsoDate(until) && until > context.today ? until : context.today,
      };
    }),
    /** The patient's account a bill-patient entry opens. */
    openAccount: assign(({ event }) =>
      event.type === 'denial.record' && event.account ? { account: event.account } : {},
    ),
    /** A step on the patient's account; the clock moves to its day (a statement on its cycle). */
    recordAccount: assign(({ context, event }) =>
      event.type === 'balance.record'
        ? {
            account: event.account,
            today: isIsoDate(event.at) && event.at > context.today ? event.at : context.today,
          }
        : {},
    ),
    /** The payer's revised remittance after a won appeal: the decision in force from now on. */
    receiveRevision: assign(({ context }, params: { remittance: Remittance }) => ({
      remittance: params.remittance,
      revisions: [...(context.revisions ?? []), params.remittance],
    })),
    /** The secondary claim and the secondary payer's answer; the clock moves to its remit date. */
    receiveSecondary: assign(({ context }, params: SecondaryAnswer) => {
      const on = params.remittance.remitDate;
      return {
        secondary: {
          claim: params.claim,
          submittedOn: context.today,
          remittance: params.remittance,
        },
        today: isIsoDate(on) && on > context.today ? on : context.today,
      };
    }),
    setError: assign((_, params: { error: unknown }) => ({
      error: params.error instanceof Error ? params.error.message : String(params.error),
    })),
  },
});

/** Waiting for the payer after a submission or a resubmission: the adjudication actor runs,
 * or a test sends `payer.adjudicated`; on an error the trainee goes back to `onError`. */
const awaitingPayer = (onError: 'claim' | 'corrected') =>
  lifecycleSetup.createStateConfig({
    tags: ['busy', onError === 'claim' ? 'phase.claim' : 'phase.correction'],
    invoke: {
      src: 'adjudicate',
      input: ({ context }) => {
        const claim = context.claim as Claim;
        const channel = context.next.channel ?? 'claim';
        const corrects = channel === 'reopening' || claim.frequency !== '1';
        return {
          claim,
          findings: context.claimFindings,
          channel,
          original: corrects ? context.remittance : null,
        };
      },
      // The actor's answer goes through the same transition as a `payer.adjudicated` event.
      onDone: {
        actions: raise(({ event }) => ({
          type: 'payer.adjudicated' as const,
          remittance: event.output,
        })),
      },
      onError: {
        target: onError,
        actions: { type: 'setError', params: ({ event }) => ({ error: event.error }) },
      },
    },
    on: {
      'payer.adjudicated': [
        {
          guard: { type: 'isRefusal', params: ({ event }) => ({ remittance: event.remittance }) },
          target: 'denied',
          actions: [
            { type: 'receiveRefusal', params: ({ event }) => ({ remittance: event.remittance }) },
            { type: 'tick', params: { days: CLOCK_STEPS.correct } },
          ],
        },
        {
          target: 'adjudicated',
          actions: [
            {
              type: 'receiveRemittance',
              params: ({ event }) => ({ remittance: event.remittance }),
            },
            {
              type: 'tick',
              params: ({ event }) => ({
                days: CLOCK_STEPS.adjudicate,
                notBefore: event.remittance.remitDate,
              }),
            },
          ],
        },
      ],
    },
  });

/** An action at the remittance: recorded; one that ends the account's path closes the case; a
 * won appeal goes back to the payer, which reprocesses the claim. */
const RECORD_WORK = [
  { guard: 'wonAppeal' as const, target: 'reprocessing', actions: 'recordWork' as const },
  { guard: 'sendsSecondary' as const, target: 'secondary', actions: 'recordWork' as const },
  {
    guard: 'billsPatient' as const,
    target: 'patientStatement',
    actions: ['recordWork' as const, 'openAccount' as const],
  },
  { guard: 'closesPath' as const, target: 'closed', actions: 'recordWork' as const },
  { actions: 'recordWork' as const },
];

/** The claim the remittance in force answers (the payer reprocesses that one after an appeal). */
function claimInForce(c: LifecycleContext): Claim | null {
  const r = c.remittance;
  const s = [...c.submissions]
    .reverse()
    .find(
      (x) => x.remittance && x.remittance.status !== 'refused' && x.claim.claimId === r?.claimId,
    );
  return s?.claim ?? lastSubmitted(c);
}

/** The favourable decision recorded last (the won appeal the payer effectuates). */
function decisionOf(c: LifecycleContext): AppealDecision | undefined {
  const w = [...(c.work ?? [])].reverse().find((x) => x.appeal?.result === 'won');
  return w?.appeal
    ? { level: w.appeal.level, name: w.appeal.name, decidedOn: w.until ?? w.at }
    : undefined;
}

export const lifecycleMachine = lifecycleSetup.createMachine({
  id: 'lifecycle',
  context: ({ input }) => ({
    caseId: input.caseId,
    header: input.header,
    acceptsReplacement: input.acceptsReplacement,
    today: input.today ?? input.header.serviceDate,
    draft: input.draft ?? emptyDraft(),
    claimSeq: 1,
    next: { claimId: claimIdFor(input.caseId, 1), frequency: '1', originalClaimId: null },
    claim: null,
    claimFindings: [],
    submissions: [],
    remittance: null,
    error: null,
  }),
  initial: 'encounter',
  states: {
    encounter: {
      tags: ['phase.encounter'],
      on: { 'coding.start': 'coding' },
    },
    coding: {
      tags: ['editable', 'phase.coding'],
      on: {
        'dx.*': { actions: 'editDraft' },
        'line.*': { actions: 'editDraft' },
        'claim.create': {
          target: 'claim',
          actions: [{ type: 'tick', params: { days: CLOCK_STEPS.code } }, 'buildClaim'],
        },
      },
    },
    claim: {
      tags: ['phase.claim'],
      on: {
        'coding.edit': 'coding',
        'claim.submit': { guard: 'hasClaim', target: 'submitted', actions: 'recordSubmission' },
      },
    },
    submitted: {
      ...awaitingPayer('claim'),
    },
    adjudicated: {
      tags: ['phase.remittance'],
      on: {
        'remittance.post': [
          { guard: 'isRejected', target: 'rejected' },
          { guard: 'isDenied', target: 'denied' },
          { target: 'paid' },
        ],
      },
    },
    paid: {
      tags: ['phase.outcome', 'outcome.paid'],
      on: {
        'denial.record': RECORD_WORK,
        'statement.issue': {
          target: 'patientStatement',
          actions: { type: 'tick', params: { days: CLOCK_STEPS.statement } },
        },
      },
    },
    denied: {
      tags: ['phase.outcome', 'outcome.denied'],
      on: {
        'denial.record': RECORD_WORK,
        'claim.correct': {
          target: 'corrected',
          actions: ['planCorrection', { type: 'tick', params: { days: CLOCK_STEPS.correct } }],
        },
        // Accepting a denial (e.g. a line that is truly not payable) and billing what is owed.
        'statement.issue': {
          target: 'patientStatement',
          actions: { type: 'tick', params: { days: CLOCK_STEPS.statement } },
        },
      },
    },
    rejected: {
      tags: ['phase.outcome', 'outcome.rejected'],
      on: {
        'denial.record': RECORD_WORK,
        'claim.correct': {
          target: 'corrected',
          actions: ['planCorrection', { type: 'tick', params: { days: CLOCK_STEPS.correct } }],
        },
      },
    },
    corrected: {
      tags: ['editable', 'phase.correction'],
      on: {
        'dx.*': { actions: 'editDraft' },
        'line.*': { actions: 'editDraft' },
        'claim.resubmit': { target: 'resubmitted', actions: ['buildClaim', 'recordSubmission'] },
      },
    },
    resubmitted: {
      ...awaitingPayer('corrected'),
    },
    /** A won appeal: the payer reprocesses the claim without the overturned denials and sends
     * its revised remittance (posted like any). See: 42 CFR 405.984; Pub. 100-04 ch. 29. */
    reprocessing: {
      tags: ['busy', 'phase.outcome'],
      invoke: {
        src: 'adjudicate',
        input: ({ context }) => {
          const decision = decisionOf(context);
          return {
            claim: claimInForce(context) as Claim,
            findings: [],
            channel: 'appeal' as const,
            original: context.remittance,
            ...(decision ? { decision } : {}),
          };
        },
        onDone: {
          target: 'adjudicated',
          actions: [
            { type: 'receiveRevision', params: ({ event }) => ({ remittance: event.output }) },
            {
              type: 'tick',
              params: ({ event }) => ({ days: 0, notBefore: event.output.remitDate }),
            },
          ],
        },
        onError: {
          target: 'denied',
          actions: { type: 'setError', params: ({ event }) => ({ error: event.error }) },
        },
      },
    },
    /** The secondary claim goes out with the primary's adjudication; the secondary's answer
     * comes back and what it leaves is the patient's balance (settled from `paid`).
     * See: NAIC COB model regulation (MDL-120); Pub. 100-05 (MSP); X12 837P loops 2320/2430. */
    secondary: {
      tags: ['busy', 'phase.outcome'],
      invoke: {
        src: 'billSecondary',
        input: ({ context }) => ({
          claim: claimInForce(context) as Claim,
          primary: context.remittance as Remittance,
          today: context.today,
        }),
        onDone: {
          target: 'paid',
          actions: { type: 'receiveSecondary', params: ({ event }) => event.output },
        },
        onError: {
          target: 'paid',
          actions: { type: 'setError', params: ({ event }) => ({ error: event.error }) },
        },
      },
    },
    /** The statement; after billing from the workbench, the account's cycle until it is paid
     * or written off with a reason (patient-account.ts). */
    patientStatement: {
      tags: ['phase.statement'],
      on: {
        'case.close': { guard: 'mayClose', target: 'closed' },
        'balance.record': [
          { guard: 'accountCloses', target: 'closed', actions: 'recordAccount' },
          { actions: 'recordAccount' },
        ],
      },
    },
    closed: { type: 'final', tags: ['phase.closed'] },
  },
});

export type LifecycleMachine = typeof lifecycleMachine;
export const LIFECYCLE_STEPS = [
  'encounter',
  'coding',
  'claim',
  'submitted',
  'adjudicated',
  'paid',
  'denied',
  'rejected',
  'corrected',
  'resubmitted',
  'reprocessing',
  'secondary',
  'patientStatement',
  'closed',
] as const;
export type LifecycleStep = (typeof LIFECYCLE_STEPS)[number];

/**
 * The claim the trainee chose to send after a remittance: a replacement (7) or a void (8) naming
 * the payer claim number, a reopening request naming it (the claim itself frequency 1), or a new
 * claim (after a rejection). The payer decides what it does with it: Medicare Part B returns a 7
 * or 8 unprocessed (Pub. 100-04 ch. 34; the payer service, not this machine, says so).
 * See: CMS-1500 item 22 (NUCC); 42 CFR 405.980.
 */
function chosenCorrection(context: LifecycleContext, seq: number, as: CorrectAs) {
  const prior = lastSubmitted(context);
  // The payer's claim number; after a rejected correction, the claim that correction named.
  const ref =
    as === 'new'
      ? null
      : (context.remittance?.payerClaimNumber ?? prior?.originalClaimId ?? prior?.claimId ?? null);
  const frequency: Frequency = as === 'replacement' ? '7' : as === 'void' ? '8' : '1';
  return {
    next: {
      claimId: claimIdFor(context.caseId, seq),
      frequency,
      originalClaimId: ref,
      channel: as === 'reopening' ? ('reopening' as const) : ('claim' as const),
    },
    claim: null,
    claimFindings: [],
  };
}

function applyDraftEvent(d: Draft, e: LifecycleEvent): Draft {
  switch (e.type) {
    case 'dx.add':
      return addDiagnosis(d, e.code);
    case 'dx.remove':
      return removeDiagnosis(d, e.index);
    case 'dx.move':
      return moveDiagnosis(d, e.index, e.by);
    case 'line.add':
      return addLine(d, e.line);
    case 'line.remove':
      return removeLine(d, e.index);
    case 'line.update':
      return updateLine(d, e.index, e.patch);
    case 'line.pointer':
      return togglePointer(d, e.index, e.pointer);
    default:
      return d;
  }
}

/**
 * One encounter's claim through the simulated practice, on the practice's one clock (every
 * event carries its date `at`; the machine never reads a clock):
 *
 *   encounter → coding → claim → scrub → submitted (clearinghouse)
 *     submitted → rejected (front end: fix and send a new claim) | payerProcessing
 *     payerProcessing → remittance → paid | partiallyPaid | denied (| closed for a void)
 *     partiallyPaid | denied → workbench → corrected (frequency 7/8) | reopening | appealing
 *                                        | secondary | patientBalance | closed (write-off)
 *     appealing (child: appeal.machine) → payerProcessing (won) | workbench (upheld, expired)
 *     paid → secondary | patientBalance | closed;  patientBalance (child) → closed
 *
 * The claim and remittance objects live with the driver (the practice engine, which calls the
 * payer); the machine keeps what its guards need (a summary of the last remittance) and records
 * every judged decision in `decisions`. The `announce` action (a no-op here) is the effect a
 * driver or a test injects with `.provide()` to hear each decision as it is made.
 * See: DOMAIN.md §1, §5, §8; issue 15.
 */
import { and, assign, sendTo, setup } from 'xstate';
import {
  appealMachine,
  refusalOf,
  type AppealLadderInput,
  type AppealLadderOutput,
} from './appeal.machine';
import type { Evidence, AppealCause } from './appeal-merit';
import { patientBalanceMachine, type PatientBalanceInput } from './patient-balance.machine';
import { judgePosting, type ExpectedPosting, type PostingEntry } from './posting';
import { WRONG_MOVES, type Decision } from './practice/decisions';

/** What the machine keeps of a remittance. */
export interface RemitSummary {
  status: 'paid' | 'partially-paid' | 'denied' | 'voided';
  payerClaimNumber: string | null;
  remitDate: string;
  expected: ExpectedPosting;
  /** The denial being worked (first denied line's group, CARC and remarks), or null. */
  denial: { group: string; carc: string; remarks: string[] } | null;
  /** Appeal rights on the remittance (false e.g. for CO-29 with N211). */
  appealable: boolean;
  /** The real cause of the denial (what an appeal must answer). */
  cause: AppealCause | null;
}

export type WriteOffReason =
  | 'contractual'
  | 'timely-filing'
  | 'ncci-bundled'
  | 'non-covered'
  | 'appeal-upheld'
  | 'medical-necessity'
  | 'duplicate'
  | 'small-balance';

export interface ClaimMachineInput {
  encounterId: string;
  payerId: string;
  /** How the payer takes corrections (profile `corrections`). */
  corrections: 'frequency-7-8' | 'reopening';
  /** The patient is a QMB (no Medicare cost sharing may be billed). */
  qmb: boolean;
  /** A secondary coverage is on file. */
  hasSecondary: boolean;
  /** The date of service: the driver's to keep (the context does not, see below). */
  serviceDate?: string;
}

/**
 * At most 19 keys, on purpose: XState's `assign` copies the context with
 * `Object.assign({}, context, update)`, and in V8 (Node 20) a copy of 20 keys or more lands in
 * dictionary mode, so every later read and copy is a hash-table walk (a quarter of
 * `claimlab simulate`'s machine time). So the context keeps no field nothing reads: not the
 * date of service (the driver has it) nor the date an answer is due (the driver's agenda).
 * test/machines/claim-context.test.ts guards the count.
 */
export interface ClaimMachineContext extends Omit<ClaimMachineInput, 'serviceDate'> {
  claimSeq: number;
  claimId: string;
  frequency: '1' | '7' | '8';
  /** The payer claim number a correction names (CMS-1500 item 22), else null. */
  originalRef: string | null;
  channel: 'claim' | 'reopening';
  submissions: number;
  rejections: { at: string; reasons: string[] }[];
  remit: RemitSummary | null;
  patientOwes: number;
  writeOffs: { at: string; reason: WriteOffReason; amount: number }[];
  appeal: AppealLadderInput | null;
  appealResult: AppealLadderOutput | null;
  secondaryPaid: number;
  decisions: Decision[];
}

type At = { at: string };
export type ClaimMachineEvent =
  | ({ type: 'coding.start' } & At)
  | ({ type: 'claim.create' } & At)
  | ({ type: 'claim.scrub'; errors: number } & At)
  | ({ type: 'coding.edit' } & At)
  | ({ type: 'claim.submit'; dueOn: string } & At)
  /**
   * The coded claim created, scrubbed clean and submitted in one step (`claim.create`,
   * `claim.scrub` with no errors and `claim.submit`): the automatic biller's claims, one machine
   * step instead of three.
   */
  | ({ type: 'claim.send'; dueOn: string } & At)
  | ({ type: 'clearinghouse.accepted'; dueOn: string } & At)
  | ({ type: 'clearinghouse.rejected'; reasons: string[] } & At)
  | ({ type: 'claim.fix' } & At)
  | ({ type: 'payer.remitted'; remit: RemitSummary } & At)
  | ({
      type: 'remittance.post';
      posted: PostingEntry;
      /**
       * The judgement of a line-by-line posting (posting.ts `judgeLinePosting`, made by the
       * driver that holds the whole remittance); without it the totals are judged here.
       */
      judged?: Decision;
      /** The "post as the 835 says" shortcut: posted, but not the biller's decision (none recorded). */
      shortcut?: boolean;
    } & At)
  | ({ type: 'denial.work' } & At)
  | ({ type: 'denial.correct'; frequency: '7' | '8' } & At)
  | ({ type: 'denial.reopen' } & At)
  | ({ type: 'reopening.refused' } & At)
  | ({
      type: 'denial.appeal';
      evidence: Evidence;
      ladder: AppealLadderInput;
      /** The level the trainee chose (default: the payer's first). */
      level?: number;
    } & At)
  | ({ type: 'appeal.file'; evidence: Evidence; level?: number } & At)
  | ({ type: 'appeal.accept' } & At)
  | ({ type: 'clock.tick' } & At)
  | ({ type: 'claim.write-off'; reason: WriteOffReason } & At)
  | ({ type: 'patient.bill'; balance: Omit<PatientBalanceInput, 'owes' | 'start'> } & At)
  | ({ type: 'secondary.bill'; dueOn: string } & At)
  | ({ type: 'secondary.remitted'; paid: number; patientOwes: number } & At)
  | ({ type: 'statement.send' } & At)
  | ({ type: 'patient.pay'; amount: number } & At)
  | ({ type: 'plan.start'; instalment: number } & At)
  | ({ type: 'credit.refund' } & At)
  | ({ type: 'balance.write-off'; reason: 'small-balance' | 'bad-debt' | 'hardship' } & At)
  | ({ type: 'claim.close' } & At);

/** The context a claim machine starts with (also used to start one from a saved initial snapshot). */
export function initialClaimContext(input: ClaimMachineInput): ClaimMachineContext {
  // One object literal: every claim context shares one hidden class with its keys in-object.
  return {
    encounterId: input.encounterId,
    payerId: input.payerId,
    corrections: input.corrections,
    qmb: input.qmb,
    hasSecondary: input.hasSecondary,
    claimSeq: 1,
    claimId: claimIdOf(input.encounterId, 1),
    frequency: '1',
    originalRef: null,
    channel: 'claim',
    submissions: 0,
    rejections: [],
    remit: null,
    patientOwes: 0,
    writeOffs: [],
    appeal: null,
    appealResult: null,
    secondaryPaid: 0,
    decisions: [],
  };
}

export const claimIdOf = (encounterId: string, seq: number) =>
  `${encounterId.toUpperCase()}-${String(seq).padStart(2, '0')}`;

const isNcci0 = (c: ClaimMachineContext) => c.remit?.cause?.kind === 'ncci-0';
const deniedGroup = (c: ClaimMachineContext) => c.remit?.denial?.group ?? null;

/**
 * Why a first filing at `level` is refused (only the payer's first level is open before any
 * decision), or null. See: appeal.machine.ts `refusalOf`.
 */
export function firstFilingRefusal(ladder: AppealLadderInput, level: number | undefined) {
  if (level === undefined || !ladder?.levels?.length) return null;
  return refusalOf(
    { ...ladder, index: 0, deadline: '', decisionDue: null, history: [], result: null },
    'open',
    level,
  );
}

/** Guards as plain predicates over the context (unit-tested on their own). */
export const claimGuards = {
  takesReplacement: (c: ClaimMachineContext) => c.corrections === 'frequency-7-8',
  usesReopening: (c: ClaimMachineContext) => c.corrections === 'reopening',
  isPaid: (c: ClaimMachineContext) => c.remit?.status === 'paid',
  isPartial: (c: ClaimMachineContext) => c.remit?.status === 'partially-paid',
  isDenied: (c: ClaimMachineContext) => c.remit?.status === 'denied',
  isVoided: (c: ClaimMachineContext) => c.remit?.status === 'voided',
  isAppealable: (c: ClaimMachineContext) => c.remit?.appealable === true,
  /** The denied amount is the patient's (group PR): it may be billed to them (not to a QMB). */
  deniedIsPatients: (c: ClaimMachineContext) => deniedGroup(c) === 'PR' && !c.qmb,
  owesPatient: (c: ClaimMachineContext) => c.patientOwes > 0,
  canBillSecondary: (c: ClaimMachineContext) => c.hasSecondary,
};

function decision(
  c: ClaimMachineContext,
  at: string,
  kind: Decision['kind'],
  choice: string,
  right: boolean,
  rationale: string,
): Decision {
  return { at, kind, choice, right, rationale, encounterId: c.encounterId, claimId: c.claimId };
}

const record = (c: ClaimMachineContext, d: Decision) => ({ decisions: [...c.decisions, d] });

/** Tells the injected `announce` effect about the decision just recorded. */
const ANNOUNCE = {
  type: 'announce' as const,
  params: ({ context }: { context: ClaimMachineContext }) => ({
    decision: context.decisions.at(-1),
  }),
};

/** As ANNOUNCE, after a posting: the 835 shortcut records no decision, so there is none to hear. */
const ANNOUNCE_POST = {
  type: 'announce' as const,
  params: ({ context, event }: { context: ClaimMachineContext; event: ClaimMachineEvent }) => ({
    decision:
      event.type === 'remittance.post' && event.shortcut ? undefined : context.decisions.at(-1),
  }),
};

export const claimMachine = setup({
  types: {
    context: {} as ClaimMachineContext,
    events: {} as ClaimMachineEvent,
    input: {} as ClaimMachineInput,
  },
  actors: { appeal: appealMachine, patientBalance: patientBalanceMachine },
  guards: {
    takesReplacement: ({ context }) => claimGuards.takesReplacement(context),
    usesReopening: ({ context }) => claimGuards.usesReopening(context),
    isPaid: ({ context }) => claimGuards.isPaid(context),
    isPartial: ({ context }) => claimGuards.isPartial(context),
    isDenied: ({ context }) => claimGuards.isDenied(context),
    isVoided: ({ context }) => claimGuards.isVoided(context),
    isAppealable: ({ context }) => claimGuards.isAppealable(context),
    deniedIsPatients: ({ context }) => claimGuards.deniedIsPatients(context),
    owesPatient: ({ context }) => claimGuards.owesPatient(context),
    canBillSecondary: ({ context }) => claimGuards.canBillSecondary(context),
    isFrequency7: ({ event }) => event.type === 'denial.correct' && event.frequency === '7',
    skipsFirstLevel: ({ event }) =>
      event.type === 'denial.appeal' && firstFilingRefusal(event.ladder, event.level) !== null,
    appealWon: ({ event }) => (event as { output?: AppealLadderOutput }).output?.result === 'won',
  },
  actions: {
    /** The effect a driver injects (`.provide`) to hear each decision; a no-op by default. */
    announce: (_, _params: { decision: Decision | undefined }) => {},
    submit: assign(({ context }) => ({ submissions: context.submissions + 1 })),
    reject: assign(({ context, event }) =>
      event.type === 'clearinghouse.rejected'
        ? { rejections: [...context.rejections, { at: event.at, reasons: event.reasons }] }
        : {},
    ),
    /** A rejected claim is fixed and sent as a new claim (frequency 1, new id). */
    newClaim: assign(({ context }) => ({
      claimSeq: context.claimSeq + 1,
      claimId: claimIdOf(context.encounterId, context.claimSeq + 1),
      frequency: '1' as const,
      originalRef: null,
      channel: 'claim' as const,
    })),
    remitted: assign(({ event }) =>
      event.type === 'payer.remitted' ? { remit: event.remit } : {},
    ),
    post: assign(({ context, event }) => {
      if (event.type !== 'remittance.post' || !context.remit) return {};
      const patientOwes = context.patientOwes + event.posted.toPatient;
      if (event.shortcut) return { patientOwes };
      const ids = { encounterId: context.encounterId, claimId: context.claimId };
      const d = event.judged
        ? { ...event.judged, ...ids }
        : judgePosting(context.remit.expected, event.posted, event.at, ids);
      return { ...record(context, d), patientOwes };
    }),
    correct: assign(({ context, event }) => {
      if (event.type !== 'denial.correct') return {};
      const d = decision(
        context,
        event.at,
        'correction',
        `corrected claim, frequency ${event.frequency}`,
        true,
        'A coding or data error on an adjudicated claim is corrected with a replacement (7) or void (8) naming the payer claim number (CMS-1500 item 22; NUCC).',
      );
      return {
        ...record(context, d),
        claimSeq: context.claimSeq + 1,
        claimId: claimIdOf(context.encounterId, context.claimSeq + 1),
        frequency: event.frequency,
        originalRef: context.remit?.payerClaimNumber ?? null,
        channel: 'claim' as const,
      };
    }),
    refuseFrequency7: assign(({ context, event }) =>
      record(
        context,
        decision(
          context,
          event.at,
          'correction',
          'frequency 7 to Medicare',
          false,
          WRONG_MOVES.medicareFrequency7,
        ),
      ),
    ),
    reopen: assign(({ context, event }) => ({
      ...record(
        context,
        decision(
          context,
          event.at,
          'correction',
          'reopening',
          true,
          'Medicare Part B corrects clerical errors through a reopening naming the ICN, within a year of the determination (42 CFR 405.980(b); Pub. 100-04 ch. 34).',
        ),
      ),
      claimSeq: context.claimSeq + 1,
      claimId: claimIdOf(context.encounterId, context.claimSeq + 1),
      frequency: '1' as const,
      originalRef: context.remit?.payerClaimNumber ?? null,
      channel: 'reopening' as const,
    })),
    appealRejection: assign(({ context, event }) =>
      record(
        context,
        decision(
          context,
          event.at,
          'appeal',
          'appeal a rejection',
          false,
          WRONG_MOVES.appealRejection,
        ),
      ),
    ),
    startAppeal: assign(({ context, event }) => {
      if (event.type !== 'denial.appeal') return {};
      const ncci0 = isNcci0(context);
      const d = decision(
        context,
        event.at,
        'appeal',
        `appeal level ${event.ladder.levels[0]?.level ?? 1} with ${event.evidence}`,
        !ncci0,
        ncci0
          ? WRONG_MOVES.appealNcci0
          : 'The denial was adjudicated with appeal rights: file the first level before its deadline with the evidence that answers the cause (42 CFR 405.942; DOMAIN.md §8).',
      );
      return {
        ...record(context, { ...d, level: event.ladder.levels[0]?.level ?? 1 }),
        appeal: { ...event.ladder, filing: { at: event.at, evidence: event.evidence } },
        appealResult: null,
      };
    }),
    /** A first filing above the first level: refused with the payer's reason, nothing opens. */
    refuseLevel: assign(({ context, event }) => {
      if (event.type !== 'denial.appeal') return {};
      const level = event.level ?? 1;
      const name = event.ladder.levels.find((l) => l.level === level)?.name;
      const d = decision(
        context,
        event.at,
        'appeal',
        `appeal level ${level}${name ? ` (${name})` : ''} with ${event.evidence}`,
        false,
        firstFilingRefusal(event.ladder, event.level) ?? 'refused',
      );
      return record(context, { ...d, level });
    }),
    notAppealable: assign(({ context, event }) =>
      record(
        context,
        decision(
          context,
          event.at,
          'appeal',
          'appeal without appeal rights',
          false,
          'The remittance gives no appeal rights for this denial (e.g. CO-29 with N211): write it off or prove timely filing by a reopening (DOMAIN.md §5).',
        ),
      ),
    ),
    appealDone: assign(({ context, event }) => {
      const out = (event as unknown as { output: AppealLadderOutput }).output;
      const missed = out.result === 'expired';
      const d = missed
        ? decision(
            context,
            out.history.at(-1)?.filedOn ?? context.remit?.remitDate ?? '',
            'appeal',
            'let the deadline pass',
            false,
            WRONG_MOVES.missedDeadline,
          )
        : null;
      return { appealResult: out, ...(d ? record(context, d) : {}) };
    }),
    writeOff: assign(({ context, event }) => {
      if (event.type !== 'claim.write-off' || !context.remit) return {};
      const amount = context.remit.expected.denied;
      const prAsCo =
        deniedGroup(context) === 'PR' && event.reason === 'contractual' && !context.qmb;
      const ncciOk = event.reason === 'ncci-bundled' && isNcci0(context);
      const d = decision(
        context,
        event.at,
        'write-off',
        `write off ${amount} cents: ${event.reason}`,
        !prAsCo,
        prAsCo
          ? WRONG_MOVES.prAsContractual
          : ncciOk
            ? 'An NCCI indicator-0 pair is never payable: the column-2 service is written off, not billed to the patient (NCCI Policy Manual ch. I §E.1).'
            : 'A provider-liability denial the practice cannot overturn is written off with its reason (DOMAIN.md §8).',
      );
      return {
        ...record(context, d),
        writeOffs: [...context.writeOffs, { at: event.at, reason: event.reason, amount }],
      };
    }),
    billPatientDenied: assign(({ context, event }) => ({
      ...record(
        context,
        decision(
          context,
          event.at,
          'patient-billing',
          'bill the patient for the denied amount',
          true,
          'The denial is patient responsibility (group PR, e.g. PR-96 non-covered or PR-50 with an ABN): bill the patient (DOMAIN.md §7).',
        ),
      ),
      patientOwes: context.patientOwes + (context.remit?.expected.denied ?? 0),
    })),
    refuseBillPatient: assign(({ context, event }) =>
      record(
        context,
        decision(
          context,
          event.at,
          'patient-billing',
          'bill the patient for the denied amount',
          false,
          context.qmb && deniedGroup(context) === 'PR'
            ? WRONG_MOVES.qmbCostSharing
            : WRONG_MOVES.coToPatient,
        ),
      ),
    ),
    secondaryRemitted: assign(({ context, event }) =>
      event.type === 'secondary.remitted'
        ? {
            secondaryPaid: context.secondaryPaid + event.paid,
            patientOwes: event.patientOwes,
          }
        : {},
    ),
    forwardToAppeal: sendTo('appeal', ({ event }) => event as never),
    forwardToBalance: sendTo('patientBalance', ({ event }) => event as never),
  },
}).createMachine({
  id: 'claim',
  context: ({ input }) => initialClaimContext(input),
  initial: 'encounter',
  states: {
    encounter: { on: { 'coding.start': 'coding' } },
    coding: {
      on: {
        'claim.create': 'claim',
        'claim.send': { target: 'submitted', actions: 'submit' },
      },
    },
    claim: { on: { 'claim.scrub': 'scrub', 'coding.edit': 'coding' } },
    scrub: {
      on: {
        'coding.edit': 'coding',
        'claim.submit': { target: 'submitted', actions: 'submit' },
      },
    },
    submitted: {
      on: {
        'clearinghouse.accepted': 'payerProcessing',
        'clearinghouse.rejected': { target: 'rejected', actions: 'reject' },
      },
    },
    rejected: {
      on: {
        'claim.fix': { target: 'coding', actions: 'newClaim' },
        // Nothing to appeal: the wrong move is recorded and the claim stays rejected.
        'denial.appeal': { actions: ['appealRejection', ANNOUNCE] },
      },
    },
    payerProcessing: {
      on: { 'payer.remitted': { target: 'remittance', actions: 'remitted' } },
    },
    remittance: {
      on: {
        'remittance.post': [
          { guard: 'isVoided', target: 'closed', actions: ['post', ANNOUNCE_POST] },
          { guard: 'isPaid', target: 'paid', actions: ['post', ANNOUNCE_POST] },
          { guard: 'isPartial', target: 'partiallyPaid', actions: ['post', ANNOUNCE_POST] },
          { target: 'denied', actions: ['post', ANNOUNCE_POST] },
        ],
      },
    },
    paid: {
      on: {
        'secondary.bill': { guard: 'canBillSecondary', target: 'secondary' },
        'patient.bill': { guard: 'owesPatient', target: 'patientBalance' },
        'claim.close': { target: 'closed' },
      },
    },
    partiallyPaid: { on: { 'denial.work': 'workbench' } },
    denied: { on: { 'denial.work': 'workbench' } },
    workbench: {
      on: {
        'denial.correct': [
          { guard: 'takesReplacement', target: 'corrected', actions: ['correct', ANNOUNCE] },
          { guard: 'isFrequency7', actions: ['refuseFrequency7', ANNOUNCE] },
          // A void (8) to a reopening payer is a reopening that removes the lines.
          { target: 'reopening', actions: ['reopen', ANNOUNCE] },
        ],
        'denial.reopen': [
          { guard: 'usesReopening', target: 'reopening', actions: ['reopen', ANNOUNCE] },
          { target: 'corrected', actions: ['correct', ANNOUNCE] },
        ],
        'denial.appeal': [
          {
            guard: and(['isAppealable', 'skipsFirstLevel']),
            actions: ['refuseLevel', ANNOUNCE],
          },
          { guard: 'isAppealable', target: 'appealing', actions: ['startAppeal', ANNOUNCE] },
          { actions: ['notAppealable', ANNOUNCE] },
        ],
        'claim.write-off': [
          { guard: 'owesPatient', target: 'patientBalance', actions: ['writeOff', ANNOUNCE] },
          { target: 'closed', actions: ['writeOff', ANNOUNCE] },
        ],
        'patient.bill': [
          {
            guard: 'deniedIsPatients',
            target: 'patientBalance',
            actions: ['billPatientDenied', ANNOUNCE],
          },
          { actions: ['refuseBillPatient', ANNOUNCE] },
        ],
        'secondary.bill': { guard: 'canBillSecondary', target: 'secondary' },
      },
    },
    corrected: {
      on: { 'claim.submit': { target: 'submitted', actions: 'submit' } },
    },
    reopening: {
      on: {
        'payer.remitted': { target: 'remittance', actions: 'remitted' },
        'reopening.refused': 'workbench',
      },
    },
    appealing: {
      invoke: {
        id: 'appeal',
        src: 'appeal',
        input: ({ context }) => context.appeal!,
        onDone: [
          { guard: 'appealWon', target: 'payerProcessing', actions: 'appealDone' },
          { target: 'workbench', actions: 'appealDone' },
        ],
      },
      on: {
        'appeal.file': { actions: 'forwardToAppeal' },
        'appeal.accept': { actions: 'forwardToAppeal' },
        'clock.tick': { actions: 'forwardToAppeal' },
      },
    },
    secondary: {
      on: {
        'secondary.remitted': [
          { guard: 'owesPatient', target: 'patientBalance', actions: 'secondaryRemitted' },
          { target: 'closed', actions: 'secondaryRemitted' },
        ],
      },
    },
    patientBalance: {
      invoke: {
        id: 'patientBalance',
        src: 'patientBalance',
        input: ({ context, event }) => ({
          owes: context.patientOwes,
          start: event.at,
          cycleDays: 30,
          smallBalance: 500,
          badDebtAfterStatements: 4,
          ...(event.type === 'patient.bill' ? event.balance : {}),
        }),
        onDone: 'closed',
      },
      on: {
        'statement.send': { actions: 'forwardToBalance' },
        'patient.pay': { actions: 'forwardToBalance' },
        'plan.start': { actions: 'forwardToBalance' },
        'credit.refund': { actions: 'forwardToBalance' },
        'balance.write-off': { actions: 'forwardToBalance' },
        'clock.tick': { actions: 'forwardToBalance' },
      },
    },
    closed: { type: 'final' },
  },
});

export type ClaimMachine = typeof claimMachine;
export const CLAIM_STATES = [
  'encounter',
  'coding',
  'claim',
  'scrub',
  'submitted',
  'rejected',
  'payerProcessing',
  'remittance',
  'paid',
  'partiallyPaid',
  'denied',
  'workbench',
  'corrected',
  'reopening',
  'appealing',
  'secondary',
  'patientBalance',
  'closed',
] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];

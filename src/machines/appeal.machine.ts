/**
 * The appeal ladder of one denied claim (a child of the claim machine): at each level a filing
 * deadline counted from the notice date (plus presumed receipt), a minimum amount in controversy
 * where the level has one, the payer's decision after its review time, and escalation to the
 * next level after a loss. A missed deadline closes the path; the last level's loss stands.
 *
 *   open --appeal.file--> review --clock.tick (decision due)--> won | lost
 *   lost --appeal.file--> review (next level) | --appeal.accept--> upheld
 *   open | lost --clock.tick past the deadline / a late filing--> expired
 *
 * Levels, deadlines and amounts are the payer profile's dated data (the caller passes the levels
 * in force on the notice date); the decision follows merit (appeal-merit.ts). Pure: dates come
 * in with the events.
 * See: 42 CFR 405 subpart I; Pub. 100-04 ch. 29; DOMAIN.md §8.
 */
import { assign, setup } from 'xstate';
import { addDays } from '../domain/time/dates';
import { appealDeadline, type DeadlineRoll } from './appeal-deadline';
import { hasMerit, type AppealCause, type Evidence } from './appeal-merit';

export interface AppealLevelSpec {
  level: number;
  name: string;
  deadlineDays: number;
  /** Minimum amount in controversy (cents), or null. */
  amountInControversy: number | null;
}

export interface AppealLadderInput {
  noticeDate: string;
  levels: AppealLevelSpec[];
  presumedReceiptDays: number;
  roll: DeadlineRoll;
  /** Days the payer (or reviewer) takes to decide, by level (index 0 = level 1). */
  reviewDays: number[];
  /** The amount still in dispute (cents). */
  disputed: number;
  cause: AppealCause;
  /** A first-level filing made as the ladder starts (the claim machine's `denial.appeal`). */
  filing?: { at: string; evidence: Evidence } | null;
}

export interface AppealStep {
  level: number;
  name: string;
  filedOn: string;
  evidence: Evidence;
  decidedOn: string | null;
  result: 'won' | 'lost' | null;
  reason: string | null;
}

export interface AppealLadderContext extends AppealLadderInput {
  /** Index into `levels` of the level now open or in review. */
  index: number;
  /** Last day to file at `index` (open) or at `index + 1` (after a loss). */
  deadline: string;
  decisionDue: string | null;
  history: AppealStep[];
  result: AppealLadderOutput['result'] | null;
}

export interface AppealLadderOutput {
  result: 'won' | 'upheld' | 'expired';
  level: number;
  history: AppealStep[];
  /** The payer's reason when upheld; the missed deadline when expired. */
  reason: string | null;
}

export type AppealLadderEvent =
  | { type: 'appeal.file'; at: string; evidence: Evidence }
  | { type: 'appeal.accept'; at: string }
  | { type: 'clock.tick'; at: string };

const deadlineAt = (c: AppealLadderInput, index: number, noticeDate: string) =>
  appealDeadline(noticeDate, {
    presumedReceiptDays: c.presumedReceiptDays,
    deadlineDays: c.levels[index]!.deadlineDays,
    roll: c.roll,
  });

/** The level a filing now would go to (open: the current one; after a loss: the next). */
const filingIndex = (c: AppealLadderContext, lost: boolean) => (lost ? c.index + 1 : c.index);

export const appealGuards = {
  /** The filing is on or before the deadline. */
  inTime: (c: AppealLadderContext, at: string) => at <= c.deadline,
  /** The disputed amount meets the level's minimum amount in controversy. */
  meetsAic: (c: AppealLadderContext, index: number) => {
    const aic = c.levels[index]?.amountInControversy ?? null;
    return aic === null || c.disputed >= aic;
  },
  hasNextLevel: (c: AppealLadderContext) => c.index + 1 < c.levels.length,
  decisionDue: (c: AppealLadderContext, at: string) =>
    c.decisionDue !== null && at >= c.decisionDue,
  wins: (c: AppealLadderContext) => {
    const last = c.history.at(-1);
    return last !== undefined && hasMerit(c.cause, last.evidence);
  },
};

export const appealMachine = setup({
  types: {
    context: {} as AppealLadderContext,
    events: {} as AppealLadderEvent,
    input: {} as AppealLadderInput,
    output: {} as AppealLadderOutput,
  },
  guards: {
    canFileFirst: ({ context, event }) =>
      event.type === 'appeal.file' &&
      appealGuards.inTime(context, event.at) &&
      appealGuards.meetsAic(context, 0),
    canEscalate: ({ context, event }) =>
      event.type === 'appeal.file' &&
      appealGuards.hasNextLevel(context) &&
      appealGuards.inTime(context, event.at) &&
      appealGuards.meetsAic(context, context.index + 1),
    prefiledLate: ({ context }) =>
      !!context.filing && !appealGuards.inTime(context, context.filing.at),
    prefiled: ({ context }) => !!context.filing && appealGuards.meetsAic(context, 0),
    isLate: ({ context, event }) => 'at' in event && !appealGuards.inTime(context, event.at),
    isDecisionDue: ({ context, event }) =>
      event.type === 'clock.tick' && appealGuards.decisionDue(context, event.at),
    wins: ({ context }) => appealGuards.wins(context),
    isLastLevel: ({ context }) => !appealGuards.hasNextLevel(context),
  },
  actions: {
    file: assign(({ context, event }, params: { escalate: boolean }) => {
      const filing = event.type === 'appeal.file' ? event : context.filing;
      if (!filing) return {};
      const index = filingIndex(context, params.escalate);
      const lvl = context.levels[index]!;
      const review = context.reviewDays[index] ?? context.reviewDays.at(-1) ?? 60;
      return {
        index,
        decisionDue: addDays(filing.at, review),
        filing: null,
        history: [
          ...context.history,
          {
            level: lvl.level,
            name: lvl.name,
            filedOn: filing.at,
            evidence: filing.evidence,
            decidedOn: null,
            result: null,
            reason: null,
          },
        ],
      };
    }),
    finish: assign((_, params: { result: AppealLadderOutput['result'] }) => ({
      result: params.result,
    })),
    decide: assign(({ context }, params: { won: boolean }) => {
      const history = [...context.history];
      const last = history.at(-1)!;
      const on = context.decisionDue!;
      history[history.length - 1] = {
        ...last,
        decidedOn: on,
        result: params.won ? 'won' : 'lost',
        reason: params.won ? null : context.cause.payerReason,
      };
      const next = context.index + 1;
      return {
        history,
        decisionDue: null,
        // The next level's deadline counts from this decision's notice date.
        deadline: next < context.levels.length ? deadlineAt(context, next, on) : context.deadline,
      };
    }),
  },
}).createMachine({
  id: 'appeal',
  context: ({ input }) => ({
    ...input,
    index: 0,
    deadline: deadlineAt(input, 0, input.noticeDate),
    decisionDue: null,
    history: [],
    result: null,
  }),
  initial: 'open',
  states: {
    open: {
      always: [
        { guard: 'prefiledLate', target: 'expired' },
        {
          guard: 'prefiled',
          target: 'review',
          actions: { type: 'file', params: { escalate: false } },
        },
      ],
      on: {
        'appeal.file': [
          { guard: 'isLate', target: 'expired' },
          {
            guard: 'canFileFirst',
            target: 'review',
            actions: { type: 'file', params: { escalate: false } },
          },
        ],
        'appeal.accept': 'upheld',
        'clock.tick': { guard: 'isLate', target: 'expired' },
      },
    },
    review: {
      on: {
        'clock.tick': [{ guard: { type: 'isDecisionDue' }, target: 'deciding' }],
      },
    },
    // A transient state: the payer's decision follows merit.
    deciding: {
      always: [
        { guard: 'wins', target: 'won', actions: { type: 'decide', params: { won: true } } },
        { target: 'lost', actions: { type: 'decide', params: { won: false } } },
      ],
    },
    lost: {
      always: { guard: 'isLastLevel', target: 'upheld' },
      on: {
        'appeal.file': [
          { guard: 'isLate', target: 'expired' },
          {
            guard: 'canEscalate',
            target: 'review',
            actions: { type: 'file', params: { escalate: true } },
          },
        ],
        'appeal.accept': 'upheld',
        'clock.tick': { guard: 'isLate', target: 'expired' },
      },
    },
    won: { type: 'final', entry: { type: 'finish', params: { result: 'won' } } },
    upheld: { type: 'final', entry: { type: 'finish', params: { result: 'upheld' } } },
    expired: { type: 'final', entry: { type: 'finish', params: { result: 'expired' } } },
  },
  output: ({ context }) => {
    const result = context.result ?? 'upheld';
    const last = context.history.at(-1);
    return {
      result,
      level: last?.level ?? context.levels[0]!.level,
      history: context.history,
      reason:
        result === 'expired'
          ? `deadline ${context.deadline} missed`
          : result === 'upheld'
            ? (last?.reason ?? context.cause.payerReason)
            : null,
    };
  },
});

export type AppealMachine = typeof appealMachine;
export const APPEAL_STATES = [
  'open',
  'review',
  'deciding',
  'lost',
  'won',
  'upheld',
  'expired',
] as const;

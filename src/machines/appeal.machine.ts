/**
 * The appeal ladder of one denied claim (a child of the claim machine): at each level a filing
 * deadline counted from the notice date (plus presumed receipt), a minimum amount in controversy
 * where the level has one, the payer's decision after its review time, and escalation to the
 * next level after a loss. A missed deadline closes the path; the last level's loss stands.
 *
 *   open --appeal.file--> review --clock.tick (decision due)--> won | lost
 *   lost --appeal.file--> review (next level) | --appeal.accept--> upheld
 *   open | lost --clock.tick past the deadline / a late filing--> expired
 *   open | review | lost --appeal.file at a level that is not open--> (stays; refusal recorded)
 *
 * A filing may name its level (`level`): the trainee chooses it. Only one level is open at a
 * time (the first, then the one after each decision); a filing at any other level, while a
 * decision is pending, or below a level's amount in controversy is refused with the payer's
 * reason and kept in `refused` (the driver records it as a wrong decision).
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
import { extend } from './extend';

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

/** A filing the payer refused (wrong level, decision pending, amount in controversy not met). */
export interface AppealRefusal {
  at: string;
  /** The level the filing named. */
  level: number;
  reason: string;
}

export interface AppealLadderContext extends AppealLadderInput {
  /** Index into `levels` of the level now open or in review. */
  index: number;
  /** Last day to file at `index` (open) or at `index + 1` (after a loss). */
  deadline: string;
  decisionDue: string | null;
  history: AppealStep[];
  result: AppealLadderOutput['result'] | null;
  /**
   * The last filing the payer refused (absent in snapshots saved before levels could be chosen).
   * Only the last is kept, so the machine's states stay finite; the driver records each one as
   * it happens.
   */
  refused?: AppealRefusal | null;
}

export interface AppealLadderOutput {
  result: 'won' | 'upheld' | 'expired';
  level: number;
  history: AppealStep[];
  /** The payer's reason when upheld; the missed deadline when expired. */
  reason: string | null;
}

export type AppealLadderEvent =
  | { type: 'appeal.file'; at: string; evidence: Evidence; level?: number }
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

const money = (cents: number) => `$${(cents / 100).toFixed(2)}`;

/** The level (index into `levels`) a filing now may go to, or null while a decision is pending. */
export function openIndex(
  c: AppealLadderContext,
  state: 'open' | 'review' | 'lost',
): number | null {
  return state === 'review' ? null : state === 'lost' ? c.index + 1 : c.index;
}

/**
 * Why the payer refuses a filing at `level` now, or null when it takes it. The levels climb one
 * at a time: each needs the decision of the one before.
 * See: 42 CFR 405.904(a)(2) and 405.960, 405.1000, 405.1100, 405.1130 (each level is a request to
 * review the decision of the level below); 405.1006 (amount in controversy); Pub. 100-04 ch. 29.
 */
export function refusalOf(
  c: AppealLadderContext,
  state: 'open' | 'review' | 'lost',
  level: number,
): string | null {
  const at = c.levels.findIndex((l) => l.level === level);
  const name = (i: number) => `level ${c.levels[i]!.level} (${c.levels[i]!.name})`;
  if (at < 0)
    return `This payer has no appeal level ${level} (levels ${c.levels.map((l) => l.level).join(', ')}).`;
  const open = openIndex(c, state);
  if (open === null)
    return `${name(c.index)} is still in review (decision due ${c.decisionDue ?? 'later'}): the next level opens only with its decision (42 CFR 405.904(a)(2)).`;
  if (open >= c.levels.length) return `Every appeal level has been decided.`;
  if (at < open)
    return `${name(at)} has already been decided: the level open now is ${name(open)}.`;
  if (at > open)
    return `${name(at)} is not open: it reviews the decision of ${name(at - 1)}, which has not been made (42 CFR 405.904(a)(2)). File ${name(open)}.`;
  const aic = c.levels[at]!.amountInControversy;
  if (aic !== null && c.disputed < aic)
    return `The amount in controversy (${money(c.disputed)}) is below the ${money(aic)} that ${name(at)} requires: the request is dismissed (42 CFR 405.1006).`;
  return null;
}

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
    /** The filing names a level the payer does not take now. */
    refusedOpen: ({ context, event }) =>
      event.type === 'appeal.file' &&
      refusalOf(context, 'open', event.level ?? context.levels[context.index]!.level) !== null,
    refusedLost: ({ context, event }) =>
      event.type === 'appeal.file' &&
      refusalOf(context, 'lost', event.level ?? context.levels[context.index + 1]?.level ?? -1) !==
        null,
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
    refuse: assign(({ context, event }, params: { state: 'open' | 'review' | 'lost' }) => {
      if (event.type !== 'appeal.file') return {};
      const open = openIndex(context, params.state);
      const level =
        event.level ?? context.levels[open ?? context.index]?.level ?? context.levels.length + 1;
      const reason = refusalOf(context, params.state, level) ?? 'refused';
      return { refused: { at: event.at, level, reason } };
    }),
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
  context: ({ input }) =>
    extend(input, {
      index: 0,
      deadline: deadlineAt(input, 0, input.noticeDate),
      decisionDue: null,
      history: [],
      result: null,
      refused: null,
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
          { guard: 'refusedOpen', actions: { type: 'refuse', params: { state: 'open' } } },
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
        'appeal.file': { actions: { type: 'refuse', params: { state: 'review' } } },
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
          { guard: 'refusedLost', actions: { type: 'refuse', params: { state: 'lost' } } },
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

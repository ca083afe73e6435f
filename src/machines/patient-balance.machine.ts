/**
 * A patient's balance after insurance: statements on a cycle, payments (full, partial, or on a
 * payment plan), a credit balance refunded, and write-offs with their reason (small balance,
 * bad debt after the statements went unanswered, financial hardship). What reaches this machine
 * is only what the patient may be billed: never a CO amount, never a QMB's cost sharing
 * (posting.ts expectedPosting decides that).
 *
 *   billing --patient.pay (partial)--> billing | --plan.start--> plan
 *   billing | plan --patient.pay (all)--> settled | (more than owed) --> credit --refund--> settled
 *   billing | plan --balance.write-off--> writtenOff
 *
 * See: DOMAIN.md §1 step 9; CMS Provider Reimbursement Manual (Pub. 15-1) §310 (reasonable
 * collection effort: bills over at least 120 days before bad debt); 42 CFR 413.89.
 */
import { assign, setup } from 'xstate';
import { addDays } from '../domain/time/dates';
import { extend } from './extend';

export type BalanceWriteOff = 'small-balance' | 'bad-debt' | 'hardship';

export interface PatientBalanceInput {
  /** What the patient owes (cents, > 0). */
  owes: number;
  /** The first statement's date. */
  start: string;
  /** Days between statements (30). */
  cycleDays: number;
  /** Balances at or under this (cents) may be written off as small. */
  smallBalance: number;
  /** Statements sent before a balance may go to bad debt (4 ≈ 120 days). */
  badDebtAfterStatements: number;
}

export interface PatientBalanceContext extends PatientBalanceInput {
  balance: number;
  statements: number;
  nextStatementOn: string;
  instalment: number | null;
  paid: number;
  refunded: number;
  writeOff: { reason: BalanceWriteOff; amount: number } | null;
}

export type PatientBalanceEvent =
  | { type: 'statement.send'; at: string }
  | { type: 'patient.pay'; at: string; amount: number }
  | { type: 'plan.start'; at: string; instalment: number }
  | { type: 'credit.refund'; at: string }
  | { type: 'balance.write-off'; at: string; reason: BalanceWriteOff };

export const balanceGuards = {
  statementDue: (c: PatientBalanceContext, at: string) => c.balance > 0 && at >= c.nextStatementOn,
  mayWriteOff: (c: PatientBalanceContext, reason: BalanceWriteOff) =>
    reason === 'hardship' ||
    (reason === 'small-balance' && c.balance <= c.smallBalance) ||
    (reason === 'bad-debt' && c.statements >= c.badDebtAfterStatements),
};

export const patientBalanceMachine = setup({
  types: {
    context: {} as PatientBalanceContext,
    events: {} as PatientBalanceEvent,
    input: {} as PatientBalanceInput,
    output: {} as PatientBalanceContext,
  },
  guards: {
    statementDue: ({ context, event }) =>
      event.type === 'statement.send' && balanceGuards.statementDue(context, event.at),
    mayWriteOff: ({ context, event }) =>
      event.type === 'balance.write-off' && balanceGuards.mayWriteOff(context, event.reason),
    isSettled: ({ context }) => context.balance === 0,
    isCredit: ({ context }) => context.balance < 0,
  },
  actions: {
    sendStatement: assign(({ context, event }) =>
      event.type === 'statement.send'
        ? {
            statements: context.statements + 1,
            nextStatementOn: addDays(event.at, context.cycleDays),
          }
        : {},
    ),
    pay: assign(({ context, event }) =>
      event.type === 'patient.pay' && event.amount > 0
        ? { balance: context.balance - event.amount, paid: context.paid + event.amount }
        : {},
    ),
    startPlan: assign(({ event }) =>
      event.type === 'plan.start' ? { instalment: Math.max(1, event.instalment) } : {},
    ),
    refund: assign(({ context }) => ({ refunded: -context.balance, balance: 0 })),
    writeOff: assign(({ context, event }) =>
      event.type === 'balance.write-off'
        ? { writeOff: { reason: event.reason, amount: context.balance }, balance: 0 }
        : {},
    ),
  },
}).createMachine({
  id: 'patientBalance',
  context: ({ input }) =>
    extend(input, {
      balance: input.owes,
      statements: 0,
      nextStatementOn: input.start,
      instalment: null,
      paid: 0,
      refunded: 0,
      writeOff: null,
    }),
  initial: 'billing',
  states: {
    billing: {
      always: [
        { guard: 'isSettled', target: 'settled' },
        { guard: 'isCredit', target: 'credit' },
      ],
      on: {
        'statement.send': { guard: 'statementDue', actions: 'sendStatement' },
        'patient.pay': { actions: 'pay' },
        'plan.start': { target: 'plan', actions: 'startPlan' },
        'balance.write-off': { guard: 'mayWriteOff', target: 'writtenOff', actions: 'writeOff' },
      },
    },
    plan: {
      always: [
        { guard: 'isSettled', target: 'settled' },
        { guard: 'isCredit', target: 'credit' },
      ],
      on: {
        'statement.send': { guard: 'statementDue', actions: 'sendStatement' },
        'patient.pay': { actions: 'pay' },
        'balance.write-off': { guard: 'mayWriteOff', target: 'writtenOff', actions: 'writeOff' },
      },
    },
    credit: {
      on: { 'credit.refund': { target: 'settled', actions: 'refund' } },
    },
    settled: { type: 'final' },
    writtenOff: { type: 'final' },
  },
  output: ({ context }) => context,
});

export const PATIENT_BALANCE_STATES = [
  'billing',
  'plan',
  'credit',
  'settled',
  'writtenOff',
] as const;

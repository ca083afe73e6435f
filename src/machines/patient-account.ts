/**
 * The patient's account in the case workspace once the patient is billed: the same statement
 * cycle `#/practice` runs (patient-balance.machine.ts: a statement every 30 days, payments in
 * full or in part, a credit balance refunded, and write-offs only with a reason the rules allow:
 * a small balance, bad debt after the statements went unanswered, financial hardship). The
 * account is plain data (its machine's state and context and a log of what happened), stored
 * with the case; each step runs the machine from it and returns the account after.
 * See: DOMAIN.md §1 step 9; CMS Provider Reimbursement Manual (Pub. 15-1) §310 (reasonable
 * collection effort before bad debt); 42 CFR 413.89; issue 15 ("Patient balance").
 */
import { createActor } from 'xstate';
import { z } from 'zod';
import { displayMoney, type Cents } from '../domain/money';
import {
  balanceGuards,
  patientBalanceMachine,
  type BalanceWriteOff,
  type PatientBalanceContext,
} from './patient-balance.machine';

/** The statement terms of the practice (the same the practice engine and the claim machine use). */
export const STATEMENT_TERMS = {
  cycleDays: 30,
  smallBalance: 500,
  badDebtAfterStatements: 4,
} as const;

const ACCOUNT_STATES = ['billing', 'plan', 'credit', 'settled', 'writtenOff'] as const;
const WRITE_OFFS = ['small-balance', 'bad-debt', 'hardship'] as const;
const cents = z.number().int();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const accountEntrySchema = z.object({
  at: isoDate,
  kind: z.enum(['statement', 'payment', 'refund', 'write-off']),
  /** Cents: the balance on a statement, the amount paid, refunded or written off. */
  amount: cents,
  /** What happened, in words. */
  text: z.string(),
  /** A write-off the trainee chose: judged right or wrong by the collection rules. */
  right: z.boolean().optional(),
  rationale: z.string().optional(),
});
export type AccountEntry = z.infer<typeof accountEntrySchema>;

export const patientAccountSchema = z.object({
  state: z.enum(ACCOUNT_STATES),
  context: z.object({
    owes: cents,
    start: isoDate,
    cycleDays: z.number().int().min(1),
    smallBalance: cents,
    badDebtAfterStatements: z.number().int().min(0),
    balance: cents,
    statements: z.number().int().min(0),
    nextStatementOn: isoDate,
    instalment: cents.nullable(),
    paid: cents,
    refunded: cents,
    writeOff: z.object({ reason: z.enum(WRITE_OFFS), amount: cents }).nullable(),
  }),
  log: z.array(accountEntrySchema),
});
export type PatientAccount = z.infer<typeof patientAccountSchema>;

/** What the trainee does with the balance: a statement on its cycle, a payment, a write-off. */
export type AccountAction =
  | { kind: 'statement' }
  | { kind: 'payment'; amount: Cents }
  | { kind: 'write-off'; reason: BalanceWriteOff };

/** The account's path ends: paid in full (or refunded to zero), or written off with a reason. */
export const accountClosed = (a: PatientAccount): boolean =>
  a.state === 'settled' || a.state === 'writtenOff';

const REASON_WORDS: Record<BalanceWriteOff, string> = {
  'small-balance': 'a small balance',
  'bad-debt': 'bad debt',
  hardship: 'financial hardship',
};

function actorOf(a: PatientAccount) {
  const actor = createActor(patientBalanceMachine, {
    snapshot: patientBalanceMachine.resolveState({ value: a.state, context: a.context }),
    input: a.context,
  });
  actor.start();
  return actor;
}

function accountOf(
  actor: ReturnType<typeof actorOf>,
  log: readonly AccountEntry[],
): PatientAccount {
  const s = actor.getSnapshot();
  actor.stop();
  return {
    state: String(s.value) as PatientAccount['state'],
    context: { ...(s.context as PatientBalanceContext) },
    log: [...log],
  };
}

/** The account the patient is billed on `today` for `owes` (cents > 0): the first statement. */
export function openAccount(owes: Cents, today: string): PatientAccount {
  const actor = createActor(patientBalanceMachine, {
    input: { owes, start: today, ...STATEMENT_TERMS },
  });
  actor.start();
  actor.send({ type: 'statement.send', at: today });
  return accountOf(actor, [
    {
      at: today,
      kind: 'statement',
      amount: owes,
      text: `Statement 1 sent: the patient owes ${displayMoney(owes)}; the next statement is due in ${STATEMENT_TERMS.cycleDays} days.`,
    },
  ]);
}

/**
 * One step on the account on `today`: the next statement (sent on its cycle date, so the clock
 * moves there), a payment (an overpayment is refunded at once), or a write-off (refused, with
 * the rule, when the reason does not apply yet). Returns the account after and the day it ends on.
 */
export function accountStep(
  a: PatientAccount,
  action: AccountAction,
  today: string,
): { account: PatientAccount; at: string; entry: AccountEntry } {
  if (accountClosed(a)) {
    const entry: AccountEntry = {
      at: today,
      kind: action.kind === 'statement' ? 'statement' : action.kind,
      amount: 0,
      text: 'The account is closed: nothing more is done.',
    };
    return { account: a, at: today, entry };
  }
  const actor = actorOf(a);
  const log = [...a.log];
  const c = a.context;
  let entry: AccountEntry;
  let at = today;
  switch (action.kind) {
    case 'statement': {
      // A statement goes on its cycle: the clock moves to the day it is due.
      at = c.nextStatementOn > today ? c.nextStatementOn : today;
      actor.send({ type: 'statement.send', at });
      const n = c.statements + 1;
      entry = {
        at,
        kind: 'statement',
        amount: c.balance,
        text: `Statement ${n} (a reminder) sent on ${at}: the patient still owes ${displayMoney(c.balance as Cents)}.${n >= c.badDebtAfterStatements ? ` ${n} statements over about ${(n - 1) * c.cycleDays} days: a reasonable collection effort (Pub. 15-1 §310).` : ''}`,
      };
      break;
    }
    case 'payment': {
      const amount = Math.max(0, Math.round(action.amount));
      if (amount === 0) {
        entry = {
          at,
          kind: 'payment',
          amount: 0,
          text: 'No payment recorded: enter the amount the patient paid.',
        };
        break;
      }
      actor.send({ type: 'patient.pay', at, amount });
      const after = actor.getSnapshot();
      const left = after.context.balance;
      entry = {
        at,
        kind: 'payment',
        amount,
        text:
          left > 0
            ? `The patient paid ${displayMoney(amount as Cents)}; ${displayMoney(left as Cents)} is still owed.`
            : `The patient paid ${displayMoney(amount as Cents)}: the balance is paid in full.`,
      };
      if (after.value === 'credit') {
        log.push(entry);
        const credit = -left;
        actor.send({ type: 'credit.refund', at });
        entry = {
          at,
          kind: 'refund',
          amount: credit,
          text: `The patient paid ${displayMoney(credit as Cents)} more than owed: the credit balance is refunded to them.`,
        };
      }
      break;
    }
    case 'write-off': {
      const ok = balanceGuards.mayWriteOff(c as PatientBalanceContext, action.reason);
      if (ok) actor.send({ type: 'balance.write-off', at, reason: action.reason });
      entry = {
        at,
        kind: 'write-off',
        amount: ok ? c.balance : 0,
        right: ok,
        text: ok
          ? `${displayMoney(c.balance as Cents)} written off as ${REASON_WORDS[action.reason]}.`
          : `Not written off: ${REASON_WORDS[action.reason]} does not apply yet.`,
        rationale: writeOffRationale(c, action.reason, ok),
      };
      break;
    }
  }
  log.push(entry);
  return { account: accountOf(actor, log), at, entry };
}

function writeOffRationale(
  c: PatientAccount['context'],
  reason: BalanceWriteOff,
  ok: boolean,
): string {
  const limit = displayMoney(c.smallBalance as Cents);
  switch (reason) {
    case 'small-balance':
      return ok
        ? `A balance of ${limit} or less may be written off as small: collecting it costs more than it brings.`
        : `A small-balance write-off is for balances of ${limit} or less; this one is ${displayMoney(c.balance as Cents)}: keep billing the patient on the statement cycle.`;
    case 'bad-debt':
      return ok
        ? `Bad debt after a reasonable collection effort: ${c.statements} statements over about ${(c.statements - 1) * c.cycleDays} days (Pub. 15-1 §310; 42 CFR 413.89).`
        : `Bad debt only after a reasonable collection effort: ${c.badDebtAfterStatements} statements over about 120 days (${c.statements} sent so far) (Pub. 15-1 §310).`;
    case 'hardship':
      return 'A financial hardship write-off may be made at any time once the patient shows they cannot pay (the practice keeps its hardship policy and the proof).';
  }
}

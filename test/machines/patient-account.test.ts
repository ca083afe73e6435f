/**
 * The patient's account of the case workspace (src/machines/patient-account.ts) on the practice's
 * statement cycle (patient-balance.machine.ts): statements every 30 days, payments in part or in
 * full, an overpayment refunded, write-offs only with a reason that applies (a balance of $5.00
 * or less; bad debt after 4 statements, about 120 days of collection effort; hardship any time).
 * See: CMS Provider Reimbursement Manual (Pub. 15-1) §310; 42 CFR 413.89; issue 15.
 */
import { describe, expect, it } from 'vitest';
import type { Cents } from '../../src/domain/money';
import {
  accountClosed,
  accountStep,
  openAccount,
  patientAccountSchema,
} from '../../src/machines/patient-account';

const c = (n: number) => n as Cents;

describe('patient account', () => {
  it('opens with the first statement and the next due 30 days later', () => {
    const a = openAccount(c(4200), '2026-04-01');
    expect(a.state).toBe('billing');
    expect(a.context).toMatchObject({
      balance: 4200,
      statements: 1,
      nextStatementOn: '2026-05-01',
    });
    expect(a.log).toHaveLength(1);
    expect(patientAccountSchema.safeParse(a).success).toBe(true);
  });

  it('a reminder goes on its cycle date (the day moves there), not before', () => {
    const a = openAccount(c(4200), '2026-04-01');
    const r = accountStep(a, { kind: 'statement' }, '2026-04-02');
    expect(r.at).toBe('2026-05-01');
    expect(r.account.context.statements).toBe(2);
    expect(r.account.context.nextStatementOn).toBe('2026-05-31');
  });

  it('payments: partial keeps it open, the rest settles it; an overpayment is refunded', () => {
    let a = openAccount(c(4200), '2026-04-01');
    a = accountStep(a, { kind: 'payment', amount: c(2000) }, '2026-04-10').account;
    expect(a.context.balance).toBe(2200);
    expect(accountClosed(a)).toBe(false);
    const over = accountStep(a, { kind: 'payment', amount: c(3000) }, '2026-04-20');
    expect(over.account.state).toBe('settled');
    expect(over.account.context.refunded).toBe(800);
    expect(over.entry.kind).toBe('refund');
    expect(accountClosed(over.account)).toBe(true);
    // A zero payment records nothing.
    const none = accountStep(a, { kind: 'payment', amount: c(0) }, '2026-04-20');
    expect(none.account.context.balance).toBe(2200);
  });

  it('write-offs: small balance only at $5.00 or less; bad debt after 4 statements; hardship any time', () => {
    const small = openAccount(c(500), '2026-04-01');
    expect(
      accountStep(small, { kind: 'write-off', reason: 'small-balance' }, '2026-04-02').account
        .state,
    ).toBe('writtenOff');
    const big = openAccount(c(501), '2026-04-01');
    const refused = accountStep(big, { kind: 'write-off', reason: 'small-balance' }, '2026-04-02');
    expect(refused.entry.right).toBe(false);
    expect(refused.account.state).toBe('billing');
    let a = big;
    expect(
      accountStep(a, { kind: 'write-off', reason: 'bad-debt' }, '2026-04-02').entry.right,
    ).toBe(false);
    for (let i = 0; i < 3; i++) a = accountStep(a, { kind: 'statement' }, '2026-04-02').account;
    const bad = accountStep(a, { kind: 'write-off', reason: 'bad-debt' }, '2026-07-01');
    expect(bad.entry.right).toBe(true);
    expect(bad.account.context.writeOff).toEqual({ reason: 'bad-debt', amount: 501 });
    expect(
      accountStep(big, { kind: 'write-off', reason: 'hardship' }, '2026-04-02').account.state,
    ).toBe('writtenOff');
  });
});

/**
 * Patient balances: statements on the cycle, payments in full, in part and on a plan, a credit
 * refunded, write-offs only with their conditions (small balance, bad debt after the statements,
 * hardship); xstate/graph proves every state and both final states reachable.
 */
import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import {
  PATIENT_BALANCE_STATES,
  balanceGuards,
  patientBalanceMachine,
  type PatientBalanceEvent,
  type PatientBalanceInput,
} from '../../src/machines/patient-balance.machine';

const input = (owes = 12_000): PatientBalanceInput => ({
  owes,
  start: '2026-04-01',
  cycleDays: 30,
  smallBalance: 500,
  badDebtAfterStatements: 4,
});
type Snap = SnapshotFrom<typeof patientBalanceMachine>;
function run(events: PatientBalanceEvent[], inp = input()): Snap {
  let [s] = initialTransition(patientBalanceMachine, inp);
  for (const e of events) [s] = transition(patientBalanceMachine, s, e);
  return s;
}

describe('patient balance machine', () => {
  it('statements go out every cycle, not before', () => {
    const s = run([
      { type: 'statement.send', at: '2026-04-01' },
      { type: 'statement.send', at: '2026-04-15' },
      { type: 'statement.send', at: '2026-05-01' },
    ]);
    expect(s.context.statements).toBe(2);
    expect(s.context.nextStatementOn).toBe('2026-05-31');
  });

  it('a partial payment leaves the rest; paying it settles', () => {
    const s = run([{ type: 'patient.pay', at: '2026-04-10', amount: 5_000 }]);
    expect(s.value).toBe('billing');
    expect(s.context.balance).toBe(7_000);
    expect(
      transition(patientBalanceMachine, s, {
        type: 'patient.pay',
        at: '2026-05-10',
        amount: 7_000,
      })[0].value,
    ).toBe('settled');
  });

  it('a payment plan runs to the end', () => {
    const s = run([
      { type: 'plan.start', at: '2026-04-10', instalment: 4_000 },
      { type: 'patient.pay', at: '2026-04-10', amount: 4_000 },
      { type: 'patient.pay', at: '2026-05-10', amount: 4_000 },
    ]);
    expect(s.value).toBe('plan');
    expect(s.context.instalment).toBe(4_000);
    expect(
      transition(patientBalanceMachine, s, {
        type: 'patient.pay',
        at: '2026-06-10',
        amount: 4_000,
      })[0].value,
    ).toBe('settled');
  });

  it('an overpayment is a credit balance, refunded', () => {
    const s = run([{ type: 'patient.pay', at: '2026-04-10', amount: 13_000 }]);
    expect(s.value).toBe('credit');
    const r = transition(patientBalanceMachine, s, { type: 'credit.refund', at: '2026-04-12' })[0];
    expect(r.value).toBe('settled');
    expect(r.context.refunded).toBe(1_000);
  });

  it('write-offs need their condition', () => {
    expect(
      run([{ type: 'balance.write-off', at: '2026-04-02', reason: 'small-balance' }]).value,
    ).toBe('billing');
    expect(
      run([{ type: 'balance.write-off', at: '2026-04-02', reason: 'small-balance' }], input(400))
        .value,
    ).toBe('writtenOff');
    expect(run([{ type: 'balance.write-off', at: '2026-04-02', reason: 'bad-debt' }]).value).toBe(
      'billing',
    );
    const four = ['2026-04-01', '2026-05-01', '2026-05-31', '2026-06-30'].map(
      (at) => ({ type: 'statement.send', at }) as const,
    );
    const bad = run([...four, { type: 'balance.write-off', at: '2026-07-30', reason: 'bad-debt' }]);
    expect(bad.value).toBe('writtenOff');
    expect(bad.context.writeOff).toEqual({ reason: 'bad-debt', amount: 12_000 });
    expect(run([{ type: 'balance.write-off', at: '2026-04-02', reason: 'hardship' }]).value).toBe(
      'writtenOff',
    );
  });

  it('guards as predicates', () => {
    const c = run([]).context;
    expect(balanceGuards.statementDue(c, '2026-03-31')).toBe(false);
    expect(balanceGuards.statementDue(c, '2026-04-01')).toBe(true);
    expect(balanceGuards.mayWriteOff(c, 'hardship')).toBe(true);
    expect(balanceGuards.mayWriteOff({ ...c, balance: 500 }, 'small-balance')).toBe(true);
    expect(balanceGuards.mayWriteOff({ ...c, statements: 3 }, 'bad-debt')).toBe(false);
  });

  it('xstate/graph: every state and both final states are reachable', () => {
    const paths = getShortestPaths(patientBalanceMachine, {
      input: input(400),
      events: [
        { type: 'statement.send', at: '2026-04-01' },
        { type: 'patient.pay', at: '2026-04-10', amount: 100 },
        { type: 'patient.pay', at: '2026-04-10', amount: 1_000 },
        { type: 'plan.start', at: '2026-04-10', instalment: 100 },
        { type: 'credit.refund', at: '2026-04-12' },
        { type: 'balance.write-off', at: '2026-04-12', reason: 'small-balance' },
      ],
      serializeState: (s) => JSON.stringify([s.value, s.context.balance, s.context.statements > 0]),
    });
    const reached = new Set(paths.map((p) => String(p.state.value)));
    expect([...reached].sort()).toEqual([...PATIENT_BALANCE_STATES].sort());
  });
});

/**
 * The lifecycle's denial work (a case that starts from a remittance): the trainee's choice of
 * correction (CMS-1500 item 22: 7 replacement, 8 void, a reopening naming the payer claim
 * number, or a new claim), and actions at the remittance recorded with their consequence — one
 * that ends the account's path closes the case, a refused one leaves it where it was.
 * Pure transitions, no actor.
 * See: NUCC 1500 item 22; 42 CFR 405.980 (reopenings); issue 15 (the denial workbench).
 */
import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import {
  lifecycleMachine,
  type CorrectAs,
  type LifecycleEvent,
} from '../../src/machines/lifecycle.machine';
import type { WorkEntry } from '../../src/machines/denial-work';
import { accountStep, openAccount } from '../../src/machines/patient-account';
import type { Cents } from '../../src/domain/money';
import { input, remit } from './fixtures';

type Snap = SnapshotFrom<typeof lifecycleMachine>;

/** The machine standing at a posted remittance, as a remittance case opens and is posted. */
function at(step: 'denied' | 'paid' | 'rejected'): Snap {
  const base = initialTransition(lifecycleMachine, input)[0].context;
  const status = step === 'rejected' ? 'rejected' : step === 'paid' ? 'paid' : 'denied';
  const r = {
    ...remit('DM2-HTN-001', status),
    payerClaimNumber: 'ICN-42',
    remitDate: '2026-03-20',
  };
  const claim = {
    claimId: 'DM2-HTN-001',
    frequency: '1',
    originalClaimId: null,
  } as unknown as NonNullable<typeof base.claim>;
  return lifecycleMachine.resolveState({
    value: step,
    context: {
      ...base,
      today: '2026-03-20',
      claim,
      submissions: [{ claim, submittedOn: '2026-03-02', remittance: r }],
      remittance: r,
      work: [],
    },
  });
}

const run = (s: Snap, ...events: LifecycleEvent[]) =>
  events.reduce((x, e) => transition(lifecycleMachine, x, e)[0], s);

const entry = (patch: Partial<WorkEntry>): WorkEntry => ({
  at: '2026-03-20',
  action: 'appeal',
  choice: 'appeal level 1 with the medical records',
  right: false,
  rationale: 'A rule.',
  outcome: 'What happened.',
  closes: false,
  ...patch,
});

describe('lifecycle: the trainee chooses how to correct', () => {
  it.each<[CorrectAs, string, string | null, string]>([
    ['replacement', '7', 'ICN-42', 'claim'],
    ['void', '8', 'ICN-42', 'claim'],
    ['reopening', '1', 'ICN-42', 'reopening'],
    ['new', '1', null, 'claim'],
  ])('%s → frequency %s naming %s by %s', (as, frequency, ref, channel) => {
    const s = run(at('denied'), { type: 'claim.correct', as });
    expect(s.value).toBe('corrected');
    expect(s.hasTag('editable')).toBe(true);
    expect(s.context.next).toMatchObject({ frequency, originalClaimId: ref, channel });
    expect(s.context.next.claimId).toBe('DM2-HTN-002');
  });

  it('without a choice the payer setting decides (replacement at a payer that takes them)', () => {
    const s = run(at('denied'), { type: 'claim.correct' });
    expect(s.context.next.frequency).toBe('7');
  });
});

describe('lifecycle: actions at the remittance', () => {
  it('a refused move is recorded and the case stays at the remittance', () => {
    const s = run(at('rejected'), { type: 'denial.record', entry: entry({}) });
    expect(s.value).toBe('rejected');
    expect(s.context.work).toHaveLength(1);
  });

  it('a move that ends the path closes the case; the clock moves to its outcome', () => {
    const s = run(at('denied'), {
      type: 'denial.record',
      entry: entry({ right: true, closes: true, until: '2026-05-19' }),
    });
    expect(s.value).toBe('closed');
    expect(s.context.today).toBe('2026-05-19');
  });

  it('a paid remittance takes actions too (billing the patient, posting only)', () => {
    const s = run(at('paid'), {
      type: 'denial.record',
      entry: entry({ action: 'bill-patient', closes: true, balance: 'bill-patient' }),
    });
    expect(s.value).toBe('closed');
    expect(s.context.work?.[0]?.balance).toBe('bill-patient');
  });

  it('billing the patient with an account opened: the statement, closed only when the account closes', () => {
    const account = openAccount(2000 as Cents, '2026-04-01');
    const billed = run(at('paid'), {
      type: 'denial.record',
      entry: entry({ action: 'bill-patient', closes: true, balance: 'bill-patient' }),
      account,
    });
    expect(billed.value).toBe('patientStatement');
    expect(billed.context.account?.context.balance).toBe(2000);
    // Not closed while the patient owes it.
    expect(run(billed, { type: 'case.close' }).value).toBe('patientStatement');
    const reminded = accountStep(account, { kind: 'statement' }, '2026-04-01');
    const s = run(billed, { type: 'balance.record', account: reminded.account, at: reminded.at });
    expect(s.value).toBe('patientStatement');
    expect(s.context.today).toBe('2026-05-01');
    const paid = accountStep(
      reminded.account,
      { kind: 'payment', amount: 2000 as Cents },
      '2026-05-01',
    );
    expect(run(s, { type: 'balance.record', account: paid.account, at: paid.at }).value).toBe(
      'closed',
    );
  });

  it('is not taken while coding (nothing has been decided yet)', () => {
    const s = run(
      initialTransition(lifecycleMachine, input)[0],
      { type: 'coding.start' },
      {
        type: 'denial.record',
        entry: entry({ closes: true }),
      },
    );
    expect(s.value).toBe('coding');
    expect(s.context.work).toBeUndefined();
  });
});

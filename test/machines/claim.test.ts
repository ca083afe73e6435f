/**
 * The practice's claim machine: pure transitions (no payer, no DOM), guards as predicates,
 * the decision effect injected with `.provide()`, the wrong moves issue 15 names recorded as
 * wrong decisions with their rule, and xstate/graph proving every state and the final state
 * reachable. Child machines (appeal ladder, patient balance) are tested in their own files.
 */
import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition, type SnapshotFrom } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import {
  CLAIM_STATES,
  claimGuards,
  claimMachine,
  type ClaimMachineContext,
  type ClaimMachineEvent,
  type ClaimMachineInput,
  type RemitSummary,
} from '../../src/machines/claim.machine';
import { WRONG_MOVES, type Decision } from '../../src/machines/practice/decisions';
import type { AppealLadderInput } from '../../src/machines/appeal.machine';

const input = (over: Partial<ClaimMachineInput> = {}): ClaimMachineInput => ({
  encounterId: 'enc-000001',
  payerId: 'commercial-ppo',
  corrections: 'frequency-7-8',
  qmb: false,
  hasSecondary: false,
  serviceDate: '2026-03-02',
  ...over,
});

const expected = (denied: number, patient = 0) =>
  ({
    payment: 10_000 - denied,
    contractual: 2_000,
    patient,
    protectedPr: 0,
    denied,
  }) as unknown as RemitSummary['expected'];

const remit = (
  status: RemitSummary['status'],
  denial: RemitSummary['denial'] = null,
  cause: RemitSummary['cause'] = null,
  patient = 0,
): RemitSummary => ({
  status,
  payerClaimNumber: 'PCN-1',
  remitDate: '2026-03-20',
  expected: expected(status === 'paid' ? 0 : 4_000, patient),
  denial,
  appealable: status !== 'paid' && cause?.kind !== 'timely-filing',
  cause,
});

const at = '2026-03-21';
const ladder: AppealLadderInput = {
  noticeDate: '2026-03-20',
  levels: [
    { level: 1, name: 'Internal appeal', deadlineDays: 180, amountInControversy: null },
    { level: 2, name: 'External review', deadlineDays: 120, amountInControversy: null },
  ],
  presumedReceiptDays: 5,
  roll: 'none',
  reviewDays: [30, 45],
  disputed: 4_000,
  cause: { kind: 'records-requested', supported: true, payerReason: 'CO-252' },
};

const toSubmitted: ClaimMachineEvent[] = [
  { type: 'coding.start', at },
  { type: 'claim.create', at },
  { type: 'claim.scrub', at, errors: 0 },
  { type: 'claim.submit', at, dueOn: '2026-03-22' },
];
const posted = { payment: 6_000, contractual: 2_000, toPatient: 0 } as never;

type Snap = SnapshotFrom<typeof claimMachine>;
function run(events: ClaimMachineEvent[], inp = input()): Snap {
  let [s] = initialTransition(claimMachine, inp);
  for (const e of events) [s] = transition(claimMachine, s, e);
  return s;
}

const denied = (r: RemitSummary): ClaimMachineEvent[] => [
  ...toSubmitted,
  { type: 'clearinghouse.accepted', at, dueOn: '2026-04-01' },
  { type: 'payer.remitted', at, remit: r },
  { type: 'remittance.post', at, posted },
  { type: 'denial.work', at },
];

const co50 = remit(
  'denied',
  { group: 'CO', carc: '50', remarks: ['N115'] },
  {
    kind: 'medical-necessity',
    supported: false,
    payerReason: 'CO-50',
  },
);
const pr96 = remit(
  'denied',
  { group: 'PR', carc: '96', remarks: ['N425'] },
  {
    kind: 'not-covered',
    supported: false,
    payerReason: 'PR-96',
  },
);
const ncci0 = remit(
  'partially-paid',
  { group: 'CO', carc: '97', remarks: [] },
  {
    kind: 'ncci-0',
    supported: false,
    payerReason: 'CO-97',
  },
);

const wrong = (s: Snap): Decision[] => s.context.decisions.filter((d) => !d.right);

describe('claim machine: the lifecycle', () => {
  it('claim.send from coding is claim.create, a clean claim.scrub and claim.submit in one step', () => {
    const three = run(toSubmitted);
    const one = run([
      { type: 'coding.start', at },
      { type: 'claim.send', at, dueOn: '2026-03-22' },
    ]);
    expect(one.value).toBe('submitted');
    expect(one.context).toEqual(three.context);
    expect(one.context.submissions).toBe(1);
    // Only from coding: a claim already created takes the steps one by one.
    const created = run([...toSubmitted.slice(0, 2), { type: 'claim.send', at, dueOn: 'x' }]);
    expect(created.value).toBe('claim');
  });

  it('a clean claim: encounter to paid to closed', () => {
    const s = run([
      ...toSubmitted,
      { type: 'clearinghouse.accepted', at, dueOn: '2026-04-01' },
      { type: 'payer.remitted', at, remit: remit('paid') },
      {
        type: 'remittance.post',
        at,
        posted: { payment: 10_000, contractual: 2_000, toPatient: 0 } as never,
      },
      { type: 'claim.close', at },
    ]);
    expect(s.value).toBe('closed');
    expect(s.status).toBe('done');
    expect(s.context.decisions.map((d) => d.right)).toEqual([true]);
  });

  it('a front-end rejection is fixed and sent as a new claim (frequency 1, new id)', () => {
    const s = run([
      ...toSubmitted,
      { type: 'clearinghouse.rejected', at, reasons: ['claim.missing-field'] },
      { type: 'claim.fix', at },
    ]);
    expect(s.value).toBe('coding');
    expect(s.context.claimId).toBe('ENC-000001-02');
    expect(s.context.frequency).toBe('1');
    expect(s.context.rejections).toHaveLength(1);
  });

  it('a corrected claim names the payer claim number (frequency 7)', () => {
    const s = run([...denied(co50), { type: 'denial.correct', at, frequency: '7' }]);
    expect(s.value).toBe('corrected');
    expect(s.context.frequency).toBe('7');
    expect(s.context.originalRef).toBe('PCN-1');
  });

  it('Medicare Part B: reopening, and frequency 7 is a wrong move', () => {
    const inp = input({ payerId: 'medicare', corrections: 'reopening' });
    const s = run([...denied(co50), { type: 'denial.correct', at, frequency: '7' }], inp);
    expect(s.value).toBe('workbench');
    expect(wrong(s).map((d) => d.rationale)).toEqual([WRONG_MOVES.medicareFrequency7]);
    const r = transition(claimMachine, s, { type: 'denial.reopen', at })[0];
    expect(r.value).toBe('reopening');
    expect(r.context.channel).toBe('reopening');
    expect(r.context.originalRef).toBe('PCN-1');
  });
});

describe('claim machine: wrong moves are recorded with their rule', () => {
  it('appealing a front-end rejection', () => {
    const s = run([
      ...toSubmitted,
      { type: 'clearinghouse.rejected', at, reasons: ['claim.missing-field'] },
      { type: 'denial.appeal', at, evidence: 'records', ladder },
    ]);
    expect(s.value).toBe('rejected');
    expect(wrong(s)[0]).toMatchObject({
      kind: 'appeal',
      at,
      rationale: WRONG_MOVES.appealRejection,
    });
  });

  it('filing above the first level from the workbench: refused with the reason, nothing opens', () => {
    const s = run([
      ...denied(co50),
      { type: 'denial.appeal', at, evidence: 'records', ladder, level: 2 },
    ]);
    expect(s.value).toBe('workbench');
    expect(s.context.appeal).toBeNull();
    expect(wrong(s)[0]).toMatchObject({
      kind: 'appeal',
      level: 2,
      choice: 'appeal level 2 (External review) with records',
    });
    expect(wrong(s)[0]!.rationale).toMatch(/level 2 \(External review\) is not open/);
    // The first level, named or not, opens the ladder.
    const ok = transition(claimMachine, s, {
      type: 'denial.appeal',
      at,
      evidence: 'records',
      ladder,
      level: 1,
    })[0];
    expect(ok.value).toBe('appealing');
    expect(ok.context.decisions.at(-1)).toMatchObject({ right: true, level: 1 });
  });

  it('posting: a judged line posting is recorded as given; the 835 shortcut records nothing', () => {
    const judged: Decision = {
      at,
      kind: 'posting',
      choice: 'payment 6000',
      right: false,
      rationale: WRONG_MOVES.prAsContractual,
      errors: [WRONG_MOVES.prAsContractual],
      manual: true,
    };
    const base = [
      ...toSubmitted,
      { type: 'clearinghouse.accepted', at, dueOn: '2026-04-01' },
      { type: 'payer.remitted', at, remit: remit('paid', null, null, 1_000) },
    ] as ClaimMachineEvent[];
    const mine = run([...base, { type: 'remittance.post', at, posted, judged }]);
    expect(mine.value).toBe('paid');
    expect(mine.context.decisions).toEqual([
      { ...judged, encounterId: 'enc-000001', claimId: mine.context.claimId },
    ]);
    const quick = run([...base, { type: 'remittance.post', at, posted, shortcut: true }]);
    expect(quick.value).toBe('paid');
    expect(quick.context.decisions).toEqual([]);
  });

  it('appealing an NCCI indicator-0 denial (the appeal goes on and cannot win)', () => {
    const s = run([
      ...denied(ncci0),
      {
        type: 'denial.appeal',
        at,
        evidence: 'records',
        ladder: { ...ladder, cause: ncci0.cause! },
      },
    ]);
    expect(s.value).toBe('appealing');
    expect(wrong(s)[0]!.rationale).toBe(WRONG_MOVES.appealNcci0);
  });

  it('writing off patient responsibility as contractual', () => {
    const s = run([...denied(pr96), { type: 'claim.write-off', at, reason: 'contractual' }]);
    expect(s.value).toBe('closed');
    expect(wrong(s)[0]!.rationale).toBe(WRONG_MOVES.prAsContractual);
  });

  it('billing the patient for a CO amount is refused and recorded', () => {
    const s = run([
      ...denied(co50),
      {
        type: 'patient.bill',
        at,
        balance: { cycleDays: 30, smallBalance: 500, badDebtAfterStatements: 4 },
      },
    ]);
    expect(s.value).toBe('workbench');
    expect(wrong(s)[0]!.rationale).toBe(WRONG_MOVES.coToPatient);
  });

  it("billing a QMB's Medicare cost sharing is refused", () => {
    const s = run(
      [
        ...denied(pr96),
        {
          type: 'patient.bill',
          at,
          balance: { cycleDays: 30, smallBalance: 500, badDebtAfterStatements: 4 },
        },
      ],
      input({ qmb: true }),
    );
    expect(wrong(s)[0]!.rationale).toBe(WRONG_MOVES.qmbCostSharing);
  });

  it('posting CO to the patient overbills them', () => {
    const s = run([
      ...toSubmitted,
      { type: 'clearinghouse.accepted', at, dueOn: '2026-04-01' },
      { type: 'payer.remitted', at, remit: remit('paid') },
      {
        type: 'remittance.post',
        at,
        posted: { payment: 10_000, contractual: 0, toPatient: 2_000 } as never,
      },
    ]);
    expect(wrong(s)[0]!.rationale).toContain(WRONG_MOVES.coToPatient);
  });

  it('missing an appeal deadline closes the path and is recorded', () => {
    const a = createActor(claimMachine, { input: input() }).start();
    for (const e of denied(co50)) a.send(e);
    a.send({
      type: 'denial.appeal',
      at,
      evidence: 'none',
      ladder: { ...ladder, cause: co50.cause! },
    });
    a.send({ type: 'clock.tick', at: '2026-04-20' }); // level-1 decision (lost: no evidence)
    a.send({ type: 'clock.tick', at: '2026-12-31' }); // past the level-2 deadline
    const s = a.getSnapshot();
    expect(s.value).toBe('workbench');
    expect(s.context.appealResult?.result).toBe('expired');
    expect(wrong(s).map((d) => d.rationale)).toContain(WRONG_MOVES.missedDeadline);
  });
});

describe('claim machine: effects and guards', () => {
  it('`announce` is injected with .provide() and hears each decision', () => {
    const heard: Decision[] = [];
    const m = claimMachine.provide({
      actions: {
        announce: (_, p: { decision: Decision | undefined }) =>
          void (p.decision && heard.push(p.decision)),
      },
    });
    const a = createActor(m, { input: input() }).start();
    for (const e of [
      ...denied(pr96),
      {
        type: 'patient.bill',
        at,
        balance: { cycleDays: 30, smallBalance: 500, badDebtAfterStatements: 4 },
      } as const,
    ])
      a.send(e);
    expect(heard.map((d) => d.kind)).toEqual(['posting', 'patient-billing']);
    expect(a.getSnapshot().value).toBe('patientBalance');
  });

  it('the 835 shortcut posting announces no decision', () => {
    const heard: (Decision | undefined)[] = [];
    const m = claimMachine.provide({
      actions: {
        announce: (_, p: { decision: Decision | undefined }) => void heard.push(p.decision),
      },
    });
    const a = createActor(m, { input: input() }).start();
    for (const e of denied(pr96).map((e) =>
      e.type === 'remittance.post' ? { ...e, shortcut: true } : e,
    ))
      a.send(e);
    expect(a.getSnapshot().value).toBe('workbench');
    expect(heard).toEqual([undefined]);
    expect(a.getSnapshot().context.decisions).toEqual([]);
  });

  it('guards read as predicates over the context', () => {
    const ctx = run(denied(pr96)).context as ClaimMachineContext;
    expect(claimGuards.isDenied(ctx)).toBe(true);
    expect(claimGuards.deniedIsPatients(ctx)).toBe(true);
    expect(claimGuards.deniedIsPatients({ ...ctx, qmb: true })).toBe(false);
    expect(claimGuards.takesReplacement(ctx)).toBe(true);
    expect(claimGuards.usesReopening({ ...ctx, corrections: 'reopening' })).toBe(true);
    expect(claimGuards.isAppealable(ctx)).toBe(true);
    expect(claimGuards.owesPatient(ctx)).toBe(false);
    expect(claimGuards.canBillSecondary({ ...ctx, hasSecondary: true })).toBe(true);
    expect(claimGuards.isPaid({ ...ctx, remit: remit('paid') })).toBe(true);
    expect(claimGuards.isPartial({ ...ctx, remit: ncci0 })).toBe(true);
    expect(claimGuards.isVoided({ ...ctx, remit: remit('voided') })).toBe(true);
  });
});

describe('claim machine: xstate/graph', () => {
  it('every state and the final state are reachable', () => {
    const done = (id: string, output: unknown) =>
      ({ type: `xstate.done.actor.${id}`, output }) as never;
    const events: ClaimMachineEvent[] = [
      ...toSubmitted,
      { type: 'coding.edit', at },
      { type: 'clearinghouse.accepted', at, dueOn: '2026-04-01' },
      { type: 'clearinghouse.rejected', at, reasons: ['x'] },
      { type: 'claim.fix', at },
      { type: 'payer.remitted', at, remit: remit('paid', null, null, 2_000) },
      { type: 'payer.remitted', at, remit: co50 },
      { type: 'payer.remitted', at, remit: ncci0 },
      { type: 'payer.remitted', at, remit: remit('voided') },
      {
        type: 'remittance.post',
        at,
        posted: { payment: 0, contractual: 0, toPatient: 2_000 } as never,
      },
      { type: 'denial.work', at },
      { type: 'denial.correct', at, frequency: '7' },
      { type: 'denial.reopen', at },
      { type: 'reopening.refused', at },
      { type: 'denial.appeal', at, evidence: 'records', ladder },
      { type: 'claim.write-off', at, reason: 'contractual' },
      { type: 'secondary.bill', at, dueOn: '2026-05-01' },
      { type: 'secondary.remitted', at, paid: 1_000, patientOwes: 0 },
      {
        type: 'patient.bill',
        at,
        balance: { cycleDays: 30, smallBalance: 500, badDebtAfterStatements: 4 },
      },
      { type: 'claim.close', at },
      done('appeal', { result: 'won', level: 1, history: [], reason: null }),
      done('appeal', { result: 'upheld', level: 1, history: [], reason: 'x' }),
      done('patientBalance', {}),
    ];
    const reached = new Set<string>();
    for (const inp of [input({ hasSecondary: true }), input({ corrections: 'reopening' })]) {
      const paths = getShortestPaths(claimMachine, {
        input: inp,
        events,
        serializeState: (s) =>
          JSON.stringify([
            s.value,
            s.context.remit?.status ?? null,
            s.context.patientOwes > 0,
            s.context.claimSeq > 1,
          ]),
      });
      for (const p of paths) reached.add(String(p.state.value));
    }
    expect([...reached].sort()).toEqual([...CLAIM_STATES].sort());
  });
});

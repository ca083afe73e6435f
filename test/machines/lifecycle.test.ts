import { describe, expect, it } from 'vitest';
import {
  assign,
  createActor,
  fromPromise,
  initialTransition,
  transition,
  waitFor,
  type SnapshotFrom,
} from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import {
  LIFECYCLE_STEPS,
  lifecycleMachine,
  type AdjudicateInput,
  type LifecycleEvent,
} from '../../src/machines/lifecycle.machine';
import type { Claim } from '../../src/domain/claim/claim';
import type { Remittance } from '../../src/machines/remittance';
import { input, remit } from './fixtures';

type Snap = SnapshotFrom<typeof lifecycleMachine>;

/** Applies events as pure transitions (no actor, no DOM): the next snapshot only. */
function run(events: LifecycleEvent[], from?: Snap): Snap {
  let s = from ?? initialTransition(lifecycleMachine, input)[0];
  for (const e of events) s = transition(lifecycleMachine, s, e)[0];
  return s;
}

const coded: LifecycleEvent[] = [
  { type: 'coding.start' },
  { type: 'dx.add', code: 'e1165' },
  { type: 'dx.add', code: 'I10' },
  { type: 'line.add', line: { code: '99214', charge: '145.00', dxPointers: [1, 2] } },
];

describe('lifecycle machine as pure transitions', () => {
  it('starts at the encounter with an empty draft dated on the date of service', () => {
    const s = run([]);
    expect(s.value).toBe('encounter');
    expect(s.context.draft).toEqual({ diagnoses: [], lines: [] });
    expect(s.context.today).toBe('2026-03-02');
  });

  it('ignores coding events before coding starts', () => {
    expect(run([{ type: 'dx.add', code: 'I10' }]).context.draft.diagnoses).toEqual([]);
  });

  it('edits the draft while coding and normalises codes', () => {
    const s = run(coded);
    expect(s.value).toBe('coding');
    expect(s.hasTag('editable')).toBe(true);
    expect(s.context.draft.diagnoses).toEqual(['E11.65', 'I10']);
  });

  it('moves pointers with their diagnosis when the list is reordered', () => {
    const s = run([
      ...coded,
      { type: 'line.update', index: 0, patch: { dxPointers: [1] } },
      { type: 'dx.move', index: 0, by: 1 },
    ]);
    expect(s.context.draft.diagnoses).toEqual(['I10', 'E11.65']);
    expect(s.context.draft.lines[0]?.dxPointers).toEqual([2]);
  });

  it('builds the claim on claim.create through parseClaim and moves the clock a day', () => {
    const s = run([...coded, { type: 'claim.create' }]);
    expect(s.value).toBe('claim');
    expect(s.context.claim?.diagnoses).toEqual(['E11.65', 'I10']);
    expect(s.context.claim?.lines[0]?.charge).toBe(14500);
    expect(s.context.claim?.submissionDate).toBe('2026-03-03');
    expect(s.context.claimFindings).toEqual([]);
  });

  it('reports claim.* findings for a line without pointers, and still lets the claim go', () => {
    const s = run([
      { type: 'coding.start' },
      { type: 'dx.add', code: 'I10' },
      { type: 'line.add', line: { code: '99214', charge: '145.00' } },
      { type: 'claim.create' },
    ]);
    expect(s.context.claimFindings.map((f) => f.id)).toContain('claim.dx-pointer');
    expect(run([{ type: 'claim.submit' }], s).value).toBe('submitted');
  });

  it('refuses draft edits once the claim is submitted', () => {
    const s = run([
      ...coded,
      { type: 'claim.create' },
      { type: 'claim.submit' },
      { type: 'dx.remove', index: 0 },
    ]);
    expect(s.value).toBe('submitted');
    expect(s.context.draft.diagnoses).toHaveLength(2);
  });

  it('routes the posted remittance by status: paid, denied, partially paid, rejected', () => {
    const base = run([...coded, { type: 'claim.create' }, { type: 'claim.submit' }]);
    const post = (st: Remittance['status']) =>
      run(
        [
          { type: 'payer.adjudicated', remittance: remit('DM2-HTN-001', st) },
          { type: 'remittance.post' },
        ],
        base,
      ).value;
    expect(post('paid')).toBe('paid');
    expect(post('denied')).toBe('denied');
    expect(post('partially-paid')).toBe('denied');
    expect(post('rejected')).toBe('rejected');
  });

  it('corrects a denial as a frequency-7 replacement naming the original claim', () => {
    const s = run([
      ...coded,
      { type: 'claim.create' },
      { type: 'claim.submit' },
      { type: 'payer.adjudicated', remittance: remit('DM2-HTN-001', 'denied') },
      { type: 'remittance.post' },
      { type: 'claim.correct' },
      { type: 'claim.resubmit' },
    ]);
    expect(s.value).toBe('resubmitted');
    expect(s.context.claim).toMatchObject({
      claimId: 'DM2-HTN-002',
      frequency: '7',
      originalClaimId: 'DM2-HTN-001',
    });
    expect(s.context.next.channel).toBe('claim');
    expect(s.context.submissions).toHaveLength(2);
  });

  it('sends a corrected rejection as a new original claim', () => {
    const s = run([
      ...coded,
      { type: 'claim.create' },
      { type: 'claim.submit' },
      { type: 'payer.adjudicated', remittance: remit('DM2-HTN-001', 'rejected') },
      { type: 'remittance.post' },
      { type: 'claim.correct' },
      { type: 'dx.remove', index: 1 },
      { type: 'claim.resubmit' },
    ]);
    expect(s.context.claim).toMatchObject({
      claimId: 'DM2-HTN-002',
      frequency: '1',
      originalClaimId: null,
    });
    expect(s.context.claim?.diagnoses).toEqual(['E11.65']);
  });

  it('corrects a denial through a reopening request when the payer takes no replacement claims', () => {
    const start = initialTransition(lifecycleMachine, { ...input, acceptsReplacement: false })[0];
    const denied = { ...remit('DM2-HTN-001', 'denied'), payerClaimNumber: '8726062697060' };
    const s = run(
      [
        ...coded,
        { type: 'claim.create' },
        { type: 'claim.submit' },
        { type: 'payer.adjudicated', remittance: denied },
        { type: 'remittance.post' },
        { type: 'claim.correct' },
      ],
      start,
    );
    // The corrected claim is frequency 1 and names the ICN the reopening revises.
    expect(s.context.next).toEqual({
      claimId: 'DM2-HTN-002',
      frequency: '1',
      originalClaimId: '8726062697060',
      channel: 'reopening',
    });
  });

  it('returns to the denial when the reopening is refused; the original decision stands', () => {
    const start = initialTransition(lifecycleMachine, { ...input, acceptsReplacement: false })[0];
    const denied = { ...remit('DM2-HTN-001', 'denied'), payerClaimNumber: '8726062697060' };
    const refusal: Remittance = {
      ...remit('DM2-HTN-002', 'refused'),
      lines: [],
      findings: [
        {
          id: 'reopening.refused',
          severity: 'error',
          line: null,
          codes: [],
          message: 'Line 2 was not on claim 8726062697060',
          reference: '42 CFR 405.980',
        },
      ],
    };
    const s = run(
      [
        ...coded,
        { type: 'claim.create' },
        { type: 'claim.submit' },
        { type: 'payer.adjudicated', remittance: denied },
        { type: 'remittance.post' },
        { type: 'claim.correct' },
        { type: 'claim.resubmit' },
        { type: 'payer.adjudicated', remittance: refusal },
      ],
      start,
    );
    expect(s.value).toBe('denied');
    expect(s.context.remittance).toEqual(denied);
    expect(s.context.submissions.map((x) => x.remittance?.status)).toEqual(['denied', 'refused']);
    // The trainee may correct again (a new request) or accept the denial.
    const again = run([{ type: 'claim.correct' }], s);
    expect(again.value).toBe('corrected');
    expect(again.context.next.claimId).toBe('DM2-HTN-003');
  });

  it('closes after the patient statement; closed is final', () => {
    const s = run([
      ...coded,
      { type: 'claim.create' },
      { type: 'claim.submit' },
      { type: 'payer.adjudicated', remittance: remit('DM2-HTN-001', 'paid') },
      { type: 'remittance.post' },
      { type: 'statement.issue' },
      { type: 'case.close' },
    ]);
    expect(s.value).toBe('closed');
    expect(s.status).toBe('done');
    // 2026-03-02 + 1 (coding) + 14 (payment floor) + 3 (statement)
    expect(s.context.today).toBe('2026-03-20');
  });
});

describe('lifecycle machine as an actor with an injected payer', () => {
  it('adjudicates through the provided actor and records the remittance on the submission', async () => {
    const seen: Claim[] = [];
    const machine = lifecycleMachine.provide({
      actors: {
        adjudicate: fromPromise<Remittance, AdjudicateInput>(async ({ input: i }) => {
          seen.push(i.claim);
          return remit(i.claim.claimId, 'paid');
        }),
      },
    });
    const actor = createActor(machine, { input }).start();
    for (const e of coded) actor.send(e);
    actor.send({ type: 'claim.create' });
    actor.send({ type: 'claim.submit' });
    await waitFor(actor, (x) => !x.hasTag('busy'));
    const s = actor.getSnapshot();
    expect(s.value).toBe('adjudicated');
    expect(seen[0]?.claimId).toBe('DM2-HTN-001');
    expect(s.context.submissions[0]?.remittance?.status).toBe('paid');
    actor.stop();
  });

  it('hands the payer the remittance a correction revises, and how it is sent', async () => {
    const inputs: AdjudicateInput[] = [];
    const machine = lifecycleMachine.provide({
      actors: {
        adjudicate: fromPromise<Remittance, AdjudicateInput>(async ({ input: i }) => {
          inputs.push(i);
          return remit(i.claim.claimId, inputs.length === 1 ? 'denied' : 'paid');
        }),
      },
    });
    const actor = createActor(machine, { input: { ...input, acceptsReplacement: false } }).start();
    for (const e of coded) actor.send(e);
    actor.send({ type: 'claim.create' });
    actor.send({ type: 'claim.submit' });
    await waitFor(actor, (x) => x.matches('adjudicated'));
    actor.send({ type: 'remittance.post' });
    actor.send({ type: 'claim.correct' });
    actor.send({ type: 'claim.resubmit' });
    await waitFor(actor, (x) => !x.hasTag('busy'));
    expect(inputs.map((i) => [i.channel, i.original?.status ?? null])).toEqual([
      ['claim', null],
      ['reopening', 'denied'],
    ]);
    expect(actor.getSnapshot().value).toBe('adjudicated');
    actor.stop();
  });

  it('returns to the claim with a message when the payer fails', async () => {
    const machine = lifecycleMachine.provide({
      actors: {
        adjudicate: fromPromise<Remittance, AdjudicateInput>(async () =>
          Promise.reject(new Error('payer offline')),
        ),
      },
    });
    const actor = createActor(machine, { input }).start();
    for (const e of [
      ...coded,
      { type: 'claim.create' } as const,
      { type: 'claim.submit' } as const,
    ])
      actor.send(e);
    await waitFor(actor, (x) => !x.hasTag('busy'));
    expect(actor.getSnapshot().value).toBe('claim');
    expect(actor.getSnapshot().context.error).toBe('payer offline');
    actor.stop();
  });
  it('moves the simulated clock only through the provided tick action', async () => {
    // A clock that never moves: every step (coding, the payer's answer) keeps the same date.
    const machine = lifecycleMachine.provide({
      actions: { tick: assign({}) },
      actors: {
        adjudicate: fromPromise<Remittance, AdjudicateInput>(async ({ input: i }) =>
          remit(i.claim.claimId, 'paid'),
        ),
      },
    });
    const actor = createActor(machine, { input }).start();
    for (const e of coded) actor.send(e);
    actor.send({ type: 'claim.create' });
    actor.send({ type: 'claim.submit' });
    const s = await waitFor(actor, (x) => x.matches('adjudicated'));
    expect(s.context.today).toBe('2026-03-02');
    expect(s.context.submissions[0]?.submittedOn).toBe('2026-03-02');
    actor.stop();
  });
});

describe('lifecycle machine tags (what the UI asks instead of state names)', () => {
  it('gives every state exactly one phase, and the outcome once posted', () => {
    const { context } = initialTransition(lifecycleMachine, input)[0];
    const phases = LIFECYCLE_STEPS.map((value) => {
      const s = lifecycleMachine.resolveState({ value, context });
      return [
        value,
        [...s.tags].filter((t) => t.startsWith('phase.') || t.startsWith('outcome.')).sort(),
      ];
    });
    expect(Object.fromEntries(phases)).toEqual({
      encounter: ['phase.encounter'],
      coding: ['phase.coding'],
      claim: ['phase.claim'],
      submitted: ['phase.claim'],
      adjudicated: ['phase.remittance'],
      paid: ['outcome.paid', 'phase.outcome'],
      denied: ['outcome.denied', 'phase.outcome'],
      rejected: ['outcome.rejected', 'phase.outcome'],
      corrected: ['phase.correction'],
      resubmitted: ['phase.correction'],
      reprocessing: ['phase.outcome'],
      secondary: ['phase.outcome'],
      patientStatement: ['phase.statement'],
      closed: ['phase.closed'],
    });
  });
});

const work = {
  at: '2026-02-01',
  choice: 'x',
  right: true,
  rationale: 'x',
  outcome: 'x',
  closes: false,
} as const;
const won = {
  level: 1,
  name: 'Redetermination',
  evidence: 'records',
  filedOn: '2026-02-01',
  deadline: '2026-06-06',
  result: 'won',
} as const;

describe('lifecycle machine graph', () => {
  it('reaches every state by some path of events', () => {
    const events: LifecycleEvent[] = [
      { type: 'coding.start' },
      { type: 'dx.add', code: 'I10' },
      { type: 'line.add', line: { code: '99214', charge: '145.00', dxPointers: [1] } },
      { type: 'claim.create' },
      { type: 'coding.edit' },
      { type: 'claim.submit' },
      { type: 'payer.adjudicated', remittance: remit('X', 'paid') },
      { type: 'payer.adjudicated', remittance: remit('X', 'denied') },
      { type: 'payer.adjudicated', remittance: remit('X', 'rejected') },
      { type: 'payer.adjudicated', remittance: remit('X', 'refused') },
      { type: 'remittance.post' },
      { type: 'claim.correct' },
      { type: 'claim.resubmit' },
      { type: 'statement.issue' },
      { type: 'case.close' },
      // A won appeal goes back to the payer; a secondary claim goes to the secondary payer.
      { type: 'denial.record', entry: { ...work, action: 'appeal', appeal: won } },
      { type: 'denial.record', entry: { ...work, action: 'bill-secondary' } },
    ];
    const paths = getShortestPaths(lifecycleMachine, {
      input,
      events,
      // State plus the remittance status: enough to tell the branches apart, small enough to finish.
      serializeState: (s) =>
        JSON.stringify([
          s.value,
          s.context.remittance?.status ?? null,
          s.context.draft.lines.length > 0,
        ]),
    });
    const reached = new Set(paths.map((p) => String(p.state.value)));
    expect([...reached].sort()).toEqual([...LIFECYCLE_STEPS].sort());
    const toStatement = paths.find((p) => p.state.value === 'resubmitted');
    expect(toStatement?.steps.map((st) => st.event.type)).toContain('claim.correct');
  });
});

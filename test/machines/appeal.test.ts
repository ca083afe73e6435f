/**
 * The appeal ladder: deadlines per Medicare Part B level from the starter profile's dated data
 * (42 CFR 405.942/962/1014/1102/1136; notice presumed received 5 days after its date), a deadline
 * on a weekend moving to Monday (Pub. 100-04 ch. 1 §70.7 as applied by ClaimLab), the amount in
 * controversy, merit, escalation and a missed deadline; xstate/graph proves every state reachable.
 */
import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition, type SnapshotFrom } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { appealDeadline, weekday } from '../../src/machines/appeal-deadline';
import { hasMerit, type AppealCause } from '../../src/machines/appeal-merit';
import {
  APPEAL_STATES,
  appealGuards,
  appealMachine,
  type AppealLadderEvent,
  type AppealLadderInput,
} from '../../src/machines/appeal.machine';
import { appealLevelsFor } from '../../src/machines/practice/payer-rules';
import { addDays } from '../../src/domain/time/dates';
import { medicarePayer, starterPayers } from '../../src/services/shipped';

const records: AppealCause = {
  kind: 'records-requested',
  supported: true,
  payerReason: 'CO-16 M127',
};

function input(over: Partial<AppealLadderInput> = {}): AppealLadderInput {
  const p = medicarePayer();
  return {
    noticeDate: '2026-03-02',
    ...appealLevelsFor(p, '2026-03-02'),
    reviewDays: [60, 60, 90, 90, 180],
    disputed: 50_000,
    cause: records,
    ...over,
  };
}

type Snap = SnapshotFrom<typeof appealMachine>;
function run(events: AppealLadderEvent[], inp = input()): Snap {
  let [s] = initialTransition(appealMachine, inp);
  for (const e of events) [s] = transition(appealMachine, s, e);
  return s;
}

describe('appeal deadlines (Medicare Part B, 2026 dated data)', () => {
  const p = medicarePayer();
  const levels = appealLevelsFor(p, '2026-03-02');
  const rule = (i: number) => ({
    presumedReceiptDays: levels.presumedReceiptDays,
    deadlineDays: levels.levels[i]!.deadlineDays,
    roll: levels.roll,
  });

  it('reads the five levels and the 2026 amounts in controversy from the profile', () => {
    expect(levels.levels.map((l) => l.deadlineDays)).toEqual([120, 180, 60, 60, 60]);
    expect(levels.levels.map((l) => l.amountInControversy)).toEqual([
      null,
      null,
      20000,
      null,
      196000,
    ]);
    expect(levels.presumedReceiptDays).toBe(5);
    expect(levels.roll).toBe('next-business-day');
  });

  it('redetermination: 120 days after presumed receipt; a Sunday moves to Monday', () => {
    // 2026-03-02 + 5 + 120 = 2026-07-05, a Sunday -> Monday 2026-07-06.
    expect(weekday('2026-07-05')).toBe(0);
    expect(appealDeadline('2026-03-02', rule(0))).toBe('2026-07-06');
    // 2026-03-04 + 125 = 2026-07-07 (Tuesday) stands.
    expect(appealDeadline('2026-03-04', rule(0))).toBe('2026-07-07');
    // Without the rule the Sunday stands.
    expect(appealDeadline('2026-03-02', { ...rule(0), roll: 'none' })).toBe('2026-07-05');
  });

  it('reconsideration (QIC): 180 days', () => {
    expect(appealDeadline('2026-03-02', rule(1))).toBe('2026-09-03');
  });

  it('ALJ, Appeals Council and federal court: 60 days; a Saturday moves two days', () => {
    expect(appealDeadline('2026-03-02', rule(2))).toBe('2026-05-06');
    expect(appealDeadline('2026-03-02', rule(3))).toBe('2026-05-06');
    // 2026-03-05 + 65 = 2026-05-09, a Saturday -> Monday 2026-05-11.
    expect(weekday('2026-05-09')).toBe(6);
    expect(appealDeadline('2026-03-05', rule(4))).toBe('2026-05-11');
  });

  it('commercial plans: internal levels then external review from the plan data', () => {
    const c = appealLevelsFor(starterPayers().get('commercial-ppo')!, '2026-03-02');
    expect(c.levels.length).toBeGreaterThanOrEqual(2);
    expect(c.roll).toBe('none');
  });
});

describe('appeal ladder machine', () => {
  it('wins at level 1 with the right evidence after the review time', () => {
    const s = run([
      { type: 'appeal.file', at: '2026-03-20', evidence: 'records' },
      { type: 'clock.tick', at: '2026-05-18' },
    ]);
    expect(s.value).toBe('review');
    const done = transition(appealMachine, s, { type: 'clock.tick', at: '2026-05-19' })[0];
    expect(done.value).toBe('won');
    expect(done.output?.result).toBe('won');
  });

  it('loses with the payer reason when the evidence does not answer the cause, then escalates', () => {
    const s = run([
      { type: 'appeal.file', at: '2026-03-20', evidence: 'none' },
      { type: 'clock.tick', at: '2026-05-19' },
    ]);
    expect(s.value).toBe('lost');
    expect(s.context.history[0]!.reason).toBe('CO-16 M127');
    // Level 2 deadline counts from the level-1 decision (2026-05-19 + 5 + 180).
    expect(s.context.deadline).toBe(
      appealDeadline('2026-05-19', {
        presumedReceiptDays: 5,
        deadlineDays: 180,
        roll: 'next-business-day',
      }),
    );
    const s2 = transition(appealMachine, s, {
      type: 'appeal.file',
      at: '2026-06-01',
      evidence: 'records',
    })[0];
    expect(s2.value).toBe('review');
    expect(s2.context.history.at(-1)!.level).toBe(2);
  });

  it('a missed deadline closes the path', () => {
    expect(run([{ type: 'clock.tick', at: '2026-07-07' }]).value).toBe('expired');
    expect(run([{ type: 'clock.tick', at: '2026-07-06' }]).value).toBe('open');
    expect(run([{ type: 'appeal.file', at: '2026-07-07', evidence: 'records' }]).value).toBe(
      'expired',
    );
  });

  it('the ALJ level needs the amount in controversy', () => {
    const small = input({ disputed: 15_000, cause: { ...records, supported: false } });
    const s = run(
      [
        { type: 'appeal.file', at: '2026-03-10', evidence: 'records' },
        { type: 'clock.tick', at: '2026-05-09' },
        { type: 'appeal.file', at: '2026-05-20', evidence: 'records' },
        { type: 'clock.tick', at: '2026-07-19' },
      ],
      small,
    );
    expect(s.value).toBe('lost');
    expect(s.context.index).toBe(1);
    // $150 < $200 (CY2026 ALJ minimum): the filing is refused, the biller accepts.
    const refused = transition(appealMachine, s, {
      type: 'appeal.file',
      at: '2026-07-25',
      evidence: 'records',
    })[0];
    expect(refused.value).toBe('lost');
    expect(appealGuards.meetsAic(s.context, 2)).toBe(false);
    expect(transition(appealMachine, s, { type: 'appeal.accept', at: '2026-07-25' })[0].value).toBe(
      'upheld',
    );
  });

  it('the trainee names the level: only the open one is taken, others are refused with the reason', () => {
    // QIC before any redetermination decision: refused, nothing filed, the ladder stays open.
    const early = run([{ type: 'appeal.file', at: '2026-03-10', evidence: 'records', level: 2 }]);
    expect(early.value).toBe('open');
    expect(early.context.history).toEqual([]);
    expect(early.context.refused?.level).toBe(2);
    expect(early.context.refused?.reason).toMatch(
      /level 2 \(Reconsideration \(QIC\)\) is not open.*level 1 \(Redetermination/,
    );
    // Naming the open level is the same as not naming one.
    const filed = transition(appealMachine, early, {
      type: 'appeal.file',
      at: '2026-03-11',
      evidence: 'none',
      level: 1,
    })[0];
    expect(filed.value).toBe('review');
    // While level 1 is in review, no level can be filed.
    const pending = transition(appealMachine, filed, {
      type: 'appeal.file',
      at: '2026-03-20',
      evidence: 'records',
      level: 2,
    })[0];
    expect(pending.value).toBe('review');
    expect(pending.context.refused?.reason).toMatch(/still in review/);
    // After the loss: level 3 skips the QIC (refused); level 1 again is already decided.
    const lost = transition(appealMachine, pending, { type: 'clock.tick', at: '2026-05-10' })[0];
    expect(lost.value).toBe('lost');
    const skip = transition(appealMachine, lost, {
      type: 'appeal.file',
      at: '2026-05-20',
      evidence: 'records',
      level: 3,
    })[0];
    expect(skip.value).toBe('lost');
    expect(skip.context.refused?.reason).toMatch(/level 3 \(ALJ hearing.*not open/);
    const again = transition(appealMachine, lost, {
      type: 'appeal.file',
      at: '2026-05-20',
      evidence: 'records',
      level: 1,
    })[0];
    expect(again.context.refused?.reason).toMatch(/already been decided/);
    const unknown = transition(appealMachine, lost, {
      type: 'appeal.file',
      at: '2026-05-20',
      evidence: 'records',
      level: 9,
    })[0];
    expect(unknown.context.refused?.reason).toMatch(/no appeal level 9/);
    // Level 2 is open: taken.
    const qic = transition(appealMachine, lost, {
      type: 'appeal.file',
      at: '2026-05-20',
      evidence: 'records',
      level: 2,
    })[0];
    expect(qic.value).toBe('review');
    expect(qic.context.history.at(-1)!.level).toBe(2);
  });

  it('the ALJ below the amount in controversy is refused with the payer reason (42 CFR 405.1006)', () => {
    const small = input({ disputed: 15_000, cause: { ...records, supported: false } });
    const s = run(
      [
        { type: 'appeal.file', at: '2026-03-10', evidence: 'records' },
        { type: 'clock.tick', at: '2026-05-09' },
        { type: 'appeal.file', at: '2026-05-20', evidence: 'records', level: 2 },
        { type: 'clock.tick', at: '2026-07-19' },
        { type: 'appeal.file', at: '2026-07-25', evidence: 'records', level: 3 },
      ],
      small,
    );
    expect(s.value).toBe('lost');
    expect(s.context.refused?.reason).toBe(
      'The amount in controversy ($150.00) is below the $200.00 that level 3 (ALJ hearing (OMHA)) requires: the request is dismissed (42 CFR 405.1006).',
    );
  });

  it('a late filing at the open level closes the path; a missed deadline too (not a refusal)', () => {
    const s = run([
      { type: 'appeal.file', at: '2026-03-10', evidence: 'none' },
      { type: 'clock.tick', at: '2026-05-09' },
    ]);
    expect(s.value).toBe('lost');
    const late = transition(appealMachine, s, {
      type: 'appeal.file',
      at: addDays(s.context.deadline, 1),
      evidence: 'records',
      level: 2,
    })[0];
    expect(late.value).toBe('expired');
    expect(late.output?.reason).toBe(`deadline ${s.context.deadline} missed`);
    expect(
      transition(appealMachine, s, { type: 'clock.tick', at: addDays(s.context.deadline, 1) })[0]
        .value,
    ).toBe('expired');
    expect(
      transition(appealMachine, s, { type: 'clock.tick', at: s.context.deadline })[0].value,
    ).toBe('lost');
  });

  it('an NCCI indicator-0 denial never wins, whatever the evidence', () => {
    const cause: AppealCause = { kind: 'ncci-0', supported: true, payerReason: 'CO-97' };
    for (const e of ['records', 'corrected-code', 'abn', 'proof-of-timely-filing', 'none'] as const)
      expect(hasMerit(cause, e)).toBe(false);
    expect(
      hasMerit({ kind: 'coding-error', supported: true, payerReason: '' }, 'corrected-code'),
    ).toBe(true);
    expect(
      hasMerit(
        { kind: 'timely-filing', supported: false, payerReason: '' },
        'proof-of-timely-filing',
      ),
    ).toBe(false);
  });

  it('runs as an actor and ends with its output', () => {
    const a = createActor(appealMachine, { input: input() }).start();
    a.send({ type: 'appeal.file', at: '2026-03-20', evidence: 'records' });
    a.send({ type: 'clock.tick', at: '2026-06-01' });
    expect(a.getSnapshot().status).toBe('done');
    expect(a.getSnapshot().output?.history[0]!.decidedOn).toBe('2026-05-19');
  });

  it('xstate/graph: every state and every final state is reachable', () => {
    const inputs = [input(), input({ cause: { ...records, supported: false } })];
    const reached = new Set<string>();
    for (const inp of inputs) {
      const paths = getShortestPaths(appealMachine, {
        input: inp,
        events: [
          { type: 'appeal.file', at: '2026-03-20', evidence: 'records' },
          { type: 'appeal.file', at: '2027-01-01', evidence: 'records' },
          { type: 'appeal.accept', at: '2026-03-20' },
          { type: 'clock.tick', at: '2026-12-01' },
          { type: 'clock.tick', at: '2028-01-01' },
        ],
      });
      for (const p of paths) reached.add(String(p.state.value));
    }
    // `deciding` is transient (always): it is passed through, never rested in.
    expect([...reached].sort()).toEqual(APPEAL_STATES.filter((s) => s !== 'deciding').sort());
  });
});

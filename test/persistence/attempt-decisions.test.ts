/**
 * The decisions taken after a remittance are kept with the case's saved context, so an archived
 * attempt scores the same when it is read back (issue 13: "scores are reproducible from the
 * stored attempt"); a record with a bad decision is named by its path.
 */
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { memoryStore } from '../../src/persistence/kv';
import { ProgressStore } from '../../src/persistence/progress-store';
import { attemptRecordType } from '../../src/persistence/progress.record';
import { readRecord } from '../../src/persistence/versioned';
import { lifecycleMachine, type LifecycleEvent } from '../../src/machines/lifecycle.machine';
import { input, remit } from '../machines/fixtures';

function deniedContext() {
  let s = initialTransition(lifecycleMachine, input)[0];
  const events: LifecycleEvent[] = [
    { type: 'coding.start' },
    { type: 'dx.add', code: 'E11.65' },
    { type: 'line.add', line: { code: '99214', charge: '145.00', dxPointers: [1] } },
    { type: 'claim.create' },
    { type: 'claim.submit' },
    { type: 'payer.adjudicated', remittance: remit('DM2-HTN-001', 'denied') },
    { type: 'remittance.post' },
  ];
  for (const e of events) s = transition(lifecycleMachine, s, e)[0];
  return s.context;
}

describe('an archived attempt keeps its decisions', () => {
  const decisions = {
    actions: ['appeal' as const, 'write-off' as const],
    appeal: { level: 1, filedOn: '2026-04-01', deadline: '2026-07-05' },
    balance: 'write-off' as const,
    writeOffReason: 'appeal-upheld',
  };
  const rec = (context: object) => ({
    packId: 'starter',
    packVersion: '1.0.0',
    caseId: 'dm2-htn',
    step: 'denied' as const,
    context: context as ReturnType<typeof deniedContext>,
  });

  it('round-trips them through the archive', async () => {
    const store = new ProgressStore(memoryStore(), () => '2026-04-02T10:00:00.000Z');
    const score = { percent: 50, points: 1, max: 2 };
    await store.archiveAttempt(rec({ ...deniedContext(), decisions }), score);
    const [a] = await store.allAttempts();
    expect((a?.context as { decisions?: unknown }).decisions).toEqual(decisions);
  });

  it('names a bad decision by its path', () => {
    const raw = {
      format: 2,
      kind: 'case-attempt',
      ...rec({ ...deniedContext(), decisions: { ...decisions, actions: ['shrug'] } }),
      closedAt: 'T',
      score: { percent: 0, points: 0, max: 1 },
      items: [],
      mode: 'practice',
      startedAt: null,
      chapters: [],
      topics: [],
    };
    const r = readRecord(attemptRecordType, JSON.parse(JSON.stringify(raw)));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.path).toBe('context.decisions.actions[0]');
  });
});

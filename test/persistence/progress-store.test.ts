import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { initialTransition, transition } from 'xstate';
import { memoryStore } from '../../src/persistence/kv';
import { ProgressStore, progressKey } from '../../src/persistence/progress-store';
import { PROGRESS_MIGRATIONS, progressRecordType } from '../../src/persistence/progress.record';
import { checkMigrations, readRecord, type RecordType } from '../../src/persistence/versioned';
import {
  lifecycleMachine,
  type LifecycleContext,
  type LifecycleEvent,
} from '../../src/machines/lifecycle.machine';
import { input, remit } from '../machines/fixtures';

function contextAfterDenial(): LifecycleContext {
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

const rec = (context: LifecycleContext) => ({
  packId: 'starter',
  packVersion: '1.0.0',
  caseId: 'dm2-htn',
  step: 'denied' as const,
  context,
});

describe('ProgressStore', () => {
  it('round-trips a case in the middle of a denial with its claim, remittance and draft', async () => {
    const kv = memoryStore();
    const store = new ProgressStore(kv, () => '2026-03-02T10:00:00.000Z');
    const context = contextAfterDenial();
    await store.save(rec(context));
    const r = await store.load('starter', 'dm2-htn');
    expect(r.kind).toBe('found');
    if (r.kind !== 'found') return;
    expect(r.record.step).toBe('denied');
    expect(r.record.context).toEqual(context);
    expect(r.record.context.submissions[0]?.claim.lines[0]?.charge).toBe(14500);
  });

  it('reports a missing record as missing', async () => {
    expect((await new ProgressStore(memoryStore()).load('starter', 'nope')).kind).toBe('missing');
  });

  it('keeps a corrupt record aside with the reason and names the bad field', async () => {
    const context = contextAfterDenial();
    const bad = {
      format: 1,
      kind: 'case-progress',
      packId: 'starter',
      packVersion: '1.0.0',
      caseId: 'dm2-htn',
      step: 'denied',
      savedAt: 'x',
      context: {
        ...context,
        draft: { diagnoses: ['E11.65'], lines: [{ code: '99214', units: 1 }] },
      },
    };
    const kv = memoryStore({ [progressKey('starter', 'dm2-htn')]: bad });
    const store = new ProgressStore(kv, () => 'T1');
    const r = await store.load('starter', 'dm2-htn', 'Diabetes follow-up');
    expect(r.kind).toBe('corrupt');
    if (r.kind !== 'corrupt') return;
    expect(r.message).toContain('Diabetes follow-up');
    expect(r.message).toContain('context.draft.lines[0].modifiers');
    expect(r.keptAs).toBe('claimlab/corrupt/starter/dm2-htn/T1');
    expect(kv.dump()[r.keptAs]).toMatchObject({ raw: bad });
    expect(await kv.getItem(progressKey('starter', 'dm2-htn'))).toBeNull();
    expect(await store.corrupt()).toEqual([r.keptAs]);
  });

  it('treats text that is not a record, and records from a newer version, as corrupt', async () => {
    const kv = memoryStore({
      [progressKey('p', 'a')]: 'garbage',
      [progressKey('p', 'b')]: { format: 9 },
    });
    const store = new ProgressStore(kv);
    const a = await store.load('p', 'a');
    const b = await store.load('p', 'b');
    expect(a.kind === 'corrupt' && a.problems[0]?.path).toBe('$');
    expect(b.kind === 'corrupt' && b.problems[0]?.message).toContain('newer ClaimLab');
  });

  it('writes saves in order and keeps only the latest of a burst', async () => {
    const writes: unknown[] = [];
    const kv = memoryStore();
    const spy = {
      ...kv,
      setItem: async (k: string, v: unknown) => {
        writes.push(v);
        await kv.setItem(k, v);
      },
    };
    const store = new ProgressStore(spy);
    const context = contextAfterDenial();
    const a = store.save({ ...rec(context), step: 'denied' });
    void store.save({ ...rec(context), step: 'corrected' });
    await store.save({ ...rec(context), step: 'resubmitted' });
    await a;
    expect(writes.length).toBeLessThanOrEqual(2);
    const r = await store.load('starter', 'dm2-htn');
    expect(r.kind === 'found' && r.record.step).toBe('resubmitted');
  });
});

describe('versioned records', () => {
  it('the progress record type has a gap-free migration list', () => {
    expect(() => checkMigrations(progressRecordType)).not.toThrow();
    expect(progressRecordType.format).toBe(PROGRESS_MIGRATIONS.length + 1);
  });

  const demo: RecordType<{ format: 3; name: string; tags: string[] }> = {
    kind: 'demo',
    format: 3,
    migrations: [
      { from: 1, up: (r) => ({ ...r, name: String(r.title) }) },
      { from: 2, up: (r) => ({ ...r, tags: [] }) },
    ],
    schema: z.object({ format: z.literal(3), name: z.string(), tags: z.array(z.string()) }),
  };

  it('runs the numbered migrations in order from the stored format', () => {
    expect(readRecord(demo, { format: 1, title: 'a' })).toEqual({
      ok: true,
      value: { format: 3, name: 'a', tags: [] },
    });
    expect(readRecord(demo, { format: 2, name: 'b' })).toEqual({
      ok: true,
      value: { format: 3, name: 'b', tags: [] },
    });
  });

  it('refuses a migration list with a gap', () => {
    expect(() =>
      checkMigrations({ ...demo, migrations: [demo.migrations[1]!], format: 2 }),
    ).toThrow(/reads format 2, expected 1/);
  });
});

/**
 * The store under faults: a failed write (quota exceeded) does not stop later saves, and two
 * tabs on one case never overwrite each other unseen (revision check under a lock, news of a
 * write to the other tab). Two ProgressStores on one memory store and one local bus stand for
 * two tabs of one browser profile.
 */
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { memoryStore, type KeyValueStore } from '../../src/persistence/kv';
import { localBus } from '../../src/persistence/coordination';
import {
  ProgressStore,
  progressKey,
  type ProgressInput,
  type SaveEvent,
} from '../../src/persistence/progress-store';
import { progressRecordType } from '../../src/persistence/progress.record';
import { readRecord } from '../../src/persistence/versioned';
import {
  lifecycleMachine,
  type LifecycleContext,
  type LifecycleEvent,
} from '../../src/machines/lifecycle.machine';
import { input } from '../machines/fixtures';

function contextWith(events: LifecycleEvent[]): LifecycleContext {
  let s = initialTransition(lifecycleMachine, input)[0];
  for (const e of [{ type: 'coding.start' } as LifecycleEvent, ...events])
    s = transition(lifecycleMachine, s, e)[0];
  return s.context;
}

const rec = (context: LifecycleContext): ProgressInput => ({
  packId: 'starter',
  packVersion: '1.0.0',
  caseId: 'dm2-htn',
  step: 'coding',
  context,
});
const KEY = progressKey('starter', 'dm2-htn');

/** A store whose writes throw QuotaExceededError while `full` is true. */
function flakyStore(): KeyValueStore & { full: boolean; raw(): unknown } {
  const kv = memoryStore();
  const s = {
    full: false,
    getItem: kv.getItem,
    removeItem: kv.removeItem,
    keys: kv.keys,
    setItem: async (k: string, v: unknown) => {
      if (s.full)
        throw Object.assign(new Error('The quota has been exceeded.'), {
          name: 'QuotaExceededError',
        });
      await kv.setItem(k, v);
    },
    raw: () => kv.dump()[KEY],
  };
  return s;
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('a failed write', () => {
  it('does not stop later saves, and the failed record is written again once space is free', async () => {
    const kv = flakyStore();
    const timers: (() => void)[] = [];
    const store = new ProgressStore(kv, { setTimer: (fn) => timers.push(fn) });
    const events: SaveEvent[] = [];
    store.subscribe((e) => events.push(e));
    await store.load('starter', 'dm2-htn');

    kv.full = true;
    const a = contextWith([{ type: 'dx.add', code: 'E11.65' }]);
    await expect(store.save(rec(a))).rejects.toThrow(/quota/);
    expect(events.at(-1)).toMatchObject({ kind: 'failed', key: KEY });
    expect(events.at(-1)).toMatchObject({ message: expect.stringContaining('QuotaExceededError') });
    expect(store.hasUnsaved('starter', 'dm2-htn')).toBe(true);

    // Space is back: the retry writes the record that failed.
    kv.full = false;
    expect(timers).toHaveLength(1);
    timers[0]!();
    await store.flush();
    await flush();
    const r = readRecord(progressRecordType, kv.raw());
    expect(r.ok && r.value.context.draft.diagnoses).toEqual(['E11.65']);

    // And later saves go on working (before the fix the queue stayed rejected for good).
    const b = contextWith([
      { type: 'dx.add', code: 'E11.65' },
      { type: 'dx.add', code: 'I10' },
    ]);
    await store.save(rec(b));
    const r2 = readRecord(progressRecordType, kv.raw());
    expect(r2.ok && r2.value.context.draft.diagnoses).toEqual(['E11.65', 'I10']);
    expect(r2.ok && r2.value.revision).toBe(2);
    expect(events.filter((e) => e.kind === 'saved')).toHaveLength(2);
  });

  it('a new save after a failure is tried at once, without waiting for the retry timer', async () => {
    const kv = flakyStore();
    const store = new ProgressStore(kv, { setTimer: () => undefined });
    await store.load('starter', 'dm2-htn');
    kv.full = true;
    await store.save(rec(contextWith([{ type: 'dx.add', code: 'E11.65' }]))).catch(() => undefined);
    kv.full = false;
    await store.save(rec(contextWith([{ type: 'dx.add', code: 'J06.9' }])));
    const r = readRecord(progressRecordType, kv.raw());
    expect(r.ok && r.value.context.draft.diagnoses).toEqual(['J06.9']);
    expect(store.hasUnsaved('starter', 'dm2-htn')).toBe(false);
  });
});

describe('two tabs on one case', () => {
  function twoTabs() {
    const kv = memoryStore();
    const bus = localBus();
    const a = new ProgressStore(kv, { tabs: bus.tab() });
    const b = new ProgressStore(kv, { tabs: bus.tab() });
    const ea: SaveEvent[] = [];
    const eb: SaveEvent[] = [];
    a.subscribe((e) => ea.push(e));
    b.subscribe((e) => eb.push(e));
    return { kv, a, b, ea, eb };
  }

  it('a tab with nothing unsaved hears of the other tab’s save (and reloads it)', async () => {
    const { a, b, eb } = twoTabs();
    await a.load('starter', 'dm2-htn');
    await b.load('starter', 'dm2-htn');
    await a.save(rec(contextWith([{ type: 'dx.add', code: 'E11.65' }])));
    await flush();
    expect(eb).toContainEqual({ kind: 'changed-elsewhere', key: KEY, revision: 1, unsaved: false });
    const r = await b.load('starter', 'dm2-htn');
    expect(r.kind === 'found' && r.record.context.draft.diagnoses).toEqual(['E11.65']);
  });

  it('never writes over a revision it did not read: the second tab gets a conflict, not a silent overwrite', async () => {
    const { kv, a, b, eb } = twoTabs();
    await a.load('starter', 'dm2-htn');
    await b.load('starter', 'dm2-htn');
    await a.save(rec(contextWith([{ type: 'dx.add', code: 'E11.65' }])));
    // B edits before it reloads: its line must not erase A's diagnosis unseen.
    const bWork = contextWith([
      { type: 'line.add', line: { code: '99214', charge: '145.00', dxPointers: [1] } },
    ]);
    await expect(b.save(rec(bWork))).rejects.toThrow(/another tab/);
    expect(eb.find((e) => e.kind === 'conflict')).toEqual({
      kind: 'conflict',
      key: KEY,
      theirs: 1,
      mine: 0,
    });
    const stored = readRecord(progressRecordType, kv.dump()[KEY]);
    expect(stored.ok && stored.value.context.draft.diagnoses).toEqual(['E11.65']);
    expect(b.hasUnsaved('starter', 'dm2-htn')).toBe(true);

    // B keeps its version on purpose: now it is written, over revision 1.
    await b.resolveConflict('starter', 'dm2-htn', 'keep-mine');
    const after = readRecord(progressRecordType, kv.dump()[KEY]);
    expect(after.ok && after.value.revision).toBe(2);
    expect(after.ok && after.value.context.draft.lines.map((l) => l.code)).toEqual(['99214']);
  });

  it('taking the other tab’s version drops this tab’s pending change and loads theirs', async () => {
    const { a, b } = twoTabs();
    await a.load('starter', 'dm2-htn');
    await b.load('starter', 'dm2-htn');
    await a.save(rec(contextWith([{ type: 'dx.add', code: 'E11.65' }])));
    await b.save(rec(contextWith([{ type: 'dx.add', code: 'I10' }]))).catch(() => undefined);
    await b.resolveConflict('starter', 'dm2-htn', 'take-theirs');
    expect(b.hasUnsaved('starter', 'dm2-htn')).toBe(false);
    const r = await b.load('starter', 'dm2-htn');
    expect(r.kind === 'found' && r.record.context.draft.diagnoses).toEqual(['E11.65']);
    // After reloading, B saves on top of A's revision without a conflict.
    await b.save(
      rec(
        contextWith([
          { type: 'dx.add', code: 'E11.65' },
          { type: 'dx.add', code: 'I10' },
        ]),
      ),
    );
    const r2 = await a.load('starter', 'dm2-htn');
    expect(r2.kind === 'found' && r2.record.revision).toBe(2);
  });

  it('saves from the two tabs that each read the newest revision never conflict', async () => {
    const { a, b } = twoTabs();
    await a.load('starter', 'dm2-htn');
    await a.save(rec(contextWith([{ type: 'dx.add', code: 'E11.65' }])));
    await b.load('starter', 'dm2-htn');
    await b.save(
      rec(
        contextWith([
          { type: 'dx.add', code: 'E11.65' },
          { type: 'dx.add', code: 'I10' },
        ]),
      ),
    );
    const r = await a.load('starter', 'dm2-htn');
    expect(r.kind === 'found' && r.record).toMatchObject({ revision: 2 });
  });
});

describe('starting a case over', () => {
  it('keeps the closed attempt with its score in the case history and removes the progress', async () => {
    const kv = memoryStore();
    let t = 0;
    const store = new ProgressStore(kv, { now: () => `2026-03-0${++t}T10:00:00.000Z` });
    await store.load('starter', 'dm2-htn');
    const ctx = contextWith([{ type: 'dx.add', code: 'E11.65' }]);
    await store.save(rec(ctx));
    await store.archiveAttempt(rec(ctx), { percent: 40, points: 2, max: 5 });
    await store.archiveAttempt(rec(ctx), { percent: 80, points: 4, max: 5 });
    const attempts = await store.attempts('starter', 'dm2-htn');
    expect(attempts.map((a) => a.score.percent)).toEqual([40, 80]);
    expect(attempts[0]!.context.draft.diagnoses).toEqual(['E11.65']);
    expect((await store.load('starter', 'dm2-htn')).kind).toBe('missing');
  });
});

describe('progress records of format 1', () => {
  it('read through the 1 → 2 migration with revision 0', () => {
    const ctx = contextWith([]);
    const r = readRecord(progressRecordType, {
      ...JSON.parse(JSON.stringify(rec(ctx))),
      format: 1,
      kind: 'case-progress',
      savedAt: '2026-01-01T00:00:00Z',
    });
    expect(r.ok && r.value).toMatchObject({ format: 2, revision: 0 });
  });
});

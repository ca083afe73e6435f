/**
 * The practice record store (src/persistence/practice-store.ts): the same guarantees as case
 * progress — revisions, a conflict instead of a silent overwrite between two tabs, a failed write
 * retried, an unreadable record kept aside.
 */
import { describe, expect, it } from 'vitest';
import { localBus } from '../../src/persistence/coordination';
import { memoryStore, type KeyValueStore } from '../../src/persistence/kv';
import {
  PracticeStore,
  type PracticeInput,
  type PracticeSaveEvent,
} from '../../src/persistence/practice-store';
import { PRACTICE_KEY } from '../../src/persistence/practice.record';

const input = (today: string): PracticeInput => ({
  options: { seed: 1, weeks: 2, guided: true },
  endsOn: '2025-10-14',
  upcoming: [],
  codings: {},
  ledger: [],
  practice: {
    formatVersion: 1,
    seed: 1,
    today,
    cases: [],
    agenda: [],
    decisions: [],
  },
});

describe('PracticeStore', () => {
  it('writes revisions 1, 2, … and reads the newest back', async () => {
    const kv = memoryStore();
    const s = new PracticeStore(kv);
    expect(await s.load()).toEqual({ kind: 'missing' });
    await s.save(input('2025-10-01'));
    await s.save(input('2025-10-02'));
    const r = await new PracticeStore(kv).load();
    expect(r.kind).toBe('found');
    if (r.kind === 'found') {
      expect(r.record.revision).toBe(2);
      expect(r.record.practice.today).toBe('2025-10-02');
    }
  });

  it('two tabs: the second writer meets a conflict instead of overwriting', async () => {
    const kv = memoryStore();
    const bus = localBus();
    const a = new PracticeStore(kv, { tabs: bus.tab() });
    const b = new PracticeStore(kv, { tabs: bus.tab() });
    await a.load();
    await b.load();
    const events: PracticeSaveEvent[] = [];
    b.subscribe((e) => events.push(e));
    await a.save(input('2025-10-05'));
    await expect(b.save(input('2025-10-03'))).rejects.toThrow(/another tab/);
    expect(events.some((e) => e.kind === 'conflict')).toBe(true);
    expect((kv.dump()[PRACTICE_KEY] as { practice: { today: string } }).practice.today).toBe(
      '2025-10-05',
    );
    await b.resolveConflict('keep-mine');
    expect((kv.dump()[PRACTICE_KEY] as { practice: { today: string } }).practice.today).toBe(
      '2025-10-03',
    );
  });

  it('a failed write is reported and written again later', async () => {
    const base = memoryStore();
    let fail = true;
    const kv: KeyValueStore = {
      ...base,
      setItem: async (k, v) => {
        if (fail) throw new Error('QuotaExceededError');
        await base.setItem(k, v);
      },
    };
    const timers: (() => void)[] = [];
    const s = new PracticeStore(kv, { setTimer: (fn) => timers.push(fn) });
    const events: PracticeSaveEvent[] = [];
    s.subscribe((e) => events.push(e));
    await expect(s.save(input('2025-10-01'))).rejects.toThrow(/Quota/);
    expect(events[0]).toMatchObject({ kind: 'failed', retryInMs: 1000 });
    expect(s.hasUnsaved).toBe(true);
    fail = false;
    timers.shift()!();
    await s.flush();
    expect(events.at(-1)).toEqual({ kind: 'saved', revision: 1 });
    expect(s.hasUnsaved).toBe(false);
  });
});

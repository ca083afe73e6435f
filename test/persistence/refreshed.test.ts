/**
 * The refresher remembers, per pack id, the version the trainee last refreshed on (issue 12:
 * "what changed since I last studied"), in the progress store beside case progress.
 */
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../src/persistence/kv';
import { ProgressStore } from '../../src/persistence/progress-store';
import { refreshedKey } from '../../src/persistence/refreshed.record';

import { localBus } from '../../src/persistence/coordination';

const tabs = localBus().tab();

describe('last refreshed version per pack', () => {
  it('is null until a refresher is finished, then the version and score, per pack id', async () => {
    const kv = memoryStore();
    const store = new ProgressStore(kv, { now: () => '2026-12-07T08:00:00.000Z', tabs });
    expect(await store.lastRefreshed('payer-rules')).toBeNull();
    await store.markRefreshed('payer-rules', '2.0.0', { correct: 4, total: 5 });
    expect(await store.lastRefreshed('payer-rules')).toEqual({
      format: 1,
      kind: 'pack-refreshed',
      packId: 'payer-rules',
      version: '2.0.0',
      refreshedAt: '2026-12-07T08:00:00.000Z',
      score: { correct: 4, total: 5 },
    });
    expect(await store.lastRefreshed('starter')).toBeNull();
    // Case progress is not confused with it.
    expect(await store.list()).toEqual([]);
  });

  it('an unreadable or foreign record reads as never refreshed (no crash)', async () => {
    const kv = memoryStore({
      [refreshedKey('a')]: {
        format: 1,
        kind: 'pack-refreshed',
        packId: 'b',
        version: '1.0.0',
        refreshedAt: 'x',
        score: null,
      },
      [refreshedKey('c')]: { nonsense: true },
    });
    const store = new ProgressStore(kv, { tabs });
    expect(await store.lastRefreshed('a')).toBeNull();
    expect(await store.lastRefreshed('c')).toBeNull();
  });
});

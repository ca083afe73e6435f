/**
 * Settings → Code sets keeps imported bundles in IndexedDB: one import is one transaction, so a
 * write that fails half-way (quota exceeded) leaves the previous bundles and manifest as they
 * were. IndexedDB is faked here with its transaction rule (all requests applied at commit, none
 * after an abort). See: W3C Indexed Database API 3.0, §2.7 Transactions.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const data = new Map<string, unknown>();
/** A put larger than this aborts its transaction, like QuotaExceededError. */
let quota = Infinity;

vi.mock('localforage', () => {
  const instance = {
    ready: async () => {},
    driver: () => 'asyncStorage',
    getItem: async (k: string) => data.get(k) ?? null,
    setItem: async (k: string, v: unknown) => void data.set(k, v),
    removeItem: async (k: string) => void data.delete(k),
  };
  return { default: { INDEXEDDB: 'asyncStorage', createInstance: () => instance } };
});

function fakeIndexedDb() {
  return {
    open: () => {
      const req: { result?: unknown; onsuccess?: () => void } = {};
      const db = {
        onversionchange: null,
        close: () => {},
        transaction: () => {
          const ops: (() => void)[] = [];
          let failed: Error | null = null;
          const tx: {
            error: Error | null;
            oncomplete?: () => void;
            onabort?: () => void;
            objectStore: () => unknown;
          } = {
            error: null,
            objectStore: () => ({
              put: (v: unknown, k: string) => {
                if (typeof v === 'string' && v.length > quota)
                  failed = new Error('QuotaExceededError: the quota has been exceeded');
                ops.push(() => data.set(k, v));
              },
              delete: (k: string) => ops.push(() => data.delete(k)),
            }),
          };
          setTimeout(() => {
            if (failed) {
              tx.error = failed;
              tx.onabort?.();
            } else {
              for (const op of ops) op();
              tx.oncomplete?.();
            }
          });
          return tx;
        },
      };
      setTimeout(() => {
        req.result = db;
        req.onsuccess?.();
      });
      return req;
    },
  };
}

const entry = (id: string, codes: number) => ({
  kind: 'pos' as const,
  id,
  file: 'pos.json.gz',
  bytes: 0,
  sources: ['pos.csv'],
  counts: { codes },
});

describe('imported code sets in IndexedDB', () => {
  beforeEach(() => {
    data.clear();
    quota = Infinity;
    vi.stubGlobal('indexedDB', fakeIndexedDb());
  });

  it('stores bundles and the manifest together, and replaces a release with the same id', async () => {
    const { storeImported, readImported, readImportedBundle } =
      await import('../../src/codesets/browser/store');
    await storeImported([{ entry: entry('pos', 2), text: 'first' }]);
    const m1 = await readImported();
    expect(m1.bundles.map((b) => b.counts)).toEqual([{ codes: 2 }]);
    expect(await readImportedBundle(m1.bundles[0]!.file)).toBe('first');
    await new Promise((r) => setTimeout(r, 2));
    await storeImported([{ entry: entry('pos', 3), text: 'second' }]);
    const m2 = await readImported();
    expect(m2.bundles.map((b) => b.counts)).toEqual([{ codes: 3 }]);
    expect([...data.keys()].filter((k) => k.startsWith('bundle:'))).toEqual([
      `bundle:${m2.bundles[0]!.file}`,
    ]);
  });

  it('a write that fails half-way changes nothing', async () => {
    const { storeImported } = await import('../../src/codesets/browser/store');
    await storeImported([{ entry: entry('pos', 2), text: 'first' }]);
    const before = new Map(data);
    quota = 10;
    await expect(
      storeImported([
        { entry: { ...entry('pos', 3), kind: 'pos' }, text: 'ok' },
        { entry: { ...entry('other', 3), file: 'mce.json.gz' }, text: 'x'.repeat(100) },
      ]),
    ).rejects.toThrow(/nothing changed: QuotaExceededError/);
    expect(data).toEqual(before);
  });
});

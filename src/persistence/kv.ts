/**
 * The key-value store the persistence layer writes to: localforage (IndexedDB) in the browser,
 * a Map in tests. Kept to four calls so a test double is trivial.
 */
import localforage from 'localforage';

export interface KeyValueStore {
  getItem(key: string): Promise<unknown>;
  setItem(key: string, value: unknown): Promise<void>;
  removeItem(key: string): Promise<void>;
  keys(): Promise<string[]>;
}

export function memoryStore(
  initial: Record<string, unknown> = {},
): KeyValueStore & { dump(): Record<string, unknown> } {
  const m = new Map<string, unknown>(Object.entries(initial));
  return {
    getItem: async (k) => (m.has(k) ? structuredClone(m.get(k)) : null),
    setItem: async (k, v) => void m.set(k, structuredClone(v)),
    removeItem: async (k) => void m.delete(k),
    keys: async () => [...m.keys()],
    dump: () => Object.fromEntries(m),
  };
}

export function localforageStore(name = 'claimlab'): KeyValueStore {
  const lf = localforage.createInstance({ name, storeName: 'records' });
  return {
    getItem: (k) => lf.getItem<unknown>(k),
    setItem: async (k, v) => void (await lf.setItem(k, v)),
    removeItem: (k) => lf.removeItem(k),
    keys: () => lf.keys(),
  };
}

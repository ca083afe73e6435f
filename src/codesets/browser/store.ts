/**
 * Code sets imported in the browser, kept in IndexedDB (localforage): one record per bundle
 * (the uncompressed bundle text) and a manifest record, all written in one transaction, so an
 * import that fails half-way leaves the previous manifest and bundles, byte for byte, in use.
 */
import localforage from 'localforage';
import {
  parseManifest,
  type Manifest,
  type ManifestEntry,
  MANIFEST_FORMAT,
  MANIFEST_VERSION,
} from '../manifest';

import { readLegacyCodesets } from './legacy-db';

/** Code sets have a database of their own (see legacy-db.ts for why). */
const DB_NAME = 'claimlab-codesets';
const STORE_NAME = 'codesets';
const instance = localforage.createInstance({ name: DB_NAME, storeName: STORE_NAME });
let migrated: Promise<void> | null = null;

/** The store, after copying code sets an older ClaimLab kept in the shared database (once). */
async function db(): Promise<LocalForage> {
  migrated ??= (async () => {
    if ((await instance.length()) > 0) return;
    for (const [k, v] of await readLegacyCodesets()) await instance.setItem(k, v);
  })().catch(() => undefined);
  await migrated;
  return instance;
}

export async function readImported(): Promise<Manifest> {
  const raw: unknown = await (await db()).getItem('manifest');
  if (raw == null) return { format: MANIFEST_FORMAT, version: MANIFEST_VERSION, bundles: [] };
  const m = parseManifest(raw, 'IndexedDB codesets/manifest');
  if (!m.ok) throw new Error(m.message);
  return m.value;
}

export async function readImportedBundle(file: string): Promise<string> {
  const text = await (await db()).getItem<string>(`bundle:${file}`);
  if (typeof text !== 'string')
    throw new Error(`imported bundle ${file} is missing from IndexedDB: import the files again`);
  return text;
}

/** What one import writes and deletes, in one transaction (pure, so it can be tested). */
export function planImport(
  current: Manifest,
  items: { entry: ManifestEntry; text: string }[],
  stamp: string,
): { puts: [string, unknown][]; deletes: string[]; manifest: Manifest } {
  const puts: [string, unknown][] = [];
  const added: ManifestEntry[] = [];
  for (const { entry, text } of items) {
    const file = `${stamp}-${entry.file.replace(/\.gz$/, '')}`;
    puts.push([`bundle:${file}`, text]);
    added.push({ ...entry, file, bytes: text.length });
  }
  const same = (a: ManifestEntry, b: ManifestEntry) => a.kind === b.kind && a.id === b.id;
  const replaced = current.bundles.filter((b) => added.some((a) => same(a, b)));
  const manifest: Manifest = {
    ...current,
    bundles: [...current.bundles.filter((b) => !added.some((a) => same(a, b))), ...added],
  };
  puts.push(['manifest', manifest]);
  return { puts, deletes: replaced.map((r) => `bundle:${r.file}`), manifest };
}

/**
 * Stores new bundles and the manifest that names them (replacing entries with the same kind and
 * id) in one IndexedDB transaction: a failure half-way (quota exceeded, a closed tab) aborts it,
 * and the previous code sets stay exactly as they were.
 */
export async function storeImported(
  items: { entry: ManifestEntry; text: string }[],
): Promise<Manifest> {
  const plan = planImport(await readImported(), items, Date.now().toString(36));
  await writeAtomically(plan.puts, plan.deletes);
  return plan.manifest;
}

export async function removeImported(kind: ManifestEntry['kind'], id: string): Promise<Manifest> {
  const current = await readImported();
  const gone = current.bundles.filter((b) => b.kind === kind && b.id === id);
  const manifest: Manifest = {
    ...current,
    bundles: current.bundles.filter((b) => !gone.includes(b)),
  };
  await writeAtomically(
    [['manifest', manifest]],
    gone.map((g) => `bundle:${g.file}`),
  );
  return manifest;
}

/**
 * Puts and deletes in one readwrite transaction on the store localforage created (same
 * database, same out-of-line keys, values stored as they are). Without IndexedDB (localforage
 * on another driver) the writes go in order, the manifest last, as before.
 * See: W3C Indexed Database API 3.0, §2.7 Transactions ("all or nothing").
 */
async function writeAtomically(puts: [string, unknown][], deletes: string[]): Promise<void> {
  const store = await db();
  await store.ready();
  if (store.driver() !== localforage.INDEXEDDB || typeof indexedDB === 'undefined') {
    for (const [k, v] of puts) await store.setItem(k, v);
    for (const k of deletes) await store.removeItem(k);
    return;
  }
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(DB_NAME);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error(`cannot open IndexedDB ${DB_NAME}`));
  });
  idb.onversionchange = () => idb.close();
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = idb.transaction(STORE_NAME, 'readwrite');
      const os = tx.objectStore(STORE_NAME);
      for (const [k, v] of puts) os.put(v, k);
      for (const k of deletes) os.delete(k);
      tx.oncomplete = () => resolve();
      tx.onabort = () =>
        reject(
          new Error(
            `code sets not saved, nothing changed: ${tx.error?.message ?? 'the write was aborted'}`,
          ),
        );
    });
  } finally {
    idb.close();
  }
}

/**
 * Imported code sets used to share the IndexedDB database "claimlab" with the progress records
 * (one object store each). The page and the code-set worker each opened it through their own
 * localforage, and each added its store by bumping the database version, so a fresh profile
 * logged "The database "claimlab" can't be downgraded from version 3 to version 2" and risked a
 * failed open. Code sets now live in their own database; this copies what an older ClaimLab
 * stored in the shared one, once, without changing that database's version.
 */
export const LEGACY_DB = 'claimlab';
export const LEGACY_STORE = 'codesets';

/** Every key and value of the legacy code-set store, or [] when there is none. */
export function readLegacyCodesets(): Promise<[string, unknown][]> {
  const idb = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!idb) return Promise.resolve([]);
  return new Promise((resolve) => {
    // No version: opens the database as it is (or creates an empty one, removed below).
    const req = idb.open(LEGACY_DB);
    req.onerror = () => resolve([]);
    req.onsuccess = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(LEGACY_STORE)) {
        db.close();
        return resolve([]);
      }
      const out: [string, unknown][] = [];
      const tx = db.transaction(LEGACY_STORE, 'readonly');
      const cursor = tx.objectStore(LEGACY_STORE).openCursor();
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (c) {
          out.push([String(c.key), c.value]);
          c.continue();
        }
      };
      tx.oncomplete = () => {
        db.close();
        resolve(out);
      };
      tx.onerror = () => {
        db.close();
        resolve([]);
      };
    };
  });
}

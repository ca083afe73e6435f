/**
 * Code sets imported in the browser, kept in IndexedDB (localforage): one record per bundle
 * (the uncompressed bundle text) and a manifest record written last, so an import that fails
 * half-way leaves the previous manifest, and so the previous code sets, in use.
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
const instance = localforage.createInstance({ name: 'claimlab-codesets', storeName: 'codesets' });
let migrated: Promise<void> | null = null;

/** The store, after copying code sets an older ClaimLab kept in the shared database (once). */
async function store(): Promise<LocalForage> {
  migrated ??= (async () => {
    if ((await instance.length()) > 0) return;
    for (const [k, v] of await readLegacyCodesets()) await instance.setItem(k, v);
  })().catch(() => undefined);
  await migrated;
  return instance;
}

export async function readImported(): Promise<Manifest> {
  const raw: unknown = await (await store()).getItem('manifest');
  if (raw == null) return { format: MANIFEST_FORMAT, version: MANIFEST_VERSION, bundles: [] };
  const m = parseManifest(raw, 'IndexedDB codesets/manifest');
  if (!m.ok) throw new Error(m.message);
  return m.value;
}

export async function readImportedBundle(file: string): Promise<string> {
  const text = await (await store()).getItem<string>(`bundle:${file}`);
  if (typeof text !== 'string')
    throw new Error(`imported bundle ${file} is missing from IndexedDB: import the files again`);
  return text;
}

/** Stores new bundles, then the manifest that names them (replacing entries with the same kind and id). */
export async function storeImported(
  items: { entry: ManifestEntry; text: string }[],
): Promise<Manifest> {
  const db = await store();
  const current = await readImported();
  const stamp = Date.now().toString(36);
  const added: ManifestEntry[] = [];
  for (const { entry, text } of items) {
    const file = `${stamp}-${entry.file.replace(/\.gz$/, '')}`;
    await db.setItem(`bundle:${file}`, text);
    added.push({ ...entry, file, bytes: text.length });
  }
  const same = (a: ManifestEntry, b: ManifestEntry) => a.kind === b.kind && a.id === b.id;
  const replaced = current.bundles.filter((b) => added.some((a) => same(a, b)));
  const manifest: Manifest = {
    ...current,
    bundles: [...current.bundles.filter((b) => !added.some((a) => same(a, b))), ...added],
  };
  await db.setItem('manifest', manifest);
  for (const r of replaced) await db.removeItem(`bundle:${r.file}`);
  return manifest;
}

export async function removeImported(kind: ManifestEntry['kind'], id: string): Promise<Manifest> {
  const db = await store();
  const current = await readImported();
  const gone = current.bundles.filter((b) => b.kind === kind && b.id === id);
  const manifest: Manifest = {
    ...current,
    bundles: current.bundles.filter((b) => !gone.includes(b)),
  };
  await db.setItem('manifest', manifest);
  for (const g of gone) await db.removeItem(`bundle:${g.file}`);
  return manifest;
}

/**
 * The packs an instructor authored or imported in this browser (issue 14), with the progress
 * store's guarantees: each record carries a `revision` and a save is a read-modify-write under an
 * exclusive lock (Web Locks) that writes only over the revision this tab read (else a
 * `conflict`, nothing written); other tabs are told (BroadcastChannel). A failed write leaves
 * the stored record as it was (one IndexedDB put per save) and the caller keeps its copy to try
 * again. A record that cannot be read is moved aside under `claimlab/corrupt/…`, never dropped.
 */
import type { Problem } from '../domain/result';
import type { KeyValueStore } from './kv';
import { localBus, type TabCoordination } from './coordination';
import { checkMigrations, readRecord } from './versioned';
import {
  STORED_PACK_PREFIX,
  storedPackKey,
  storedPackRecordType,
  type StoredPack,
} from './stored-pack.record';

checkMigrations(storedPackRecordType);

export class PackConflictError extends Error {
  constructor(
    readonly slot: string,
    readonly theirs: number,
    readonly mine: number | null,
  ) {
    super(
      `the pack was saved elsewhere (revision ${theirs}; this editor has ${mine ?? 'none'}): reload it or save a copy`,
    );
  }
}

export interface PackStoreOptions {
  now?: () => string;
  tabs?: TabCoordination;
}

export interface PackListing {
  packs: StoredPack[];
  /** Records that could not be read (kept aside), each with its problems. */
  unreadable: { keptAs: string; problems: Problem[] }[];
}

export class PackStore {
  #kv: KeyValueStore;
  #now: () => string;
  #tabs: TabCoordination;
  #listeners = new Set<(slot: string) => void>();

  constructor(kv: KeyValueStore, opts: PackStoreOptions = {}) {
    this.#kv = kv;
    this.#now = opts.now ?? (() => new Date().toISOString());
    this.#tabs = opts.tabs ?? localBus().tab();
    this.#tabs.listen((m) => {
      if (m.key.startsWith(STORED_PACK_PREFIX))
        for (const l of [...this.#listeners]) l(m.key.slice(STORED_PACK_PREFIX.length));
    });
  }

  /** Tells `fn` the slot another tab saved or removed; returns the unsubscribe function. */
  onChangedElsewhere(fn: (slot: string) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  /** Every readable stored pack, by slot; unreadable records are moved aside and listed. */
  async list(): Promise<PackListing> {
    const packs: StoredPack[] = [];
    const unreadable: PackListing['unreadable'] = [];
    const keys = (await this.#kv.keys()).filter((k) => k.startsWith(STORED_PACK_PREFIX)).sort();
    for (const key of keys) {
      const r = await this.#read(key);
      if (r.kind === 'found') packs.push(r.record);
      else if (r.kind === 'corrupt') unreadable.push({ keptAs: r.keptAs, problems: r.problems });
    }
    return { packs, unreadable };
  }

  async get(slot: string): Promise<StoredPack | null> {
    const r = await this.#read(storedPackKey(slot));
    return r.kind === 'found' ? r.record : null;
  }

  async #read(
    key: string,
  ): Promise<
    | { kind: 'found'; record: StoredPack }
    | { kind: 'missing' }
    | { kind: 'corrupt'; keptAs: string; problems: Problem[] }
  > {
    const raw = await this.#kv.getItem(key);
    if (raw === null || raw === undefined) return { kind: 'missing' };
    const r = readRecord(storedPackRecordType, raw);
    if (r.ok && storedPackKey(r.value.slot) === key) return { kind: 'found', record: r.value };
    const problems = r.ok
      ? [{ path: 'slot', message: `the record belongs to slot ${r.value.slot}` }]
      : r.errors;
    const keptAs = `claimlab/corrupt/${key}/${this.#now()}`;
    await this.#kv.setItem(keptAs, { key, problems, raw });
    await this.#kv.removeItem(key);
    return { kind: 'corrupt', keptAs, problems };
  }

  /**
   * Saves `pack` in `slot` over revision `base` (null: the slot must not exist yet). Resolves
   * with the stored record; rejects with PackConflictError when the stored revision is not
   * `base` (nothing written), or with the store's error when the write failed (the stored
   * record stays as it was).
   */
  async save(
    slot: string,
    pack: unknown,
    base: number | null,
    origin: StoredPack['origin'] = 'authored',
  ): Promise<StoredPack> {
    const key = storedPackKey(slot);
    const rec = await this.#tabs.withLock(key, async () => {
      const stored = await this.#kv.getItem(key);
      const theirs =
        stored === null || stored === undefined
          ? null
          : readRecord(storedPackRecordType, stored).ok
            ? (stored as { revision: number }).revision
            : 0;
      if (theirs !== base) throw new PackConflictError(slot, theirs ?? 0, base);
      const prev = theirs === null ? null : (stored as StoredPack);
      const next: StoredPack = {
        format: 1,
        kind: 'stored-pack',
        slot,
        origin: prev?.origin ?? origin,
        // A plain JSON copy: no prototypes, no functions, no undefined.
        pack: JSON.parse(JSON.stringify(pack ?? null)) as unknown,
        revision: (theirs ?? 0) + 1,
        savedAt: this.#now(),
      };
      await this.#kv.setItem(key, next);
      return next;
    });
    this.#tabs.broadcast({
      kind: 'record-changed',
      key,
      revision: rec.revision,
      tab: this.#tabs.tab,
    });
    return rec;
  }

  /** Removes the slot (only over revision `base`, so an unseen save elsewhere is not lost). */
  async remove(slot: string, base: number): Promise<void> {
    const key = storedPackKey(slot);
    await this.#tabs.withLock(key, async () => {
      const stored = await this.#kv.getItem(key);
      if (stored === null || stored === undefined) return;
      const theirs = (stored as { revision?: unknown }).revision;
      if (typeof theirs === 'number' && theirs !== base)
        throw new PackConflictError(slot, theirs, base);
      await this.#kv.removeItem(key);
    });
    this.#tabs.broadcast({ kind: 'record-changed', key, revision: 0, tab: this.#tabs.tab });
  }

  /** A slot not used yet for `id@version` (`id@version`, then `id@version+2`, …). */
  async freeSlot(id: string, version: string): Promise<string> {
    const keys = new Set(await this.#kv.keys());
    const base = `${id}@${version}`.toLowerCase().replace(/[^a-z0-9@.+-]/g, '-');
    let slot = base;
    for (let n = 2; keys.has(storedPackKey(slot)); n++) slot = `${base}+${n}`;
    return slot;
  }
}

/**
 * Saves and loads the simulated practice with the same guarantees as case progress
 * (progress-store.ts): saves land in order and a burst collapses into the latest; each write is
 * a read-modify-write under the record's lock (Web Locks) that checks the stored revision, so two
 * tabs never overwrite each other unseen (a `conflict` is reported instead); a failed write is
 * retried with a growing delay; a record that cannot be read is kept aside under
 * `claimlab/corrupt/practice/…` with the reason, never dropped.
 */
import type { Problem } from '../domain/result';
import type { KeyValueStore } from './kv';
import { localBus, type TabCoordination } from './coordination';
import { PRACTICE_KEY, practiceRecordType, type PracticeRecord } from './practice.record';
import { checkMigrations, readRecord } from './versioned';

checkMigrations(practiceRecordType);

export type PracticeInput = Omit<PracticeRecord, 'format' | 'kind' | 'revision' | 'savedAt'>;

export type PracticeLoad =
  | { kind: 'found'; record: PracticeRecord }
  | { kind: 'missing' }
  | { kind: 'corrupt'; message: string; keptAs: string; problems: Problem[] };

export type PracticeSaveEvent =
  | { kind: 'saved'; revision: number }
  | { kind: 'failed'; message: string; retryInMs: number }
  | { kind: 'conflict'; theirs: number; mine: number }
  | { kind: 'changed-elsewhere'; revision: number };

export interface PracticeStoreOptions {
  now?: () => string;
  tabs?: TabCoordination;
  retryDelay?: (attempt: number) => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

class Conflict extends Error {
  constructor(
    readonly theirs: number,
    readonly mine: number,
  ) {
    super(`the practice was saved in another tab (revision ${theirs}; this tab has ${mine})`);
  }
}

const revisionOf = (raw: unknown): number | null => {
  if (raw === null || raw === undefined) return null;
  const r = (raw as { revision?: unknown }).revision;
  return typeof r === 'number' && Number.isInteger(r) && r >= 0 ? r : 0;
};

export class PracticeStore {
  readonly #kv: KeyValueStore;
  readonly #now: () => string;
  readonly #tabs: TabCoordination;
  readonly #retryDelay: (n: number) => number;
  readonly #setTimer: (fn: () => void, ms: number) => unknown;
  #pending: PracticeInput | null = null;
  #queued = false;
  #conflicted = false;
  /** The revision this tab last read or wrote (null: none stored; undefined: never looked). */
  #base: number | null | undefined = undefined;
  #failures = 0;
  #writing: Promise<void> = Promise.resolve();
  readonly #listeners = new Set<(e: PracticeSaveEvent) => void>();

  constructor(kv: KeyValueStore, opts: PracticeStoreOptions = {}) {
    this.#kv = kv;
    this.#now = opts.now ?? (() => new Date().toISOString());
    this.#tabs = opts.tabs ?? localBus().tab();
    this.#retryDelay = opts.retryDelay ?? ((n) => Math.min(30_000, 1_000 * 2 ** (n - 1)));
    this.#setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.#tabs.listen((m) => {
      if (m.key !== PRACTICE_KEY) return;
      if (this.#base !== undefined && this.#base !== null && m.revision <= this.#base) return;
      this.#emit({ kind: 'changed-elsewhere', revision: m.revision });
    });
  }

  subscribe(fn: (e: PracticeSaveEvent) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  #emit(e: PracticeSaveEvent) {
    for (const l of [...this.#listeners]) l(e);
  }

  async load(): Promise<PracticeLoad> {
    await this.flush();
    const raw = await this.#kv.getItem(PRACTICE_KEY);
    if (raw === null || raw === undefined) {
      this.#base = null;
      return { kind: 'missing' };
    }
    const r = readRecord(practiceRecordType, raw);
    if (r.ok) {
      this.#base = r.value.revision;
      this.#conflicted = false;
      this.#pending = null;
      return { kind: 'found', record: r.value };
    }
    const keptAs = `claimlab/corrupt/practice/${this.#now()}`;
    await this.#kv.setItem(keptAs, { key: PRACTICE_KEY, problems: r.errors, raw });
    await this.#kv.removeItem(PRACTICE_KEY);
    this.#base = null;
    const first = r.errors
      .slice(0, 3)
      .map((p) => `${p.path}: ${p.message}`)
      .join('; ');
    return {
      kind: 'corrupt',
      keptAs,
      problems: r.errors,
      message: `The saved practice could not be read (${first}). It was kept aside as “${keptAs}”; start a new practice.`,
    };
  }

  /** Queues a save; resolves when it (or a newer one) is written. */
  save(rec: PracticeInput): Promise<void> {
    this.#pending = rec;
    if (this.#queued || this.#conflicted) return this.#writing;
    return this.#enqueue(false);
  }

  /** `keep-mine` writes this tab's practice over the other tab's; `take-theirs` drops it. */
  resolveConflict(choice: 'keep-mine' | 'take-theirs'): Promise<void> {
    this.#conflicted = false;
    if (choice === 'take-theirs') {
      this.#pending = null;
      return this.#writing;
    }
    return this.#enqueue(true);
  }

  get hasUnsaved(): boolean {
    return this.#pending !== null;
  }

  #enqueue(force: boolean): Promise<void> {
    this.#queued = true;
    const write = this.#writing.catch(() => undefined).then(() => this.#writeLatest(force));
    this.#writing = write.catch(() => undefined);
    return write;
  }

  async #writeLatest(force: boolean): Promise<void> {
    this.#queued = false;
    const latest = this.#pending;
    if (!latest || this.#conflicted) return;
    this.#pending = null;
    try {
      const revision = await this.#tabs.withLock(PRACTICE_KEY, async () => {
        const theirs = revisionOf(await this.#kv.getItem(PRACTICE_KEY));
        if (!force && this.#base !== undefined && theirs !== this.#base)
          throw new Conflict(theirs ?? 0, this.#base ?? 0);
        const next = (theirs ?? 0) + 1;
        const full: PracticeRecord = {
          format: 1,
          kind: 'practice',
          ...latest,
          revision: next,
          savedAt: this.#now(),
        };
        await this.#kv.setItem(PRACTICE_KEY, JSON.parse(JSON.stringify(full)));
        return next;
      });
      this.#base = revision;
      this.#failures = 0;
      this.#tabs.broadcast({
        kind: 'record-changed',
        key: PRACTICE_KEY,
        revision,
        tab: this.#tabs.tab,
      });
      this.#emit({ kind: 'saved', revision });
    } catch (e) {
      this.#pending ??= latest;
      if (e instanceof Conflict) {
        this.#conflicted = true;
        this.#emit({ kind: 'conflict', theirs: e.theirs, mine: e.mine });
      } else {
        const retryInMs = this.#retryDelay(++this.#failures);
        this.#emit({ kind: 'failed', message: String((e as Error)?.message ?? e), retryInMs });
        this.#setTimer(() => {
          if (this.#pending && !this.#queued && !this.#conflicted)
            this.#enqueue(false).catch(() => undefined);
        }, retryInMs);
      }
      throw e;
    }
  }

  async remove(): Promise<void> {
    await this.flush();
    this.#pending = null;
    this.#conflicted = false;
    await this.#tabs.withLock(PRACTICE_KEY, () => this.#kv.removeItem(PRACTICE_KEY));
    this.#base = null;
    this.#tabs.broadcast({
      kind: 'record-changed',
      key: PRACTICE_KEY,
      revision: 0,
      tab: this.#tabs.tab,
    });
  }

  flush(): Promise<void> {
    return this.#writing;
  }
}

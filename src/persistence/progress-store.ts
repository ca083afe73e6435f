/**
 * Saves and loads case progress without ever losing work.
 *
 * - Saves are queued so they land in order, and a burst of changes (typing in a charge)
 *   collapses into the latest one. A failed write (quota exceeded, a closing database) does not
 *   stop the queue: the record stays pending and is written again with a growing delay until it
 *   lands, and later saves keep working.
 * - Two tabs on one case never overwrite each other unseen: each record carries a `revision`;
 *   a save is a read-modify-write under an exclusive lock (Web Locks) that writes only when the
 *   stored revision is still the one this tab read. Otherwise the save stops as a `conflict` and
 *   the caller decides (load the other tab's version, or keep this one). After a write the other
 *   tabs are told (BroadcastChannel), so a tab with nothing unsaved reloads the newer state.
 * - A record that cannot be read is moved aside under `claimlab/corrupt/…` with the reason, and
 *   the caller gets a message to show: the trainee's work is never silently dropped.
 * - Starting a case over archives the closed attempt (`claimlab/attempts/…`) with its score.
 */
import type { Problem } from '../domain/result';
import type { KeyValueStore } from './kv';
import { localBus, type RecordChanged, type TabCoordination } from './coordination';
import type { AttemptRecord, ProgressRecord } from './progress.record';
import { checkMigrations, readRecord } from './versioned';
import { refreshedKey, refreshedRecordType, type RefreshedRecord } from './refreshed.record';

export type LoadResult =
  | { kind: 'found'; record: ProgressRecord }
  | { kind: 'missing' }
  | { kind: 'corrupt'; message: string; keptAs: string; problems: Problem[] };

/** What the store tells the screens about one case's saving. */
export type SaveEvent =
  | { kind: 'saved'; key: string; revision: number }
  | { kind: 'failed'; key: string; message: string; retryInMs: number }
  | { kind: 'conflict'; key: string; theirs: number; mine: number }
  | { kind: 'changed-elsewhere'; key: string; revision: number; unsaved: boolean };

export const progressKey = (packId: string, caseId: string) =>
  `claimlab/progress/${packId}/${caseId}`;
const attemptPrefix = (packId: string, caseId: string) => `claimlab/attempts/${packId}/${caseId}/`;
/** When a case was first opened (wall clock), for the time per case on the dashboard. */
const startedKey = (packId: string, caseId: string) => `claimlab/started/${packId}/${caseId}`;

/** What an archived attempt carries beside its state and score (format 2). */
export type AttemptExtras = Partial<
  Pick<AttemptRecord, 'items' | 'mode' | 'chapters' | 'topics' | 'examId'>
> & {
  /** Keep the case's progress (the case reached its score and stays open on it). */
  keepProgress?: boolean;
  /** When the attempt started, when the caller knows better (an exam sitting's start). */
  startedAt?: string;
};

checkMigrations(refreshedRecordType);

/**
 * The case records' validators and migrations (with the claim and machine schemas they read),
 * imported when a record is first read: the case list's store is created at start, and these
 * 27 KB gzip stay out of the first load (issue 9 "A lean first load").
 */
let recordTypes: Promise<typeof import('./progress.record')> | undefined;
const records = () =>
  (recordTypes ??= import('./progress.record').then(
    (m) => {
      checkMigrations(m.progressRecordType);
      checkMigrations(m.attemptRecordType);
      return m;
    },
    (e: unknown) => {
      recordTypes = undefined; // a chunk that failed to load is fetched again next time
      throw e;
    },
  ));

export type ProgressInput = Omit<ProgressRecord, 'savedAt' | 'format' | 'kind' | 'revision'>;

export interface ProgressStoreOptions {
  now?: () => string;
  tabs?: TabCoordination;
  /** Delay before retry n (1-based) after a failed write. */
  retryDelay?: (attempt: number) => number;
  /** Timer (tests pass a fake). */
  setTimer?: (fn: () => void, ms: number) => unknown;
}

class ConflictError extends Error {
  constructor(
    readonly theirs: number,
    readonly mine: number,
  ) {
    super(`the case was saved in another tab (revision ${theirs}; this tab has ${mine})`);
  }
}

const revisionOf = (raw: unknown): number => {
  const r = (raw as { revision?: unknown } | null)?.revision;
  return typeof r === 'number' && Number.isInteger(r) && r >= 0 ? r : 0;
};

export class ProgressStore {
  #kv: KeyValueStore;
  #now: () => string;
  #tabs: TabCoordination;
  #retryDelay: (attempt: number) => number;
  #setTimer: (fn: () => void, ms: number) => unknown;
  /** The newest record not yet written, per key. */
  #pending = new Map<string, ProgressInput>();
  /** Keys with a write task waiting in the queue. */
  #queued = new Set<string>();
  /** The revision this tab last read or wrote, per key (null: the record did not exist). */
  #base = new Map<string, number | null>();
  /** Keys whose pending record waits for the trainee to settle a conflict. */
  #conflicted = new Set<string>();
  #failures = new Map<string, number>();
  #writing: Promise<void> = Promise.resolve();
  #listeners = new Set<(e: SaveEvent) => void>();

  constructor(kv: KeyValueStore, opts: ProgressStoreOptions | (() => string) = {}) {
    const o = typeof opts === 'function' ? { now: opts } : opts;
    this.#kv = kv;
    this.#now = o.now ?? (() => new Date().toISOString());
    this.#tabs = o.tabs ?? localBus().tab();
    this.#retryDelay = o.retryDelay ?? ((n) => Math.min(30_000, 1_000 * 2 ** (n - 1)));
    this.#setTimer = o.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.#tabs.listen((m) => this.#changedElsewhere(m));
  }

  /** Save events for the screens; returns the unsubscribe function. */
  subscribe(fn: (e: SaveEvent) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  #emit(e: SaveEvent) {
    // A copy: a listener may unsubscribe and subscribe again (a session reloading itself), and a
    // Set visits entries added during iteration.
    for (const l of [...this.#listeners]) l(e);
  }

  async load(packId: string, caseId: string, title = caseId): Promise<LoadResult> {
    const key = progressKey(packId, caseId);
    await this.#settled();
    const raw = await this.#kv.getItem(key);
    if (raw === null || raw === undefined) {
      this.#base.set(key, null);
      return { kind: 'missing' };
    }
    const r = readRecord((await records()).progressRecordType, raw);
    if (r.ok && r.value.caseId === caseId && r.value.packId === packId) {
      this.#base.set(key, r.value.revision);
      this.#conflicted.delete(key);
      this.#pending.delete(key);
      return { kind: 'found', record: r.value };
    }
    const problems = r.ok
      ? [{ path: 'caseId', message: `the record belongs to ${r.value.packId}/${r.value.caseId}` }]
      : r.errors;
    const keptAs = `claimlab/corrupt/${packId}/${caseId}/${this.#now()}`;
    await this.#kv.setItem(keptAs, { key, problems, raw });
    await this.#kv.removeItem(key);
    this.#base.set(key, null);
    const first = problems
      .slice(0, 3)
      .map((p) => `${p.path}: ${p.message}`)
      .join('; ');
    return {
      kind: 'corrupt',
      keptAs,
      problems,
      message: `Saved progress for “${title}” could not be read (${first}). It was kept aside as “${keptAs}” and the case starts again.`,
    };
  }

  /**
   * Queues a save; resolves when this record (or a newer one for the same case) is written,
   * rejects when that write failed (it is retried) or met a conflict (see `resolveConflict`).
   */
  save(rec: ProgressInput): Promise<void> {
    const key = progressKey(rec.packId, rec.caseId);
    this.#pending.set(key, rec);
    if (this.#queued.has(key) || this.#conflicted.has(key)) return this.#writing;
    return this.#enqueue(key);
  }

  /** True while this tab has a change for the case that is not written yet. */
  hasUnsaved(packId: string, caseId: string): boolean {
    return this.#pending.has(progressKey(packId, caseId));
  }

  /**
   * Settles a conflict: `keep-mine` writes this tab's pending record over the other tab's;
   * `take-theirs` drops it (the caller then reloads with `load`).
   */
  resolveConflict(packId: string, caseId: string, choice: 'keep-mine' | 'take-theirs') {
    const key = progressKey(packId, caseId);
    this.#conflicted.delete(key);
    if (choice === 'take-theirs') {
      this.#pending.delete(key);
      return this.#writing;
    }
    return this.#enqueue(key, { force: true });
  }

  #enqueue(key: string, opts: { force?: boolean } = {}): Promise<void> {
    this.#queued.add(key);
    const write = this.#writing
      .catch(() => undefined)
      .then(() => this.#writeLatest(key, opts.force ?? false));
    // The queue itself never stays rejected: one failed write does not block the next ones.
    this.#writing = write.catch(() => undefined);
    return write;
  }

  async #writeLatest(key: string, force: boolean): Promise<void> {
    this.#queued.delete(key);
    const latest = this.#pending.get(key);
    if (!latest || this.#conflicted.has(key)) return;
    this.#pending.delete(key);
    try {
      const revision = await this.#tabs.withLock(key, async () => {
        const stored = await this.#kv.getItem(key);
        const theirs = stored === null || stored === undefined ? null : revisionOf(stored);
        const mine = this.#base.get(key);
        if (!force && mine !== undefined && theirs !== mine)
          throw new ConflictError(theirs ?? 0, mine ?? 0);
        const next = (theirs ?? 0) + 1;
        const full: ProgressRecord = {
          format: 2,
          kind: 'case-progress',
          ...latest,
          revision: next,
          savedAt: this.#now(),
        };
        await this.#kv.setItem(key, JSON.parse(JSON.stringify(full)));
        return next;
      });
      this.#base.set(key, revision);
      this.#failures.delete(key);
      this.#tabs.broadcast({ kind: 'record-changed', key, revision, tab: this.#tabs.tab });
      this.#emit({ kind: 'saved', key, revision });
    } catch (e) {
      // Keep the record unless a newer one arrived meanwhile.
      if (!this.#pending.has(key)) this.#pending.set(key, latest);
      if (e instanceof ConflictError) {
        this.#conflicted.add(key);
        this.#emit({ kind: 'conflict', key, theirs: e.theirs, mine: e.mine });
      } else {
        const n = (this.#failures.get(key) ?? 0) + 1;
        this.#failures.set(key, n);
        const retryInMs = this.#retryDelay(n);
        this.#emit({ kind: 'failed', key, message: errorText(e), retryInMs });
        this.#setTimer(() => {
          if (this.#pending.has(key) && !this.#queued.has(key) && !this.#conflicted.has(key))
            this.#enqueue(key).catch(() => undefined);
        }, retryInMs);
      }
      throw e;
    }
  }

  #changedElsewhere(m: RecordChanged) {
    const base = this.#base.get(m.key);
    if (base === undefined || (base !== null && m.revision <= base)) return;
    this.#emit({
      kind: 'changed-elsewhere',
      key: m.key,
      revision: m.revision,
      unsaved: this.#pending.has(m.key),
    });
  }

  /** Waits for the queue, ignoring failed writes (they are retried on their own). */
  #settled(): Promise<void> {
    return this.#writing;
  }

  async remove(packId: string, caseId: string): Promise<void> {
    const key = progressKey(packId, caseId);
    await this.#settled();
    this.#pending.delete(key);
    this.#conflicted.delete(key);
    await this.#tabs.withLock(key, () => this.#kv.removeItem(key));
    this.#base.set(key, null);
    this.#tabs.broadcast({ kind: 'record-changed', key, revision: 0, tab: this.#tabs.tab });
  }

  /**
   * Closes an attempt: the progress record (as it stands) goes into the case's history with its
   * score, then the case's progress is removed so the case starts again (unless `keepProgress`:
   * a case that reached its score is archived and stays on the score page).
   */
  async archiveAttempt(
    rec: ProgressInput,
    score: AttemptRecord['score'],
    extras: AttemptExtras = {},
  ): Promise<AttemptRecord> {
    await this.#settled();
    const started = await this.#kv.getItem(startedKey(rec.packId, rec.caseId));
    const attempt: AttemptRecord = {
      format: 2,
      kind: 'case-attempt',
      packId: rec.packId,
      packVersion: rec.packVersion,
      caseId: rec.caseId,
      closedAt: this.#now(),
      step: rec.step,
      context: rec.context,
      ...(rec.highlights?.length ? { highlights: rec.highlights } : {}),
      score,
      items: extras.items ?? [],
      mode: extras.mode ?? 'practice',
      startedAt: extras.startedAt ?? (typeof started === 'string' ? started : null),
      chapters: extras.chapters ?? [],
      topics: extras.topics ?? [],
      ...(extras.examId ? { examId: extras.examId } : {}),
    };
    const n = (await this.attempts(rec.packId, rec.caseId)).length + 1;
    const key = `${attemptPrefix(rec.packId, rec.caseId)}${String(n).padStart(4, '0')}`;
    await this.#kv.setItem(key, JSON.parse(JSON.stringify(attempt)));
    if (!extras.keepProgress) {
      await this.#kv.removeItem(startedKey(rec.packId, rec.caseId));
      await this.remove(rec.packId, rec.caseId);
    }
    return attempt;
  }

  /** Notes when a case was first opened (kept until its attempt is archived). */
  async markStarted(packId: string, caseId: string): Promise<void> {
    const k = startedKey(packId, caseId);
    if ((await this.#kv.getItem(k)) === null) await this.#kv.setItem(k, this.#now());
  }

  /** Every archived case attempt of every case, oldest first by closing time. */
  async allAttempts(): Promise<AttemptRecord[]> {
    const { attemptRecordType } = await records();
    const keys = (await this.#kv.keys()).filter((k) => k.startsWith('claimlab/attempts/')).sort();
    const out: AttemptRecord[] = [];
    for (const k of keys) {
      const r = readRecord(attemptRecordType, await this.#kv.getItem(k));
      if (r.ok) out.push(r.value);
    }
    return out.sort((a, b) => (a.closedAt < b.closedAt ? -1 : a.closedAt > b.closedAt ? 1 : 0));
  }

  /** The case's closed attempts, oldest first (unreadable ones are skipped). */
  async attempts(packId: string, caseId: string): Promise<AttemptRecord[]> {
    const { attemptRecordType } = await records();
    const prefix = attemptPrefix(packId, caseId);
    const keys = (await this.#kv.keys()).filter((k) => k.startsWith(prefix)).sort();
    const out: AttemptRecord[] = [];
    for (const k of keys) {
      const r = readRecord(attemptRecordType, await this.#kv.getItem(k));
      if (r.ok) out.push(r.value);
    }
    return out;
  }

  /** Every saved case progress that reads cleanly (for the case list); unreadable ones are skipped here and reported on open. */
  async list(): Promise<ProgressRecord[]> {
    await this.#settled();
    const { progressRecordType } = await records();
    const out: ProgressRecord[] = [];
    for (const k of await this.#kv.keys()) {
      if (!k.startsWith('claimlab/progress/')) continue;
      const r = readRecord(progressRecordType, await this.#kv.getItem(k));
      if (r.ok) out.push(r.value);
    }
    return out;
  }

  /** Keys of records kept aside because they could not be read. */
  async corrupt(): Promise<string[]> {
    return (await this.#kv.keys()).filter((k) => k.startsWith('claimlab/corrupt/'));
  }

  flush(): Promise<void> {
    return this.#settled();
  }

  /** The pack version the trainee last refreshed on (the refresher's "since I last studied"). */
  async lastRefreshed(packId: string): Promise<RefreshedRecord | null> {
    const r = readRecord(refreshedRecordType, await this.#kv.getItem(refreshedKey(packId)));
    return r.ok && r.value.packId === packId ? r.value : null;
  }

  /** Remembers that the trainee refreshed `packId` up to `version` (a scored refresher quiz). */
  async markRefreshed(
    packId: string,
    version: string,
    score: RefreshedRecord['score'] = null,
  ): Promise<RefreshedRecord> {
    const rec: RefreshedRecord = {
      format: 1,
      kind: 'pack-refreshed',
      packId,
      version,
      refreshedAt: this.#now(),
      score,
    };
    await this.#kv.setItem(refreshedKey(packId), rec);
    return rec;
  }
}

function errorText(e: unknown): string {
  if (e && typeof e === 'object' && 'name' in e && 'message' in e)
    return `${String((e as Error).name)}: ${String((e as Error).message)}`;
  return String(e);
}

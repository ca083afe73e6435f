/**
 * Saves and loads case progress. Saves are queued so they land in order, and a burst of
 * changes (typing in a charge) collapses into the latest one. A record that cannot be read is
 * moved aside under `claimlab/corrupt/…` with the reason, and the caller gets a message to
 * show: the trainee's work is never silently dropped.
 */
import type { Problem } from '../domain/result';
import type { KeyValueStore } from './kv';
import { progressRecordType, type ProgressRecord } from './progress.record';
import { checkMigrations, readRecord } from './versioned';

export type LoadResult =
  | { kind: 'found'; record: ProgressRecord }
  | { kind: 'missing' }
  | { kind: 'corrupt'; message: string; keptAs: string; problems: Problem[] };

export const progressKey = (packId: string, caseId: string) =>
  `claimlab/progress/${packId}/${caseId}`;

checkMigrations(progressRecordType);

export class ProgressStore {
  #kv: KeyValueStore;
  #now: () => string;
  #pending = new Map<string, ProgressRecord>();
  #writing: Promise<void> = Promise.resolve();

  constructor(kv: KeyValueStore, now: () => string = () => new Date().toISOString()) {
    this.#kv = kv;
    this.#now = now;
  }

  async load(packId: string, caseId: string, title = caseId): Promise<LoadResult> {
    const key = progressKey(packId, caseId);
    await this.#writing;
    const raw = await this.#kv.getItem(key);
    if (raw === null || raw === undefined) return { kind: 'missing' };
    const r = readRecord(progressRecordType, raw);
    if (r.ok && r.value.caseId === caseId && r.value.packId === packId)
      return { kind: 'found', record: r.value };
    const problems = r.ok
      ? [{ path: 'caseId', message: `the record belongs to ${r.value.packId}/${r.value.caseId}` }]
      : r.errors;
    const keptAs = `claimlab/corrupt/${packId}/${caseId}/${this.#now()}`;
    await this.#kv.setItem(keptAs, { key, problems, raw });
    await this.#kv.removeItem(key);
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

  /** Queues a save; resolves when this record (or a newer one for the same case) is written. */
  save(rec: Omit<ProgressRecord, 'savedAt' | 'format' | 'kind'>): Promise<void> {
    const full: ProgressRecord = { format: 1, kind: 'case-progress', ...rec, savedAt: this.#now() };
    const key = progressKey(rec.packId, rec.caseId);
    const queued = this.#pending.has(key);
    this.#pending.set(key, full);
    if (!queued) {
      this.#writing = this.#writing.then(async () => {
        const latest = this.#pending.get(key);
        this.#pending.delete(key);
        if (latest) await this.#kv.setItem(key, JSON.parse(JSON.stringify(latest)));
      });
    }
    return this.#writing;
  }

  async remove(packId: string, caseId: string): Promise<void> {
    await this.#writing;
    await this.#kv.removeItem(progressKey(packId, caseId));
  }

  /** Every saved case progress that reads cleanly (for the case list); unreadable ones are skipped here and reported on open. */
  async list(): Promise<ProgressRecord[]> {
    await this.#writing;
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
    return this.#writing;
  }
}

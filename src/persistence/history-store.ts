/**
 * The trainee's history: submitted quizzes (`claimlab/quiz/<n>`), practice sessions
 * (`claimlab/practice-sessions/<n>`), and export and import of all progress (case progress,
 * archived attempts, quizzes, exams, practice sessions) as one JSON file. An import is
 * validated record by record (problems named by path: `records["claimlab/quiz/0001"].percent`)
 * and never overwrites a stored record unless the caller says so (the page asks first).
 * Case attempts themselves are archived by progress-store.ts.
 */
import type { Problem } from '../domain/result';
import type { KeyValueStore } from './kv';
import { attemptRecordType, progressRecordType } from './progress.record';
import { quizAttemptRecordType, type QuizAttemptRecord } from './quiz.record';
import { examRecordType, type ExamRecord } from './exam.record';
import {
  PRACTICE_SESSION_PREFIX,
  practiceSessionKey,
  practiceSessionRecordType,
  type PracticeSessionRecord,
} from './practice-session.record';
import { checkMigrations, readRecord, type RecordType } from './versioned';

checkMigrations(quizAttemptRecordType);
checkMigrations(examRecordType);
checkMigrations(practiceSessionRecordType);

const examKey = (packId: string, sittingId: string) => `claimlab/exam/${packId}/${sittingId}`;

export const EXPORT_KIND = 'claimlab-progress-export';

/** The record type of a key, by its prefix. */
const TYPES: [string, RecordType<unknown>][] = [
  ['claimlab/progress/', progressRecordType as RecordType<unknown>],
  ['claimlab/attempts/', attemptRecordType as RecordType<unknown>],
  ['claimlab/quiz/', quizAttemptRecordType as RecordType<unknown>],
  ['claimlab/exam/', examRecordType as RecordType<unknown>],
  [PRACTICE_SESSION_PREFIX, practiceSessionRecordType as RecordType<unknown>],
];
const typeOf = (key: string) => TYPES.find(([p]) => key.startsWith(p))?.[1];
/** Plain values kept beside the records (when a case was first opened). */
const isStarted = (key: string) => key.startsWith('claimlab/started/');

export interface ExportFile {
  format: 1;
  kind: typeof EXPORT_KIND;
  exportedAt: string;
  records: Record<string, unknown>;
}

export interface ImportPlan {
  /** Records that read cleanly, by key (after their migrations). */
  records: Record<string, unknown>;
  /** Keys already stored with different content: written only if the user agrees. */
  conflicts: string[];
  /** Keys stored with the same content (nothing to do). */
  same: string[];
  problems: Problem[];
}

/** JSON with object keys sorted, so two records compare equal whatever order their keys were written in. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );
}

const quizKey = (n: number) => `claimlab/quiz/${String(n).padStart(4, '0')}`;

export class HistoryStore {
  #kv: KeyValueStore;
  constructor(kv: KeyValueStore) {
    this.#kv = kv;
  }

  async saveQuiz(rec: Omit<QuizAttemptRecord, 'format' | 'kind'>): Promise<QuizAttemptRecord> {
    const full: QuizAttemptRecord = { format: 1, kind: 'quiz-attempt', ...rec };
    const keys = (await this.#kv.keys()).filter((k) => k.startsWith('claimlab/quiz/'));
    let n = keys.length + 1;
    while (keys.includes(quizKey(n))) n++;
    await this.#kv.setItem(quizKey(n), JSON.parse(JSON.stringify(full)));
    return full;
  }

  /** Submitted quizzes, oldest first (unreadable ones are skipped). */
  async quizzes(): Promise<QuizAttemptRecord[]> {
    const keys = (await this.#kv.keys()).filter((k) => k.startsWith('claimlab/quiz/')).sort();
    const out: QuizAttemptRecord[] = [];
    for (const k of keys) {
      const r = readRecord(quizAttemptRecordType, await this.#kv.getItem(k));
      if (r.ok) out.push(r.value);
    }
    return out.sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : 1));
  }

  /** A new sitting of an exam: its id is `<examId>-<n>`. */
  async startExam(
    rec: Omit<ExamRecord, 'format' | 'kind' | 'id' | 'submittedAt' | 'results' | 'percent'>,
  ): Promise<ExamRecord> {
    const prefix = `claimlab/exam/${rec.packId}/${rec.examId}-`;
    const n = (await this.#kv.keys()).filter((k) => k.startsWith(prefix)).length + 1;
    const full: ExamRecord = {
      format: 1,
      kind: 'exam-attempt',
      id: `${rec.examId}-${n}`,
      ...rec,
      submittedAt: null,
      results: null,
      percent: null,
    };
    await this.#kv.setItem(examKey(rec.packId, full.id), JSON.parse(JSON.stringify(full)));
    return full;
  }

  /** Records an exam's results. A submitted sitting is locked: it is never written again. */
  async submitExam(rec: ExamRecord): Promise<ExamRecord> {
    const key = examKey(rec.packId, rec.id);
    const stored = readRecord(examRecordType, await this.#kv.getItem(key));
    if (stored.ok && stored.value.submittedAt !== null)
      throw new Error(
        `The exam sitting ${rec.id} was submitted on ${stored.value.submittedAt}: it is locked.`,
      );
    await this.#kv.setItem(key, JSON.parse(JSON.stringify(rec)));
    return rec;
  }

  /** Every exam sitting, oldest first. */
  async exams(): Promise<ExamRecord[]> {
    const keys = (await this.#kv.keys()).filter((k) => k.startsWith('claimlab/exam/')).sort();
    const out: ExamRecord[] = [];
    for (const k of keys) {
      const r = readRecord(examRecordType, await this.#kv.getItem(k));
      if (r.ok) out.push(r.value);
    }
    return out.sort((a, b) => (a.startedAt < b.startedAt ? -1 : 1));
  }

  /** The id the next practice session gets (`0001`, `0002`, …). */
  async nextPracticeSessionId(): Promise<string> {
    const keys = new Set(
      (await this.#kv.keys()).filter((k) => k.startsWith(PRACTICE_SESSION_PREFIX)),
    );
    let n = keys.size + 1;
    while (keys.has(practiceSessionKey(String(n).padStart(4, '0')))) n++;
    return String(n).padStart(4, '0');
  }

  /** Writes a practice session (a new one, or the same session brought up to date). */
  async savePracticeSession(
    rec: Omit<PracticeSessionRecord, 'format' | 'kind'>,
  ): Promise<PracticeSessionRecord> {
    const full: PracticeSessionRecord = { format: 1, kind: 'practice-session', ...rec };
    await this.#kv.setItem(practiceSessionKey(rec.id), JSON.parse(JSON.stringify(full)));
    return full;
  }

  /** Practice sessions, oldest first by start (unreadable ones are skipped). */
  async practiceSessions(): Promise<PracticeSessionRecord[]> {
    const keys = (await this.#kv.keys()).filter((k) => k.startsWith(PRACTICE_SESSION_PREFIX));
    const out: PracticeSessionRecord[] = [];
    for (const k of keys.sort()) {
      const r = readRecord(practiceSessionRecordType, await this.#kv.getItem(k));
      if (r.ok) out.push(r.value);
    }
    return out.sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0));
  }

  /** Every progress record as stored (corrupt copies kept aside are not exported). */
  async exportAll(now: string): Promise<ExportFile> {
    const records: Record<string, unknown> = {};
    for (const k of (await this.#kv.keys()).sort())
      if (typeOf(k) || isStarted(k)) records[k] = await this.#kv.getItem(k);
    return { format: 1, kind: EXPORT_KIND, exportedAt: now, records };
  }

  /** Reads an export file: every record validated; what would overwrite stored work listed. */
  async planImport(raw: unknown): Promise<ImportPlan> {
    const plan: ImportPlan = { records: {}, conflicts: [], same: [], problems: [] };
    const file = raw as Partial<ExportFile> | null;
    if (!file || typeof file !== 'object' || Array.isArray(file)) {
      plan.problems.push({ path: '$', message: 'not a ClaimLab progress file (not an object)' });
      return plan;
    }
    if (file.kind !== EXPORT_KIND)
      plan.problems.push({ path: 'kind', message: `must be "${EXPORT_KIND}"` });
    if (file.format !== 1)
      plan.problems.push({ path: 'format', message: 'must be 1 (a newer ClaimLab wrote it?)' });
    const recs = file.records;
    if (!recs || typeof recs !== 'object' || Array.isArray(recs)) {
      plan.problems.push({ path: 'records', message: 'must be an object of records by key' });
      return plan;
    }
    for (const [key, value] of Object.entries(recs)) {
      const at = `records["${key}"]`;
      if (isStarted(key)) {
        if (typeof value === 'string') plan.records[key] = value;
        else plan.problems.push({ path: at, message: 'must be a date-time text' });
        continue;
      }
      const t = typeOf(key);
      if (!t) {
        plan.problems.push({ path: at, message: 'not a ClaimLab progress record key' });
        continue;
      }
      const r = readRecord(t, value);
      if (!r.ok) {
        for (const e of r.errors)
          plan.problems.push({ path: e.path === '$' ? at : `${at}.${e.path}`, message: e.message });
        continue;
      }
      plan.records[key] = r.value;
    }
    if (plan.problems.length) return plan;
    for (const [key, value] of Object.entries(plan.records)) {
      const stored = await this.#kv.getItem(key);
      if (stored === null) continue;
      // Compared as read (migrated and validated), not as written.
      const t = typeOf(key);
      const r = t ? readRecord(t, stored) : null;
      const current = r ? (r.ok ? r.value : stored) : stored;
      if (canonical(current) === canonical(value)) plan.same.push(key);
      else plan.conflicts.push(key);
    }
    return plan;
  }

  /**
   * Writes a plan with no problems: new records always; records that differ from stored ones
   * only when `overwrite` is true. Returns how many were written.
   */
  async applyImport(plan: ImportPlan, overwrite: boolean): Promise<number> {
    if (plan.problems.length) throw new Error('The file has problems: nothing was imported.');
    let n = 0;
    for (const [key, value] of Object.entries(plan.records)) {
      if (plan.same.includes(key)) continue;
      if (plan.conflicts.includes(key) && !overwrite) continue;
      await this.#kv.setItem(key, value);
      n++;
    }
    return n;
  }
}

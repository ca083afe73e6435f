/**
 * The progress screen's state: the history (case attempts, quizzes, exam sittings, practice
 * sessions) read from
 * storage, the dashboard figures, and export/import of all progress (an import is checked
 * first; records that would overwrite stored work wait for the user's yes).
 */
import { dashboard, type Dashboard } from '../domain/scoring/dashboard';
import type { Problem } from '../domain/result';
import { HistoryStore, type ImportPlan } from '../persistence/history-store';
import type { AttemptRecord } from '../persistence/progress.record';
import type { QuizAttemptRecord } from '../persistence/quiz.record';
import type { PracticeSessionRecord } from '../persistence/practice-session.record';
import type { AppState } from './app.svelte';
import { caseEntry, practiceEntry, practiceTitle, quizEntry } from './history-entries';

export type HistoryRow =
  | { kind: 'case'; at: string; title: string; percent: number; attempt: AttemptRecord }
  | { kind: 'quiz'; at: string; title: string; percent: number; quiz: QuizAttemptRecord }
  | {
      kind: 'practice';
      at: string;
      title: string;
      percent: number;
      session: PracticeSessionRecord;
    };

export class ProgressState {
  #app: AppState;
  #history: HistoryStore;
  #attempts = $state.raw<AttemptRecord[]>([]);
  #quizzes = $state.raw<QuizAttemptRecord[]>([]);
  #sessions = $state.raw<PracticeSessionRecord[]>([]);
  #loaded = $state(false);
  #plan = $state.raw<ImportPlan | null>(null);
  #message = $state<string | null>(null);

  constructor(app: AppState) {
    this.#app = app;
    this.#history = new HistoryStore(app.kv);
  }

  async load() {
    this.#attempts = await this.#app.store.allAttempts();
    this.#quizzes = await this.#history.quizzes();
    this.#sessions = await this.#history.practiceSessions();
    this.#loaded = true;
  }

  get loaded() {
    return this.#loaded;
  }

  #title(a: AttemptRecord): string {
    return this.#app.findCase(a.packId, a.caseId)?.caseFile.title ?? a.caseId;
  }

  /** Newest first. */
  get rows(): HistoryRow[] {
    const rows: HistoryRow[] = [
      ...this.#attempts.map((a) => ({
        kind: 'case' as const,
        at: a.closedAt,
        title: `${this.#title(a)}${a.mode === 'exam' ? ' (exam)' : ''}`,
        percent: a.score.percent,
        attempt: a,
      })),
      ...this.#quizzes.map((q) => ({
        kind: 'quiz' as const,
        at: q.submittedAt,
        title: `Quiz, ${q.questions.length} question${q.questions.length === 1 ? '' : 's'}`,
        percent: q.percent,
        quiz: q,
      })),
      ...this.#sessions.map((p) => ({
        kind: 'practice' as const,
        at: p.updatedAt,
        title: practiceTitle(p),
        percent: p.score.percent,
        session: p,
      })),
    ];
    return rows.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  }

  get dashboard(): Dashboard {
    return dashboard([
      ...this.#attempts.map((a) => caseEntry(a, this.#title(a))),
      ...this.#quizzes.map(quizEntry),
      ...this.#sessions.map(practiceEntry),
    ]);
  }

  /** All progress as one JSON file's text. */
  async exportText(now: string): Promise<string> {
    await this.#app.store.flush();
    return JSON.stringify(await this.#history.exportAll(now), null, 1);
  }

  get plan() {
    return this.#plan;
  }
  get message() {
    return this.#message;
  }
  get problems(): Problem[] {
    return this.#plan?.problems ?? [];
  }

  /** Reads a chosen file; writes at once when nothing would be overwritten. */
  async readImport(text: string) {
    this.#message = null;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      this.#plan = {
        records: {},
        conflicts: [],
        same: [],
        problems: [{ path: '$', message: `not JSON (${e instanceof Error ? e.message : e})` }],
      };
      return;
    }
    const plan = await this.#history.planImport(raw);
    this.#plan = plan;
    if (!plan.problems.length && !plan.conflicts.length) await this.applyImport(false);
  }

  /** Writes the plan; `overwrite` replaces the conflicting stored records (after a yes). */
  async applyImport(overwrite: boolean) {
    const plan = this.#plan;
    if (!plan || plan.problems.length) return;
    // Taken at once, so a second answer (the dialog's close after its confirm) finds no plan.
    this.#plan = null;
    const n = await this.#history.applyImport(plan, overwrite);
    const kept = overwrite ? 0 : plan.conflicts.length;
    this.#message = `Imported ${n} record${n === 1 ? '' : 's'}${kept ? `; kept ${kept} stored record${kept === 1 ? '' : 's'} unchanged` : ''}.`;
    await this.load();
  }

  cancelImport() {
    this.#plan = null;
    this.#message = 'Import cancelled: nothing was changed.';
  }
}

/**
 * Exam mode: an instructor's exam from a pack (`exams` in pack.json: a time limit and a case
 * list). A sitting is started, its cases worked with no scrubber and no score until the end
 * (CaseSession `exam`), then submitted — by the trainee or when time runs out — and scored
 * case by case from the saved work; the sitting is then locked (HistoryStore.submitExam).
 * See: README "Exam mode".
 */
import { HistoryStore } from '../persistence/history-store';
import type { ExamRecord } from '../persistence/exam.record';
import type { ExamV2, PackV2 } from '../scenarios/format/v2';
import { caseKeyOf } from '../scenarios/case-key';
import type { AppState } from './app.svelte';
import { isoAt } from './time';
import { examStoreId, scoreStored, storedItems } from './case-session.svelte';

export interface ExamChoice {
  pack: PackV2;
  exam: ExamV2;
}

export class ExamState {
  #app: AppState;
  #now: () => number;
  #history: HistoryStore;
  #sittings = $state.raw<ExamRecord[]>([]);
  #active = $state.raw<ExamRecord | null>(null);
  #openCase = $state<string | null>(null);
  #tick = $state(0);
  #busy = $state(false);

  constructor(app: AppState, now: () => number) {
    this.#app = app;
    this.#now = now;
    this.#history = new HistoryStore(app.kv);
  }

  get choices(): ExamChoice[] {
    return this.#app.full.flatMap((pack) => (pack.exams ?? []).map((exam) => ({ pack, exam })));
  }
  get sittings() {
    return this.#sittings;
  }
  get active() {
    return this.#active;
  }
  get openCase() {
    return this.#openCase;
  }
  get busy() {
    return this.#busy;
  }

  async load() {
    this.#sittings = await this.#history.exams();
    // A sitting started and not submitted (a reload mid-exam) is resumed.
    this.#active = this.#sittings.find((s) => s.submittedAt === null) ?? null;
    if (this.#active && this.secondsLeft === 0) await this.submit();
  }

  async start(c: ExamChoice) {
    if (this.#active) return;
    const start = this.#now();
    this.#active = await this.#history.startExam({
      packId: c.pack.id,
      packVersion: c.pack.version,
      examId: c.exam.id,
      title: c.exam.title,
      minutes: c.exam.minutes,
      caseIds: c.exam.caseIds,
      startedAt: isoAt(start),
      endsAt: isoAt(start + c.exam.minutes * 60_000),
    });
    this.#sittings = [...this.#sittings, this.#active];
  }

  /** Seconds left in the active sitting (null with none). */
  get secondsLeft(): number | null {
    void this.#tick;
    const a = this.#active;
    if (!a) return null;
    return Math.max(0, Math.ceil((Date.parse(a.endsAt) - this.#now()) / 1000));
  }

  tick() {
    this.#tick++;
    if (this.#active && this.secondsLeft === 0 && !this.#busy) void this.submit();
  }

  /** A case that starts from a remittance (its denial is worked, not coded): the sitting shows
   * it as such, and it is scored on the actions taken (remittance-case.ts). */
  startsFromRemittance(packId: string, caseId: string): boolean {
    const pack = this.#app.full.find((p) => p.id === packId);
    return pack?.cases.find((c) => c.id === caseId)?.afterRemittance !== undefined;
  }

  open(caseId: string | null) {
    this.#openCase = caseId;
  }

  /** Scores every case of the sitting from its saved work, archives them, and locks the sitting. */
  async submit() {
    const a = this.#active;
    if (!a || this.#busy) return;
    this.#busy = true;
    this.#openCase = null;
    try {
      const store = this.#app.store;
      await store.flush();
      const sid = examStoreId(a.packId, a.id);
      const pack = this.#app.full.find((p) => p.id === a.packId);
      const results: NonNullable<ExamRecord['results']> = [];
      for (const caseId of a.caseIds) {
        const c = pack?.cases.find((x) => x.id === caseId);
        const loaded = await store.load(sid, caseId, caseId);
        if (!c || loaded.kind !== 'found') {
          results.push({ caseId, percent: 0, points: 0, max: 0 });
          continue;
        }
        const report = scoreStored(
          caseKeyOf(c),
          loaded.record.context,
          c.afterRemittance !== undefined,
        );
        const { percent, points, max } = report.totals;
        await store.archiveAttempt(
          { ...loaded.record, packId: a.packId },
          { percent, points, max },
          {
            items: storedItems(report),
            mode: 'exam',
            examId: a.examId,
            chapters: c.tags.chapters,
            topics: c.tags.topics,
            startedAt: a.startedAt,
            keepProgress: true,
          },
        );
        await store.remove(sid, caseId);
        results.push({ caseId, percent, points, max });
      }
      const points = results.reduce((n, r) => n + r.points, 0);
      const max = results.reduce((n, r) => n + r.max, 0);
      const done = await this.#history.submitExam({
        ...a,
        submittedAt: isoAt(this.#now()),
        results,
        percent: max === 0 ? 0 : Math.floor((points / max) * 100 + 0.5),
      });
      this.#active = null;
      this.#sittings = this.#sittings.map((s) => (s.id === done.id ? done : s));
    } finally {
      this.#busy = false;
    }
  }
}

/**
 * Keeps each practice session in the progress history: every time the practice is saved, its
 * judged decisions become the session's score items (src/domain/scoring/practice-session.ts)
 * in a `practice-session` record (src/persistence/practice-session.record.ts), which outlives
 * the practice (a discarded or replaced practice stays in the history).
 *
 * A session is one practice from its start: the same seed, length and last day, with a clock and
 * a decision log that only grow. A save that breaks that (a new practice, even on the same seed,
 * starts its clock and its log again) begins a new session. Nothing is written before the first
 * judged decision (there is nothing to score).
 */
import type { JudgedDecision } from '../domain/scoring/practice-session';
import { scorePracticeSession } from '../domain/scoring/practice-session';
import type { HistoryStore } from '../persistence/history-store';
import type { PracticeSessionRecord } from '../persistence/practice-session.record';

/** The part of a saved practice (practice-store.ts `PracticeInput`) a session is built from. */
export interface PracticeSnapshot {
  options: { seed: number; weeks: number; guided: boolean };
  endsOn: string;
  practice: { today: string; decisions: readonly unknown[]; cases?: readonly unknown[] };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' ? (v as Record<string, unknown>) : {};

/** The decisions as judged records (anything malformed is skipped, never a crash). */
export function judgedDecisions(raw: readonly unknown[]): JudgedDecision[] {
  return raw.flatMap((x) => {
    const d = obj(x);
    const at = str(d.at);
    const kind = str(d.kind);
    if (!at || !kind || typeof d.right !== 'boolean') return [];
    return [
      {
        at,
        kind,
        right: d.right,
        choice: str(d.choice) ?? '',
        rationale: str(d.rationale) ?? '',
        ...(str(d.rule) ? { rule: str(d.rule) } : {}),
        ...(str(d.encounterId) ? { encounterId: str(d.encounterId) } : {}),
        ...(str(d.claimId) ? { claimId: str(d.claimId) } : {}),
      },
    ];
  });
}

/** Finding ids on the practice's claims: each rejection's reasons and each remittance's findings. */
export function practiceFindingIds(cases: readonly unknown[] = []): string[] {
  const ids: string[] = [];
  for (const c of cases) {
    const ctx = obj(obj(obj(c).snapshot).context);
    for (const r of Array.isArray(ctx.rejections) ? ctx.rejections : [])
      for (const id of Array.isArray(obj(r).reasons) ? (obj(r).reasons as unknown[]) : [])
        if (typeof id === 'string') ids.push(id);
    const findings = obj(obj(c).remit).findings;
    for (const f of Array.isArray(findings) ? findings : []) {
      const id = str(obj(f).id);
      if (id) ids.push(id);
    }
  }
  return [...new Set(ids)].sort();
}

export class PracticeSessionLog {
  readonly #history: HistoryStore;
  readonly #now: () => string;
  /** The session being recorded (undefined: not looked up yet). */
  #current: PracticeSessionRecord | null | undefined = undefined;
  #writing: Promise<void> = Promise.resolve();

  constructor(history: HistoryStore, now: () => string = () => new Date().toISOString()) {
    this.#history = history;
    this.#now = now;
  }

  /** Records the saved practice as its session; writes land in order and never reject. */
  record(snap: PracticeSnapshot): Promise<void> {
    this.#writing = this.#writing.then(() => this.#record(snap)).catch(() => undefined);
    return this.#writing;
  }

  async #record(snap: PracticeSnapshot): Promise<void> {
    const decisions = judgedDecisions(snap.practice.decisions);
    if (!decisions.length) return;
    if (this.#current === undefined)
      this.#current = (await this.#history.practiceSessions()).at(-1) ?? null;
    const cur = this.#current;
    const { seed, weeks, guided } = snap.options;
    const today = snap.practice.today;
    const same =
      cur !== null &&
      cur.seed === seed &&
      cur.weeks === weeks &&
      cur.endsOn === snap.endsOn &&
      today >= cur.today &&
      decisions.length >= cur.items.length;
    if (same && cur.today === today && cur.items.length === decisions.length) return;
    const now = this.#now();
    const { items, totals } = scorePracticeSession(decisions);
    this.#current = await this.#history.savePracticeSession({
      id: same ? cur.id : await this.#history.nextPracticeSessionId(),
      startedAt: same ? cur.startedAt : now,
      updatedAt: now,
      seed,
      weeks,
      guided,
      endsOn: snap.endsOn,
      today,
      items,
      findingIds: practiceFindingIds(snap.practice.cases),
      score: { percent: totals.percent, points: totals.points, max: totals.max },
    });
  }

  flush(): Promise<void> {
    return this.#writing;
  }
}

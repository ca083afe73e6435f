/**
 * The history as the dashboard reads it: stored case attempts, quizzes and practice sessions
 * turned into HistoryEntry rows (src/domain/scoring/dashboard.ts).
 */
import { finalRemittance, type RemitLike } from '../domain/scoring';
import type { HistoryEntry } from '../domain/scoring/dashboard';
import type { AttemptRecord } from '../persistence/progress.record';
import type { QuizAttemptRecord } from '../persistence/quiz.record';
import type { PracticeSessionRecord } from '../persistence/practice-session.record';

export function caseEntry(a: AttemptRecord, title = a.caseId): HistoryEntry {
  const remits = a.context.submissions.flatMap((s) => (s.remittance ? [s.remittance] : []));
  const count = (st: string) => remits.filter((r) => r.status === st).length;
  const final = finalRemittance(
    a.context.submissions.map((s) => ({ ...s, remittance: s.remittance as RemitLike | null })),
  );
  const started = a.startedAt ? Date.parse(a.startedAt) : NaN;
  const closed = Date.parse(a.closedAt);
  const minutes =
    Number.isFinite(started) && Number.isFinite(closed) && closed >= started
      ? Math.round((closed - started) / 60_000)
      : null;
  return {
    kind: a.mode === 'exam' ? 'exam-case' : 'case',
    at: a.closedAt,
    title,
    percent: a.score.percent,
    topics: a.topics,
    chapters: a.chapters,
    items: a.items.map((i) => ({
      score: i.max > 0 ? i.points / i.max : 0,
      mark: i.mark,
      code: i.code,
      label: i.label,
    })),
    findingIds: [
      ...a.context.claimFindings.map((f) => f.id),
      ...remits.flatMap((r) => r.findings.map((f) => f.id)),
    ],
    outcome: final?.status ?? 'not sent',
    setbacks: { rejected: count('rejected'), denied: count('denied'), refused: count('refused') },
    minutes,
  };
}

export function quizEntry(q: QuizAttemptRecord): HistoryEntry {
  return {
    kind: 'quiz',
    at: q.submittedAt,
    title: 'Quiz',
    percent: q.percent,
    // A quiz's areas come from each question's own tags.
    topics: [],
    chapters: [],
    items: q.questions.map((x) => ({
      score: x.score,
      mark: x.mark,
      label: x.prompt,
      topics: x.topics,
      chapters: x.chapters,
    })),
    findingIds: [],
  };
}

/** A practice session's title: its seed, length and how far its clock got. */
export const practiceTitle = (p: PracticeSessionRecord) =>
  `Practice session (seed ${p.seed}, ${p.weeks} week${p.weeks === 1 ? '' : 's'}, to ${p.today})`;

/** A practice session: each judged decision one item, its kind the error key when wrong. */
export function practiceEntry(p: PracticeSessionRecord): HistoryEntry {
  return {
    kind: 'practice',
    at: p.updatedAt,
    title: practiceTitle(p),
    percent: p.score.percent,
    topics: [],
    chapters: [],
    items: p.items.map((i) => ({
      score: i.mark === 'right' ? 1 : 0,
      mark: i.mark,
      label: `${i.at} ${i.kind}: ${i.choice}`,
      decision: i.kind,
    })),
    findingIds: p.findingIds,
  };
}

/**
 * The progress dashboard's numbers, from the history (case attempts, quizzes and practice
 * sessions): accuracy over time, by topic and by ICD-10-CM chapter, the most common errors
 * (codes, finding ids and the kinds of wrong practice decisions), the claims' outcomes and the
 * time per case. Pure: the page draws charts and tables from these.
 */
import { chapterTitle, selfAssessment, type AreaScore } from './quiz';
import type { Mark } from './types';

/** One scored piece of history, as the state layer reads it from storage. */
export interface HistoryEntry {
  kind: 'case' | 'quiz' | 'exam-case' | 'practice';
  /** When it closed or was submitted (ISO). */
  at: string;
  /** A name to show: the case id or "Quiz". */
  title: string;
  percent: number;
  topics: readonly string[];
  chapters: readonly number[];
  /** Scored items (case) or graded questions (quiz): each with its score share. */
  items: readonly {
    score: number;
    mark: Mark;
    code?: string | undefined;
    label: string;
    /** A quiz question's own tags (else the entry's). */
    topics?: readonly string[];
    chapters?: readonly number[];
    /** A practice decision's kind (`appeal`, `write-off`, …), for "most common errors". */
    decision?: string | undefined;
  }[];
  /** Finding ids raised on the claims sent (scrub and payer), for "most common errors". */
  findingIds: readonly string[];
  /** The final claim status (cases). */
  outcome?: string | undefined;
  /** Rejections, denials and refused reopenings on the way (cases). */
  setbacks?: { rejected: number; denied: number; refused: number } | undefined;
  /** Wall-clock minutes from opening the case to its score (when known). */
  minutes?: number | null | undefined;
}

export interface Count {
  key: string;
  count: number;
}

export interface Dashboard {
  overTime: { at: string; title: string; kind: HistoryEntry['kind']; percent: number }[];
  topics: AreaScore[];
  chapters: AreaScore[];
  errorCodes: Count[];
  errorFindings: Count[];
  /** Wrong practice decisions by kind. */
  errorDecisions: Count[];
  outcomes: Count[];
  setbacks: { rejected: number; denied: number; refused: number };
  timePerCase: { title: string; minutes: number }[];
  summary: {
    entries: number;
    cases: number;
    quizzes: number;
    average: number | null;
    trend: 'up' | 'down' | 'flat' | null;
  };
}

const top = (m: Map<string, number>, n: number): Count[] =>
  [...m]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
    .slice(0, n);

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

export function dashboard(history: readonly HistoryEntry[], topN = 8): Dashboard {
  const sorted = [...history].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const codes = new Map<string, number>();
  const findings = new Map<string, number>();
  const decisions = new Map<string, number>();
  const outcomes = new Map<string, number>();
  const setbacks = { rejected: 0, denied: 0, refused: 0 };
  for (const e of sorted) {
    for (const i of e.items) if (i.mark !== 'right' && i.code) bump(codes, i.code);
    for (const i of e.items) if (i.mark !== 'right' && i.decision) bump(decisions, i.decision);
    for (const f of new Set(e.findingIds)) bump(findings, f);
    if (e.outcome) bump(outcomes, e.outcome);
    if (e.setbacks) {
      setbacks.rejected += e.setbacks.rejected;
      setbacks.denied += e.setbacks.denied;
      setbacks.refused += e.setbacks.refused;
    }
  }
  // Accuracy by area weighs every item or question the same, cases and quizzes alike.
  const self = selfAssessment(
    sorted.flatMap((e) =>
      e.items.map((i) => ({
        score: i.score,
        topics: i.topics ?? e.topics,
        chapters: i.chapters ?? e.chapters,
      })),
    ),
    [],
  );
  const percents = sorted.map((e) => e.percent);
  const half = Math.floor(percents.length / 2);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  let trend: Dashboard['summary']['trend'] = null;
  if (percents.length >= 4) {
    const d = mean(percents.slice(half)) - mean(percents.slice(0, half));
    trend = d > 5 ? 'up' : d < -5 ? 'down' : 'flat';
  }
  return {
    overTime: sorted.map((e) => ({ at: e.at, title: e.title, kind: e.kind, percent: e.percent })),
    topics: [...self.topics].sort((a, b) => a.label.localeCompare(b.label)),
    chapters: [...self.chapters].sort((a, b) => Number(a.key) - Number(b.key)),
    errorCodes: top(codes, topN),
    errorFindings: top(findings, topN),
    errorDecisions: top(decisions, topN),
    outcomes: top(outcomes, 10),
    setbacks,
    timePerCase: sorted.flatMap((e) =>
      (e.kind === 'case' || e.kind === 'exam-case') && typeof e.minutes === 'number'
        ? [{ title: e.title, minutes: e.minutes }]
        : [],
    ),
    summary: {
      entries: sorted.length,
      cases: sorted.filter((e) => e.kind === 'case' || e.kind === 'exam-case').length,
      quizzes: sorted.filter((e) => e.kind === 'quiz').length,
      average: percents.length ? Math.round(mean(percents)) : null,
      trend,
    },
  };
}

export { chapterTitle };

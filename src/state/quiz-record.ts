/** A submitted quiz as the history stores it (src/persistence/quiz.record.ts). */
import type { QuizAttemptRecord } from '../persistence/quiz.record';
import type { SubmittedQuiz } from './quiz.svelte';
import { HistoryStore } from '../persistence/history-store';
import type { KeyValueStore } from '../persistence/kv';

/** Keeps a submitted quiz in the history. */
export function saveQuiz(kv: KeyValueStore, done: SubmittedQuiz) {
  return new HistoryStore(kv).saveQuiz(quizRecord(done));
}

/** The record the history keeps of a submitted quiz (it reopens without the pack). */
export function quizRecord(done: SubmittedQuiz): Omit<QuizAttemptRecord, 'format' | 'kind'> {
  const prompt = new Map(done.drawn.map((d) => [d.question.id, d.question.prompt]));
  return {
    startedAt: new Date(done.startedAt).toISOString(),
    submittedAt: new Date(done.submittedAt).toISOString(),
    setup: done.setup,
    questions: done.result.graded.map((g) => ({ ...g, prompt: prompt.get(g.questionId) ?? '' })),
    points: done.result.points,
    max: done.result.max,
    percent: done.result.percent,
  };
}

/**
 * A submitted quiz: the setup, each question graded (with its rationale and reference, so the
 * review reopens without the pack) and the totals. Format 1. Add a migration to
 * `QUIZ_MIGRATIONS` and bump `format` whenever this shape changes.
 */
import { z } from 'zod';
import type { Migration, RecordType } from './versioned';

export const quizAttemptSchema = z.object({
  format: z.literal(1),
  kind: z.literal('quiz-attempt'),
  /** Wall-clock start and end (ISO). */
  startedAt: z.string(),
  submittedAt: z.string(),
  setup: z.object({
    topics: z.array(z.string()),
    chapters: z.array(z.number().int()),
    difficulties: z.array(z.enum(['intro', 'core', 'advanced'])),
    count: z.number().int().min(0),
    minutes: z.number().min(0),
    seed: z.number().int(),
  }),
  questions: z.array(
    z.object({
      questionId: z.string().min(1),
      kind: z.string(),
      prompt: z.string(),
      score: z.number().min(0).max(1),
      mark: z.enum(['right', 'partly', 'wrong']),
      correct: z.string(),
      given: z.string(),
      rationale: z.string(),
      reference: z.string(),
      topics: z.array(z.string()),
      chapters: z.array(z.number().int()),
    }),
  ),
  points: z.number().min(0),
  max: z.number().min(0),
  percent: z.number().min(0).max(100),
});

export type QuizAttemptRecord = z.infer<typeof quizAttemptSchema>;

export const QUIZ_MIGRATIONS: readonly Migration[] = [];

export const quizAttemptRecordType: RecordType<QuizAttemptRecord> = {
  kind: 'quiz-attempt',
  format: 1,
  migrations: QUIZ_MIGRATIONS,
  schema: quizAttemptSchema,
};

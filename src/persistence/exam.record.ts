/**
 * One exam sitting: which exam, when it started and must end, and — once submitted — each case's
 * score. A submitted sitting is locked: the store never writes over it. Format 1. Add a
 * migration to `EXAM_MIGRATIONS` and bump `format` whenever this shape changes.
 */
import { z } from 'zod';
import type { Migration, RecordType } from './versioned';

export const examRecordSchema = z.object({
  format: z.literal(1),
  kind: z.literal('exam-attempt'),
  /** `<packId>/<examId>/<n>`: the n-th sitting of the exam. */
  id: z.string().min(1),
  packId: z.string().min(1),
  packVersion: z.string(),
  examId: z.string().min(1),
  title: z.string(),
  minutes: z.number().int().min(1),
  caseIds: z.array(z.string().min(1)).min(1),
  /** Wall-clock start and deadline (ISO). */
  startedAt: z.string(),
  endsAt: z.string(),
  submittedAt: z.string().nullable(),
  /** Each case's score at submission, in the exam's order. */
  results: z
    .array(
      z.object({
        caseId: z.string(),
        percent: z.number().min(0).max(100),
        points: z.number().min(0),
        max: z.number().min(0),
      }),
    )
    .nullable(),
  percent: z.number().min(0).max(100).nullable(),
});

export type ExamRecord = z.infer<typeof examRecordSchema>;

export const EXAM_MIGRATIONS: readonly Migration[] = [];

export const examRecordType: RecordType<ExamRecord> = {
  kind: 'exam-attempt',
  format: 1,
  migrations: EXAM_MIGRATIONS,
  schema: examRecordSchema,
};

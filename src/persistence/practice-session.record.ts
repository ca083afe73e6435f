/**
 * One practice session in the history (`claimlab/practice-sessions/<n>`): the simulated office's
 * setup, its clock, and every decision it judged as a score item (clock date, kind, choice,
 * right or wrong, rationale, rule), with the totals those items give. Kept apart from the
 * practice itself (practice.record.ts), so the history keeps a session after the practice is
 * discarded or replaced. Format 1: a change of shape gets a numbered migration here.
 * See: src/domain/scoring/practice-session.ts (the score); issue 13 ("Progress").
 */
import { z } from 'zod';
import { practiceTotals } from '../domain/scoring/practice-session';
import { isoDateSchema } from '../domain/time/schema';
import type { Migration, RecordType } from './versioned';

const isoDate = isoDateSchema('must be a date YYYY-MM-DD');

export const practiceItemSchema = z.object({
  at: isoDate,
  kind: z.string().min(1),
  choice: z.string(),
  mark: z.enum(['right', 'wrong']),
  rationale: z.string(),
  rule: z.string(),
  encounterId: z.string().optional(),
  claimId: z.string().optional(),
});

export const practiceSessionSchema = z
  .object({
    format: z.literal(1),
    kind: z.literal('practice-session'),
    /** `0001`, `0002`, … in the order sessions began. */
    id: z.string().regex(/^\d{4,}$/, 'must be digits, e.g. 0001'),
    /** Wall-clock times (ISO) of the session's first and latest recorded decision. */
    startedAt: z.string().min(1),
    updatedAt: z.string().min(1),
    seed: z.number().int().min(0),
    weeks: z.number().int().min(1),
    guided: z.boolean(),
    /** The practice's last day (its identity with the seed, src/state/practice.svelte.ts). */
    endsOn: isoDate,
    /** The simulated clock when last recorded. */
    today: isoDate,
    items: z.array(practiceItemSchema),
    /** Finding ids raised on the practice's claims (rejections and remittances). */
    findingIds: z.array(z.string()),
    score: z.object({
      percent: z.number().min(0).max(100),
      points: z.number().min(0),
      max: z.number().min(0),
    }),
  })
  .superRefine((r, ctx) => {
    // The score is the items': an edited file cannot claim a better one.
    const t = practiceTotals(r.items);
    for (const k of ['points', 'max', 'percent'] as const)
      if (r.score[k] !== t[k])
        ctx.addIssue({
          code: 'custom',
          path: ['score', k],
          message: `must be ${t[k]} (from the ${r.items.length} decision items)`,
        });
  });

export type PracticeSessionRecord = z.infer<typeof practiceSessionSchema>;

export const PRACTICE_SESSION_MIGRATIONS: readonly Migration[] = [];

export const practiceSessionRecordType: RecordType<PracticeSessionRecord> = {
  kind: 'practice-session',
  format: 1,
  migrations: PRACTICE_SESSION_MIGRATIONS,
  schema: practiceSessionSchema,
};

export const PRACTICE_SESSION_PREFIX = 'claimlab/practice-sessions/';
export const practiceSessionKey = (id: string) => `${PRACTICE_SESSION_PREFIX}${id}`;

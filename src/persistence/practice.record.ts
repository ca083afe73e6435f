/**
 * The trainee's simulated practice, saved after every action: the engine's JSON
 * (src/machines/practice/engine.ts `Practice.toJSON`) plus what the screen adds (the visits
 * still to come, the options the practice was started with). Format 1; a change of shape gets
 * a numbered migration here.
 * See: issue 15 ("Progress survives reload and a killed browser").
 */
import { z } from 'zod';
import type { RecordType } from './versioned';

const engineJson = z
  .object({
    formatVersion: z.literal(1),
    seed: z.number().int(),
    today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    cases: z.array(z.object({ enc: z.object({ id: z.string() }).loose() }).loose()),
    agenda: z.array(z.tuple([z.string(), z.array(z.unknown())])),
    decisions: z.array(z.object({ at: z.string(), kind: z.string(), right: z.boolean() }).loose()),
    /** The posting ledger (added with line-by-line posting; older saves have none). */
    postings: z.array(z.object({ at: z.string(), encounterId: z.string() }).loose()).optional(),
  })
  .loose();

export const practiceRecordSchema = z.object({
  format: z.literal(1),
  kind: z.literal('practice'),
  revision: z.number().int().min(0),
  savedAt: z.string(),
  options: z.object({
    seed: z.number().int().min(0),
    weeks: z.number().int().min(1),
    guided: z.boolean(),
  }),
  /** The practice's last day (start + weeks). */
  endsOn: z.string(),
  /** Generated visits not yet admitted (their date of service is still ahead). */
  upcoming: z.array(z.object({ id: z.string(), serviceDate: z.string() }).loose()),
  /** What the trainee last sent per encounter (a correction starts from it). */
  codings: z.record(z.string(), z.unknown()).default({}),
  /** What the payer's ledger recorded (remittance and claim), replayed on restore. */
  ledger: z
    .array(
      z.object({
        remittance: z.object({ payerId: z.string() }).loose(),
        claim: z.object({ serviceDate: z.string() }).loose(),
      }),
    )
    .default([]),
  practice: engineJson,
});

export type PracticeRecord = z.infer<typeof practiceRecordSchema>;

export const practiceRecordType: RecordType<PracticeRecord> = {
  kind: 'practice',
  format: 1,
  migrations: [],
  schema: practiceRecordSchema,
};

export const PRACTICE_KEY = 'claimlab/practice/current';

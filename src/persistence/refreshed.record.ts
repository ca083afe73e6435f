/**
 * What the trainee last refreshed on, per pack id: the pack version they studied (the
 * refresher's "what changed since I last studied" compares it with the newest version) and the
 * quiz score. Format 1; a change of shape gets a numbered migration here.
 */
import { z } from 'zod';
import type { RecordType } from './versioned';

export const refreshedSchema = z.object({
  format: z.literal(1),
  kind: z.literal('pack-refreshed'),
  packId: z.string().min(1),
  /** The newer version of the refresher the trainee finished. */
  version: z.string().min(1),
  /** Wall-clock time (ISO) the quiz was scored. */
  refreshedAt: z.string(),
  score: z.object({ correct: z.number().int().min(0), total: z.number().int().min(0) }).nullable(),
});

export type RefreshedRecord = z.infer<typeof refreshedSchema>;

export const refreshedRecordType: RecordType<RefreshedRecord> = {
  kind: 'pack-refreshed',
  format: 1,
  migrations: [],
  schema: refreshedSchema,
};

export const refreshedKey = (packId: string) => `claimlab/refreshed/${packId}`;

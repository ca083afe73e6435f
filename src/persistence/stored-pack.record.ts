/**
 * A scenario pack authored in the studio or imported from a file, as stored in this browser:
 * the whole pack as one single-file pack JSON (format 2, every part inline), kept as given and
 * read through the pack reader (src/scenarios/format) like a shipped pack. Format 1 of the
 * record; a change of shape gets a numbered migration here.
 * See: issue 14 "Share", STYLE.md (each persisted record type has its validator).
 */
import { z } from 'zod';
import type { RecordType } from './versioned';

export const storedPackSchema = z.object({
  format: z.literal(1),
  kind: z.literal('stored-pack'),
  /** The record's own id (stable while the pack's id and version are edited). */
  slot: z.string().regex(/^[a-z0-9][a-z0-9@.+-]{0,120}$/),
  origin: z.enum(['authored', 'imported']),
  /** The pack (single-file JSON); validated by the pack reader, not here. */
  pack: z.unknown(),
  /** Counts the saves of this record (any tab): a save writes only over the revision it read. */
  revision: z.number().int().min(0),
  /** Wall-clock time (ISO) of the save, for the studio's list only. */
  savedAt: z.string(),
});

export type StoredPack = z.infer<typeof storedPackSchema>;

export const storedPackRecordType: RecordType<StoredPack> = {
  kind: 'stored-pack',
  format: 1,
  migrations: [],
  schema: storedPackSchema,
};

export const STORED_PACK_PREFIX = 'claimlab/packs/';
export const storedPackKey = (slot: string) => `${STORED_PACK_PREFIX}${slot}`;

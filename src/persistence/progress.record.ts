/**
 * The saved progress of one case: the lifecycle step and the machine context (draft, claims
 * sent, remittances, clock). Format 1. Add a migration to `PROGRESS_MIGRATIONS` and bump
 * `format` whenever this shape changes.
 */
import { z } from 'zod';
import { claimPatientSchema, claimSchema } from '../domain/claim/schema';
import { FINDING_IDS, type FindingId } from '../domain/findings';
import { LIFECYCLE_STEPS } from '../machines/lifecycle.machine';
import { remittanceSchema } from '../machines/remittance';
import { workEntrySchema } from '../machines/denial-work';
import { patientAccountSchema } from '../machines/patient-account';
import { findingJsonSchema } from '../domain/payer/remittance/remittance-json';
import { isoDateSchema } from '../domain/time/schema';
import { DENIAL_ACTIONS } from '../domain/scoring/types';
import {
  CATEGORY_IDS,
  MAX_HIGHLIGHTS,
  MAX_NOTE,
  MAX_QUOTE,
} from '../domain/annotations/highlights';
import type { Migration, RecordType } from './versioned';

const isoDate = isoDateSchema('must be a date YYYY-MM-DD');
const findingId = z.enum(Object.keys(FINDING_IDS) as [FindingId, ...FindingId[]]);

// The remittance JSON's finding, with the id checked against the public registry.
const findingSchema = findingJsonSchema.extend({ id: findingId });

// The claim and its patient are the domain's schema (src/domain/claim/schema.ts), not a copy.
const patient = claimPatientSchema;

const draftSchema = z.object({
  diagnoses: z.array(z.string()).max(12),
  lines: z.array(
    z.object({
      code: z.string(),
      modifiers: z.array(z.string()).length(4),
      units: z.string(),
      dxPointers: z.array(z.number().int().min(1)).max(4),
      charge: z.string(),
    }),
  ),
});

export const lifecycleContextSchema = z.object({
  caseId: z.string().min(1),
  header: z.object({
    payerId: z.string(),
    patient,
    provider: z.object({ npi: z.string(), pos: z.string(), locality: z.string() }),
    serviceDate: isoDate,
    priorAuthNumber: z.string().nullable(),
    accumulators: z.object({ deductibleMet: z.string(), outOfPocketMet: z.string() }),
  }),
  acceptsReplacement: z.boolean(),
  today: isoDate,
  draft: draftSchema,
  claimSeq: z.number().int().min(1),
  next: z.object({
    claimId: z.string(),
    frequency: z.enum(['1', '7', '8']),
    originalClaimId: z.string().nullable(),
    channel: z.enum(['claim', 'reopening']).optional(),
  }),
  claim: claimSchema.nullable(),
  claimFindings: z.array(findingSchema),
  submissions: z.array(
    z.object({ claim: claimSchema, submittedOn: isoDate, remittance: remittanceSchema.nullable() }),
  ),
  remittance: remittanceSchema.nullable(),
  error: z.string().nullable(),
  /**
   * The decisions taken after the remittance, when the case records them (src/domain/scoring
   * `Decisions`); kept so a stored attempt scores the same when read back. Absent: scoring reads
   * the corrections from the claims sent.
   */
  decisions: z
    .object({
      actions: z.array(z.enum(DENIAL_ACTIONS)),
      appeal: z
        .object({
          level: z.number().int().min(1).max(5),
          filedOn: isoDate,
          deadline: isoDate.nullable().optional(),
        })
        .optional(),
      balance: z.enum(['bill-patient', 'write-off']).optional(),
      writeOffReason: z.string().min(1).optional(),
    })
    .optional(),
  /** Actions at a remittance (a case that starts from one); optional, so older records read. */
  work: z.array(workEntrySchema).optional(),
  /** The patient's account after billing from the workbench (optional, so older records read). */
  account: patientAccountSchema.optional(),
  /** The payer's revised remittances after won appeals (optional, so older records read). */
  revisions: z.array(remittanceSchema).optional(),
  /** The secondary claim with the secondary payer's answer (optional, so older records read). */
  secondary: z
    .object({ claim: claimSchema, submittedOn: isoDate, remittance: remittanceSchema.nullable() })
    .optional(),
});

/** The trainee's highlights on the visit note (src/domain/annotations/highlights.ts). */
export const highlightSchema = z
  .object({
    id: z.string().min(1),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    quote: z.string().min(1).max(MAX_QUOTE),
    category: z.enum(CATEGORY_IDS),
    note: z.string().max(MAX_NOTE),
  })
  .refine((h) => h.start < h.end, { message: 'start must be before end', path: ['end'] });
/** Optional in format 2 (no bump): a record written before highlights existed has none, and
 * reads as it always did. */
const highlights = z.array(highlightSchema).max(MAX_HIGHLIGHTS).optional();

export const progressSchema = z.object({
  format: z.literal(2),
  kind: z.literal('case-progress'),
  packId: z.string().min(1),
  packVersion: z.string(),
  caseId: z.string().min(1),
  step: z.enum(LIFECYCLE_STEPS),
  context: lifecycleContextSchema,
  highlights,
  /** Counts the saves of this record (any tab): a save writes only over the revision it read. */
  revision: z.number().int().min(0),
  /** Wall-clock time of the save (ISO), for the case list only; never used by the simulation. */
  savedAt: z.string(),
});

export type ProgressRecord = z.infer<typeof progressSchema>;

/** Format n → n+1, in order, no gaps. */
export const PROGRESS_MIGRATIONS: readonly Migration[] = [
  // 1 → 2: records carry a revision for the two-tab check (older records count as revision 0).
  { from: 1, up: (r) => ({ ...r, revision: 0 }) },
];

export const progressRecordType: RecordType<ProgressRecord> = {
  kind: 'case-progress',
  format: 2,
  migrations: PROGRESS_MIGRATIONS,
  schema: progressSchema,
};

/** One scored item as the history keeps it (src/domain/scoring ScoredItem, flattened). */
export const storedItemSchema = z.object({
  kind: z.string().min(1),
  label: z.string(),
  expected: z.string(),
  given: z.string(),
  mark: z.enum(['right', 'partly', 'wrong']),
  points: z.number().min(0),
  max: z.number().min(0),
  section: z.string().optional(),
  reference: z.string().optional(),
  /** The code the item is about (for "most common errors") and its code system. */
  code: z.string().optional(),
  system: z.enum(['ICD-10-CM', 'CPT/HCPCS', 'modifier']).optional(),
});
export type StoredItem = z.infer<typeof storedItemSchema>;

/**
 * A closed attempt (the case reached its score, or the trainee started it over): its last state,
 * its score and, from format 2, its score items, mode, start time and the case's tags.
 */
export const attemptSchema = z.object({
  format: z.literal(2),
  kind: z.literal('case-attempt'),
  packId: z.string().min(1),
  packVersion: z.string(),
  caseId: z.string().min(1),
  /** Wall-clock time the attempt was closed (ISO). */
  closedAt: z.string(),
  step: z.enum(LIFECYCLE_STEPS),
  context: lifecycleContextSchema,
  /** The highlights as they stood when the attempt closed (read-only from then on). */
  highlights,
  score: z.object({
    percent: z.number().min(0).max(100),
    points: z.number().min(0),
    max: z.number().min(0),
  }),
  /** The items as scored when the attempt closed (the score can be recomputed from `context`). */
  items: z.array(storedItemSchema),
  mode: z.enum(['practice', 'exam']),
  /** Wall-clock time the case was first opened (ISO), when known. */
  startedAt: z.string().nullable(),
  /** The case's ICD-10-CM chapters and topics, for the dashboard. */
  chapters: z.array(z.number().int()),
  topics: z.array(z.string()),
  /** The exam this attempt belongs to, when taken in exam mode. */
  examId: z.string().optional(),
});

export type AttemptRecord = z.infer<typeof attemptSchema>;

/** Format n → n+1, in order, no gaps. */
export const ATTEMPT_MIGRATIONS: readonly Migration[] = [
  // 1 → 2: score items, mode, start time and tags (older attempts: none kept, practice, unknown).
  {
    from: 1,
    up: (r) => ({ ...r, items: [], mode: 'practice', startedAt: null, chapters: [], topics: [] }),
  },
];

export const attemptRecordType: RecordType<AttemptRecord> = {
  kind: 'case-attempt',
  format: 2,
  migrations: ATTEMPT_MIGRATIONS,
  schema: attemptSchema,
};

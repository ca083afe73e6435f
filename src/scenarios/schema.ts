/**
 * The shape the app, the payer service and scoring read today (`Pack`, `CaseFile`: the format-1
 * case). Packs are not read with these schemas: the one pack reader (format/index.ts) validates
 * every pack as format 2 (format 1 through the migrations) and gives this shape through
 * format/legacy.ts. `caseSchema` is kept as the definition of `CaseFile` (and applies format 1's
 * defaults in the migration test).
 * See: scenarios/README.md (the authoring guide).
 */
import { z } from 'zod';
import { DUAL_STATUSES } from '../domain/claim/claim';
import { isoDateSchema } from '../domain/time/schema';
import type { PlanV2 } from './format/v2';

export const PACK_FORMAT = 1;

const isoDate = isoDateSchema('must be a calendar date YYYY-MM-DD');
const money = z.string().regex(/^\d{1,7}\.\d{2}$/, 'must be an amount such as "120.00"');
const icd = z
  .string()
  .regex(/^[A-Za-z][0-9A-Za-z]{2}(\.?[0-9A-Za-z]{1,4})?$/, 'must be an ICD-10-CM code');
const proc = z.string().regex(/^(\d{4}[0-9FTU]|[A-Va-v]\d{4})$/, 'must be a CPT or HCPCS code');
const modifier = z.string().regex(/^[0-9A-Z]{2}$/, 'must be a two-character modifier');
const rationale = z.string().min(10, 'rationale must explain the answer in a sentence');

export const answerDiagnosisSchema = z.object({
  code: icd,
  rationale,
  /** Other codes that earn partial credit, each with why it is only partly right. */
  alternatives: z
    .array(z.object({ code: icd, credit: z.literal('partial'), rationale }))
    .default([]),
});

export const answerLineSchema = z.object({
  code: proc,
  modifiers: z.array(modifier).max(4).default([]),
  units: z.number().int().min(1),
  /** 1-based pointers into answer.diagnoses. */
  dxPointers: z.array(z.number().int().min(1).max(12)).min(1).max(4),
  rationale,
  alternatives: z
    .array(z.object({ code: proc, credit: z.literal('partial'), rationale }))
    .default([]),
});

export const caseSchema = z.object({
  format: z.literal(PACK_FORMAT),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'),
  title: z.string().min(3),
  summary: z.string().min(10),
  setting: z.string().min(3),
  patient: z.object({
    firstName: z.string().min(1),
    lastName: z.string().min(1),
    sex: z.enum(['F', 'M', 'U']),
    birthDate: isoDate,
    memberId: z.string().min(1),
    /** Medicare–Medicaid dual status (e.g. `qmb`: no Medicare cost sharing billed to the patient). */
    dualStatus: z.enum(DUAL_STATUSES).optional(),
  }),
  payerId: z.string().min(1),
  /** Format 2 `encounter.planId`: the plan of the payer whose dated policies apply to the case. */
  planId: z.string().min(1).optional(),
  provider: z.object({
    name: z.string().min(1),
    npi: z.string().regex(/^\d{10}$/, 'must be 10 digits'),
    pos: z.string().regex(/^\d{2}$/, 'must be a two-digit place of service'),
    locality: z.string().regex(/^\d{5}-\d{2}$/, 'must be MAC-locality, e.g. 10112-00'),
  }),
  serviceDate: isoDate,
  documentation: z.object({
    kind: z.literal('soap'),
    sections: z.array(z.object({ heading: z.string().min(1), text: z.string().min(1) })).min(4),
    /** Format 2 `documentation.kind: 'markdown'`: the note as written, rendered through the sanitiser. */
    markdown: z.string().optional(),
  }),
  /** The practice's charge for each code (its charge master), billed as entered. */
  chargeMaster: z.record(proc, money),
  /** Starting benefit-year accumulators for the patient at this payer. */
  accumulators: z
    .object({ deductibleMet: money, outOfPocketMet: money })
    .default({ deductibleMet: '0.00', outOfPocketMet: '0.00' }),
  answer: z.object({
    diagnoses: z.array(answerDiagnosisSchema).min(1).max(12),
    lines: z.array(answerLineSchema).min(1),
  }),
});

export type CaseFile = z.infer<typeof caseSchema>;
export type AnswerDiagnosis = z.infer<typeof answerDiagnosisSchema>;
export type AnswerLine = z.infer<typeof answerLineSchema>;

export interface Pack {
  id: string;
  version: string;
  title: string;
  description: string;
  cases: CaseFile[];
  /** Raw payer profile JSON by file, validated by the payer module (src/domain/payer). */
  payers: { file: string; data: unknown }[];
  /**
   * Raw fee tables (every `fees/*.json` in the pack folder, by file name order), validated by
   * the payer service (src/services/payer.ts) with the payer module's parser.
   */
  fees: { file: string; data: unknown }[];
  /**
   * Raw Part B drug payment tables (every `drugs/*.json`: ASP payment limits of one quarter),
   * validated by the payer service with the payer module's parser.
   */
  drugs: { file: string; data: unknown }[];
  /**
   * Format 2 plans (validated with the pack): a case naming one is adjudicated under the plan's
   * policies in force on its date of service, as `pack validate` and the CLI do.
   */
  plans?: readonly PlanV2[];
}

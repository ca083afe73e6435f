/**
 * Scenario pack format, version 1. A pack is data, not code: `pack.json` names its cases and
 * payer profiles; each file declares `format`. Validation reports every problem with its path
 * (`cases[0].answer.lines[1].dxPointers[0]`), never just the first.
 * See: scenarios/README.md (the authoring guide).
 */
import { z } from 'zod';
import { DUAL_STATUSES } from '../domain/claim/claim';
import { isoDateSchema } from '../domain/time/schema';

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

/**
 * Cross-field checks, run on the raw case even when the schema fails so that an author sees
 * every problem at once.
 */
export function crossCheckCase(raw: unknown): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  const c = raw as {
    chargeMaster?: Record<string, unknown>;
    answer?: { diagnoses?: unknown[]; lines?: { code?: unknown; dxPointers?: unknown[] }[] };
  };
  const nDx = Array.isArray(c?.answer?.diagnoses) ? c.answer.diagnoses.length : 0;
  const charges = c?.chargeMaster && typeof c.chargeMaster === 'object' ? c.chargeMaster : {};
  (Array.isArray(c?.answer?.lines) ? c.answer.lines : []).forEach((l, i) => {
    (Array.isArray(l?.dxPointers) ? l.dxPointers : []).forEach((p, j) => {
      if (typeof p === 'number' && p > nDx)
        out.push({
          path: ['answer', 'lines', i, 'dxPointers', j],
          message: `points to diagnosis ${p} but the answer has ${nDx}`,
        });
    });
    if (typeof l?.code === 'string' && !(l.code.toUpperCase() in charges))
      out.push({
        path: ['answer', 'lines', i, 'code'],
        message: `${l.code} has no charge in chargeMaster`,
      });
  });
  return out;
}

export const packSchema = z.object({
  format: z.literal(PACK_FORMAT),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a semantic version such as 1.0.0'),
  title: z.string().min(3),
  description: z.string().min(10),
  /** Paths relative to pack.json. */
  payers: z.array(z.string().endsWith('.json')).default([]),
  cases: z.array(z.string().endsWith('.json')).min(1),
});

export type CaseFile = z.infer<typeof caseSchema>;
export type PackFile = z.infer<typeof packSchema>;
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
}

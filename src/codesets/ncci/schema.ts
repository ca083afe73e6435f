/**
 * zod schemas for the curated NCCI JSON files in codesets/ncci/ (format version 1). Problems
 * are reported with their path (`groups[2].column1[4]`).
 */
import { z } from 'zod';
import type { Problem } from '../../domain/result';
import { isoDateSchema } from '../../domain/time/schema';

const isoDate = isoDateSchema('a date YYYY-MM-DD');
const procCode = z.string().regex(/^(\d{5}|\d{4}[FTU]|[A-V]\d{4})$/, 'a CPT or HCPCS code');

export const PtpGroupSchema = z.object({
  column1: z.array(procCode).min(1),
  column2: z.array(procCode).min(1),
  effective: isoDate,
  deleted: isoDate.nullable(),
  modifierIndicator: z.enum(['0', '1', '9']),
  rationale: z.string().min(1),
  note: z.string().optional(),
  source: z.string().min(1),
});

export const PtpFileSchema = z.object({
  format: z.literal('claimlab.ncci.ptp'),
  formatVersion: z.literal(1),
  title: z.string(),
  about: z.string(),
  url: z.string(),
  groups: z.array(PtpGroupSchema),
});

export const MueEntrySchema = z.object({
  code: procCode,
  value: z.number().int().min(0),
  indicator: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  rationale: z.string().min(1),
  effective: isoDate,
  deleted: isoDate.nullable(),
  confidence: z.enum(['policy', 'descriptor', 'estimate']),
  basis: z.string().min(1),
});

export const MueFileSchema = z.object({
  format: z.literal('claimlab.ncci.mue'),
  formatVersion: z.literal(1),
  title: z.string(),
  about: z.string(),
  url: z.string(),
  edits: z.array(MueEntrySchema),
});

export type PtpFile = z.infer<typeof PtpFileSchema>;
export type MueFile = z.infer<typeof MueFileSchema>;

export function zodProblems(file: string, error: z.ZodError): Problem[] {
  return error.issues.map((i) => ({
    path: `${file}:${i.path.map((p, k) => (typeof p === 'number' ? `[${p}]` : `${k ? '.' : ''}${String(p)}`)).join('')}`,
    message: i.message,
  }));
}

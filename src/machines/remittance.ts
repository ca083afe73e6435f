/**
 * The remittance as the lifecycle stores it: the `adjudicate` JSON shape of the public CLI
 * contract (money as decimal strings), validated with zod because it is persisted and may come
 * back from storage written by an older version. The schema is the domain's
 * (src/domain/payer/remittance-json.ts) plus the 835 text the app keeps for download.
 * See: README "CLI contract" (issue 2); X12 005010X221A1 (835) CLP/SVC/CAS segments.
 */
import { z } from 'zod';
import {
  adjustmentJsonSchema,
  findingJsonSchema,
  remittanceJsonSchema,
  remittanceLineJsonSchema,
  remittanceStatusSchema,
} from '../domain/payer/remittance/remittance-json';

export const remittanceStatus = remittanceStatusSchema;
export type RemittanceStatus = z.infer<typeof remittanceStatus>;
export const adjustmentSchema = adjustmentJsonSchema;
export const remittanceLineSchema = remittanceLineJsonSchema;
export const findingSchema = findingJsonSchema;

export const remittanceSchema = remittanceJsonSchema.extend({
  /** The 005010X221A1 835 the payer sent (null for a rejection, which has none). */
  x12835: z.string().nullable().optional(),
});

export type Remittance = z.infer<typeof remittanceSchema>;
export type RemittanceLine = z.infer<typeof remittanceLineSchema>;
export type Adjustment = z.infer<typeof adjustmentSchema>;

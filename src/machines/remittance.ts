/**
 * The remittance as the lifecycle stores it: the `adjudicate` JSON shape of the public CLI
 * contract (money as decimal strings), validated with zod because it is persisted and may come
 * back from storage written by an older version.
 * See: README "CLI contract" (issue 2); X12 005010X221A1 (835) CLP/SVC/CAS segments.
 */
import { z } from 'zod';

const money = z.string().regex(/^-?\d+\.\d{2}$/, 'must be an amount such as "120.00"');

export const remittanceStatus = z.enum(['paid', 'partially-paid', 'denied', 'rejected']);
export type RemittanceStatus = z.infer<typeof remittanceStatus>;

export const adjustmentSchema = z.object({
  group: z.enum(['CO', 'PR', 'OA', 'PI']),
  carc: z.string().min(1),
  amount: money,
});

export const remittanceLineSchema = z.object({
  line: z.number().int().min(1),
  code: z.string(),
  billed: money,
  allowed: money,
  paid: money,
  adjustments: z.array(adjustmentSchema),
  remarks: z.array(z.string()),
  modifiers: z.array(z.string()).optional(),
  units: z.number().optional(),
  feeSchedule: money.optional(),
  pricingSource: z.string().optional(),
  pricingRules: z.array(z.string()).optional(),
  limitingCharge: money.optional(),
});

export const findingSchema = z.object({
  id: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  line: z.number().int().nullable(),
  codes: z.array(z.string()),
  message: z.string(),
  reference: z.string(),
  suggestion: z.string().optional(),
  field: z.string().optional(),
  diagnosisIndex: z.number().int().optional(),
});

export const remittanceSchema = z.object({
  claimId: z.string(),
  status: remittanceStatus,
  lines: z.array(remittanceLineSchema),
  totals: z.object({ billed: money, allowed: money, paid: money, patientResponsibility: money }),
  findings: z.array(findingSchema).default([]),
  // Optional fields the payer adds beyond the minimal contract (all kept through persistence).
  payerId: z.string().optional(),
  /** The payer's claim number (Medicare ICN); null when rejected. */
  payerClaimNumber: z.string().nullable().optional(),
  /** Claim-level remark codes (e.g. MA130 on a front-end rejection). */
  claimRemarks: z.array(z.string()).optional(),
  receivedDate: z.string().optional(),
  remitDate: z.string().optional(),
  accumulatorsAfter: z.object({ deductibleMet: money, outOfPocketMet: money }).optional(),
  appealDeadline: z.string().nullable().optional(),
  /** The 005010X221A1 835 the payer sent (null for a rejection, which has none). */
  x12835: z.string().nullable().optional(),
  appeal: z
    .object({
      level: z.number(),
      name: z.string(),
      deadline: z.string(),
      amountInControversy: money.nullable(),
      source: z.string(),
    })
    .nullable()
    .optional(),
});

export type Remittance = z.infer<typeof remittanceSchema>;
export type RemittanceLine = z.infer<typeof remittanceLineSchema>;
export type Adjustment = z.infer<typeof adjustmentSchema>;

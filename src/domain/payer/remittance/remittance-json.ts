/**
 * Reading the public remittance JSON (what `claimlab adjudicate` prints and the app stores) back
 * into the domain model: validated with zod, every problem named by its path, money parsed to
 * cents. Used for payer history given to the CLI (`--history`), for reopenings, and by the app,
 * which keeps the JSON form. Fields the JSON does not carry (accumulators before, payer name,
 * provider) come back empty.
 * See: src/domain/payer/remittance.ts (remittanceJson, the writer).
 */
import { z } from 'zod';
import { DUAL_STATUSES } from '../../claim/claim';
import { cents, parseMoney, type Cents } from '../../money';
import type { Problem, Result } from '../../result';
import type { GroupCode } from './codes';
import { formatPath } from '../profile';
import { totalsOf, type RemitLine, type Remittance } from './remittance';
import { prShares, reversalFromLines } from '../corrections/reversal';
import type { Accumulators } from '../../claim/claim';

// The shape, and an amount parseMoney reads (at most 9 digits before the point), so every
// reader past this boundary gets cents and none falls back to zero.
const money = z
  .string()
  .regex(/^-?\d+\.\d{2}$/, 'must be an amount such as "120.00"')
  .refine((s) => parseMoney(s) !== null, 'must be an amount under $10,000,000.00');

export const remittanceStatusSchema = z.enum([
  'paid',
  'partially-paid',
  'denied',
  'rejected',
  'voided',
  // A refused reopening (claimlab reopen, the app): the original decision stands.
  'refused',
]);

export const adjustmentJsonSchema = z.object({
  group: z.enum(['CO', 'PR', 'OA', 'PI']),
  carc: z.string().min(1),
  amount: money,
});

export const remittanceLineJsonSchema = z.object({
  line: z.number().int().min(1),
  code: z.string(),
  billed: money,
  allowed: money,
  paid: money,
  adjustments: z.array(adjustmentJsonSchema),
  remarks: z.array(z.string()),
  modifiers: z.array(z.string()).optional(),
  units: z.number().optional(),
  serviceDate: z.string().optional(),
  feeSchedule: money.optional(),
  pricingSource: z.string().optional(),
  pricingRules: z.array(z.string()).optional(),
  limitingCharge: money.optional(),
  paidTo: z.enum(['patient']).optional(),
});

export const findingJsonSchema = z.object({
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

const totals = z.object({
  billed: money,
  allowed: money,
  paid: money,
  patientResponsibility: money,
});

export const remittanceJsonSchema = z.object({
  claimId: z.string(),
  status: remittanceStatusSchema,
  lines: z.array(remittanceLineJsonSchema),
  totals,
  findings: z.array(findingJsonSchema).default([]),
  // Optional fields the payer adds beyond the minimal contract of issue 2.
  payerId: z.string().optional(),
  /** The payer's claim number (Medicare ICN); null when rejected. */
  payerClaimNumber: z.string().nullable().optional(),
  memberId: z.string().nullable().optional(),
  claimRemarks: z.array(z.string()).optional(),
  receivedDate: z.string().optional(),
  remitDate: z.string().optional(),
  accumulatorsBefore: z.object({ deductibleMet: money, outOfPocketMet: money }).optional(),
  accumulatorsAfter: z.object({ deductibleMet: money, outOfPocketMet: money }).optional(),
  benefitYear: z.string().optional(),
  appealDeadline: z.string().nullable().optional(),
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
  frequency: z.enum(['1', '7', '8']).optional(),
  originalClaimId: z.string().nullable().optional(),
  netPaid: money.optional(),
  /** QMB protection (qmb.ts): the patient may not be billed the PR cost sharing. */
  patientMayBeBilled: z.boolean().optional(),
  patientOwes: money.optional(),
  balanceBilling: z
    .object({
      reason: z.literal('qmb'),
      dualStatus: z.enum(DUAL_STATUSES),
      protectedAmount: money,
      source: z.string(),
    })
    .optional(),
  reversal: z
    .object({
      claimId: z.string(),
      payerClaimNumber: z.string(),
      lines: z.array(remittanceLineJsonSchema),
      totals,
      credits: z.object({ deductible: money, outOfPocket: money }),
    })
    .nullable()
    .optional(),
  reopening: z
    .object({
      requestDate: z.string(),
      reason: z.enum(['clerical-error', 'good-cause']),
      changes: z.array(z.string()),
    })
    .nullable()
    .optional(),
});
export type RemittanceJsonIn = z.infer<typeof remittanceJsonSchema>;

const c = (s: string): Cents => parseMoney(s) ?? cents(0);

function beforeFromShares(after: Accumulators, lines: readonly RemitLine[]): Accumulators {
  const s = prShares(lines);
  return {
    deductibleMet: cents(Math.max(0, after.deductibleMet - s.deductible)),
    outOfPocketMet: cents(Math.max(0, after.outOfPocketMet - s.outOfPocket)),
  };
}

function lineFrom(l: z.infer<typeof remittanceLineJsonSchema>): RemitLine {
  return {
    line: l.line,
    code: l.code,
    modifiers: l.modifiers ?? [],
    units: l.units ?? 1,
    serviceDate: l.serviceDate ?? '',
    billed: c(l.billed),
    allowed: c(l.allowed),
    paid: c(l.paid),
    adjustments: l.adjustments.map((a) => ({
      group: a.group as GroupCode,
      carc: a.carc,
      amount: c(a.amount),
    })),
    remarks: l.remarks,
    ...(l.paidTo ? { paidTo: l.paidTo } : {}),
  };
}

/** The domain remittance from its JSON form; problems name `where` and the field path. */
export function remittanceFromJson(json: unknown, where: string): Result<Remittance> {
  const r = remittanceJsonSchema.safeParse(json);
  if (!r.success) {
    const errors: Problem[] = r.error.issues.map((i) => ({
      path: `${where}: ${formatPath(i.path)}`,
      message: `${formatPath(i.path)}: ${i.message}`,
    }));
    return { ok: false, errors };
  }
  const j = r.data;
  if (j.status === 'refused')
    return {
      ok: false,
      errors: [
        {
          path: `${where}: status`,
          message: 'status: a refused reopening is not a remittance (nothing was decided)',
        },
      ],
    };
  const date = j.receivedDate ?? '';
  const lines = j.lines.map((l) => lineFrom(l));
  const acc = j.accumulatorsAfter
    ? {
        deductibleMet: c(j.accumulatorsAfter.deductibleMet),
        outOfPocketMet: c(j.accumulatorsAfter.outOfPocketMet),
      }
    : { deductibleMet: cents(0), outOfPocketMet: cents(0) };
  const value: Remittance = {
    claimId: j.claimId,
    payerId: j.payerId ?? '',
    payerName: j.payerId ?? '',
    status: j.status as Remittance['status'],
    payerClaimNumber: j.payerClaimNumber ?? null,
    frequency: j.frequency ?? '1',
    originalClaimId: j.originalClaimId ?? null,
    payerSequence: 1,
    claimFilingIndicator: '',
    receivedDate: date,
    remitDate: j.remitDate ?? '',
    lines,
    totals: totalsOf(lines),
    claimRemarks: j.claimRemarks ?? [],
    findings: [],
    // Without `accumulatorsBefore` (older output, hand-written history), what the claim added is
    // taken to be its deductible and out-of-pocket shares (PR-1, PR-1/2/3).
    accumulatorsBefore: j.accumulatorsBefore
      ? {
          deductibleMet: c(j.accumulatorsBefore.deductibleMet),
          outOfPocketMet: c(j.accumulatorsBefore.outOfPocketMet),
        }
      : beforeFromShares(acc, lines),
    accumulatorsAfter: acc,
    appeal: j.appeal
      ? {
          ...j.appeal,
          amountInControversy:
            j.appeal.amountInControversy === null ? null : c(j.appeal.amountInControversy),
        }
      : null,
    patient: { memberId: j.memberId ?? null },
    providerNpi: '',
    reversal: j.reversal
      ? reversalFromLines(
          j.reversal.claimId,
          j.reversal.payerClaimNumber,
          j.reversal.lines.map((l) => lineFrom(l)),
        )
      : null,
    reopening: j.reopening ?? null,
    ...(j.benefitYear ? { benefitYear: j.benefitYear } : {}),
    ...(j.balanceBilling
      ? {
          balanceBilling: {
            ...j.balanceBilling,
            protectedAmount: c(j.balanceBilling.protectedAmount),
            patientOwes: c(j.patientOwes ?? '0.00'),
          },
        }
      : {}),
  };
  return { ok: true, value };
}

type AdjustmentJson = z.infer<typeof adjustmentJsonSchema>;
type LineJson = z.infer<typeof remittanceLineJsonSchema>;
type TotalsJson = z.infer<typeof totals>;

/** A remittance line with its amounts in cents (what the page shows and the statement sums). */
export interface LineAmounts extends Omit<LineJson, 'billed' | 'allowed' | 'paid' | 'adjustments'> {
  billed: Cents;
  allowed: Cents;
  paid: Cents;
  adjustments: (Omit<AdjustmentJson, 'amount'> & { amount: Cents })[];
}
export type TotalsAmounts = { [K in keyof TotalsJson]: Cents };

/** The money of a remittance JSON, parsed once into cents: the lines, totals and take-back. */
export interface RemittanceAmounts {
  lines: LineAmounts[];
  totals: TotalsAmounts;
  /** QMB: false when the patient may not be billed the cost sharing. */
  patientMayBeBilled?: boolean | undefined;
  patientOwes: Cents | null;
  reversal: {
    lines: LineAmounts[];
    totals: TotalsAmounts;
    credits: { deductible: Cents; outOfPocket: Cents };
  } | null;
}

/** What remittanceAmounts reads: the JSON form's fields that carry money. */
export type RemittanceMoneyJson = Pick<RemittanceJsonIn, 'lines' | 'totals'> &
  Partial<Pick<RemittanceJsonIn, 'patientMayBeBilled' | 'patientOwes' | 'reversal'>>;

/**
 * Parses every amount of a remittance JSON into cents, once, at the boundary; an amount that is
 * not money is a problem naming its path (`lines[0].paid`), never a silent $0.00.
 */
export function remittanceAmounts(r: RemittanceMoneyJson): Result<RemittanceAmounts> {
  const problems: Problem[] = [];
  const m = (raw: string, path: string): Cents => {
    const v = parseMoney(raw);
    if (v === null) problems.push({ path, message: `${path}: "${raw}" is not an amount` });
    return v ?? cents(0);
  };
  const line = (l: LineJson, at: string): LineAmounts => ({
    ...l,
    billed: m(l.billed, `${at}.billed`),
    allowed: m(l.allowed, `${at}.allowed`),
    paid: m(l.paid, `${at}.paid`),
    adjustments: l.adjustments.map((a, i) => ({
      ...a,
      amount: m(a.amount, `${at}.adjustments[${i}].amount`),
    })),
  });
  const sums = (t: TotalsJson, at: string): TotalsAmounts => ({
    billed: m(t.billed, `${at}.billed`),
    allowed: m(t.allowed, `${at}.allowed`),
    paid: m(t.paid, `${at}.paid`),
    patientResponsibility: m(t.patientResponsibility, `${at}.patientResponsibility`),
  });
  const rev = r.reversal;
  const value: RemittanceAmounts = {
    lines: r.lines.map((l, i) => line(l, `lines[${i}]`)),
    totals: sums(r.totals, 'totals'),
    patientMayBeBilled: r.patientMayBeBilled,
    patientOwes: r.patientOwes === undefined ? null : m(r.patientOwes, 'patientOwes'),
    reversal: rev
      ? {
          lines: rev.lines.map((l, i) => line(l, `reversal.lines[${i}]`)),
          totals: sums(rev.totals, 'reversal.totals'),
          credits: {
            deductible: m(rev.credits.deductible, 'reversal.credits.deductible'),
            outOfPocket: m(rev.credits.outOfPocket, 'reversal.credits.outOfPocket'),
          },
        }
      : null,
  };
  return problems.length ? { ok: false, errors: problems } : { ok: true, value };
}

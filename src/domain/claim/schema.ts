/**
 * The claim as a zod schema, for claims already read and stored (the saved progress of a case,
 * anything that comes back from storage): the shape of `Claim` with money in integer cents.
 * Untrusted claim JSON goes through parseClaim (./parse.ts), which normalises codes and names
 * every problem; this schema only checks that a stored claim still has the domain's shape.
 * Dates stay plain strings: a claim may carry a date the edits report as invalid.
 * test/domain/claim-schema.test.ts checks at the type level that it infers `Claim` exactly.
 */
import { z } from 'zod';
import { cents } from '../money';
import { DUAL_STATUSES } from './claim';
import { PAYER_SEQUENCES, type PayerSequence } from './other-payers';
import { RENDERING_PROVIDER_TYPES } from './rendering-provider';

const centsSchema = z
  .number()
  .int()
  .transform((n) => cents(n));
const payerSequence = z.enum(PAYER_SEQUENCES as [PayerSequence, ...PayerSequence[]]);
const group = z.enum(['CO', 'PR', 'OA', 'PI']);

export const claimPatientSchema = z.object({
  sex: z.enum(['F', 'M', 'U']),
  birthDate: z.string(),
  memberId: z.string().nullable(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  dualStatus: z.enum(DUAL_STATUSES).optional(),
});

export const claimLineSchema = z.object({
  code: z.string(),
  modifiers: z.array(z.string()),
  units: z.number().int(),
  dxPointers: z.array(z.number().int()),
  charge: centsSchema,
  serviceDate: z.string().optional(),
});

export const accumulatorsSchema = z.object({
  deductibleMet: centsSchema,
  outOfPocketMet: centsSchema,
});

export const coverageFactsSchema = z.object({
  relation: z.enum(['self', 'spouse', 'dependent']),
  holderBirthDate: z.string().optional(),
  since: z.string().optional(),
  employerGroup: z.object({ employees: z.number(), currentEmployment: z.boolean() }).optional(),
  accidentCoverage: z.boolean().optional(),
});

export const otherPayerSchema = z.object({
  payerId: z.string(),
  sequence: payerSequence,
  memberId: z.string().nullable(),
  coverage: coverageFactsSchema.optional(),
  adjudication: z
    .object({
      payerClaimNumber: z.string().nullable(),
      adjudicationDate: z.string(),
      lines: z.array(
        z.object({
          line: z.number().int(),
          code: z.string(),
          modifiers: z.array(z.string()),
          units: z.number(),
          paid: centsSchema,
          adjustments: z.array(z.object({ group, carc: z.string(), amount: centsSchema })),
          remarks: z.array(z.string()).optional(),
        }),
      ),
    })
    .nullable(),
});

export const claimSchema = z.object({
  claimId: z.string(),
  payerId: z.string(),
  frequency: z.enum(['1', '7', '8']),
  originalClaimId: z.string().nullable(),
  patient: claimPatientSchema,
  provider: z.object({
    npi: z.string(),
    renderingNpi: z.string().optional(),
    renderingProviderType: z.enum(RENDERING_PROVIDER_TYPES).optional(),
    pos: z.string(),
    locality: z.string(),
    participating: z.boolean().optional(),
    acceptsAssignment: z.boolean().optional(),
  }),
  serviceDate: z.string(),
  submissionDate: z.string(),
  diagnoses: z.array(z.string()),
  lines: z.array(claimLineSchema),
  priorAuthNumber: z.string().nullable(),
  attachments: z
    .array(
      z.object({
        reportType: z.string(),
        transmission: z.enum(['AA', 'BM', 'EL', 'EM', 'FT', 'FX']),
        controlNumber: z.string().optional(),
      }),
    )
    .optional(),
  accumulators: accumulatorsSchema,
  accumulatorsGiven: z.boolean().optional(),
  payerSequence: payerSequence.optional(),
  otherPayers: z.array(otherPayerSchema).optional(),
  coverage: coverageFactsSchema.optional(),
});

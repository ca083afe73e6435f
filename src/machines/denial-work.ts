/**
 * The trainee's work on a denial in the case workspace (a case that starts from a remittance):
 * each action taken at the remittance that is not a new claim (an appeal, a write-off, billing
 * the patient, the secondary or the primary payer, posting only), judged by the practice's claim
 * machine (claim.machine.ts, appeal.machine.ts) and kept on the lifecycle's context, so the
 * attempt scores from the stored record. Corrections (frequency 7/8, reopenings, new claims) are
 * claims and live in `submissions`.
 * See: issue 15 ("the denial workbench", "wrong moves have consequences"); DOMAIN.md §8.
 */
import { z } from 'zod';

export const WORK_ACTIONS = [
  'post-only',
  'appeal',
  'write-off',
  'bill-patient',
  'bill-secondary',
  'bill-other-payer',
] as const;
export type WorkAction = (typeof WORK_ACTIONS)[number];

export const workEntrySchema = z.object({
  /** The simulated day the action was taken (ISO). */
  at: z.string(),
  action: z.enum(WORK_ACTIONS),
  /** What was chosen, in words ("appeal level 1 with medical records"). */
  choice: z.string(),
  /** Whether the rules judge the move right (the claim machine's decision). */
  right: z.boolean(),
  /** Why, citing the rule. */
  rationale: z.string(),
  /** What happened as a result, in words (the consequence the trainee sees). */
  outcome: z.string(),
  /** The account's path ends here: the case goes to its score. */
  closes: z.boolean(),
  /** The day the outcome arrived (an appeal decision), when later than `at`. */
  until: z.string().optional(),
  appeal: z
    .object({
      level: z.number().int().min(1),
      name: z.string(),
      evidence: z.string(),
      filedOn: z.string(),
      deadline: z.string().nullable(),
      result: z.enum(['won', 'upheld', 'dismissed', 'expired', 'refused']),
    })
    .optional(),
  /** What was done with the balance after the payer. */
  balance: z.enum(['bill-patient', 'write-off']).optional(),
  /** A write-off's reason (the claim machine's reason words), for the score's reason row. */
  writeOffReason: z.string().min(1).optional(),
});
export type WorkEntry = z.infer<typeof workEntrySchema>;

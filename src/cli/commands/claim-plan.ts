/**
 * The plan a CLI claim is billed under: a claim may name a plan of the loaded packs in its
 * optional `planId` (as a case's `encounter.planId` does), or bill the plan's id as its
 * `payerId`. Its payer's profile is then read with the plan's dated policies laid over it for
 * the claim's date of service — prior-authorization lists, medical necessity, modifier rules
 * and timely filing — by `withPlanPolicies`, the function `pack validate` runs case answer keys
 * with, so `check` and `adjudicate` apply the same rules as the packs. A plan the packs do not
 * define, or one of another payer, is a `claim.invalid-field` finding naming `planId`: `check`
 * lists it and `adjudicate` rejects the claim with it.
 * See: scenarios/README.md "Plans and their dated policies"; README "Claim input"; DOMAIN.md §5.
 */
import type { Claim } from '../../domain/claim/claim';
import { echo } from '../../domain/claim/input-text';
import type { Finding } from '../../domain/findings';
import { withPlanPolicies, type PlanPolicies } from '../../domain/payer/plan-policies';
import type { PayerProfile } from '../../domain/payer/profile';
import { loadShippedPacks } from '../../scenarios/load-node';
import { newestVersions } from '../../scenarios/versions';

export interface CliPlan {
  id: string;
  payerId: string;
  policies: PlanPolicies;
}

/** The payer profile a claim is adjudicated with, or the finding that stops it. */
export type ClaimPayer =
  | { payer: PayerProfile | undefined; finding?: undefined }
  | { payer?: undefined; finding: Finding };

let shipped: ReadonlyMap<string, CliPlan> | undefined;
/**
 * The plans of the shipped packs by id (the newest version of each pack, as the payer service
 * reads its payers; the first pack defining an id keeps it).
 */
export function shippedPlans(): ReadonlyMap<string, CliPlan> {
  if (shipped) return shipped;
  const plans = new Map<string, CliPlan>();
  for (const pack of newestVersions(loadShippedPacks().full))
    for (const pl of pack.plans) if (!plans.has(pl.id)) plans.set(pl.id, pl);
  return (shipped = plans);
}

const planFinding = (message: string): Finding => ({
  id: 'claim.invalid-field',
  severity: 'error',
  line: null,
  codes: [],
  field: 'planId',
  message,
  reference: 'README "Claim input" (planId: a plan of the loaded packs, scenarios/*/plans)',
});

/**
 * The profile `claim` (parsed from `raw`) is scrubbed and adjudicated with: its payer's, with
 * the plan's policies in force on the date of service when the claim names a plan (`planId`)
 * or bills a plan's id as `payerId`. `payer` is undefined when neither a payer nor a plan has
 * the claim's `payerId` (the callers' unknown-payer handling).
 */
export function claimPayer(
  raw: unknown,
  claim: Pick<Claim, 'payerId' | 'serviceDate'>,
  payers: ReadonlyMap<string, PayerProfile>,
  plans: ReadonlyMap<string, CliPlan>,
): ClaimPayer {
  const named =
    raw && typeof raw === 'object' && !Array.isArray(raw)
      ? (raw as { planId?: unknown }).planId
      : undefined;
  const known = () => (plans.size ? [...plans.keys()].join(', ') : 'none');
  if (named !== undefined && named !== null) {
    if (typeof named !== 'string' || !named.trim())
      return {
        finding: planFinding(`planId must be a plan id (a string); known plans: ${known()}.`),
      };
    const plan = plans.get(named.trim());
    if (!plan)
      return {
        finding: planFinding(`Unknown plan "${echo(named)}" (planId); known plans: ${known()}.`),
      };
    const billed = payers.get(claim.payerId) ? claim.payerId : plans.get(claim.payerId)?.payerId;
    if (billed !== plan.payerId)
      return {
        finding: planFinding(
          `Plan "${plan.id}" (planId) belongs to payer ${plan.payerId}, not ${echo(claim.payerId)} (payerId).`,
        ),
      };
    return withPlan(plan, payers, claim.serviceDate);
  }
  const payer = payers.get(claim.payerId);
  if (payer) return { payer };
  // The plan's id billed as the payer: that plan, on its payer's profile.
  const plan = plans.get(claim.payerId);
  return plan ? withPlan(plan, payers, claim.serviceDate) : { payer: undefined };
}

function withPlan(
  plan: CliPlan,
  payers: ReadonlyMap<string, PayerProfile>,
  serviceDate: string,
): ClaimPayer {
  const base = payers.get(plan.payerId);
  // Pack validation guarantees a plan's payer; a missing one reads as an unknown plan.
  if (!base)
    return {
      finding: planFinding(
        `Plan "${plan.id}" names payer ${plan.payerId}, which no loaded pack defines.`,
      ),
    };
  return { payer: withPlanPolicies(base, plan, serviceDate) };
}

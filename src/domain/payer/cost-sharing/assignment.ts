/**
 * Assignment, modelled apart from participation. A participating provider always accepts
 * assignment (the participation agreement); a non-participating one decides per claim (837P
 * CLM07: A assigned, C not assigned). The claim model (src/domain/claim) has no field for it
 * yet, so this adapter reads an optional `provider.acceptsAssignment` boolean when a caller (or
 * the 837P reader) sets one; absent, a non-participating provider is taken as NOT assigned,
 * which is what CLM07 "C" has always meant for ClaimLab claims.
 * See: Medicare Claims Processing Manual (Pub. 100-04) ch. 1 §30.3 (assignment) and ch. 12
 * §30.3.12 (limiting charge for non-assigned claims); X12 005010X222A1 CLM07.
 */
import type { Claim } from '../../claim/claim';

export type ProviderWithAssignment = Claim['provider'] & { acceptsAssignment?: boolean };

export function acceptsAssignment(claim: Pick<Claim, 'provider'>): boolean {
  const p = claim.provider as ProviderWithAssignment;
  if (p.participating !== false) return true;
  return typeof p.acceptsAssignment === 'boolean' ? p.acceptsAssignment : false;
}

/** A copy of the claim with the provider's assignment decision set. */
export function withAssignment<C extends Pick<Claim, 'provider'>>(claim: C, accepts: boolean): C {
  const provider: ProviderWithAssignment = { ...claim.provider, acceptsAssignment: accepts };
  return { ...claim, provider };
}

/**
 * Turns the workspace draft plus the case's claim header into the claim input JSON of the
 * public CLI contract, then through `parseClaim` so the browser and the CLI read claims the
 * same way (and the trainee sees the same `claim.*` findings the command line prints).
 * See: README "Claim input"; src/domain/claim/parse.ts.
 */
import { parseClaim, type ParsedClaim } from '../domain/claim/parse';
import type { Claim, Frequency } from '../domain/claim/claim';
import type { Draft } from './draft';

/** The parts of a claim that come from the case, not from the trainee's coding. */
export interface ClaimHeader {
  payerId: string;
  patient: Claim['patient'];
  provider: { npi: string; pos: string; locality: string };
  serviceDate: string;
  priorAuthNumber: string | null;
  accumulators: { deductibleMet: string; outOfPocketMet: string };
}

export interface ClaimMeta {
  claimId: string;
  frequency: Frequency;
  originalClaimId: string | null;
  submissionDate: string;
}

export function claimInputFromDraft(
  draft: Draft,
  header: ClaimHeader,
  meta: ClaimMeta,
): Record<string, unknown> {
  return {
    claimId: meta.claimId,
    payerId: header.payerId,
    frequency: meta.frequency,
    originalClaimId: meta.originalClaimId,
    patient: header.patient,
    provider: header.provider,
    serviceDate: header.serviceDate,
    submissionDate: meta.submissionDate,
    diagnoses: draft.diagnoses,
    lines: draft.lines.map((l) => ({
      code: l.code,
      modifiers: l.modifiers.map((m) => m.trim()).filter((m) => m !== ''),
      // Whole numbers go through as numbers; anything else stays text for parseClaim to name.
      units: /^\s*\d+\s*$/.test(l.units) ? Number(l.units) : l.units,
      dxPointers: l.dxPointers,
      charge: l.charge,
    })),
    priorAuthNumber: header.priorAuthNumber,
    accumulators: header.accumulators,
  };
}

export const claimFromDraft = (draft: Draft, header: ClaimHeader, meta: ClaimMeta): ParsedClaim =>
  parseClaim(claimInputFromDraft(draft, header, meta), meta.claimId);

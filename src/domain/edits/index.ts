/**
 * The compliance edit engine shared by the scrubber (browser Scrub button, `claimlab check`),
 * the payer simulation and scoring. One module per edit family; each returns Finding[] with a
 * stable id from the registry (src/domain/findings.ts) and the reference of the rule applied.
 */
import { parseClaim } from '../claim/parse';
import type { Claim } from '../claim/claim';
import { dedupeFindings, type Finding } from '../findings';
import type { EditContext } from './context';
import { addOnEdits } from './add-ons';
import { claimDataEdits } from './claim-data';
import { componentEdits } from './component-rules';
import { conventionEdits } from './conventions';
import { drugWastageEdits } from './drug-wastage';
import { emPlaceEdits } from './em-place';
import { orderFindings } from './finding-kit';
import { globalSurgeryEdits } from './global-surgery';
import { mceEdits } from './mce';
import { modifierEdits } from './modifiers';
import { ncciEdits } from './ncci';
import { policyEdits } from './policy';
import { presumedEdits } from './presumed';
import { validityEdits } from './validity';

export type { EditContext, GlobalDaysOf, IndicatorsOf } from './context';
export { globalDaysFrom, indicatorsFrom } from './global-days';
export type { NcciRules, PtpEdit, MueEdit, ModifierIndicator, MueIndicator } from './ncci-rules';
export { buildNcciRules } from './ncci-rules';
export type * from './policy-types';

export type EditFamily = (claim: Claim, ctx: EditContext) => Finding[];

/** In the order they run; within a line findings keep this order. */
export const FAMILIES: ReadonlyArray<{ name: string; run: EditFamily }> = [
  { name: 'claim-data', run: claimDataEdits },
  { name: 'validity', run: validityEdits },
  { name: 'conventions', run: conventionEdits },
  { name: 'presumed', run: presumedEdits },
  { name: 'mce', run: mceEdits },
  { name: 'modifiers', run: modifierEdits },
  { name: 'drug-wastage', run: drugWastageEdits },
  { name: 'components', run: componentEdits },
  { name: 'em-place', run: emPlaceEdits },
  { name: 'ncci', run: ncciEdits },
  { name: 'global-surgery', run: globalSurgeryEdits },
  { name: 'add-ons', run: addOnEdits },
  { name: 'policy', run: policyEdits },
];

/**
 * Runs every edit family on a claim. Never throws: a family that fails on unexpected data
 * reports a claim-level finding naming itself instead of hiding the others' findings.
 */
export function scrub(claim: Claim, ctx: EditContext): Finding[] {
  const all: Finding[] = [];
  for (const fam of FAMILIES) {
    try {
      const found = fam.run(claim, ctx);
      for (let i = 0; i < found.length; i++) all.push(found[i]!);
    } catch (e) {
      all.push({
        id: 'claim.invalid-field',
        severity: 'error',
        line: null,
        codes: [],
        message: `The ${fam.name} edits could not run on this claim: ${(e as Error).message}.`,
        reference: `ClaimLab edit engine (${fam.name})`,
      });
    }
  }
  return orderFindings(all);
}

/**
 * Untrusted JSON in, findings out: parseClaim's claim.* findings merged with scrub's, ordered.
 * This is what `claimlab check` prints per claim.
 */
export function checkClaim(
  input: unknown,
  ctx: EditContext,
  fallbackId?: string,
): { claim: Claim; findings: Finding[] } {
  const parsed = parseClaim(input, fallbackId);
  // Over the 837P limits: the finding saying so, and no edits on a claim no payer would take.
  if (parsed.overLimits) return { claim: parsed.claim, findings: parsed.findings };
  // parseClaim already named the exact field (lines[0].dxPointers[1]); the model-level check of
  // the same field or its parent (lines[0].dxPointers) would only repeat it.
  const seen = parsed.findings.filter((f) => f.field);
  const overlaps = (f: Finding) =>
    !!f.field &&
    seen.some(
      (p) => p.id === f.id && (p.field!.startsWith(f.field!) || f.field!.startsWith(p.field!)),
    );
  const scrubbed = scrub(parsed.claim, ctx);
  // Most claims parse without a finding: nothing to filter, nothing to merge.
  const own = seen.length ? scrubbed.filter((f) => !overlaps(f)) : scrubbed;
  return {
    claim: parsed.claim,
    findings: orderFindings(
      dedupeFindings(parsed.findings.length ? [...parsed.findings, ...own] : own),
    ),
  };
}

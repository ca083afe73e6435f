/**
 * Where `claimlab simulate` gets its encounters. Until the synthetic world lands
 * (src/domain/world/), the fixed source cycles a few hand-written visits; the lead switches this
 * one function to the world generator (same EncounterSource contract).
 * See: src/domain/world/encounter.ts (EncounterSource); src/machines/practice/fixed-source.ts.
 */
import type { EncounterSource } from '../../domain/world/encounter';
import { fixedEncounterSource } from '../../machines/practice/fixed-source';

export interface SourceOptions {
  encounters: number;
  /** A scenario pack id whose templates to draw from (ignored by the fixed source). */
  pack?: string;
}

export function encounterSource(seed: number, opts: SourceOptions): EncounterSource {
  return fixedEncounterSource(seed, { encounters: opts.encounters });
}

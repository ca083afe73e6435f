/**
 * Where `claimlab simulate` gets its encounters: the synthetic world (src/domain/world/), a
 * seeded practice whose visits are generated from the case templates of the shipped packs (the
 * newest version of each; `--pack ID` keeps that pack's templates only). The practice grows with
 * the number of encounters asked for (a provider sees about 4,000 visits in the templates' year),
 * so any N fits in the templates' dates of service.
 * See: src/domain/world/encounter.ts (EncounterSource); issue 15 (batch simulation).
 */
import type { EncounterSource } from '../../domain/world/encounter';
import { createWorld, encounterSource as worldSource, templateEntries } from '../../domain/world';
import { loadShippedPacks } from '../../scenarios/load-node';
import { newestVersions } from '../../scenarios/versions';
import { CliError } from '../io';

export interface SourceOptions {
  encounters: number;
  /** A scenario pack id whose templates to draw from (default: every shipped pack's). */
  pack?: string;
}

/** Visits one provider sees in a year of the default schedule (18 a day, weekdays). */
const VISITS_PER_PROVIDER = 4_000;

export function encounterSource(seed: number, opts: SourceOptions): EncounterSource {
  const packs = newestVersions(loadShippedPacks().full);
  const withTemplates = packs.filter((p) => p.templates.length > 0);
  const chosen = opts.pack ? withTemplates.filter((p) => p.id === opts.pack) : withTemplates;
  if (!chosen.length)
    throw new CliError(
      opts.pack
        ? `pack "${opts.pack}" has no case templates (--pack); packs with templates: ${withTemplates.map((p) => p.id).join(', ') || 'none'}`
        : 'no shipped pack has case templates to generate encounters from',
    );
  const entries = chosen.flatMap((p) => templateEntries(p.id, p.templates));
  const providers = Math.max(4, Math.ceil(opts.encounters / VISITS_PER_PROVIDER));
  const world = createWorld(seed, {
    providers,
    patients: Math.max(400, Math.ceil(opts.encounters / 8)),
  });
  return worldSource(world, entries, { count: opts.encounters });
}

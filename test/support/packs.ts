/**
 * Raw files of the shipped packs as the one pack reader gives them (src/scenarios/load-node.ts),
 * for tests that break a payer profile or a fee table on purpose: a fresh copy each call.
 */
import { loadShippedPacks } from '../../src/scenarios/load-node';

/** The raw JSON of a payer or fee file of a shipped pack, by its path (`scenarios/starter/payers/medicare.json`). */
export function shippedFile(path: string): unknown {
  const { packs, errors } = loadShippedPacks();
  if (errors.length) throw new Error(errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  for (const p of packs)
    for (const f of [...p.payers, ...p.fees]) if (f.file === path) return structuredClone(f.data);
  throw new Error(`${path} is not a payer or fee file of a shipped pack`);
}

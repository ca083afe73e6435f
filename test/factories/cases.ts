/**
 * Case factories: the cases of the packs shipped in scenarios/, read by the one pack reader
 * (src/scenarios/load-node.ts), as a fresh copy each call.
 */
import { loadShippedPacks } from '../../src/scenarios/load-node';
import type { CaseFile, Pack } from '../../src/scenarios/schema';

function shipped(): Pack[] {
  const { packs, errors } = loadShippedPacks();
  if (errors.length) throw new Error(errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return packs;
}

/** A shipped pack by id (`starter`). */
export function shippedPack(id = 'starter'): Pack {
  const p = shipped().find((x) => x.id === id);
  if (!p) throw new Error(`no shipped pack '${id}'`);
  return p;
}

/** A shipped case by id, from the named pack (default: any shipped pack). */
export function caseFile(id: string, packId?: string): CaseFile {
  for (const p of packId ? [shippedPack(packId)] : shipped()) {
    const c = p.cases.find((x) => x.id === id);
    if (c) return structuredClone(c);
  }
  throw new Error(`no shipped case '${id}'${packId ? ` in pack '${packId}'` : ''}`);
}

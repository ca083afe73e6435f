/**
 * Packs stored in the browser (authored in the studio or imported from a file) join the app's
 * pack set beside the shipped ones: each is one single-file pack (every part inline), assembled
 * like a served pack and named `studio/<slot>/pack.json` in problems. A stored pack with the
 * same (id, version) as a shipped one is left out with a problem (the shipped pack wins: a
 * shipped pack is read-only, editing it starts a copy with a new id or version).
 */
import type { Problem } from '../domain/result';
import { PayerProfileSchema, type PayerProfile } from '../domain/payer/profile';
import { assemblePack, type Assembled } from './format/assemble';
import { prefixAssembled, readPackSet, type LoadedPacks } from './format/index';

export const STORED_LABEL = 'studio';

/** How problems of a stored pack are named: `studio/<slot>/pack.json: cases[0].title`. */
export const storedBase = (slot: string) => `${STORED_LABEL}/${slot}`;

export function assembleStored(slot: string, pack: unknown): Assembled {
  return prefixAssembled(assemblePack(new Map([['pack.json', pack]])), storedBase(slot));
}

export interface PackSetWithStored extends LoadedPacks {
  /** Problems of the stored packs only (the studio lists them; the case list does not). */
  storedErrors: Problem[];
}

/** True when a problem belongs to the stored pack in `slot` (or, without a slot, to any stored pack). */
export const isStoredProblem = (p: Problem, slot?: string) =>
  p.path.startsWith(slot === undefined ? `${STORED_LABEL}/` : `${storedBase(slot)}/`);

/** The shipped packs and the stored ones read as one set (a case may use any pack's payer). */
export function readWithStored(
  shipped: readonly Assembled[],
  stored: readonly { slot: string; pack: unknown }[],
  fetchErrors: readonly Problem[] = [],
): PackSetWithStored {
  const set = readPackSet([...shipped, ...stored.map((s) => assembleStored(s.slot, s.pack))]);
  return {
    ...set,
    errors: [...fetchErrors, ...set.errors.filter((e) => !isStoredProblem(e))],
    storedErrors: set.errors.filter((e) => isStoredProblem(e)),
  };
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The payers every pack in the app's set may use (as readPackSet gives them), first id wins. */
export function payersOf(
  assembled: readonly Assembled[],
  stored: readonly { pack: unknown }[],
): Map<string, PayerProfile> {
  const out = new Map<string, PayerProfile>();
  const lists = [
    ...assembled.map((a) => (isObj(a.raw) ? a.raw.payers : undefined)),
    ...stored.map((s) => (isObj(s.pack) ? s.pack.payers : undefined)),
  ];
  for (const list of lists)
    for (const p of Array.isArray(list) ? list : []) {
      const r = PayerProfileSchema.safeParse(p);
      if (r.success && !out.has(r.data.id)) out.set(r.data.id, r.data);
    }
  return out;
}

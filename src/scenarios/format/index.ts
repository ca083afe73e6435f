/**
 * The pack format's entry point for readers (browser glob, Node folder, imported file): files in,
 * a validated v2 pack (every version read through the migrations) and the format-1 shape the
 * app reads today out, with every problem named by file and path.
 * See: scenarios/README.md; src/scenarios/validate-pack.ts for the checks.
 */
import type { Pack } from '../schema';
import {
  validatePackV2,
  type PackCheckContext,
  type PackReport,
  type StructureContext,
} from '../validate-pack';
import { assemblePack, type Assembled } from './assemble';
import { packV2ToLegacy } from './legacy';

/** Names every file of an assembled pack from `base` (the pack's folder as the reader sees it). */
export function prefixAssembled<A extends Assembled>(a: A, base: string): A {
  const prefix = (p: string) => (base === '' || base === '.' ? p : `${base}/${p}`);
  return {
    ...a,
    sources: new Map([...a.sources].map(([k, v]) => [k, prefix(v)])),
    manifestFile: prefix(a.manifestFile),
    errors: a.errors.map((e) => ({ ...e, path: prefix(e.path) })),
  };
}

export interface ReadPack extends PackReport {
  /** The pack in the format-1 shape (schema.ts `Pack`) when it loaded. */
  legacy?: Pack;
}

/**
 * Reads one pack from its files (path relative to the pack folder → parsed JSON).
 * @param dir the pack's folder as reported in problems (`scenarios/starter`)
 * @param ctx a full context runs every check; a StructureContext skips code look-ups and answer keys
 */
export function readPack(
  files: ReadonlyMap<string, unknown>,
  dir: string,
  ctx: PackCheckContext | StructureContext,
  manifestFile = 'pack.json',
): ReadPack {
  const a = prefixAssembled(assemblePack(files, manifestFile), dir);
  const r = validatePackV2(a, ctx);
  if (!r.pack) return r;
  return {
    ...r,
    legacy: packV2ToLegacy(r.pack, (i) => a.sources.get(`payers[${i}]`) ?? a.manifestFile),
  };
}

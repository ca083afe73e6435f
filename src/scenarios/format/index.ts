/**
 * The pack format's entry point for readers (browser glob, Node folder, imported file): files in,
 * a validated v2 pack (every version read through the migrations) and the format-1 shape the
 * app reads today out, with every problem named by file and path.
 * See: scenarios/README.md; src/scenarios/validate-pack.ts for the checks.
 */
import { PayerProfileSchema, type PayerProfile } from '../../domain/payer/profile';
import type { Problem } from '../../domain/result';
import type { Pack } from '../schema';
import {
  validatePackV2,
  type PackCheckContext,
  type PackReport,
  type StructureContext,
} from '../validate-pack';
import { assemblePack, type Assembled } from './assemble';
import { packV2ToLegacy } from './legacy';
import type { PackV2 } from './v2';
import { findPack, packRef } from '../versions';

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
  return readAssembled(prefixAssembled(assemblePack(files, manifestFile), dir), ctx);
}

/** validatePackV2 plus the legacy shape, for a pack already assembled (and named). */
export function readAssembled(a: Assembled, ctx: PackCheckContext | StructureContext): ReadPack {
  const r = validatePackV2(a, ctx);
  if (!r.pack) return r;
  return { ...r, legacy: packV2ToLegacy(r.pack, legacyFileNamer(a, r.pack)) };
}

/**
 * Names an item for the legacy shape: its own file (`scenarios/starter/fees/medicare-national-2025.json`),
 * or for an item written inline in the manifest `<manifest>#<part>/<id>.json`, so the payer
 * service still finds a fee table by the file name a payer profile gives (its `id` + `.json`).
 */
export function legacyFileNamer(a: Pick<Assembled, 'sources' | 'manifestFile'>, p: PackV2) {
  return (part: 'payers' | 'fees' | 'drugs', i: number): string => {
    const own = a.sources.get(`${part}[${i}]`);
    if (own) return own;
    const item = p[part][i] as { id?: unknown } | undefined;
    const id = item && typeof item === 'object' && typeof item.id === 'string' ? item.id : null;
    return part !== 'payers' && id ? `${a.manifestFile}#${part}/${id}.json` : a.manifestFile;
  };
}

/** What the app, the payer service and scoring get from a set of packs (the legacy shape). */
export interface LoadedPacks {
  /**
   * The packs that loaded with no problem, in the order given: every version of each id (see
   * versions.ts `newestVersions` for the ones the case list uses).
   */
  packs: Pack[];
  /** The same packs in the full format (changelog, questions, plans), index for index. */
  full: PackV2[];
  /** Every problem of every pack, each naming its file and path. */
  errors: Problem[];
}

/** The pack a dependency names: that version, or the newest of its id. */
function dependencyOf(all: readonly PackV2[], d: { id: string; version?: string | undefined }) {
  return findPack(all, packRef(d.id, d.version));
}

/**
 * Reads a set of packs (the shipped scenarios/ folder, or packs a user imports) structure only:
 * no code look-ups, no answer-key runs (the code sets are not loaded at start-up; `pack validate`
 * runs those). A case may use a payer of any pack in the set, and a pack that names another in
 * `dependencies` sees that pack's payers and plans (the version it names, else the newest).
 * Several versions of one id may sit side by side; the same (id, version) twice is a problem. A
 * pack with any problem is left out and its problems reported.
 */
export function readPackSet(assembled: readonly Assembled[]): LoadedPacks {
  const payers = new Map<string, PayerProfile>();
  for (const a of assembled) {
    const list = a.raw && typeof a.raw === 'object' ? (a.raw as { payers?: unknown }).payers : [];
    for (const p of Array.isArray(list) ? list : []) {
      const r = PayerProfileSchema.safeParse(p);
      if (r.success && !payers.has(r.data.id)) payers.set(r.data.id, r.data);
    }
  }
  const first = assembled.map((a) => readAssembled(a, { builtinPayers: payers }));
  const all = first.flatMap((r) => (r.pack ? [r.pack] : []));
  const packs: Pack[] = [];
  const full: PackV2[] = [];
  const errors: Problem[] = [];
  const seen = new Map<string, string>();
  assembled.forEach((a, i) => {
    let r = first[i]!;
    const deps = (r.pack?.dependencies ?? []).flatMap((d) => dependencyOf(all, d) ?? []);
    if (deps.length) r = readAssembled(a, { builtinPayers: payers, dependencies: deps });
    errors.push(...r.problems);
    if (!r.ok || !r.legacy || !r.pack) return;
    const key = packRef(r.pack.id, r.pack.version);
    const other = seen.get(key);
    if (other !== undefined) {
      errors.push({
        path: a.manifestFile,
        message: `pack ${key} is already loaded from ${other}: give this copy a new version`,
      });
      return;
    }
    seen.set(key, a.manifestFile);
    packs.push(r.legacy);
    full.push(r.pack);
  });
  return { packs, full, errors };
}

/**
 * The pack reader's file source in Node (the CLI, the tests, the bench): reads pack folders from
 * the disk (format/read-node.ts: every `*.json` but `*.schema.json`) and hands them to the one
 * pack reader (format/index.ts `readPackSet`), as load.ts does with the pack files the browser
 * and the worker fetch from /packs/ (vite-plugin.ts). Every version of a pack id is read; callers
 * that want one per id take versions.ts `newestVersions`. Format 1 packs are read through the migrations, format 2 natively;
 * callers get the legacy shape (schema.ts `Pack`).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Problem } from '../domain/result';
import { readPackSet, type LoadedPacks } from './format/index';
import { readPackPath } from './format/read-node';
import type { Pack } from './schema';

/**
 * Reads one pack folder. `name` is how its files are named in the pack and in messages
 * (`scenarios/starter/payers/medicare.json`); the folder itself by default.
 */
export function loadPackDir(dir: string, name = dir): { pack?: Pack; errors: Problem[] } {
  const { packs, errors } = readPackSet([readPackPath(dir, name)]);
  return packs[0] ? { pack: packs[0], errors } : { errors };
}

/** Every pack folder under `root` (named `${label}/<folder>`). */
export function loadAllPacks(root = 'scenarios', label = root): LoadedPacks {
  const dirs = readdirSync(root)
    .sort()
    .filter((name) => statSync(join(root, name)).isDirectory());
  return readPackSet(dirs.map((name) => readPackPath(join(root, name), `${label}/${name}`)));
}

/**
 * The scenarios/ folder shipped beside the code, wherever the process was started: the nearest
 * folder above this module (src/scenarios/ when run from source, dist-cli/ when compiled) that
 * holds both package.json and scenarios/.
 */
export const SHIPPED_PACKS = shippedPacksDir(dirname(fileURLToPath(import.meta.url)));

function shippedPacksDir(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'scenarios')))
      return join(dir, 'scenarios');
    if (dirname(dir) === dir) return join(from, '../../scenarios');
  }
}

/**
 * Where the validated shipped packs may be kept between runs (the compiled CLI sets one:
 * src/cli/pack-cache.ts): validating every pack costs about half a second at each start.
 */
export interface PackCache {
  /** The packs read before from exactly these files, if kept. */
  get(dir: string): LoadedPacks | undefined;
  put(dir: string, packs: LoadedPacks): void;
}
let cache: PackCache | undefined;
export function usePackCache(c: PackCache | undefined): void {
  cache = c;
}

let shipped: LoadedPacks | undefined;
/** The shipped packs (scenarios/*), read once; files are named `scenarios/<pack>/…`. */
export function loadShippedPacks(): LoadedPacks {
  if (shipped) return shipped;
  shipped = cache?.get(SHIPPED_PACKS);
  if (!shipped) {
    shipped = loadAllPacks(SHIPPED_PACKS, 'scenarios');
    cache?.put(SHIPPED_PACKS, shipped);
  }
  return shipped;
}

/**
 * The pack reader's file source in Node (the CLI, the tests, the bench): reads a pack folder
 * from the disk and hands its files to validatePack (validate.ts), as load.ts does with the
 * files Vite bundles for the browser and the worker.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Problem } from '../domain/result';
import type { Pack } from './schema';
import { validatePack } from './validate';

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.json')) out.push(p);
  }
  return out;
}

/**
 * Reads one pack folder. `name` is how its files are named in the pack and in messages
 * (`scenarios/starter/payers/medicare.json`); the folder itself by default.
 */
export function loadPackDir(dir: string, name = dir): { pack?: Pack; errors: Problem[] } {
  const files = new Map<string, unknown>();
  const errors: Problem[] = [];
  for (const f of walk(dir)) {
    const rel = relative(dir, f).split('\\').join('/');
    try {
      files.set(rel, JSON.parse(readFileSync(f, 'utf8')));
    } catch (e) {
      errors.push({ path: `${name}/${rel}`, message: `not valid JSON: ${(e as Error).message}` });
    }
  }
  if (errors.length) return { errors };
  const r = validatePack(name, files);
  return r.ok ? { pack: r.value, errors: [] } : { errors: r.errors };
}

/** Every pack folder under `root` (named `${label}/<folder>`). */
export function loadAllPacks(
  root = 'scenarios',
  label = root,
): { packs: Pack[]; errors: Problem[] } {
  const packs: Pack[] = [];
  const errors: Problem[] = [];
  for (const name of readdirSync(root).sort()) {
    const p = join(root, name);
    if (!statSync(p).isDirectory()) continue;
    const r = loadPackDir(p, `${label}/${name}`);
    if (r.pack) packs.push(r.pack);
    errors.push(...r.errors);
  }
  return { packs, errors };
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

let shipped: { packs: Pack[]; errors: Problem[] } | undefined;
/** The shipped packs (scenarios/*), read once; files are named `scenarios/<pack>/…`. */
export function loadShippedPacks(): { packs: Pack[]; errors: Problem[] } {
  shipped ??= loadAllPacks(SHIPPED_PACKS, 'scenarios');
  return shipped;
}

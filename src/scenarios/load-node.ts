/** Loads scenario packs from a folder in Node (CLI, tests). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
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

export function loadPackDir(dir: string): { pack?: Pack; errors: Problem[] } {
  const files = new Map<string, unknown>();
  const errors: Problem[] = [];
  for (const f of walk(dir)) {
    const rel = relative(dir, f).split('\\').join('/');
    try {
      files.set(rel, JSON.parse(readFileSync(f, 'utf8')));
    } catch (e) {
      errors.push({ path: `${dir}/${rel}`, message: `not valid JSON: ${(e as Error).message}` });
    }
  }
  if (errors.length) return { errors };
  const r = validatePack(dir, files);
  return r.ok ? { pack: r.value, errors: [] } : { errors: r.errors };
}

export function loadAllPacks(root = 'scenarios'): { packs: Pack[]; errors: Problem[] } {
  const packs: Pack[] = [];
  const errors: Problem[] = [];
  for (const name of readdirSync(root)) {
    const p = join(root, name);
    if (!statSync(p).isDirectory()) continue;
    const r = loadPackDir(p);
    if (r.pack) packs.push(r.pack);
    errors.push(...r.errors);
  }
  return { packs, errors };
}

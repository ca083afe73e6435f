/**
 * Loads the packs shipped in scenarios/ into the browser bundle (they are small data files).
 * Node callers use load-node.ts.
 */
import type { Problem } from '../domain/result';
import type { Pack } from './schema';
import { validatePack } from './validate';

const FILES = import.meta.glob('../../scenarios/*/**/*.json', { eager: true, import: 'default' });

export interface LoadedPacks {
  packs: Pack[];
  errors: Problem[];
}

export function groupByPack(files: Record<string, unknown>, root: string) {
  const byPack = new Map<string, Map<string, unknown>>();
  for (const [path, data] of Object.entries(files)) {
    const rel = path.slice(path.indexOf(root) + root.length);
    const [dir, ...rest] = rel.split('/');
    if (!dir || rest.length === 0) continue;
    let m = byPack.get(dir);
    if (!m) byPack.set(dir, (m = new Map()));
    m.set(rest.join('/'), data);
  }
  return byPack;
}

export function loadBundledPacks(): LoadedPacks {
  const packs: Pack[] = [];
  const errors: Problem[] = [];
  for (const [dir, files] of groupByPack(FILES, 'scenarios/')) {
    const r = validatePack(`scenarios/${dir}`, files);
    if (r.ok) packs.push(r.value);
    else errors.push(...r.errors);
  }
  return { packs, errors };
}

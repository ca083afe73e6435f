/**
 * Reads a pack as the app fetches it (src/scenarios/vite-plugin.ts: one JSON per pack folder,
 * its files as text): parses each file, naming any that is not JSON, and assembles the pack as
 * read-node.ts does from the disk. Pure (no I/O), so the page, the worker and the tests share it.
 */
import type { Problem } from '../../domain/result';
import { assemblePack, type Assembled } from './assemble';
import { prefixAssembled } from './index';

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * @param served the `/packs/<folder>.pack.json` body
 * @param base how its files are named (`scenarios/<folder>`)
 */
export function readServedPack(served: unknown, base: string): Assembled {
  const files = new Map<string, unknown>();
  const errors: Problem[] = [];
  const raw = isObj(served) && isObj(served.files) ? served.files : null;
  if (!raw) errors.push({ path: 'pack.json', message: 'the served pack has no files' });
  for (const [rel, text] of Object.entries(raw ?? {})) {
    if (rel === '__proto__' || typeof text !== 'string') {
      errors.push({ path: rel, message: 'not a file' });
      continue;
    }
    try {
      files.set(rel, JSON.parse(text));
    } catch (e) {
      errors.push({ path: rel, message: `not valid JSON: ${(e as Error).message}` });
    }
  }
  const a = assemblePack(files);
  if (errors.some((e) => e.path === 'pack.json'))
    a.errors = a.errors.filter((e) => !(e.path === 'pack.json' && /is missing$/.test(e.message)));
  return prefixAssembled({ ...a, errors: [...errors, ...a.errors] }, base);
}

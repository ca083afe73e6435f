/**
 * Loads the shipped packs at run time (browser page and code-set worker): fetches the index and
 * each pack folder that src/scenarios/vite-plugin.ts serves at /packs/ (nothing about a pack is
 * compiled into the app), and reads them with the one pack reader (format/index.ts
 * `readPackSet`: format 1 through the migrations, format 2 natively, structure only). A pack that
 * cannot be fetched is reported like a pack with a problem; the others still load. Node callers
 * use load-node.ts.
 * See: issue 12 "Packs load at run time".
 */
import type { Problem } from '../domain/result';
import { readPackSet, type LoadedPacks } from './format/index';
import { readServedPack } from './format/read-served';
import type { Assembled } from './format/assemble';

export type { LoadedPacks };

/** Fetches a file under /packs/ and parses it as JSON; throws with a message naming the file. */
export type PackFetch = (name: string) => Promise<unknown>;

/** A PackFetch over `fetch` at `base` (`/packs/` under the app's base URL). */
export function httpPackFetch(base: string, f: typeof fetch = fetch): PackFetch {
  return async (name) => {
    const res = await f(`${base}${name}`, { cache: 'no-cache' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    // Static hosts answer a missing file with the app's index.html.
    if (res.headers.get('content-type')?.startsWith('text/html'))
      throw new Error('not found (the server sent a web page)');
    return res.json();
  };
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The shipped packs: every folder the index lists, fetched in parallel. Rejects only when the
 * index itself cannot be had (the caller shows that the packs failed to load).
 */
export async function fetchShippedPacks(get: PackFetch, label = 'scenarios'): Promise<LoadedPacks> {
  const { assembled, errors } = await fetchShippedAssembled(get, label);
  const set = readPackSet(assembled);
  return { ...set, errors: [...errors, ...set.errors] };
}

/**
 * The shipped packs assembled but not yet read, with the fetch problems: the app reads them
 * together with the packs stored in the browser (the studio's authored and imported packs).
 */
export async function fetchShippedAssembled(
  get: PackFetch,
  label = 'scenarios',
): Promise<{ assembled: Assembled[]; errors: Problem[] }> {
  let index: unknown;
  try {
    index = await get('index.json');
  } catch (e) {
    throw new Error(`The scenario packs could not be loaded: ${(e as Error).message}`, {
      cause: e,
    });
  }
  const list = isObj(index) && Array.isArray(index.packs) ? index.packs : null;
  if (!list) throw new Error('The scenario packs could not be loaded: the pack index is not valid');
  const errors: Problem[] = [];
  const got = await Promise.all(
    list.map(async (ref: unknown) => {
      const folder = isObj(ref) && typeof ref.folder === 'string' ? ref.folder : null;
      const file = isObj(ref) && typeof ref.file === 'string' ? ref.file : null;
      if (!folder || !file) {
        errors.push({ path: `${label}/index.json`, message: 'an entry names no pack folder' });
        return null;
      }
      try {
        return readServedPack(await get(file), `${label}/${folder}`);
      } catch (e) {
        errors.push({
          path: `${label}/${folder}`,
          message: `the pack could not be fetched: ${(e as Error).message}`,
        });
        return null;
      }
    }),
  );
  return { assembled: got.flatMap((a) => (a ? [a] : [])), errors };
}

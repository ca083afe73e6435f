/**
 * The compiled CLI's cache of the validated shipped packs (src/cli/pack-cache.ts): what it gives
 * back equals what the pack reader returned, and any change to a pack file or to the CLI's code
 * makes it read the packs again.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { filePackCache } from '../../src/cli/pack-cache';
import { SHIPPED_PACKS, loadShippedPacks } from '../../src/scenarios/load-node';

let dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'claimlab-pack-cache-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

describe('the pack cache', () => {
  it('gives back the shipped packs exactly as the pack reader returned them', () => {
    const d = temp();
    const code = join(d, 'claimlab.mjs');
    writeFileSync(code, '// code');
    const cache = filePackCache(join(d, 'packs.json'), code);
    expect(cache.get(SHIPPED_PACKS)).toBeUndefined();
    const packs = loadShippedPacks();
    cache.put(SHIPPED_PACKS, packs);
    expect(cache.get(SHIPPED_PACKS)).toStrictEqual(packs);
  });

  it('is stale once a pack file or the code changes, and ignores a broken cache file', () => {
    const d = temp();
    const packsDir = join(d, 'scenarios');
    const code = join(d, 'claimlab.mjs');
    writeFileSync(code, '// code');
    mkdirSync(join(packsDir, 'a'), { recursive: true });
    writeFileSync(join(packsDir, 'a', 'pack.json'), '{}');
    const file = join(d, 'packs.json');
    const cache = filePackCache(file, code);
    const packs = { packs: [], full: [], errors: [] };
    cache.put(packsDir, packs);
    expect(cache.get(packsDir)).toEqual(packs);
    writeFileSync(join(packsDir, 'a', 'pack.json'), '{"x":1}');
    expect(cache.get(packsDir)).toBeUndefined();
    cache.put(packsDir, packs);
    utimesSync(code, new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(cache.get(packsDir)).toBeUndefined();
    cache.put(packsDir, packs);
    writeFileSync(file, '{"stamp":');
    expect(cache.get(packsDir)).toBeUndefined();
  });
});

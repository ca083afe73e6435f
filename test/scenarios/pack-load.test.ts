/**
 * Packs load at run time (issue 12): the Vite plugin serves each pack folder as one JSON of its
 * file texts, and the page and the worker read them with the one pack reader; several versions
 * of one pack id sit side by side, the newest is the default, (id, version) is unique.
 */
import { describe, expect, it } from 'vitest';
import { readPackSet } from '../../src/scenarios/format/index';
import { readPackPath } from '../../src/scenarios/format/read-node';
import { fetchShippedPacks, type PackFetch } from '../../src/scenarios/load';
import { loadAllPacks } from '../../src/scenarios/load-node';
import { servedIndex, servedPack } from '../../src/scenarios/vite-plugin';
import {
  compareVersions,
  findPack,
  newestVersions,
  parsePackRef,
  versionsById,
} from '../../src/scenarios/versions';

const FIX = 'test/fixtures/packs';
const PAIR = [`${FIX}/refresher-v1`, `${FIX}/refresher-v2`];

/** What the plugin serves for these folders, as a PackFetch (no server). */
function served(folders: Record<string, string>, broken: Record<string, unknown> = {}): PackFetch {
  const map = new Map(Object.entries(folders));
  return async (name) => {
    if (name in broken) {
      const b = broken[name];
      if (b instanceof Error) throw b;
      return b;
    }
    if (name === 'index.json') return JSON.parse(JSON.stringify(servedIndex(map)));
    const folder = decodeURIComponent(name.replace(/\.pack\.json$/, ''));
    const dir = map.get(folder);
    if (!dir) throw new Error('HTTP 404');
    return JSON.parse(JSON.stringify(servedPack(folder, dir)));
  };
}

describe('packs fetched at run time', () => {
  it('reads the shipped packs exactly as the Node loader does', async () => {
    const node = loadAllPacks('scenarios');
    const { readdirSync, statSync } = await import('node:fs');
    const folders = Object.fromEntries(
      readdirSync('scenarios')
        .filter((n) => statSync(`scenarios/${n}`).isDirectory())
        .map((n) => [n, `scenarios/${n}`]),
    );
    const web = await fetchShippedPacks(served(folders));
    expect(web.errors).toEqual(node.errors);
    expect(web.packs).toEqual(node.packs);
    expect(web.packs.length).toBeGreaterThan(0);
  });

  it('a pack that cannot be fetched is reported by folder; the others load', async () => {
    const r = await fetchShippedPacks(
      served(
        { starter: 'scenarios/starter', 'refresher-v1': PAIR[0]! },
        { 'refresher-v1.pack.json': new Error('HTTP 503') },
      ),
    );
    expect(r.packs.map((p) => p.id)).toEqual(['starter']);
    expect(r.errors).toEqual([
      { path: 'scenarios/refresher-v1', message: 'the pack could not be fetched: HTTP 503' },
    ]);
  });

  it('a file that is not JSON is named; the index failing rejects with a clear message', async () => {
    const bad = { format: 1, folder: 'x', files: { 'pack.json': '{ "id": ' } };
    const r = await fetchShippedPacks(served({ x: PAIR[0]! }, { 'x.pack.json': bad }));
    expect(r.packs).toEqual([]);
    expect(r.errors[0]!.path).toBe('scenarios/x/pack.json');
    expect(r.errors[0]!.message).toMatch(/^not valid JSON/);
    await expect(
      fetchShippedPacks(served({}, { 'index.json': new Error('HTTP 500') })),
    ).rejects.toThrow('The scenario packs could not be loaded: HTTP 500');
    await expect(fetchShippedPacks(served({}, { 'index.json': ['x'] }))).rejects.toThrow(
      /pack index is not valid/,
    );
  });
});

describe('hostile served packs', () => {
  it('odd shapes never throw, never pollute prototypes and name what is wrong', async () => {
    const bodies: unknown[] = [
      null,
      'x',
      [],
      { files: null },
      { files: [] },
      { files: { 'pack.json': 42 } },
      JSON.parse('{"files": {"__proto__": "{\\"polluted\\": true}", "pack.json": "{}"}}'),
      { files: { 'pack.json': '"just a string"' } },
      { files: { 'pack.json': 'x'.repeat(100_000) } },
    ];
    for (const body of bodies) {
      const r = await fetchShippedPacks(served({ x: PAIR[0]! }, { 'x.pack.json': body }));
      expect(r.packs).toEqual([]);
      expect(r.errors.length).toBeGreaterThan(0);
      for (const e of r.errors) expect(e.path).toMatch(/^scenarios\/x/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const odd = await fetchShippedPacks(served({}, { 'index.json': { packs: [{}, 7] } }));
    expect(odd.errors.map((e) => e.message)).toEqual([
      'an entry names no pack folder',
      'an entry names no pack folder',
    ]);
  });
});

describe('several versions of one pack id', () => {
  it('loads 1.0.0 and 2.0.0 side by side, in full and legacy shape', () => {
    const r = readPackSet(PAIR.map((p) => readPackPath(p)));
    expect(r.errors).toEqual([]);
    expect(r.packs.map((p) => `${p.id}@${p.version}`)).toEqual([
      'refresher-fixture@1.0.0',
      'refresher-fixture@2.0.0',
    ]);
    expect(r.full.map((p) => p.version)).toEqual(['1.0.0', '2.0.0']);
    expect(newestVersions(r.packs).map((p) => p.version)).toEqual(['2.0.0']);
    expect([...versionsById(r.packs).get('refresher-fixture')!].map((p) => p.version)).toEqual([
      '1.0.0',
      '2.0.0',
    ]);
  });

  it('the same id and version twice is a problem naming both files; the first copy stays', () => {
    const r = readPackSet([readPackPath(PAIR[0]!), readPackPath(PAIR[0]!, 'copy/refresher-v1')]);
    expect(r.packs).toHaveLength(1);
    expect(r.errors).toEqual([
      {
        path: 'copy/refresher-v1/pack.json',
        message:
          'pack refresher-fixture@1.0.0 is already loaded from test/fixtures/packs/refresher-v1/pack.json: give this copy a new version',
      },
    ]);
  });

  it('routes name the newest version by id, or one version by id@version', () => {
    const packs = [
      { id: 'p', version: '1.10.0' },
      { id: 'p', version: '1.9.0' },
      { id: 'q', version: '1.0.0' },
    ];
    expect(findPack(packs, 'p')!.version).toBe('1.10.0');
    expect(findPack(packs, 'p@1.9.0')!.version).toBe('1.9.0');
    expect(findPack(packs, 'p@2.0.0')).toBeUndefined();
    expect(parsePackRef('payer-rules@2.0.0')).toEqual({ id: 'payer-rules', version: '2.0.0' });
    expect(newestVersions(packs).map((p) => `${p.id}@${p.version}`)).toEqual([
      'p@1.10.0',
      'q@1.0.0',
    ]);
  });

  it('compares versions by semver precedence', () => {
    // See: https://semver.org/#spec-item-11
    const order = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-beta',
      '1.0.0-rc.1',
      '1.0.0',
      '1.0.1',
      '1.2.0',
      '1.10.0',
      '2.0.0',
    ];
    const shuffled = [...order].reverse();
    expect(shuffled.sort(compareVersions)).toEqual(order);
    expect(compareVersions('1.0.0+build', '1.0.0')).toBe(0);
  });
});

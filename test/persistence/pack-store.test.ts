import { describe, expect, it } from 'vitest';
import { localBus } from '../../src/persistence/coordination';
import { memoryStore, type KeyValueStore } from '../../src/persistence/kv';
import { PackConflictError, PackStore } from '../../src/persistence/pack-store';
import { storedPackKey } from '../../src/persistence/stored-pack.record';

const now = () => '2026-12-07T08:00:00.000Z';
const pack = (version = '1.0.0') => ({ schemaVersion: 2, id: 'my-pack', version });

describe('PackStore (issue 14: authored and imported packs)', () => {
  it('saves, lists and reads a pack with a revision', async () => {
    const s = new PackStore(memoryStore(), { now });
    const slot = await s.freeSlot('my-pack', '1.0.0');
    expect(slot).toBe('my-pack@1.0.0');
    const r = await s.save(slot, pack(), null, 'imported');
    expect(r).toMatchObject({ revision: 1, origin: 'imported', savedAt: now() });
    const again = await s.save(slot, pack('1.0.1'), 1);
    expect(again.revision).toBe(2);
    expect(again.origin).toBe('imported');
    expect((await s.get(slot))?.pack).toEqual(pack('1.0.1'));
    expect((await s.list()).packs.map((p) => p.slot)).toEqual([slot]);
    expect(await s.freeSlot('my-pack', '1.0.0')).toBe('my-pack@1.0.0+2');
  });

  it('never overwrites a save it has not seen (two tabs): conflict, nothing written', async () => {
    const bus = localBus();
    const kv = memoryStore();
    const a = new PackStore(kv, { now, tabs: bus.tab() });
    const b = new PackStore(kv, { now, tabs: bus.tab() });
    const seen: string[] = [];
    b.onChangedElsewhere((slot) => seen.push(slot));
    await a.save('x@1.0.0', pack(), null);
    await b.save('x@1.0.0', pack('1.1.0'), 1);
    await expect(a.save('x@1.0.0', pack('9.9.9'), 1)).rejects.toBeInstanceOf(PackConflictError);
    expect((await a.get('x@1.0.0'))?.pack).toEqual(pack('1.1.0'));
    await expect(a.save('x@1.0.0', pack(), null)).rejects.toBeInstanceOf(PackConflictError);
    await expect(a.remove('x@1.0.0', 1)).rejects.toBeInstanceOf(PackConflictError);
    await Promise.resolve();
    expect(seen).toEqual(['x@1.0.0']);
  });

  it('a failed write keeps the stored pack as it was', async () => {
    const kv = memoryStore();
    let fail = false;
    const flaky: KeyValueStore = {
      ...kv,
      setItem: (k, v) =>
        fail ? Promise.reject(new Error('QuotaExceededError')) : kv.setItem(k, v),
    };
    const s = new PackStore(flaky, { now });
    await s.save('x@1.0.0', pack(), null);
    fail = true;
    await expect(s.save('x@1.0.0', pack('2.0.0'), 1)).rejects.toThrow(/Quota/);
    fail = false;
    expect(await s.get('x@1.0.0')).toMatchObject({ revision: 1, pack: pack() });
    expect((await s.save('x@1.0.0', pack('2.0.0'), 1)).revision).toBe(2);
  });

  it('moves an unreadable record aside with its problems instead of dropping it', async () => {
    const kv = memoryStore({ [storedPackKey('bad')]: { format: 1, kind: 'stored-pack' } });
    const s = new PackStore(kv, { now });
    const l = await s.list();
    expect(l.packs).toEqual([]);
    expect(l.unreadable[0]?.keptAs).toMatch(/^claimlab\/corrupt\/claimlab\/packs\/bad\//);
    expect(l.unreadable[0]?.problems.map((p) => p.path)).toContain('slot');
    expect(Object.keys(kv.dump()).some((k) => k.startsWith('claimlab/corrupt/'))).toBe(true);
  });

  it('stores a plain JSON copy: a __proto__ key stays data', async () => {
    const s = new PackStore(memoryStore(), { now });
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "id": "p"}') as unknown;
    await s.save('p@1.0.0', hostile, null);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys((await s.get('p@1.0.0'))!.pack as object)).toContain('__proto__');
  });
});

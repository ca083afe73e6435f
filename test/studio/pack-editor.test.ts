import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../src/persistence/kv';
import { PackStore } from '../../src/persistence/pack-store';
import { newPack } from '../../src/scenarios/authoring';
import { PackEditor, StudioState } from '../../src/state/studio.svelte';
import type { AppState } from '../../src/state/app.svelte';

function fakeApp(store: PackStore) {
  return {
    packStore: store,
    shippedAssembled: [],
    storedPacks: [],
    fullPacks: [],
    packErrors: [],
    storedErrors: [],
    reloadStored: async () => {},
    engine: { client: { request: async () => ({ ok: true, catalog: 'test', problems: [] }) } },
  } as unknown as AppState;
}

describe('PackEditor (issue 14: editing session)', () => {
  it('adds a case, autosaves it, undoes and redoes', async () => {
    const store = new PackStore(memoryStore());
    await store.save('p@0.1.0', newPack('p', '2026-01-01'), null);
    const ed = new PackEditor(new StudioState(fakeApp(store)), (await store.get('p@0.1.0'))!);
    ed.autosaveMs = 0;
    ed.fullCheckMs = 10_000;
    const i = ed.addItem('cases', '2026-03-02');
    expect(i).toBe(0);
    expect(ed.items('cases')).toHaveLength(1);
    // The fake app has no payers: the one problem is the payer reference, with its path.
    expect(ed.structure.map((p) => p.path)).toEqual(['cases[0].encounter.payerId']);
    expect(ed.canUndo).toBe(true);
    await ed.flush();
    expect(ed.saveState).toEqual({ kind: 'saved', revision: 2 });
    expect(((await store.get('p@0.1.0'))!.pack as { cases: unknown[] }).cases).toHaveLength(1);
    ed.undo();
    expect(ed.items('cases')).toHaveLength(0);
    ed.redo();
    expect(ed.items('cases')).toHaveLength(1);
    ed.setItem('cases', 0, { ...(ed.items('cases')[0] as object), id: 'Bad Id' }, 'id');
    expect(ed.structure.map((p) => p.path)).toContain('cases[0].id');
    ed.close();
  });
});

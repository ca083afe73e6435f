/**
 * Two sessions on one case in two "tabs" (two ProgressStores on one memory store and one bus):
 * opening a case writes nothing (or the other tab would reload for nothing), a change in one
 * tab reaches the other, and a change made in both is a conflict the trainee settles.
 */
import { describe, expect, it, vi } from 'vitest';
import { starterCatalog } from '../../src/codesets/starter';
import { memoryStore } from '../../src/persistence/kv';
import { localBus } from '../../src/persistence/coordination';
import { ProgressStore, progressKey } from '../../src/persistence/progress-store';
import { CaseSession } from '../../src/state/case-session.svelte';
import { payerServiceFor } from '../../src/state/payer-service';
import { shippedPack } from '../factories';

const pack = shippedPack('starter');
const caseFile = pack.cases[0]!;

function session(store: ProgressStore) {
  const payer = payerServiceFor(pack, caseFile, starterCatalog);
  if (Array.isArray(payer)) throw new Error(payer.map((p) => p.message).join('; '));
  return new CaseSession({ pack, caseFile, store, catalog: starterCatalog, ...payer });
}
/** Waits for the session to get there (the actor is the session's own; vi.waitFor polls it and
 * fails naming the condition instead of running on into the next expect). */
const until = (cond: () => boolean) =>
  vi.waitFor(() => {
    if (!cond()) throw new Error(`not yet: ${cond.toString()}`);
  });
const revision = async (kv: ReturnType<typeof memoryStore>) =>
  ((await kv.getItem(progressKey('starter', caseFile.id))) as { revision: number }).revision;

describe('a case open in two tabs', () => {
  it('opening writes nothing; a change in one tab shows in the other; both changes conflict', async () => {
    const kv = memoryStore();
    const bus = localBus();
    const a = session(new ProgressStore(kv, { tabs: bus.tab() }));
    await a.open();
    a.send({ type: 'coding.start' });
    await a.flush();
    const r0 = await revision(kv);

    const b = session(new ProgressStore(kv, { tabs: bus.tab() }));
    await b.open();
    await b.flush();
    expect(await revision(kv)).toBe(r0);

    a.send({ type: 'dx.add', code: 'E11.65' });
    await a.flush();
    await until(() => (b.context?.draft.diagnoses ?? []).includes('E11.65'));
    expect(b.context?.draft.diagnoses).toEqual(['E11.65']);
    expect(b.notice).toMatch(/changed in another tab/);
    // A did not reload itself in answer to its own save, nor in answer to B's reload. A check
    // that something does NOT happen has no state to wait for: give stray messages time to land.
    await new Promise((r) => setTimeout(r, 20));
    expect(await revision(kv)).toBe(r0 + 1);

    b.send({ type: 'dx.add', code: 'I10' });
    await b.flush();
    await until(() => (a.context?.draft.diagnoses ?? []).includes('I10'));
    expect(a.context?.draft.diagnoses).toEqual(['E11.65', 'I10']);
    a.close();
    b.close();
  });
});

/**
 * Several versions of one pack (issue 12): saved work records the pack version it was made on.
 * When a newer version is the one the case route opens, the session says so instead of mixing
 * the two silently.
 */
import { describe, expect, it } from 'vitest';
import { starterCatalog } from '../../src/codesets/starter';
import { memoryStore } from '../../src/persistence/kv';
import { ProgressStore } from '../../src/persistence/progress-store';
import type { Pack } from '../../src/scenarios/schema';
import { CaseSession } from '../../src/state/case-session.svelte';
import { payerServiceFor } from '../../src/state/payer-service';
import { shippedPack } from '../factories';

function session(store: ProgressStore, pack: Pack) {
  const caseFile = pack.cases[0]!;
  const payer = payerServiceFor(pack, caseFile, starterCatalog);
  if (Array.isArray(payer)) throw new Error(payer.map((p) => p.message).join('; '));
  return new CaseSession({ pack, caseFile, store, catalog: starterCatalog, ...payer });
}

describe('saved work and pack versions', () => {
  it('work saved on an older version is named when the newer version opens it', async () => {
    const v1 = shippedPack('starter')!;
    const v2: Pack = { ...v1, version: '9.0.0' };
    const store = new ProgressStore(memoryStore());
    const a = session(store, v1);
    await a.open();
    a.send({ type: 'coding.start' });
    await a.flush();
    expect(a.notice).toBeNull();
    a.close();

    const b = session(store, v2);
    await b.open();
    expect(b.notice).toBe(
      `Your saved work on this case was started on version ${v1.version} of the pack; the case now shows version 9.0.0. Start over for the new version's answer key.`,
    );
    b.close();
  });
});

/**
 * The session glue with the real pack, payer and edit engine, and an in-memory store: every
 * step is saved, and a new session on the same store comes back at the same step with the
 * same entries (what a page reload does).
 */
import { describe, expect, it, vi } from 'vitest';
import { starterCatalog } from '../../src/codesets/starter';
import { memoryStore } from '../../src/persistence/kv';
import { ProgressStore, progressKey } from '../../src/persistence/progress-store';
import { CaseSession } from '../../src/state/case-session.svelte';
import { payerServiceFor } from '../../src/state/payer-service';
import { shippedPack } from '../factories';

const pack = shippedPack('starter');
const caseFile = pack?.cases[0];

function session(store: ProgressStore) {
  if (!pack || !caseFile) throw new Error('starter pack missing');
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

describe('CaseSession', () => {
  it('saves each step and restores the same step and entries in a new session', async () => {
    const kv = memoryStore();
    const store = new ProgressStore(kv);
    const a = session(store);
    await a.open();
    a.send({ type: 'coding.start' });
    a.send({ type: 'dx.add', code: 'E11.65' });
    a.send({ type: 'dx.add', code: 'I10' });
    a.send({
      type: 'line.add',
      line: { code: '99214', charge: '175.00', dxPointers: [1, 2], units: '2' },
    });
    a.send({ type: 'claim.create' });
    a.send({ type: 'claim.submit' });
    await until(() => a.step === 'adjudicated');
    expect(a.context?.remittance?.status).toBe('denied');
    a.send({ type: 'remittance.post' });
    await a.flush();
    const saved = (await kv.getItem(progressKey('starter', caseFile!.id))) as { step: string };
    expect(saved.step).toBe('denied');
    a.close();

    const b = session(store);
    await b.open();
    expect(b.step).toBe('denied');
    expect(b.context?.draft.diagnoses).toEqual(['E11.65', 'I10']);
    expect(b.context?.submissions[0]?.remittance?.lines[0]?.adjustments[0]).toMatchObject({
      group: 'CO',
      carc: '151',
    });
    b.send({ type: 'claim.correct' });
    b.send({ type: 'line.update', index: 0, patch: { units: '1' } });
    b.send({ type: 'claim.resubmit' });
    await until(() => b.step === 'adjudicated');
    expect(b.context?.remittance?.status).toBe('paid');
    b.close();
  });

  it('scrub reports the header code next to its diagnosis', async () => {
    const s = session(new ProgressStore(memoryStore()));
    await s.open();
    s.send({ type: 'coding.start' });
    s.send({ type: 'dx.add', code: 'E11.6' });
    const f = await s.scrub();
    expect(f.find((x) => x.id === 'code.not-billable')?.codes).toContain('E11.6');
    expect(s.findingsStale).toBe(false);
    s.send({ type: 'dx.add', code: 'I10' });
    expect(s.findingsStale).toBe(true);
    s.close();
  });

  it('a corrupt saved record is kept aside and the case starts over with a message', async () => {
    const kv = memoryStore({
      [progressKey('starter', caseFile!.id)]: { format: 1, kind: 'case-progress', step: 'paid' },
    });
    const s = session(new ProgressStore(kv, () => 'T'));
    await s.open();
    expect(s.step).toBe('encounter');
    expect(s.notice).toMatch(/could not be read .*kept aside as “claimlab\/corrupt\/starter\//);
    expect(await kv.getItem(`claimlab/corrupt/starter/${caseFile!.id}/T`)).not.toBeNull();
    s.close();
  });
});

/**
 * Whole-attempt scoring in the session: reaching the score archives the attempt once, with its
 * score items, and starting over after that does not archive it a second time.
 */
import { describe, expect, it, vi } from 'vitest';
import { starterCatalog } from '../../src/codesets/starter';
import { memoryStore } from '../../src/persistence/kv';
import { ProgressStore } from '../../src/persistence/progress-store';
import { CaseSession, scoreStored } from '../../src/state/case-session.svelte';
import { payerServiceFor } from '../../src/state/payer-service';
import { shippedPack } from '../factories';

const pack = shippedPack('starter')!;
const caseFile = pack.cases[0]!;

const until = (cond: () => boolean) =>
  vi.waitFor(() => {
    if (!cond()) throw new Error(`not yet: ${cond.toString()}`);
  });

describe('CaseSession history', () => {
  it('archives a closed case once with its items; the stored attempt rescores the same', async () => {
    const store = new ProgressStore(memoryStore());
    const payer = payerServiceFor(pack, caseFile, starterCatalog);
    if (Array.isArray(payer)) throw new Error('payer');
    const s = new CaseSession({
      pack,
      caseFile,
      store,
      catalog: starterCatalog,
      ...payer,
      tags: { chapters: [4], topics: ['diabetes'] },
    });
    await s.open();
    s.send({ type: 'coding.start' });
    for (const code of caseFile.answer.diagnoses.map((d) => d.code))
      s.send({ type: 'dx.add', code });
    for (const l of caseFile.answer.lines)
      s.send({
        type: 'line.add',
        line: {
          code: l.code,
          charge: caseFile.chargeMaster[l.code],
          dxPointers: l.dxPointers,
          units: String(l.units),
          modifiers: [...l.modifiers, '', '', '', ''].slice(0, 4),
        },
      });
    s.send({ type: 'claim.create' });
    s.send({ type: 'claim.submit' });
    await until(() => s.step === 'adjudicated');
    s.send({ type: 'remittance.post' });
    await until(() => s.hasTag('phase.outcome'));
    s.send({ type: 'statement.issue' });
    s.send({ type: 'case.close' });
    await until(() => s.step === 'closed');
    await vi.waitFor(async () => expect(await s.attempts()).toHaveLength(1));
    const [a] = await s.attempts();
    expect(a!.items.length).toBeGreaterThan(5);
    expect(a!.topics).toEqual(['diabetes']);
    expect(a!.mode).toBe('practice');
    expect(a!.startedAt).not.toBeNull();
    // Reproducible: the stored context scores exactly as the archive says.
    expect(scoreStored(s.key, a!.context).totals.percent).toBe(a!.score.percent);
    expect(s.step).toBe('closed');
    await s.restart();
    expect(await s.attempts()).toHaveLength(1);
    expect(s.step).toBe('encounter');
    s.close();
  });
});

/**
 * Highlights on the visit note are saved with the case's progress (a reload finds them),
 * archived with the attempt, exported and imported with the progress, allowed in exam mode,
 * read-only once the session is closed, and checked when read back.
 */
import { describe, expect, it } from 'vitest';
import { starterCatalog } from '../../src/codesets/starter';
import { memoryStore } from '../../src/persistence/kv';
import { ProgressStore, progressKey } from '../../src/persistence/progress-store';
import { HistoryStore } from '../../src/persistence/history-store';
import { progressRecordType } from '../../src/persistence/progress.record';
import { readRecord } from '../../src/persistence/versioned';
import { CaseSession, type SessionDeps } from '../../src/state/case-session.svelte';
import { payerServiceFor } from '../../src/state/payer-service';
import { noteModel } from '../../src/ui/case/doc-text';
import { shippedPack } from '../factories';

const pack = shippedPack('starter');
const caseFile = pack?.cases[0];

function session(store: ProgressStore, extra: Partial<SessionDeps> = {}) {
  if (!pack || !caseFile) throw new Error('starter pack missing');
  const payer = payerServiceFor(pack, caseFile, starterCatalog);
  if (Array.isArray(payer)) throw new Error(payer.map((p) => p.message).join('; '));
  return new CaseSession({ pack, caseFile, store, catalog: starterCatalog, ...payer, ...extra });
}

const text = () => noteModel(caseFile!.documentation).index.text;
const rangeOf = (words: string) => {
  const s = text().indexOf(words);
  if (s < 0) throw new Error(`"${words}" is not in the note`);
  return { start: s, end: s + words.length };
};

describe('case highlights', () => {
  it('are saved with the progress and found again by a new session (a reload)', async () => {
    const kv = memoryStore();
    const store = new ProgressStore(kv);
    const a = session(store);
    await a.open();
    const r = a.highlights.add(text(), rangeOf('essential hypertension'), 'diagnosis');
    expect(r.kind).toBe('added');
    a.highlights.update('h1', { note: 'with CKD? no' });
    await a.flush();
    const saved = (await kv.getItem(progressKey('starter', caseFile!.id))) as {
      highlights: unknown[];
    };
    expect(saved.highlights).toHaveLength(1);
    a.close();
    expect(a.highlights.locked).toBe(true);
    expect(a.highlights.add(text(), rangeOf('hyperlipidemia'), 'diagnosis').kind).toBe('refused');

    const b = session(store);
    await b.open();
    expect(b.highlights.locked).toBe(false);
    expect(b.highlights.list).toEqual([
      {
        id: 'h1',
        ...rangeOf('essential hypertension'),
        quote: 'essential hypertension',
        category: 'diagnosis',
        note: 'with CKD? no',
      },
    ]);
    b.close();
  });

  it('go into the history with the attempt when the case is started over, and into the export', async () => {
    const kv = memoryStore();
    const store = new ProgressStore(kv);
    const s = session(store);
    await s.open();
    s.highlights.add(text(), rangeOf('hyperlipidemia'), 'supporting');
    await s.restart();
    const [attempt] = await s.attempts();
    expect(attempt?.highlights?.map((h) => h.quote)).toEqual(['hyperlipidemia']);
    expect(s.highlights.list).toEqual([]);
    s.highlights.add(text(), rangeOf('metformin'), 'question');
    await s.flush();
    const file = await new HistoryStore(kv).exportAll('2026-12-07T10:00:00Z');
    const into = new HistoryStore(memoryStore());
    const plan = await into.planImport(JSON.parse(JSON.stringify(file)));
    expect(plan.problems).toEqual([]);
    const progress = plan.records[progressKey('starter', caseFile!.id)] as {
      highlights: { quote: string }[];
    };
    expect(progress.highlights.map((h) => h.quote)).toEqual(['metformin']);
    s.close();
  });

  it('are allowed in exam mode (the trainee’s own work), saved apart from practice', async () => {
    const kv = memoryStore();
    const s = session(new ProgressStore(kv), { exam: { examId: 'e1', sittingId: 's1' } });
    await s.open();
    expect(s.highlights.add(text(), rangeOf('metformin'), 'procedure').kind).toBe('added');
    await s.flush();
    const saved = (await kv.getItem(progressKey('starter@s1', caseFile!.id))) as {
      highlights: unknown[];
    };
    expect(saved.highlights).toHaveLength(1);
    s.close();
  });

  it('are checked when read back: a highlight ending before it starts is named by its path', () => {
    const rec = {
      format: 2,
      kind: 'case-progress',
      packId: 'starter',
      packVersion: '1',
      caseId: 'x',
      step: 'encounter',
      context: {},
      revision: 0,
      savedAt: '',
      highlights: [{ id: 'h1', start: 9, end: 3, quote: 'abc', category: 'diagnosis', note: '' }],
    };
    const r = readRecord(progressRecordType, rec);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain('highlights[0].end');
  });
});

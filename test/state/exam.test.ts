/**
 * Exam mode end to end without a browser: a sitting is started, one case is worked in exam mode
 * (saved apart from practice), the exam is submitted, every case is scored from its saved work,
 * and the sitting is locked.
 */
import { describe, expect, it, vi } from 'vitest';
import { starterCatalog } from '../../src/codesets/starter';
import { memoryStore } from '../../src/persistence/kv';
import { ProgressStore, progressKey } from '../../src/persistence/progress-store';
import { HistoryStore } from '../../src/persistence/history-store';
import { CaseSession } from '../../src/state/case-session.svelte';
import { ExamState } from '../../src/state/exam.svelte';
import { payerServiceFor } from '../../src/state/payer-service';
import { loadAllPacks } from '../../src/scenarios/load-node';
import type { AppState } from '../../src/state/app.svelte';

const loaded = loadAllPacks();
const pack = loaded.packs.find((p) => p.id === 'starter')!;
const full = loaded.full!.filter((p) => p.id === 'starter');

describe('ExamState', () => {
  it('scores every case at submission and locks the sitting', async () => {
    const kv = memoryStore({ [progressKey('starter', 'dm2-htn-established')]: { format: 9 } });
    const store = new ProgressStore(kv);
    let now = Date.parse('2026-12-07T08:00:00Z');
    const app = {
      full,
      kv,
      store,
      findCase: (p: string, c: string) => {
        const caseFile = pack.cases.find((x) => x.id === c);
        return p === pack.id && caseFile ? { pack, caseFile } : null;
      },
    } as unknown as AppState;
    const exams = new ExamState(app, () => now);
    await exams.load();
    expect(exams.choices.map((c) => c.exam.id)).toEqual(['starter-office-visits']);
    await exams.start(exams.choices[0]!);
    const a = exams.active!;
    expect(a.id).toBe('starter-office-visits-1');
    expect(exams.secondsLeft).toBe(40 * 60);

    // Work the first case in exam mode: code it perfectly and create the claim.
    const caseFile = pack.cases[0]!;
    const payer = payerServiceFor(pack, caseFile, starterCatalog);
    if (Array.isArray(payer)) throw new Error('payer');
    const s = new CaseSession({
      pack,
      caseFile,
      store,
      catalog: starterCatalog,
      ...payer,
      exam: { examId: a.examId, sittingId: a.id },
    });
    await s.open();
    expect(s.storeId).toBe('starter@starter-office-visits-1');
    s.send({ type: 'coding.start' });
    for (const d of caseFile.answer.diagnoses) s.send({ type: 'dx.add', code: d.code });
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
    await s.flush();
    s.close();

    now += 10 * 60_000;
    await exams.submit();
    expect(exams.active).toBeNull();
    const [done] = await new HistoryStore(kv).exams();
    expect(done?.submittedAt).toBe('2026-12-07T08:10:00.000Z');
    expect(done?.results?.map((r) => r.caseId)).toEqual(a.caseIds);
    // The coded case: every coding item right (no claim sent, so no payment rows).
    expect(done?.results?.[0]?.percent).toBe(100);
    // The case never opened scores nothing.
    expect(done?.results?.[1]).toMatchObject({ percent: 0, max: 0 });
    const attempts = await store.allAttempts();
    expect(attempts.map((x) => [x.caseId, x.mode, x.examId])).toEqual([
      ['dm2-htn-established', 'exam', 'starter-office-visits'],
    ]);
    expect(attempts[0]?.startedAt).toBe(a.startedAt);
    // The exam's work is gone; the practice record of the same case is untouched.
    expect(kv.dump()[progressKey('starter@starter-office-visits-1', caseFile.id)]).toBeUndefined();
    expect(kv.dump()[progressKey('starter', caseFile.id)]).toEqual({ format: 9 });
    // Locked.
    await expect(new HistoryStore(kv).submitExam({ ...done!, percent: 0 })).rejects.toThrow(
      /locked/,
    );
  });

  it('submits itself when time runs out, also after a reload', async () => {
    const kv = memoryStore();
    const store = new ProgressStore(kv);
    let now = 0;
    const app = { full, kv, store, findCase: () => null } as unknown as AppState;
    const exams = new ExamState(app, () => now);
    await exams.load();
    await exams.start(exams.choices[0]!);
    now = 41 * 60_000;
    const again = new ExamState(app, () => now);
    await again.load();
    await vi.waitFor(() => expect(again.active).toBeNull());
    expect((await new HistoryStore(kv).exams())[0]?.percent).toBe(0);
  });
});

/**
 * Practice sessions in the progress history (issue 13, "Progress": every attempt, case, quiz or
 * practice session, stored with its score items and reopenable): the practice's judged decisions
 * become a session record as the practice is saved; a new practice begins a new session; the
 * session is a history entry for the dashboard and travels in the progress export, validated on
 * import.
 */
import { describe, expect, it } from 'vitest';
import { starterCatalog } from '../../src/codesets/starter';
import { HistoryStore } from '../../src/persistence/history-store';
import { memoryStore } from '../../src/persistence/kv';
import { PracticeStore } from '../../src/persistence/practice-store';
import { loadShippedPacks } from '../../src/scenarios/load-node';
import { newestVersions } from '../../src/scenarios/versions';
import { practiceEntry } from '../../src/state/history-entries';
import { PracticeState } from '../../src/state/practice.svelte';
import {
  PracticeSessionLog,
  practiceFindingIds,
  type PracticeSnapshot,
} from '../../src/state/session-history';
import { WRONG_MOVES } from '../../src/machines/practice/decisions';

const KEY = 'claimlab/practice-sessions/0001';

const decision = (at: string, right: boolean, kind = 'write-off') => ({
  at,
  kind,
  choice: right ? 'write off 4500 cents: contractual' : 'write off 3600 cents: contractual',
  right,
  rationale: right
    ? 'A provider-liability denial is written off (DOMAIN.md §8).'
    : WRONG_MOVES.prAsContractual,
  encounterId: 'enc-7',
});
const snap = (today: string, decisions: unknown[], seed = 3): PracticeSnapshot => ({
  options: { seed, weeks: 2, guided: true },
  endsOn: '2026-03-13',
  practice: {
    today,
    decisions,
    cases: [
      {
        snapshot: { context: { rejections: [{ at: today, reasons: ['claim.member-id'] }] } },
        remit: { findings: [{ id: 'ncci.ptp' }] },
      },
    ],
  },
});

function log(kv = memoryStore()) {
  let t = 0;
  const clock = () => `2026-12-07T10:${String(t++).padStart(2, '0')}:00.000Z`;
  const history = new HistoryStore(kv);
  return { kv, history, log: new PracticeSessionLog(history, clock) };
}

describe('PracticeSessionLog', () => {
  it('writes nothing before the first judged decision', async () => {
    const { kv, log: l } = log();
    await l.record(snap('2026-03-02', []));
    expect(Object.keys(kv.dump())).toEqual([]);
  });

  it('keeps one session up to date while its clock and decisions grow', async () => {
    const { history, log: l } = log();
    await l.record(snap('2026-03-02', [decision('2026-03-02', true)]));
    await l.record(
      snap('2026-03-05', [decision('2026-03-02', true), decision('2026-03-05', false)]),
    );
    const [s, ...rest] = await history.practiceSessions();
    expect(rest).toEqual([]);
    expect(s).toMatchObject({
      id: '0001',
      startedAt: '2026-12-07T10:00:00.000Z',
      updatedAt: '2026-12-07T10:01:00.000Z',
      today: '2026-03-05',
      score: { percent: 50, points: 1, max: 2 },
      findingIds: ['claim.member-id', 'ncci.ptp'],
    });
    expect(s?.items[1]).toMatchObject({
      at: '2026-03-05',
      kind: 'write-off',
      mark: 'wrong',
      rule: 'X12 835 group codes; DOMAIN.md §8',
    });
  });

  it('a new practice, even on the same seed, begins a new session (its clock starts again)', async () => {
    const { kv, history, log: l } = log();
    await l.record(
      snap('2026-03-09', [decision('2026-03-02', true), decision('2026-03-09', true)]),
    );
    await l.record(snap('2026-03-02', [decision('2026-03-02', false)]));
    expect((await history.practiceSessions()).map((s) => [s.id, s.score.percent])).toEqual([
      ['0001', 100],
      ['0002', 0],
    ]);
    // A new log (a reload) continues the latest session rather than starting another.
    const again = new PracticeSessionLog(history, () => '2026-12-07T11:00:00.000Z');
    await again.record(
      snap('2026-03-03', [decision('2026-03-02', false), decision('2026-03-03', true)]),
    );
    expect(Object.keys(kv.dump()).sort()).toEqual([KEY, 'claimlab/practice-sessions/0002']);
    expect((await history.practiceSessions())[1]?.score.max).toBe(2);
  });

  it('skips malformed decisions and finding ids instead of failing', async () => {
    const { history, log: l } = log();
    await l.record(snap('2026-03-02', [null, { at: 1 }, decision('2026-03-02', true)]));
    expect((await history.practiceSessions())[0]?.items).toHaveLength(1);
    expect(practiceFindingIds([null, 7, { remit: { findings: 'x' } }])).toEqual([]);
  });
});

describe('a practice session in the history', () => {
  it('is a dashboard entry: each decision an item, wrong ones counted by kind', async () => {
    const { history, log: l } = log();
    await l.record(
      snap('2026-03-05', [decision('2026-03-02', true), decision('2026-03-05', false)]),
    );
    const [s] = await history.practiceSessions();
    const e = practiceEntry(s!);
    expect(e).toMatchObject({
      kind: 'practice',
      at: s!.updatedAt,
      title: 'Practice session (seed 3, 2 weeks, to 2026-03-05)',
      percent: 50,
      findingIds: ['claim.member-id', 'ncci.ptp'],
    });
    expect(e.items.map((i) => [i.mark, i.decision, i.score])).toEqual([
      ['right', 'write-off', 1],
      ['wrong', 'write-off', 0],
    ]);
  });

  it('is exported and imported; an edited score or a bad item is named by its path', async () => {
    const { history, log: l } = log();
    await l.record(
      snap('2026-03-05', [decision('2026-03-02', true), decision('2026-03-05', false)]),
    );
    const file = await history.exportAll('2026-12-07T12:00:00.000Z');
    expect(Object.keys(file.records)).toContain(KEY);

    const fresh = new HistoryStore(memoryStore());
    const plan = await fresh.planImport(JSON.parse(JSON.stringify(file)));
    expect(plan.problems).toEqual([]);
    expect(await fresh.applyImport(plan, false)).toBe(1);
    expect((await fresh.practiceSessions())[0]?.score.percent).toBe(50);

    const bad = JSON.parse(JSON.stringify(file)) as typeof file;
    const rec = bad.records[KEY] as { score: { percent: number }; items: { mark: string }[] };
    rec.score.percent = 100;
    rec.items[1]!.mark = 'maybe';
    const problems = (await fresh.planImport(bad)).problems.map((p) => p.path);
    expect(problems).toEqual([`records["${KEY}"].items[1].mark`]);
    rec.items[1]!.mark = 'wrong';
    expect((await fresh.planImport(bad)).problems).toEqual([
      {
        path: `records["${KEY}"].score.percent`,
        message: 'must be 50 (from the 2 decision items)',
      },
    ]);
  });
});

describe('PracticeState keeps its session in the history', () => {
  it('every judged decision of a seeded practice lands in the session, in order', async () => {
    const shipped = loadShippedPacks();
    const kv = memoryStore();
    const history = new HistoryStore(kv);
    const sessions = new PracticeSessionLog(history, () => '2026-12-07T10:00:00.000Z');
    const s = new PracticeState({
      store: new PracticeStore(kv, { now: () => '2026-01-01T00:00:00.000Z' }),
      templates: () => shipped.full,
      payerPacks: () => newestVersions(shipped.packs),
      catalog: () => starterCatalog(),
      pause: async () => {},
      sessions,
    });
    await s.start({ seed: 5, weeks: 1, guided: true });
    for (let d = 0; d < 3; d++) {
      for (const r of s.view!.queues.toCode) await s.acceptSuggested(r.id);
      for (const r of s.view!.queues.toPost) await s.post(r.id);
      await s.advance(1);
    }
    await sessions.flush();
    const [session, ...more] = await history.practiceSessions();
    expect(more).toEqual([]);
    const decisions = s.view!.decisions;
    expect(decisions.length).toBeGreaterThan(3);
    expect(session!.items.map((i) => [i.at, i.kind, i.mark])).toEqual(
      decisions.map((d) => [d.at, d.kind, d.right ? 'right' : 'wrong']),
    );
    expect(session!.today).toBe(s.view!.today);
  });
});

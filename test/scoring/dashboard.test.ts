import { describe, expect, it } from 'vitest';
import { dashboard, type HistoryEntry } from '../../src/domain/scoring/dashboard';

const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({
  kind: 'case',
  at: '2026-12-01T10:00:00Z',
  title: 'dm2',
  percent: 50,
  topics: ['diabetes'],
  chapters: [4],
  items: [],
  findingIds: [],
  ...over,
});

describe('dashboard', () => {
  it('orders by time, counts errors, outcomes and setbacks, and reads a trend', () => {
    const d = dashboard([
      entry({
        at: '2026-12-03T10:00:00Z',
        percent: 90,
        outcome: 'paid',
        minutes: 12,
        items: [
          { score: 1, mark: 'right', code: 'E11.65', label: 'Diagnosis 1' },
          { score: 0, mark: 'wrong', code: 'I10', label: 'Diagnosis 2' },
        ],
      }),
      entry({
        at: '2026-12-01T10:00:00Z',
        percent: 40,
        outcome: 'paid',
        findingIds: ['claim.member-id', 'claim.member-id'],
        setbacks: { rejected: 1, denied: 0, refused: 1 },
        items: [{ score: 0, mark: 'wrong', code: 'I10', label: 'Diagnosis 2' }],
        minutes: 30,
      }),
      entry({
        kind: 'quiz',
        title: 'Quiz',
        at: '2026-12-02T10:00:00Z',
        percent: 60,
        topics: ['modifiers'],
        chapters: [],
        items: [{ score: 0.5, mark: 'partly', label: 'q' }],
      }),
      entry({ at: '2026-12-04T10:00:00Z', percent: 100, outcome: 'denied' }),
    ]);
    expect(d.overTime.map((p) => p.percent)).toEqual([40, 60, 90, 100]);
    expect(d.errorCodes).toEqual([{ key: 'I10', count: 2 }]);
    expect(d.errorFindings).toEqual([{ key: 'claim.member-id', count: 1 }]);
    expect(d.outcomes).toEqual([
      { key: 'paid', count: 2 },
      { key: 'denied', count: 1 },
    ]);
    expect(d.setbacks).toEqual({ rejected: 1, denied: 0, refused: 1 });
    expect(d.timePerCase).toEqual([
      { title: 'dm2', minutes: 30 },
      { title: 'dm2', minutes: 12 },
    ]);
    expect(d.summary).toEqual({ entries: 4, cases: 3, quizzes: 1, average: 73, trend: 'up' });
    expect(d.topics.find((t) => t.key === 'diabetes')).toMatchObject({ answered: 3, percent: 33 });
    expect(d.chapters[0]?.label).toBe('Chapter 4: Endocrine, nutritional and metabolic diseases');
  });

  it('an empty history gives empty charts, no average and no trend', () => {
    const d = dashboard([]);
    expect(d.summary).toEqual({ entries: 0, cases: 0, quizzes: 0, average: null, trend: null });
    expect(d.overTime).toEqual([]);
  });
});

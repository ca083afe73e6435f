/**
 * A practice session's score: every judged decision one item (right 1, wrong 0) with its clock
 * date, rationale and the rule it cites; and the dashboard counting sessions beside cases and
 * quizzes, with wrong decisions by kind among the most common errors.
 * See: src/domain/scoring/practice-session.ts; issue 13 ("Progress").
 */
import { describe, expect, it } from 'vitest';
import { dashboard, type HistoryEntry } from '../../src/domain/scoring/dashboard';
import { ruleOf, scorePracticeSession } from '../../src/domain/scoring';
import { WRONG_MOVES } from '../../src/machines/practice/decisions';

describe('scorePracticeSession', () => {
  it('scores each decision with its date, mark, rationale and rule; percent rounds half up', () => {
    const s = scorePracticeSession([
      {
        at: '2026-03-02',
        kind: 'appeal',
        choice: 'appeal a rejection',
        right: false,
        rationale: WRONG_MOVES.appealRejection,
        encounterId: 'enc-1',
      },
      {
        at: '2026-03-03',
        kind: 'coding',
        choice: 'E11.9 / 99213',
        right: true,
        rationale: 'Codes what the note documents (ICD-10-CM Guidelines IV; CPT).',
      },
      { at: '2026-03-04', kind: 'posting', choice: 'as the 835', right: true, rationale: 'ok' },
    ]);
    expect(s.items[0]).toEqual({
      at: '2026-03-02',
      kind: 'appeal',
      choice: 'appeal a rejection',
      mark: 'wrong',
      rationale: WRONG_MOVES.appealRejection,
      rule: 'DOMAIN.md §1.5; RARC MA130',
      encounterId: 'enc-1',
    });
    expect(s.items[2]?.rule).toBe('');
    // 2 of 3 = 66.67 → 67.
    expect(s.totals).toEqual({ right: 2, wrong: 1, points: 2, max: 3, percent: 67 });
  });

  it('reads the rule from the last parenthesised citation, or the decision’s own rule', () => {
    expect(ruleOf({ rationale: `${WRONG_MOVES.coToPatient} Overbilled 500 cents.` })).toBe(
      'participation agreement; DOMAIN.md §6 "contractual adjustment"',
    );
    expect(
      ruleOf({
        rationale:
          'No appeal rights (e.g. CO-29 with N211): write it off or prove timely filing (DOMAIN.md §5).',
      }),
    ).toBe('DOMAIN.md §5');
    expect(ruleOf({ rationale: WRONG_MOVES.missedDeadline })).toBe(
      '42 CFR 405.942, 405.962, 405.1014',
    );
    expect(ruleOf({ rationale: 'x (y)', rule: 'Pub. 100-04 ch. 34' })).toBe('Pub. 100-04 ch. 34');
  });

  it('an empty session scores 0 of 0 (0%)', () => {
    expect(scorePracticeSession([]).totals).toMatchObject({ max: 0, percent: 0 });
  });
});

describe('dashboard with practice sessions', () => {
  const practice: HistoryEntry = {
    kind: 'practice',
    at: '2026-12-05T10:00:00Z',
    title: 'Practice session',
    percent: 50,
    topics: [],
    chapters: [],
    items: [
      { score: 0, mark: 'wrong', label: 'a', decision: 'write-off' },
      { score: 0, mark: 'wrong', label: 'b', decision: 'write-off' },
      { score: 0, mark: 'wrong', label: 'c', decision: 'appeal' },
      { score: 1, mark: 'right', label: 'd', decision: 'coding' },
    ],
    findingIds: ['claim.member-id'],
    minutes: 40,
  };
  const kase: HistoryEntry = {
    kind: 'case',
    at: '2026-12-01T10:00:00Z',
    title: 'dm2',
    percent: 80,
    topics: ['diabetes'],
    chapters: [4],
    items: [{ score: 1, mark: 'right', label: 'Diagnosis 1' }],
    findingIds: ['claim.member-id'],
    minutes: 12,
  };

  it('counts the session over time and its wrong decisions by kind, apart from cases', () => {
    const d = dashboard([practice, kase]);
    expect(d.overTime.map((p) => [p.kind, p.percent])).toEqual([
      ['case', 80],
      ['practice', 50],
    ]);
    expect(d.errorDecisions).toEqual([
      { key: 'write-off', count: 2 },
      { key: 'appeal', count: 1 },
    ]);
    expect(d.errorFindings).toEqual([{ key: 'claim.member-id', count: 2 }]);
    expect(d.summary).toMatchObject({ entries: 2, cases: 1, quizzes: 0 });
    // A practice session is not a case: it has no time per case.
    expect(d.timePerCase).toEqual([{ title: 'dm2', minutes: 12 }]);
  });
});

/**
 * The refresher's pure logic (src/scenarios/refresher.ts) on the fixture pair
 * test/fixtures/packs/refresher-v1 → -v2: changes in plain words with the changelog's why and
 * reference, each linked to the cases that exercise it, a quiz with at least one question per
 * change (the pack's own first, generated otherwise), and scoring with rationales.
 * See: issue 12 "Refreshers".
 */
import { describe, expect, it } from 'vitest';
import { readPackSet } from '../../src/scenarios/format/index';
import { readPackPath } from '../../src/scenarios/format/read-node';
import type { PackV2 } from '../../src/scenarios/format/v2';
import {
  buildRefresher,
  scoreQuiz,
  subjectOf,
  type QuizAnswer,
  type QuizQuestion,
} from '../../src/scenarios/refresher';

const { full } = readPackSet([
  readPackPath('test/fixtures/packs/refresher-v1'),
  readPackPath('test/fixtures/packs/refresher-v2'),
]);
const [v1, v2] = full as [PackV2, PackV2];
const r = buildRefresher(v1, v2);
const bySubject = new Map(r.changes.map((c) => [c.subject, c]));

/** The right answer to a question, as the screen would send it. */
function rightAnswer(q: QuizQuestion): QuizAnswer {
  switch (q.kind) {
    case 'single-choice':
      return q.answer;
    case 'multiple-choice':
      return q.answers;
    case 'true-false':
      return q.answer;
    case 'code-entry':
      return q.answers[0]!.toLowerCase().replace('.', '');
    case 'sequencing':
      return q.order.join(', ');
  }
}

describe('refresher changes', () => {
  it('groups the differences by the changelog change that explains them', () => {
    expect(r.changes.map((c) => `${c.change} ${c.subject}`)).toEqual([
      'added Code E11.A',
      'added Case ak-pa-fixture',
      'changed Timely filing (plan fixture-gold)',
      'changed Prior authorization (plan fixture-gold)',
      'changed Fee table fixture-fees-2026',
      'changed Drug table 2025-Q4',
      'removed Question q-filing-180',
    ]);
    const tf = bySubject.get('Timely filing (plan fixture-gold)')!;
    expect(tf.items.map((i) => i.ref)).toEqual([
      'payer:fixture-ppo/timelyFiling',
      'policy:fixture-gold/timelyFiling',
    ]);
    expect(tf).toMatchObject({
      what: 'Claims must reach the plan within 90 days of the date of service instead of 180.',
      why: 'The 2026 contract amendment shortened the filing limit.',
      reference: 'Fixture provider contract amendment 3 (synthetic)',
      version: '2.0.0',
      date: '2026-06-15',
    });
  });

  it('links each change to the cases that exercise it in the newer version', () => {
    const pa = bySubject.get('Prior authorization (plan fixture-gold)')!;
    expect(pa.cases.map((c) => `${c.packId}@${c.version}/${c.caseId}`)).toEqual([
      'refresher-fixture@2.0.0/ak-htn-fixture',
      'refresher-fixture@2.0.0/ak-pa-fixture',
    ]);
    // A fee entry links to the cases that bill that code; a drug nobody bills links to none.
    expect(bySubject.get('Fee table fixture-fees-2026')!.cases).toHaveLength(2);
    expect(bySubject.get('Drug table 2025-Q4')!.cases).toEqual([]);
    expect(bySubject.get('Added Case ak-pa-fixture')).toBeUndefined();
    expect(bySubject.get('Case ak-pa-fixture')!.cases.map((c) => c.caseId)).toEqual([
      'ak-pa-fixture',
    ]);
  });

  it('an unexplained difference gets plain words of its own, with the values', () => {
    const bare = structuredClone(v2);
    bare.changelog = [];
    const u = buildRefresher(v1, bare);
    const fee = u.changes.find((c) => c.items[0]!.ref === 'fee:fixture-fees-2026/99214')!;
    expect(fee.what).toBe(
      'Fee for 99214 (fixture-fees-2026) was changed between versions 1.0.0 and 2.0.0: $86.00 (non-facility) in 1.0.0, $130.00 (non-facility) in 2.0.0.',
    );
    expect(fee.why).toBeNull();
    expect(fee.reference).toBeNull();
  });

  it('names refs in plain words', () => {
    expect(subjectOf('policy:gold/modifiers')).toBe('Modifier rules (plan gold)');
    expect(subjectOf('payer:acme/timelyFiling')).toBe('Payer acme: timelyFiling');
    expect(subjectOf('rule:mue/17000')).toBe('Units limit (MUE) 17000');
    expect(subjectOf('rule:ptp/20610/20611')).toBe('NCCI pair 20610 / 20611');
    expect(subjectOf('code:E11.A')).toBe('Code E11.A');
  });
});

describe('refresher quiz', () => {
  it('has at least one question per change', () => {
    for (const c of r.changes)
      expect(
        r.quiz.some((q) => q.changeIds.includes(c.id)),
        c.subject,
      ).toBe(true);
  });

  it("uses the pack's own question where the change names it, its case or its code", () => {
    const own = (subject: string) =>
      r.quiz
        .filter((q) => q.changeIds.includes(bySubject.get(subject)!.id))
        .map((q) => `${q.source} ${q.id}`);
    expect(own('Code E11.A')).toEqual(['pack pack:q-e11a']);
    expect(own('Case ak-pa-fixture')).toEqual(['pack pack:q-pa-needed']);
    expect(own('Prior authorization (plan fixture-gold)')).toEqual(['pack pack:q-pa-17000']);
    // No question names the filing limit: one is generated from the change.
    expect(own('Timely filing (plan fixture-gold)')).toEqual(['generated gen:change-3']);
  });

  it('generates an amount question for a changed fee, with both amounts as choices', () => {
    const q = r.quiz.find((x) =>
      x.changeIds.includes(bySubject.get('Fee table fixture-fees-2026')!.id),
    )!;
    expect(q.kind).toBe('single-choice');
    if (q.kind !== 'single-choice') return;
    expect(q.prompt).toBe(
      'Under refresher-fixture version 2.0.0, what is the fee for 99214 (fixture-fees-2026)?',
    );
    expect(q.choices.map((c) => c.text).sort()).toEqual([
      '$130.00 (non-facility)',
      '$86.00 (non-facility)',
    ]);
    expect(q.choices.find((c) => c.id === q.answer)!.text).toBe('$130.00 (non-facility)');
    expect(q.reference).toBe('Fixture fee update 2026-07 (synthetic)');
  });

  it('a policy change without a question asks what changed under the newer version', () => {
    const q = r.quiz.find((x) => x.id === 'gen:change-3')!;
    expect(q.prompt).toMatch(
      /^Under refresher-fixture version 2\.0\.0, what changed about timely filing/,
    );
    if (q.kind !== 'single-choice') throw new Error(q.kind);
    expect(q.choices.find((c) => c.id === q.answer)!.text).toMatch(/90 days/);
    expect(
      q.choices.some((c) => /^Nothing\. It is the same as in version 1\.0\.0/.test(c.text)),
    ).toBe(true);
    expect(q.rationale).toMatch(/90 days .* contract amendment/);
  });

  it('is the same quiz every time (seeded shuffles)', () => {
    expect(buildRefresher(v1, v2).quiz).toEqual(r.quiz);
  });
});

describe('scoring the quiz', () => {
  it('all right answers score 100 %, with rationales and references', () => {
    const answers = Object.fromEntries(r.quiz.map((q) => [q.id, rightAnswer(q)]));
    const s = scoreQuiz(r.quiz, answers);
    expect(s).toMatchObject({ correct: r.quiz.length, total: r.quiz.length, percent: 100 });
    for (const i of s.items) {
      expect(i.rationale.length).toBeGreaterThan(10);
      expect(i.reference.length).toBeGreaterThan(3);
    }
  });

  it('blank and wrong answers are wrong, and say what the right answer was', () => {
    const s = scoreQuiz(r.quiz, { 'pack:q-e11a': 'E11.9', __proto__: 'x' } as Record<
      string,
      QuizAnswer
    >);
    expect(s.correct).toBe(0);
    expect(s.percent).toBe(0);
    const e11a = s.items.find((i) => i.id === 'pack:q-e11a')!;
    expect(e11a).toMatchObject({ correct: false, expected: 'E11.A', given: 'E11.9' });
    expect(s.items.find((i) => i.id === 'gen:change-3')!.given).toBe('no answer');
  });

  it('grades every question kind', () => {
    const base = {
      prompt: 'p',
      rationale: 'because so',
      reference: 'ref',
      changeIds: [],
      source: 'pack' as const,
    };
    const quiz: QuizQuestion[] = [
      {
        ...base,
        id: 'm',
        kind: 'multiple-choice',
        choices: [
          { id: 'a', text: 'A' },
          { id: 'b', text: 'B' },
          { id: 'c', text: 'C' },
        ],
        answers: ['a', 'c'],
      },
      { ...base, id: 't', kind: 'true-false', answer: false },
      { ...base, id: 's', kind: 'sequencing', shown: ['I10', 'E11.65'], order: ['E11.65', 'I10'] },
    ];
    const good = scoreQuiz(quiz, { m: ['c', 'a'], t: false, s: 'e11.65, I10' });
    expect(good.percent).toBe(100);
    const bad = scoreQuiz(quiz, { m: ['a'], t: true, s: 'I10 E11.65' });
    expect(bad.items.map((i) => [i.correct, i.expected, i.given])).toEqual([
      [false, 'A; C', 'A'],
      [false, 'False', 'True'],
      [false, 'E11.65, I10', 'I10, E1165'],
    ]);
  });
});

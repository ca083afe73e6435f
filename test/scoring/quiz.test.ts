import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  drawQuiz,
  gradeQuestion,
  gradeQuiz,
  normaliseCode,
  selfAssessment,
  sequencingScore,
  type Question,
} from '../../src/domain/scoring/quiz';
import { questionBankSchema, type QuestionV2 } from '../../src/scenarios/format/v2';

const bank = questionBankSchema.parse(
  JSON.parse(readFileSync('test/fixtures/questions/bank.json', 'utf8')),
);
// The pack format's question is the domain's question (checked by the compiler).
const questions: Question[] = bank.questions satisfies QuestionV2[];
const q = (id: string) => questions.find((x) => x.id === id)!;

describe('drawQuiz', () => {
  it('is seeded: the same seed gives the same questions in the same order', () => {
    const a = drawQuiz(questions, { seed: 7, count: 4 });
    const b = drawQuiz([...questions].reverse(), { seed: 7, count: 4 });
    expect(a.map((d) => d.question.id)).toEqual(b.map((d) => d.question.id));
    expect(a).toHaveLength(4);
    const c = drawQuiz(questions, { seed: 8, count: 6 }).map((d) => d.question.id);
    expect(new Set(c).size).toBe(6);
  });

  it('filters by topic, chapter and difficulty and caps the count at what fits', () => {
    expect(
      drawQuiz(questions, { seed: 1, count: 10, topics: ['diabetes'] })
        .map((d) => d.question.id)
        .sort(),
    ).toEqual(['q-e11-9', 'q-seq']);
    expect(
      drawQuiz(questions, { seed: 1, count: 10, chapters: [18] }).map((d) => d.question.id),
    ).toEqual(['q-uncertain']);
    expect(drawQuiz(questions, { seed: 1, count: 10, difficulties: ['advanced'] })).toHaveLength(1);
    expect(drawQuiz(questions, { seed: 1, count: 0 })).toEqual([]);
  });

  it('shows a sequencing question shuffled', () => {
    const d = drawQuiz(questions, { seed: 3, count: 10 }).find((x) => x.question.id === 'q-seq')!;
    expect([...d.shown!].sort()).toEqual(['E11.65', 'I10', 'Z79.84']);
    expect(d.shown).not.toEqual(['E11.65', 'I10', 'Z79.84']);
  });
});

describe('gradeQuestion', () => {
  it('accepts a code in any format (e11.9, E119)', () => {
    for (const code of ['e11.9', 'E119', ' E11.9 '])
      expect(gradeQuestion(q('q-e11-9'), { kind: 'code-entry', code }).mark).toBe('right');
    expect(gradeQuestion(q('q-e11-9'), { kind: 'code-entry', code: 'E11.8' }).mark).toBe('wrong');
    expect(gradeQuestion(q('q-e11-9'), { kind: 'code-entry', code: '' }).given).toBe('(no answer)');
    expect(normaliseCode('modifier', ' xs ')).toBe('XS');
  });

  it('gives sequencing partial credit by pairs in the right order', () => {
    expect(sequencingScore(['A', 'B', 'C'], ['A', 'B', 'C'])).toBe(1);
    expect(sequencingScore(['A', 'B', 'C'], ['B', 'A', 'C'])).toBeCloseTo(2 / 3);
    expect(sequencingScore(['A', 'B', 'C'], ['C', 'B', 'A'])).toBe(0);
    const g = gradeQuestion(q('q-seq'), { kind: 'sequencing', order: ['i10', 'E1165', 'Z79.84'] });
    expect(g).toMatchObject({ mark: 'partly', score: 0.67 });
  });

  it('multiple choice: each wrong pick takes back a right one', () => {
    const m = (choices: string[]) =>
      gradeQuestion(q('q-mods'), { kind: 'multiple-choice', choices });
    expect(m(['a', 'b']).mark).toBe('right');
    expect(m(['a']).score).toBe(0.5);
    expect(m(['a', 'c']).score).toBe(0);
    expect(m([]).mark).toBe('wrong');
  });

  it('single choice, true/false and claim outcome, with the rationale and reference', () => {
    expect(
      gradeQuestion(q('q-first-listed'), { kind: 'single-choice', choice: 'b' }),
    ).toMatchObject({
      mark: 'right',
      correct: 'The condition chiefly responsible for the visit',
      reference: 'ICD-10-CM Official Guidelines FY2026 Section IV.G',
    });
    expect(gradeQuestion(q('q-uncertain'), { kind: 'true-false', value: true }).mark).toBe('wrong');
    expect(gradeQuestion(q('q-uncertain'), { kind: 'true-false', value: false }).mark).toBe(
      'right',
    );
    expect(gradeQuestion(q('q-outcome'), { kind: 'claim-outcome', choice: 'b' }).mark).toBe(
      'right',
    );
    expect(gradeQuestion(q('q-outcome'), undefined).given).toBe('(no answer)');
  });
});

describe('gradeQuiz and selfAssessment', () => {
  it('totals a quiz and names strengths, weaknesses and cases to practise', () => {
    const drawn = drawQuiz(questions, { seed: 1, count: 6 });
    const r = gradeQuiz(drawn, {
      'q-e11-9': { kind: 'code-entry', code: 'E11.8' },
      'q-seq': { kind: 'sequencing', order: ['Z79.84', 'I10', 'E11.65'] },
      'q-first-listed': { kind: 'single-choice', choice: 'b' },
      'q-mods': { kind: 'multiple-choice', choices: ['a', 'b'] },
      'q-uncertain': { kind: 'true-false', value: false },
      'q-outcome': { kind: 'claim-outcome', choice: 'b' },
    });
    expect(r).toMatchObject({ points: 4, max: 6, percent: 67 });
    const report = selfAssessment(
      r.graded.map((g) => ({ score: g.score, topics: g.topics, chapters: g.chapters })),
      [
        {
          packId: 'starter',
          caseId: 'dm2',
          title: 'Diabetes visit',
          topics: ['diabetes'],
          chapters: [4, 9],
        },
        {
          packId: 'starter',
          caseId: 'ak',
          title: 'Skin lesion',
          topics: ['modifier-25'],
          chapters: [12],
        },
      ],
    );
    expect(report.weaknesses.map((w) => w.label)).toContain('diabetes');
    expect(report.weaknesses.map((w) => w.label)).toContain(
      'Chapter 4: Endocrine, nutritional and metabolic diseases',
    );
    expect(report.strengths.map((s) => s.label)).toContain('modifiers');
    expect(report.suggested.map((c) => c.caseId)).toEqual(['dm2']);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QuizSession, type SubmittedQuiz } from '../../src/state/quiz.svelte';
import { quizRecord } from '../../src/state/quiz-record';
import { questionBankSchema } from '../../src/scenarios/format/v2';
import { quizBank } from '../../src/scenarios/quiz-bank';
import type { PackV2 } from '../../src/scenarios/format/v2';
import { readRecord } from '../../src/persistence/versioned';
import { quizAttemptRecordType } from '../../src/persistence/quiz.record';

const bank = questionBankSchema.parse(
  JSON.parse(readFileSync('test/fixtures/questions/bank.json', 'utf8')),
);
const pack = { id: 'fx', questionBanks: [bank], cases: [] } as unknown as PackV2;

describe('QuizSession', () => {
  it('draws, takes answers, submits and keeps a record that reads back', () => {
    let now = 1_000_000;
    let saved: SubmittedQuiz | null = null;
    const quiz = new QuizSession(
      quizBank([pack]),
      () => now,
      (d) => (saved = d),
    );
    quiz.setup.count = 3;
    quiz.setup.topics = ['diabetes', 'sequencing'];
    quiz.start();
    expect(quiz.phase).toBe('answering');
    expect(quiz.drawn).toHaveLength(3);
    quiz.answer('q-e11-9', { kind: 'code-entry', code: 'e119' });
    now += 60_000;
    quiz.submit();
    expect(quiz.phase).toBe('review');
    expect(saved).not.toBeNull();
    const rec = quizRecord(saved!);
    expect(rec.questions.find((q) => q.questionId === 'q-e11-9')?.mark).toBe('right');
    const r = readRecord(quizAttemptRecordType, { format: 1, kind: 'quiz-attempt', ...rec });
    expect(r.ok).toBe(true);
  });

  it('a timed quiz submits itself when time runs out', () => {
    let now = 0;
    const quiz = new QuizSession(quizBank([pack]), () => now);
    quiz.setup.minutes = 1;
    quiz.start();
    now = 30_000;
    quiz.tick();
    expect(quiz.secondsLeft).toBe(30);
    now = 61_000;
    quiz.tick();
    expect(quiz.phase).toBe('review');
    expect(quiz.submitted?.result.points).toBe(0);
  });
});

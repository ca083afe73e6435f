import { describe, expect, it } from 'vitest';
import { loadAllPacks } from '../../src/scenarios/load-node';
import { quizBank } from '../../src/scenarios/quiz-bank';
import { drawQuiz, gradeQuestion, type Response } from '../../src/domain/scoring/quiz';

describe('question banks reach the app', () => {
  const loaded = loadAllPacks();
  const bank = quizBank(loaded.full ?? []);

  it('the shipped packs carry their question banks (the starter pack has at least 8)', () => {
    expect(loaded.full?.length).toBe(loaded.packs.length);
    const starter = [...bank.packOf].filter(([, p]) => p === 'starter');
    expect(starter.length).toBeGreaterThanOrEqual(8);
    expect(new Set(bank.questions.map((q) => q.kind)).size).toBe(6);
  });

  it('every question answered with its own key scores right; every one cites a reference', () => {
    for (const q of bank.questions) {
      const r: Response =
        q.kind === 'single-choice' || q.kind === 'claim-outcome'
          ? { kind: q.kind, choice: q.answer }
          : q.kind === 'multiple-choice'
            ? { kind: q.kind, choices: q.answers }
            : q.kind === 'code-entry'
              ? { kind: q.kind, code: q.answers[0]! }
              : q.kind === 'sequencing'
                ? { kind: q.kind, order: q.order }
                : { kind: q.kind, value: q.answer };
      expect(gradeQuestion(q, r).mark, q.id).toBe('right');
      expect(q.reference.length, q.id).toBeGreaterThan(5);
    }
  });

  it('suggested cases exist for every question that names cases', () => {
    const ids = new Set(bank.cases.map((c) => c.caseId));
    for (const q of bank.questions)
      for (const c of q.caseIds) expect(ids.has(c), `${q.id} → ${c}`).toBe(true);
    expect(drawQuiz(bank.questions, { seed: 1, count: 5 })).toHaveLength(5);
  });
});

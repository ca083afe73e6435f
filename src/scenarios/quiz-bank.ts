/**
 * The quiz's view of a set of packs: every question of every question bank (a question id
 * seen twice keeps the first: packs load in folder order), and every case with its tags for
 * the self-assessment's suggested cases.
 */
import type { CaseRef, Question } from '../domain/scoring/quiz';
import type { PackV2 } from './format/v2';

export interface QuizBank {
  questions: Question[];
  /** Which pack each question came from, by question id. */
  packOf: Map<string, string>;
  cases: CaseRef[];
  topics: string[];
  chapters: number[];
}

export function quizBank(packs: readonly PackV2[]): QuizBank {
  const questions: Question[] = [];
  const packOf = new Map<string, string>();
  for (const p of packs)
    for (const b of p.questionBanks)
      for (const q of b.questions) {
        if (packOf.has(q.id)) continue;
        packOf.set(q.id, p.id);
        questions.push(q);
      }
  const cases: CaseRef[] = packs.flatMap((p) =>
    p.cases.map((c) => ({
      packId: p.id,
      caseId: c.id,
      title: c.title,
      topics: c.tags.topics,
      chapters: c.tags.chapters,
    })),
  );
  const topics = [...new Set(questions.flatMap((q) => q.tags.topics))].sort();
  const chapters = [...new Set(questions.flatMap((q) => q.tags.chapters))].sort((a, b) => a - b);
  return { questions, packOf, cases, topics, chapters };
}

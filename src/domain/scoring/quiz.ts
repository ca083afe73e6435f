/**
 * Quizzes: a seeded draw of questions by topic, ICD-10-CM chapter and difficulty; grading of
 * every question kind (codes in any format, partial credit for sequencing and multiple choice);
 * and the self-assessment report (strengths and weaknesses by topic and chapter, with cases
 * that exercise the weak ones). Framework-free; the question shape is the pack format's
 * (src/scenarios/format/v2.ts `questionSchema`), restated here so domain/ imports nothing
 * outside itself.
 * See: README "Quizzes".
 */
import { icdDisplay, icdKey } from '../codes/code';
import { CHAPTERS } from '../codes/search/chapters';
import { seededRandom, type Random } from '../random/seeded';
import type { Mark } from './types';

export type Difficulty = 'intro' | 'core' | 'advanced';

interface QuestionBase {
  id: string;
  prompt: string;
  rationale: string;
  reference: string;
  tags: { topics: string[]; chapters: number[] };
  difficulty: Difficulty;
  caseIds: string[];
}
interface Choice {
  id: string;
  text: string;
}

export type Question =
  | (QuestionBase & { kind: 'single-choice'; choices: Choice[]; answer: string })
  | (QuestionBase & { kind: 'multiple-choice'; choices: Choice[]; answers: string[] })
  | (QuestionBase & {
      kind: 'code-entry';
      codeSystem: 'icd10cm' | 'cpt-hcpcs' | 'modifier';
      asOf: string;
      answers: string[];
    })
  | (QuestionBase & { kind: 'sequencing'; asOf: string; order: string[] })
  | (QuestionBase & { kind: 'true-false'; answer: boolean })
  | (QuestionBase & { kind: 'claim-outcome'; caseId: string; choices: Choice[]; answer: string });

export type QuestionKind = Question['kind'];

export type Response =
  | { kind: 'single-choice' | 'claim-outcome'; choice: string | null }
  | { kind: 'multiple-choice'; choices: string[] }
  | { kind: 'code-entry'; code: string }
  | { kind: 'sequencing'; order: string[] }
  | { kind: 'true-false'; value: boolean | null };

export interface DrawOptions {
  seed: number | string;
  count: number;
  /** Keep questions with any of these topics (empty = any). */
  topics?: readonly string[];
  /** Keep questions with any of these chapters (empty = any). */
  chapters?: readonly number[];
  difficulties?: readonly Difficulty[];
}

export interface DrawnQuestion {
  question: Question;
  /** For sequencing: the codes in the order shown (shuffled, never already right when avoidable). */
  shown?: string[];
}

function shuffle<T>(xs: readonly T[], r: Random): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Questions that fit the filters (every filter given must match). */
export function filterQuestions(bank: readonly Question[], o: Omit<DrawOptions, 'seed' | 'count'>) {
  return bank.filter(
    (q) =>
      (!o.topics?.length || q.tags.topics.some((t) => o.topics!.includes(t))) &&
      (!o.chapters?.length || q.tags.chapters.some((c) => o.chapters!.includes(c))) &&
      (!o.difficulties?.length || o.difficulties.includes(q.difficulty)),
  );
}

/** A seeded draw: the same bank, filters and seed give the same questions in the same order. */
export function drawQuiz(bank: readonly Question[], o: DrawOptions): DrawnQuestion[] {
  const r = seededRandom(o.seed);
  // Sorted by id first so the draw does not depend on the order the packs loaded in.
  const pool = filterQuestions(bank, o).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const count = Math.max(0, Math.min(Math.floor(o.count), pool.length));
  return shuffle(pool, r)
    .slice(0, count)
    .map((question) => {
      if (question.kind !== 'sequencing') return { question };
      let shown = shuffle(question.order, r);
      for (let i = 0; i < 5 && shown.join() === question.order.join(); i++)
        shown = shuffle(question.order, r);
      return { question, shown };
    });
}

/** A code as typed, in the form the question's system compares (e11.9 = E119 = E11.9). */
export function normaliseCode(system: 'icd10cm' | 'cpt-hcpcs' | 'modifier', raw: string): string {
  return system === 'icd10cm' ? icdKey(raw) : raw.trim().toUpperCase();
}

export interface GradedQuestion {
  questionId: string;
  kind: QuestionKind;
  /** 0..1 */
  score: number;
  mark: Mark;
  /** The right answer in words. */
  correct: string;
  /** The trainee's answer in words. */
  given: string;
  rationale: string;
  reference: string;
  topics: string[];
  chapters: number[];
}

const choiceText = (choices: readonly Choice[], id: string | null) =>
  id === null ? '(no answer)' : (choices.find((c) => c.id === id)?.text ?? id);

/** Share of pairs of codes in the right relative order (Kendall's tau as a 0..1 score). */
export function sequencingScore(expected: readonly string[], given: readonly string[]): number {
  const pos = new Map(given.map((c, i) => [icdKey(c), i]));
  let ok = 0;
  let pairs = 0;
  for (let i = 0; i < expected.length; i++)
    for (let j = i + 1; j < expected.length; j++) {
      pairs++;
      const a = pos.get(icdKey(expected[i] as string));
      const b = pos.get(icdKey(expected[j] as string));
      if (a !== undefined && b !== undefined && a < b) ok++;
    }
  return pairs === 0 ? 1 : ok / pairs;
}

const markOf = (score: number): Mark => (score >= 1 ? 'right' : score > 0 ? 'partly' : 'wrong');

function scoreOf(
  q: Question,
  r: Response | undefined,
): { score: number; correct: string; given: string } {
  switch (q.kind) {
    case 'single-choice':
    case 'claim-outcome': {
      const choice = r && 'choice' in r ? r.choice : null;
      return {
        score: choice === q.answer ? 1 : 0,
        correct: choiceText(q.choices, q.answer),
        given: choiceText(q.choices, choice),
      };
    }
    case 'multiple-choice': {
      const picked = r?.kind === 'multiple-choice' ? [...new Set(r.choices)] : [];
      const hits = picked.filter((c) => q.answers.includes(c)).length;
      const misses = picked.length - hits;
      // Each right choice earns its share; each wrong one takes a share back (never below 0).
      const score = Math.max(0, (hits - misses) / q.answers.length);
      return {
        score: Math.min(1, score),
        correct: q.answers.map((a) => choiceText(q.choices, a)).join('; '),
        given: picked.length
          ? picked.map((a) => choiceText(q.choices, a)).join('; ')
          : '(no answer)',
      };
    }
    case 'code-entry': {
      const typed = r?.kind === 'code-entry' ? r.code : '';
      const k = normaliseCode(q.codeSystem, typed);
      const ok = k !== '' && q.answers.some((a) => normaliseCode(q.codeSystem, a) === k);
      const show = (c: string) =>
        q.codeSystem === 'icd10cm' ? icdDisplay(c) : c.trim().toUpperCase();
      return {
        score: ok ? 1 : 0,
        correct: q.answers.map(show).join(' or '),
        given: typed.trim() ? show(typed) : '(no answer)',
      };
    }
    case 'sequencing': {
      const order = r?.kind === 'sequencing' ? r.order : [];
      return {
        score: order.length ? sequencingScore(q.order, order) : 0,
        correct: q.order.map(icdDisplay).join(', '),
        given: order.length ? order.map(icdDisplay).join(', ') : '(no answer)',
      };
    }
    case 'true-false': {
      const v = r?.kind === 'true-false' ? r.value : null;
      const words = (b: boolean | null) => (b === null ? '(no answer)' : b ? 'True' : 'False');
      return { score: v === q.answer ? 1 : 0, correct: words(q.answer), given: words(v) };
    }
  }
}

export function gradeQuestion(q: Question, r: Response | undefined): GradedQuestion {
  const { score, correct, given } = scoreOf(q, r);
  const s = Math.round(score * 100) / 100;
  return {
    questionId: q.id,
    kind: q.kind,
    score: s,
    mark: markOf(s),
    correct,
    given,
    rationale: q.rationale,
    reference: q.reference,
    topics: q.tags.topics,
    chapters: q.tags.chapters,
  };
}

export interface QuizResult {
  graded: GradedQuestion[];
  points: number;
  max: number;
  percent: number;
}

export function gradeQuiz(
  drawn: readonly DrawnQuestion[],
  responses: Readonly<Record<string, Response>>,
): QuizResult {
  const graded = drawn.map((d) => gradeQuestion(d.question, responses[d.question.id]));
  const points = Math.round(graded.reduce((a, g) => a + g.score, 0) * 100) / 100;
  const max = graded.length;
  return {
    graded,
    points,
    max,
    percent: max === 0 ? 0 : Math.floor((points / max) * 100 + 0.5),
  };
}

// ---------------------------------------------------------------- self-assessment

/** One scored piece of work for the report: a quiz question or a case item, tagged. */
export interface TaggedScore {
  score: number;
  topics: readonly string[];
  chapters: readonly number[];
}

export interface AreaScore {
  /** The topic, or "Chapter 4: Endocrine, …". */
  label: string;
  key: string;
  answered: number;
  percent: number;
}

/** A case to practise on, from any pack, with its tags. */
export interface CaseRef {
  packId: string;
  caseId: string;
  title: string;
  topics: readonly string[];
  chapters: readonly number[];
}

export interface SelfAssessment {
  topics: AreaScore[];
  chapters: AreaScore[];
  /** At 80% or more, with at least `minAnswered` answers. */
  strengths: AreaScore[];
  /** Under 60%. */
  weaknesses: AreaScore[];
  /** Cases sharing a weak topic or chapter, most shared first. */
  suggested: CaseRef[];
}

export const chapterTitle = (n: number) => {
  const c = CHAPTERS.find((x) => x.number === n);
  return c ? `Chapter ${n}: ${c.title}` : `Chapter ${n}`;
};

function areas(
  scores: readonly TaggedScore[],
  keys: (s: TaggedScore) => readonly (string | number)[],
  label: (k: string) => string,
): AreaScore[] {
  const by = new Map<string, { n: number; sum: number }>();
  for (const s of scores)
    for (const k of new Set(keys(s).map(String))) {
      const a = by.get(k) ?? { n: 0, sum: 0 };
      a.n++;
      a.sum += s.score;
      by.set(k, a);
    }
  return [...by]
    .map(([key, a]) => ({
      key,
      label: label(key),
      answered: a.n,
      percent: Math.floor((a.sum / a.n) * 100 + 0.5),
    }))
    .sort((a, b) => a.percent - b.percent || a.label.localeCompare(b.label));
}

export function selfAssessment(
  scores: readonly TaggedScore[],
  cases: readonly CaseRef[],
  o: { minAnswered?: number; maxSuggested?: number } = {},
): SelfAssessment {
  const min = o.minAnswered ?? 1;
  const topics = areas(
    scores,
    (s) => s.topics,
    (k) => k,
  );
  const chapters = areas(
    scores,
    (s) => s.chapters,
    (k) => chapterTitle(Number(k)),
  );
  const all = [...topics, ...chapters];
  const strengths = all.filter((a) => a.percent >= 80 && a.answered >= min);
  const weaknesses = all.filter((a) => a.percent < 60);
  const weakTopics = new Set(topics.filter((a) => a.percent < 60).map((a) => a.key));
  const weakChapters = new Set(chapters.filter((a) => a.percent < 60).map((a) => Number(a.key)));
  const suggested = cases
    .map((c) => ({
      c,
      shared:
        c.topics.filter((t) => weakTopics.has(t)).length +
        c.chapters.filter((n) => weakChapters.has(n)).length,
    }))
    .filter((x) => x.shared > 0)
    .sort((a, b) => b.shared - a.shared || a.c.title.localeCompare(b.c.title))
    .slice(0, o.maxSuggested ?? 5)
    .map((x) => x.c);
  return { topics, chapters, strengths, weaknesses, suggested };
}

/**
 * One quiz: the setup (topics, chapters, difficulty, number of questions, timed or not, seed),
 * the drawn questions and the answers, then the graded review and the self-assessment. The
 * clock is passed in (the page gives Date.now); a timed quiz is submitted when time runs out.
 * See: src/domain/scoring/quiz.ts for the draw, the grading and the report.
 */
import {
  drawQuiz,
  filterQuestions,
  gradeQuiz,
  selfAssessment,
  type Difficulty,
  type DrawnQuestion,
  type QuizResult,
  type Response,
  type SelfAssessment,
} from '../domain/scoring/quiz';
import { quizBank, type QuizBank } from '../scenarios/quiz-bank';
import type { PackV2 } from '../scenarios/format/v2';

export interface QuizSetup {
  topics: string[];
  chapters: number[];
  difficulties: Difficulty[];
  count: number;
  /** Minutes; 0 = untimed. */
  minutes: number;
  seed: number;
}

export interface SubmittedQuiz {
  setup: QuizSetup;
  startedAt: number;
  submittedAt: number;
  drawn: DrawnQuestion[];
  responses: Record<string, Response>;
  result: QuizResult;
  report: SelfAssessment;
}

export class QuizSession {
  readonly bank: QuizBank;
  #now: () => number;
  #onSubmit: (q: SubmittedQuiz) => void;
  setup = $state<QuizSetup>({
    topics: [],
    chapters: [],
    difficulties: [],
    count: 5,
    minutes: 0,
    seed: 1,
  });
  #phase = $state<'setup' | 'answering' | 'review'>('setup');
  #drawn = $state.raw<DrawnQuestion[]>([]);
  #responses = $state<Record<string, Response>>({});
  #index = $state(0);
  #startedAt = $state(0);
  #tick = $state(0);
  #submitted = $state.raw<SubmittedQuiz | null>(null);

  constructor(bank: QuizBank, now: () => number, onSubmit: (q: SubmittedQuiz) => void = () => {}) {
    this.bank = bank;
    this.#now = now;
    this.#onSubmit = onSubmit;
    this.setup.seed = now() % 100_000;
  }

  /** A quiz over every question bank of the loaded packs. */
  static forPacks(
    packs: readonly PackV2[],
    now: () => number,
    onSubmit?: (q: SubmittedQuiz) => void,
  ) {
    return new QuizSession(quizBank(packs), now, onSubmit);
  }

  get phase() {
    return this.#phase;
  }
  get drawn() {
    return this.#drawn;
  }
  get index() {
    return this.#index;
  }
  get current(): DrawnQuestion | undefined {
    return this.#drawn[this.#index];
  }
  get submitted() {
    return this.#submitted;
  }
  /** How many questions fit the filters chosen. */
  get available(): number {
    return filterQuestions(this.bank.questions, this.setup).length;
  }
  response(id: string): Response | undefined {
    return this.#responses[id];
  }
  get answeredCount(): number {
    return this.#drawn.filter((d) => this.#responses[d.question.id] !== undefined).length;
  }
  /** Seconds left on a timed quiz (null when untimed). Reads the clock at each tick. */
  get secondsLeft(): number | null {
    void this.#tick;
    if (this.setup.minutes <= 0 || this.#phase !== 'answering') return null;
    const left = this.#startedAt + this.setup.minutes * 60_000 - this.#now();
    return Math.max(0, Math.ceil(left / 1000));
  }

  start() {
    this.#drawn = drawQuiz(this.bank.questions, { ...this.setup });
    this.#responses = {};
    this.#index = 0;
    this.#startedAt = this.#now();
    this.#submitted = null;
    this.#phase = this.#drawn.length ? 'answering' : 'setup';
  }

  answer(id: string, r: Response) {
    this.#responses[id] = r;
  }

  go(i: number) {
    this.#index = Math.max(0, Math.min(i, this.#drawn.length - 1));
  }

  /** Called every second by the page: submits a timed quiz when its time is up. */
  tick() {
    this.#tick++;
    if (this.secondsLeft === 0) this.submit();
  }

  submit() {
    if (this.#phase !== 'answering') return;
    const responses = $state.snapshot(this.#responses) as Record<string, Response>;
    const result = gradeQuiz(this.#drawn, responses);
    const report = selfAssessment(
      result.graded.map((g) => ({ score: g.score, topics: g.topics, chapters: g.chapters })),
      this.bank.cases,
    );
    const done: SubmittedQuiz = {
      setup: $state.snapshot(this.setup) as QuizSetup,
      startedAt: this.#startedAt,
      submittedAt: this.#now(),
      drawn: this.#drawn,
      responses,
      result,
      report,
    };
    this.#submitted = done;
    this.#phase = 'review';
    this.#onSubmit(done);
  }

  /** Back to the setup for another quiz (a new seed). */
  again() {
    this.setup.seed = (this.setup.seed + 1) % 100_000;
    this.#phase = 'setup';
  }
}

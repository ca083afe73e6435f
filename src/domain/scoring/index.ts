export * from './types';
export { scoreCoding, scoreCodingItems, totals, itemPoints, itemMax } from './score-coding';
export { codedWork } from './work';
export {
  scoreAttempt,
  finalRemittance,
  type AttemptFacts,
  type Decisions,
  type RemitLike,
  type SubmissionLike,
} from './attempt';
export { attemptFacts, type StoredAttemptContext } from './attempt-facts';
export { REF, modifierMeaning, icdDifference } from './references';
export {
  scorePracticeSession,
  practiceItem,
  practiceTotals,
  ruleOf,
  type JudgedDecision,
  type PracticeItem,
  type PracticeScore,
} from './practice-session';

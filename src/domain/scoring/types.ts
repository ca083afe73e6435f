/**
 * Scoring types: what the trainee coded is compared with the case's answer key item by item.
 * Framework-free; the score page and any later LMS export read these.
 */
export type Mark = 'right' | 'partly' | 'wrong';

/** Credit per mark: a partly-right answer earns half. */
export const CREDIT: Record<Mark, number> = { right: 1, partly: 0.5, wrong: 0 };

export interface KeyAlternative {
  code: string;
  credit: 'partial';
  rationale: string;
}

export interface KeyDiagnosis {
  code: string;
  rationale: string;
  alternatives?: KeyAlternative[];
}

export interface KeyLine {
  code: string;
  modifiers: string[];
  units: number;
  /** 1-based pointers into the key's diagnoses. */
  dxPointers: number[];
  rationale: string;
  alternatives?: KeyAlternative[];
}

export interface AnswerKey {
  diagnoses: KeyDiagnosis[];
  lines: KeyLine[];
}

/** What the trainee reported (the last claim sent, or the draft when nothing was sent). */
export interface CodedWork {
  diagnoses: string[];
  lines: { code: string; modifiers: string[]; units: number; dxPointers: number[] }[];
}

export type ItemKind =
  | 'diagnosis'
  | 'first-listed'
  | 'extra-diagnosis'
  | 'line-code'
  | 'line-modifiers'
  | 'line-units'
  | 'line-pointers'
  | 'extra-line';

export interface ScoredItem {
  kind: ItemKind;
  /** Short label for the item, e.g. "Diagnosis 1" or "Line 1 units". */
  label: string;
  expected: string;
  given: string;
  mark: Mark;
  /** One line: why the answer is right, or what was wrong with the trainee's. */
  rationale: string;
}

export interface ScoreTotals {
  right: number;
  partly: number;
  wrong: number;
  /** Sum of credit (right 1, partly 0.5). */
  points: number;
  max: number;
  /** Whole percent, rounded half up. */
  percent: number;
}

export interface ScoreReport {
  items: ScoredItem[];
  totals: ScoreTotals;
}

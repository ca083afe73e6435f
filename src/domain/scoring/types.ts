/**
 * Scoring types: what the trainee did is compared with the case's answer key item by item.
 * Framework-free; the score page, the progress dashboard and any later LMS export read these.
 * See: README "Scoring" for the formula.
 */
export type Mark = 'right' | 'partly' | 'wrong';

/** Default credit per mark: a partly-right answer earns half unless its alternative says more. */
export const CREDIT: Record<Mark, number> = { right: 1, partly: 0.5, wrong: 0 };

export interface KeyAlternative {
  code: string;
  /** 'partial' = half credit (format 1); a number 0 < credit < 1 (format 2). */
  credit: 'partial' | number;
  rationale: string;
}

export interface KeyDiagnosis {
  code: string;
  rationale: string;
  /** Codes that are just as right (full credit). */
  acceptable?: string[];
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

export type ClaimStatus = 'paid' | 'partially-paid' | 'denied' | 'rejected';
export const DENIAL_ACTIONS = [
  'correct-and-resubmit',
  'corrected-claim',
  'reopening',
  'appeal',
  'write-off',
  'bill-patient',
  'bill-secondary',
  'bill-other-payer',
  'post-only',
] as const;
export type DenialAction = (typeof DENIAL_ACTIONS)[number];

/** The whole-attempt key: the coding key plus what the claim should come to and how. */
export interface CaseKey extends AnswerKey {
  /** What the answer-key claim gets at the payer (pack `answer.expected`); absent = paid. */
  expected?: { status: ClaimStatus; findings?: string[] };
  /** For a case about working a denial (pack `afterRemittance.key`). */
  denial?: { actions: DenialAction[]; appealLevel?: number; rationale: string };
  /** The practice's charge per code (CMS-1500 item 24F), decimal strings. */
  chargeMaster?: Record<string, string>;
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
  | 'extra-line'
  | 'claim-field'
  | 'claim-outcome'
  | 'submission'
  | 'denial-action'
  | 'appeal-level'
  | 'appeal-timing'
  | 'balance-decision'
  | 'write-off-reason';

/** Which part of the attempt an item scores (the score page groups rows by it). */
export type ItemSection = 'coding' | 'claim' | 'payment' | 'follow-up';

/** A code the row is about, to open in the encoder. */
export interface CodeLink {
  system: 'ICD-10-CM' | 'CPT/HCPCS' | 'modifier';
  code: string;
}

export interface ScoredItem {
  kind: ItemKind;
  /** Short label for the item, e.g. "Diagnosis 1" or "Line 1 units". */
  label: string;
  expected: string;
  given: string;
  mark: Mark;
  /** One line: why the answer is right, or what was wrong with the trainee's. */
  rationale: string;
  /** The guideline section, edit or payer rule behind the item. */
  reference?: string;
  /** The code to open in the encoder. */
  link?: CodeLink;
  /** Points earned (0..max); absent = CREDIT[mark]. */
  points?: number;
  /** Points the item is worth; absent = 1. */
  max?: number;
  section?: ItemSection;
}

export interface ScoreTotals {
  right: number;
  partly: number;
  wrong: number;
  /** Sum of points earned. */
  points: number;
  max: number;
  /** Whole percent, rounded half up. */
  percent: number;
}

export interface ScoreReport {
  items: ScoredItem[];
  totals: ScoreTotals;
}

/**
 * The decisions a biller makes in the simulated practice, each judged against the rule it
 * touches: plain data (saved with the practice, read by the scoring and progress screens).
 * The machines record one whenever an action is taken that the rules judge (a wrong move is
 * recorded with its consequence; the move itself may still be refused or lose).
 * See: issue 15 ("Wrong moves have consequences"); DOMAIN.md §8.
 */
export type DecisionKind =
  | 'coding'
  | 'rejection'
  | 'denial-action'
  | 'correction'
  | 'appeal'
  | 'posting'
  | 'patient-billing'
  | 'write-off';

export interface Decision {
  /** The simulated date (ISO) the decision was taken. */
  at: string;
  kind: DecisionKind;
  /** What was chosen, in short words (`appeal level 1 with records`, `write-off CO-45`). */
  choice: string;
  right: boolean;
  /** One line: why it is right or wrong, citing the rule. */
  rationale: string;
  encounterId?: string;
  claimId?: string;
  /** Appeals: the level the filing named (1 = the payer's first level). */
  level?: number;
  /**
   * Every error the check found, one line each (a posting can be wrong in several ways; the
   * rationale gives the first). Absent or empty when right.
   */
  errors?: string[];
  /** True when the choice was the trainee's own (the line-by-line posting); absent otherwise. */
  manual?: boolean;
}

/** The rationales of the wrong moves the issue names, in one place (tests and screens read them). */
export const WRONG_MOVES = {
  appealRejection:
    'A front-end rejection was never adjudicated and has no appeal rights: fix the data and send a new claim (DOMAIN.md §1.5; RARC MA130).',
  appealNcci0:
    'An NCCI PTP pair with modifier indicator 0 can never be billed together: an appeal cannot succeed (NCCI Policy Manual ch. I §E.1).',
  prAsContractual:
    'Patient responsibility (group PR) is owed by the patient: writing it off as contractual loses revenue (X12 835 group codes; DOMAIN.md §8).',
  coToPatient:
    'A contractual obligation (group CO) is the provider\'s: billing the patient for it overbills them (participation agreement; DOMAIN.md §6 "contractual adjustment").',
  qmbCostSharing:
    'A QMB may not be billed Medicare cost sharing (SSA §1902(n)(3)(B); CMS MLN QMB balance-billing prohibition).',
  missedDeadline:
    'The appeal was not filed by its deadline: the denial stands and the path is closed (42 CFR 405.942, 405.962, 405.1014).',
  medicareFrequency7:
    'Medicare Part B does not take frequency-7 replacement claims: ask for a reopening naming the ICN (Pub. 100-04 ch. 34; 42 CFR 405.980).',
} as const;

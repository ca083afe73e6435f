/**
 * Whether an appeal can win: it must answer the real cause of the denial with the evidence that
 * proves it, and the facts must be on the provider's side (the records support the service, the
 * claim was in fact filed in time, an ABN was signed). Some denials no appeal can overturn.
 * See: DOMAIN.md §8 ("an appeal letter names … the argument and the enclosed evidence");
 * NCCI Policy Manual ch. I §E.1 (indicator 0); Pub. 100-04 ch. 29 §310 (redetermination with
 * the documentation); ch. 1 §70.7 (proof of timely filing).
 */
export type Evidence = 'records' | 'corrected-code' | 'proof-of-timely-filing' | 'abn' | 'none';

export type CauseKind =
  | 'records-requested'
  | 'medical-necessity'
  | 'coding-error'
  | 'timely-filing'
  | 'ncci-0'
  | 'not-covered'
  | 'other-payer'
  | 'duplicate'
  | 'front-end'
  | 'other';

export interface AppealCause {
  kind: CauseKind;
  /** The facts back the provider (records support it, filed in time, ABN on file). */
  supported: boolean;
  /** The payer's reason as it would state it when upholding (group-CARC and words). */
  payerReason: string;
}

/** The evidence that answers each cause; null = no appeal can overturn it. */
export const EVIDENCE_FOR: Readonly<Record<CauseKind, Evidence | null>> = {
  'records-requested': 'records',
  'medical-necessity': 'records',
  'coding-error': 'corrected-code',
  'timely-filing': 'proof-of-timely-filing',
  other: 'records',
  'ncci-0': null,
  'not-covered': null,
  'other-payer': null,
  duplicate: null,
  'front-end': null,
};

/** Whether an appeal with `evidence` wins against `cause`. */
export function hasMerit(cause: AppealCause, evidence: Evidence): boolean {
  const needed = EVIDENCE_FOR[cause.kind];
  if (needed === null) return false;
  // An ABN moves liability to the patient for a necessity denial (GA): it answers that cause too.
  const answers = evidence === needed || (cause.kind === 'medical-necessity' && evidence === 'abn');
  return answers && cause.supported;
}

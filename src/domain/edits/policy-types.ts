/**
 * The slice of a payer profile the policy edits read. The payer module builds it from the
 * scenario pack's payer profiles; every rule names its source (pack policy, NCD/LCD, manual)
 * and its effective dates, and findings quote that source.
 */

/** Diagnosis patterns: "E11" (a category and all below), "E11.9" (exact or below), "E08-E13" (range of categories). */
export type DxPattern = string;

export interface DatedRule {
  /** ISO dates, inclusive; null when open. */
  effective: string | null;
  terminated: string | null;
  /** Where the rule comes from, quoted in the finding: e.g. "LCD L33831", "pack policy medicare.lab". */
  source: string;
}

/** Diagnoses that support a procedure (Medicare NCD/LCD or a commercial policy). */
export interface CoverageRule extends DatedRule {
  procedures: string[];
  diagnoses: DxPattern[];
  /** Plain-language name of the policy, e.g. "Lipid panel NCD 190.23". */
  title: string;
  /**
   * The denial the policy gives a line no listed diagnosis supports. Absent: CO-50 (not
   * medically necessary) with N386 (NCD) or N115 (LCD). A diagnosis-to-procedure policy says
   * CARC 11 (the diagnosis is inconsistent with the procedure) or 167 (diagnosis not covered).
   */
  denial?: { carc: '50' | '11' | '167'; remarks: string[] } | undefined;
}

export interface AuthRule extends DatedRule {
  procedures: string[];
  title: string;
}

export interface TimelyFilingRule extends DatedRule {
  /** Limit from the date of service: whole months (Medicare 12) or days (commercial 90, 180…). */
  months?: number;
  days?: number;
  /**
   * A last day on a Saturday, Sunday or observed federal holiday moves to the next workday
   * (Medicare). See: Pub. 100-04 ch. 1 §70 ("Whenever the last day for timely filing of a claim
   * falls on a Saturday, Sunday, legal holiday, or other … non-work-day for Federal employees …
   * the claim will be considered timely if it is filed on the next workday").
   */
  rollToWorkday?: boolean;
}

/** Another payer is primary for the member on the date (COB / Medicare Secondary Payer). */
export interface OtherPayerPrimary extends DatedRule {
  /** The member the rule concerns; null for every member of this payer in the scenario. */
  memberId: string | null;
  primaryPayerId: string;
  reason: string;
}

export interface PayerPolicy {
  payerId: string;
  name: string;
  coverage?: CoverageRule[];
  priorAuth?: AuthRule[];
  timelyFiling?: TimelyFilingRule[];
  otherPayerPrimary?: OtherPayerPrimary[];
}

export const inEffect = (r: DatedRule, date: string): boolean =>
  (!r.effective || r.effective <= date) && (!r.terminated || date <= r.terminated);

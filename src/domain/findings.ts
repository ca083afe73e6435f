/**
 * Findings: what an edit reports about a claim. Ids form a public registry (README "Finding
 * ids"); never rename one, add new ones with the same `family.name` pattern.
 */
export const FINDING_IDS = {
  'code.invalid': 'The code does not exist in the code set in effect on the date of service.',
  'code.not-billable':
    'The code is a header (category or subcategory with children); report a more specific code.',
  'code.list-gap':
    'A code was judged on the code lists on hand, none of which is for the year of the date of service.',
  'code.invalid-for-payer':
    'A real procedure code the payer does not recognise (Medicare PFS status I, e.g. consultation codes: Medicare uses another code).',
  'code.seventh-character':
    'The code needs a 7th character (with placeholder X where it has fewer than 6 characters).',
  'claim.missing-field': 'A required claim field is missing.',
  'claim.invalid-field': 'A claim field has an invalid value.',
  'claim.dx-pointer': 'A diagnosis pointer is missing, out of range or repeated.',
  'claim.duplicate': 'The claim, or one of its lines, duplicates one already submitted.',
  'claim.original-not-found':
    'A replacement or void names an original claim the payer has not adjudicated (or cannot take back).',
  'reopening.refused':
    'A reopening request cannot be granted (too late, not a clerical error, an appeal is the route, or not the same claim).',
  'benefits.year-reset':
    'The date of service starts a new benefit year: deductible and out-of-pocket amounts start again from zero.',
  'icd10cm.excludes1': 'Two diagnoses are in an Excludes1 relation.',
  'icd10cm.code-first': 'A manifestation code is first-listed or sequenced before its etiology.',
  'icd10cm.use-additional': 'A tabular note asks for an additional code that is missing.',
  'icd10cm.combination':
    'Two conditions the classification presumes related ("with") are coded apart: a combination code applies unless the documentation states another cause.',
  'icd10cm.sequencing':
    'The diagnoses are in an order the guidelines forbid (an external cause or an underdosing code first-listed, a sequela before its residual).',
  'icd10cm.not-together':
    'Two codes the guidelines or the classification say are not reported together (a combination code already includes the other, or a code that contradicts it).',
  'mce.age': 'The diagnosis is inconsistent with the patient age.',
  'mce.sex': 'The diagnosis is inconsistent with the patient sex.',
  'mce.list-gap':
    'A diagnosis was judged on Medicare Code Editor lists made for another fiscal year than the date of service (no list for that year on hand).',
  'ncci.ptp': 'An NCCI procedure-to-procedure edit pairs two lines.',
  'em.same-day':
    'A second office E/M visit by the same provider on the same date without modifier 25 (one visit per day).',
  'em.place-of-service':
    'An E/M code billed for a place of service its category does not describe (e.g. an office visit for a hospital inpatient, an ED visit outside the emergency department).',
  'coverage.telehealth':
    'Medicare: a service that is never on the Medicare Telehealth Services List (surgery, anesthesia, lab, radiology) billed with a telehealth place of service (02, 10).',
  'ncci.mue': 'Units exceed the medically unlikely edit value.',
  'modifier.invalid': 'A modifier is unknown or not valid for the code or date.',
  'modifier.missing': 'A modifier the service needs is missing.',
  'payer.modifier-policy':
    "The payer's own modifier policy denies or holds the line (e.g. a commercial distinct-diagnosis rule for modifier 25).",
  'coverage.medical-necessity': 'No diagnosis on the line supports medical necessity.',
  'auth.missing': 'Prior authorization is required and absent.',
  'filing.timely': 'The claim is past the payer timely-filing limit.',
  'cob.other-payer-primary': 'Another payer is primary.',
  'pricing.fee-schedule-year':
    'The date of service is outside the loaded fee-schedule year; lines were priced on another year.',
  'pricing.rate-not-on-file':
    'The code is not priced on the Physician Fee Schedule (status E/X: another fee schedule pays it) and no rate for it is loaded: the simulated payer cannot price the line.',
  'pricing.status-b-bundled':
    'A Medicare PFS status B or P service: always bundled into another service, never paid on its own (CO-97 + M15).',
  'pricing.status-t-bundled':
    'A Medicare PFS status T service billed on the same date as another fee-schedule service (status A or R): Medicare bundles it (CO-97 + M15).',
  'code.add-on-without-primary':
    'An add-on code is billed without a primary code it requires on the same claim and date.',
  'coverage.add-on-not-payable':
    'An add-on code is not payable with the way its primary service is billed (e.g. G2211 with a modifier-25 visit).',
  'coverage.statutory-exclusion':
    "The service is excluded from Medicare by statute (e.g. a routine physical): denied PR-96 + N425, the patient's to pay.",
  'coverage.plan-exclusion':
    "The service is not a covered benefit of the plan: denied as the plan's profile states (e.g. PR-204).",
} as const;

export type FindingId = keyof typeof FINDING_IDS;
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  id: FindingId;
  severity: Severity;
  /** 1-based claim line, or null for a claim-level finding. */
  line: number | null;
  /** The codes concerned, as entered or normalised (with dot for ICD-10-CM). */
  codes: string[];
  message: string;
  /** The rule applied: guideline section, CMS manual chapter, edit file and date, pack policy. */
  reference: string;
  suggestion?: string;
  /** For claim-field findings: the JSON path of the field (e.g. `lines[0].units`). */
  field?: string;
  /** Which diagnosis (0-based index into claim.diagnoses) the finding concerns, if any. */
  diagnosisIndex?: number;
}

export const isFindingId = (s: string): s is FindingId => s in FINDING_IDS;

/** A finding as the CLI contract prints it: the registry keys only (`suggestion` when present). */
export type FindingJson = Pick<
  Finding,
  'id' | 'severity' | 'line' | 'codes' | 'message' | 'reference' | 'suggestion'
>;

export const findingJson = (f: Finding): FindingJson => ({
  id: f.id,
  severity: f.severity,
  line: f.line,
  codes: f.codes,
  message: f.message,
  reference: f.reference,
  ...(f.suggestion === undefined ? {} : { suggestion: f.suggestion }),
});

const SEVERITY_RANK: Record<Severity, number> = { error: 2, warning: 1, info: 0 };

/**
 * What makes two findings the same: id and place (line, diagnosis, field), and for a finding
 * with no field its codes and message (two NCCI pairs on one line are two findings). Severity
 * is not part of it: the higher severity wins (see dedupeFindings).
 */
export const findingKey = (f: Finding): string =>
  f.field
    ? `${f.id}|${f.line ?? ''}|${f.diagnosisIndex ?? ''}|${f.field}`
    : `${f.id}|${f.line ?? ''}|${f.diagnosisIndex ?? ''}||${f.codes.join(',')}|${f.message}`;

/**
 * The one finding dedupe (parseClaim, the edit families and the payer's own checks can report
 * the same problem): one finding per key, at the place of its first occurrence, and the highest
 * severity wins, so a warning never hides an error with the same id and place (the claim would
 * be rejected or not depending on how many finding sources there were). Linear time.
 */
export function dedupeFindings(findings: readonly Finding[]): Finding[] {
  // Most claims have a handful of findings: comparing them pairwise, without building each one's
  // key (its message included), is the same dedupe at a fraction of the cost (issue 11).
  if (findings.length <= 16) return dedupeFew(findings);
  const at = new Map<string, number>();
  const out: Finding[] = [];
  for (const f of findings) {
    const k = findingKey(f);
    const i = at.get(k);
    if (i === undefined) {
      at.set(k, out.length);
      out.push(f);
    } else if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[out[i]!.severity]) out[i] = f;
  }
  return out;
}

/** What follows the place in `findingKey`: the field, or the codes and message. */
const keyRest = (f: Finding): string => (f.field ? f.field : `|${f.codes.join(',')}|${f.message}`);

/** `findingKey(a) === findingKey(b)`, comparing the place first and building nothing for most pairs. */
function sameKey(a: Finding, b: Finding): boolean {
  if (a.id !== b.id) return false;
  if (a.line !== b.line && `${a.line ?? ''}` !== `${b.line ?? ''}`) return false;
  const ai = a.diagnosisIndex;
  const bi = b.diagnosisIndex;
  if (ai !== bi && `${ai ?? ''}` !== `${bi ?? ''}`) return false;
  if (a.field && b.field) return a.field === b.field;
  return keyRest(a) === keyRest(b);
}

function dedupeFew(findings: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    let i = 0;
    while (i < out.length && !sameKey(out[i]!, f)) i++;
    if (i === out.length) out.push(f);
    else if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[out[i]!.severity]) out[i] = f;
  }
  return out;
}

/**
 * The patient statement from the last remittance (its amounts in cents, parsed once by
 * remittanceAmounts): per service what was charged, what insurance
 * paid, what the provider wrote off (CO/OA/PI, never billed to the patient) and what the
 * patient owes (PR only). See: DOMAIN.md §1 step 9 and §8 (billing the patient for CO amounts
 * is non-compliant).
 */
import { sum, type Cents } from '../../money';
import { COST_SHARING_CARCS } from './codes';
import type { RemittanceAmounts } from './remittance-json';

export interface StatementLine {
  line: number;
  code: string;
  charge: Cents;
  insurancePaid: Cents;
  writeOff: Cents;
  patientOwes: Cents;
  /** CARCs behind the patient's share (1 deductible, 2 coinsurance, 3 copay…). */
  reasons: string[];
}

/**
 * For a QMB (`patientMayBeBilled: false`), the Medicare deductible, coinsurance and copay are
 * not the patient's: they go to Medicaid or are written off, so they count as adjusted.
 * See: Social Security Act §1902(n)(3)(B); src/domain/payer/qmb.ts.
 */
export function statementLines(r: RemittanceAmounts): StatementLine[] {
  const protectedPr = r.patientMayBeBilled === false;
  return r.lines.map((l) => {
    const owed = (a: { group: string; carc: string }) =>
      a.group === 'PR' && !(protectedPr && COST_SHARING_CARCS.has(a.carc));
    const pr = l.adjustments.filter(owed);
    return {
      line: l.line,
      code: l.code,
      charge: l.billed,
      insurancePaid: l.paid,
      writeOff: sum(l.adjustments.filter((a) => !owed(a)).map((a) => a.amount)),
      patientOwes: sum(pr.map((a) => a.amount)),
      reasons: pr.map((a) => a.carc),
    };
  });
}

export const amountDue = (lines: readonly StatementLine[]): Cents =>
  sum(lines.map((l) => l.patientOwes));

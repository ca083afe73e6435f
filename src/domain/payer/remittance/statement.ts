/**
 * The patient statement from the last remittance: per service what was charged, what insurance
 * paid, what the provider wrote off (CO/OA/PI, never billed to the patient) and what the
 * patient owes (PR only). See: DOMAIN.md §1 step 9 and §8 (billing the patient for CO amounts
 * is non-compliant).
 */
import { parseMoney, sum, type Cents } from '../../money';
import type { RemittanceJsonIn as Remittance } from './remittance-json';
import { COST_SHARING_CARCS } from './codes';

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

const c = (s: string): Cents => parseMoney(s) ?? sum([]);

/**
 * For a QMB (`patientMayBeBilled: false`), the Medicare deductible, coinsurance and copay are
 * not the patient's: they go to Medicaid or are written off, so they count as adjusted.
 * See: Social Security Act §1902(n)(3)(B); src/domain/payer/qmb.ts.
 */
export function statementLines(r: Remittance): StatementLine[] {
  const protectedPr = r.patientMayBeBilled === false;
  return r.lines.map((l) => {
    const owed = (a: { group: string; carc: string }) =>
      a.group === 'PR' && !(protectedPr && COST_SHARING_CARCS.has(a.carc));
    const pr = l.adjustments.filter(owed);
    return {
      line: l.line,
      code: l.code,
      charge: c(l.billed),
      insurancePaid: c(l.paid),
      writeOff: sum(l.adjustments.filter((a) => !owed(a)).map((a) => c(a.amount))),
      patientOwes: sum(pr.map((a) => c(a.amount))),
      reasons: pr.map((a) => a.carc),
    };
  });
}

export const amountDue = (lines: readonly StatementLine[]): Cents =>
  sum(lines.map((l) => l.patientOwes));

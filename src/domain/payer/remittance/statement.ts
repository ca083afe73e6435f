/**
 * The patient statement from the last remittance (its amounts in cents, parsed once by
 * remittanceAmounts): per service what was charged, what insurance
 * paid, what the provider wrote off (CO/OA/PI, never billed to the patient) and what the
 * patient owes (PR, plus on a non-assigned claim the payment the payer sent the patient). See: DOMAIN.md §1 step 9 and §8 (billing the patient for CO amounts
 * is non-compliant).
 */
import { cents, sum, type Cents } from '../../money';
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
    // Not assigned: the payer sent its payment to the patient, so the patient owes the provider
    // that amount too, and the sequestration cut of it (CO-253 reduces the patient's check,
    // not what the provider may collect): the limiting charge in all. The provider was paid
    // nothing (CARC 100). See: Pub. 100-04 ch. 1 §30.3, ch. 12 §30.3.12.
    const toPatient = l.paidTo === 'patient' ? l.paid : 0;
    const owed = (a: { group: string; carc: string }) =>
      (a.group === 'PR' && !(protectedPr && COST_SHARING_CARCS.has(a.carc))) ||
      (toPatient !== 0 && a.group === 'CO' && a.carc === '253');
    const pr = l.adjustments.filter(owed);
    return {
      line: l.line,
      code: l.code,
      charge: l.billed,
      insurancePaid: cents(l.paid - toPatient),
      writeOff: sum(l.adjustments.filter((a) => !owed(a)).map((a) => a.amount)),
      patientOwes: cents(sum(pr.map((a) => a.amount)) + toPatient),
      reasons: toPatient ? [...pr.map((a) => a.carc), '100'] : pr.map((a) => a.carc),
    };
  });
}

export const amountDue = (lines: readonly StatementLine[]): Cents =>
  sum(lines.map((l) => l.patientOwes));

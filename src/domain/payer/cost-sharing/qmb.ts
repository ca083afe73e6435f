/**
 * QMB protections. A Qualified Medicare Beneficiary is enrolled in Medicare and the state
 * Medicaid program pays their Medicare cost sharing. Federal law bars providers from billing a
 * QMB for the Medicare deductible, coinsurance or copays, whatever Medicaid pays: the provider
 * accepts Medicare's payment plus Medicaid's (if any) as payment in full.
 *  - Medicare adjudicates as usual: PR-1/PR-2/PR-3 stay patient-responsibility groups in the
 *    835 (they are what Medicaid is asked to pay), and each line with such an amount carries the
 *    CMS remarks N781 (deductible), N782 (coinsurance) or N783 (copay): do not collect it.
 *  - Assignment is mandatory for services to Medicaid-eligible patients, so no limiting-charge
 *    balance (PR-45) arises.
 *  - Medicaid, as payer of last resort, pays the Medicare cost sharing up to its own rate; the
 *    provider writes off the rest (CO-45 + MA125), never PR.
 * Not modelled: states that let providers charge a QMB-Plus member a nominal Medicaid copay.
 * See: Social Security Act §1902(n)(3)(B) and §1905(p)(3); §1848(g)(3)(A) (mandatory
 * assignment); CMS MLN "Prohibition on Balance Billing Dually Eligible Individuals Enrolled in
 * the QMB Program"; CMS CR 9911 (2017: RARCs N781–N783 on remittances for QMBs).
 */
import type { Claim, DualStatus } from '../../claim/claim';
import { cents, type Cents } from '../../money';
import type { RemitLine } from '../remittance/remittance';
import { COST_SHARING_CARCS } from '../remittance/codes';

export const QMB_SOURCE =
  'Social Security Act §1902(n)(3)(B); CMS MLN "Prohibition on Balance Billing Dually Eligible Individuals Enrolled in the QMB Program"; CMS CR 9911 (RARCs N781–N783)';

/** The groups whose Medicare cost sharing may not be billed to the patient. */
export const isQmbStatus = (s: DualStatus | undefined): boolean => s === 'qmb' || s === 'qmb-plus';

export const hasQmbProtection = (claim: Pick<Claim, 'patient'>): boolean =>
  isQmbStatus(claim.patient.dualStatus);

/** The CMS remark for each Medicare cost-sharing CARC on a QMB's line. */
const QMB_REMARK: Readonly<Record<string, string>> = { '1': 'N781', '2': 'N782', '3': 'N783' };

/** Adds N781/N782/N783 to each line with a PR deductible, coinsurance or copay (in place). */
export function addQmbRemarks(lines: RemitLine[]): void {
  for (const l of lines)
    for (const a of l.adjustments) {
      const r = a.group === 'PR' && a.amount > 0 ? QMB_REMARK[a.carc] : undefined;
      if (r && !l.remarks.includes(r)) l.remarks.push(r);
    }
}

/** What the protection means for one remittance: the part of PR the patient may still be billed. */
export interface BalanceBillingProtection {
  reason: 'qmb';
  dualStatus: DualStatus;
  /** PR amounts the provider may not bill the patient (Medicare cost sharing). */
  protectedAmount: Cents;
  /** What the patient may be billed: PR other than cost sharing (e.g. PR-50 after a signed ABN). */
  patientOwes: Cents;
  source: string;
}

export function qmbProtection(
  lines: readonly RemitLine[],
  dualStatus: DualStatus,
): BalanceBillingProtection {
  let prot = 0;
  let owes = 0;
  for (const l of lines)
    for (const a of l.adjustments)
      if (a.group === 'PR') {
        // Cost sharing, and the limiting-charge balance (PR-45) a QMB may not be billed either.
        if (COST_SHARING_CARCS.has(a.carc) || a.carc === '45') prot += a.amount;
        else owes += a.amount;
      }
  return {
    reason: 'qmb',
    dualStatus,
    protectedAmount: cents(prot),
    patientOwes: cents(owes),
    source: QMB_SOURCE,
  };
}

/**
 * Benefit policies a payer profile states as data (not code constants):
 *  - `preventiveServices`: services the plan pays at its `preventive` cost sharing ($0 under
 *    the ACA) when the diagnosis the line is billed for (its first pointer, else the claim's
 *    first-listed diagnosis) is one the policy names: an adult or well-woman preventive visit
 *    (99381–99397) with Z00.0x or Z01.41x. The same code for another purpose takes the plan's
 *    default cost sharing: 45 CFR 147.130(a)(2) lets a plan share costs when the primary purpose
 *    of the visit is not the preventive service.
 *  - `exclusions`: services the plan does not cover at all, each with the group code, CARC and
 *    remarks its denial carries: a Medicare statutory exclusion (routine physical, SSA
 *    §1862(a)(7)) is PR-96 + N425; a commercial plan's excluded benefit is PR-204 (not covered
 *    under the patient's current benefit plan).
 * Procedures are codes or inclusive ranges of equal-length codes ("99381-99397").
 * See: 45 CFR 147.130 (coverage of preventive health services); SSA §1862(a)(7); 42 CFR
 * 411.15(a)(1); X12 CARC 96, 204; RARC N425.
 */
import type { ClaimLine } from '../../claim/claim';
import type { PayerProfile } from '../profile';

type Dated = { effective: string | null; terminated: string | null };
type PreventivePolicy = PayerProfile['preventiveServices'][number];
type Exclusion = PayerProfile['exclusions'][number];

const inForce = (p: Dated, date: string) =>
  (p.effective === null || p.effective <= date) && (p.terminated === null || date <= p.terminated);

/** Whether `code` is one of the procedures (codes or "FROM-TO" ranges). */
export function procedureListed(procedures: readonly string[], code: string): boolean {
  const c = code.toUpperCase();
  for (const p of procedures) {
    const dash = p.indexOf('-');
    if (dash < 0) {
      if (p === c) return true;
    } else {
      const from = p.slice(0, dash);
      const to = p.slice(dash + 1);
      if (c.length === from.length && c >= from && c <= to) return true;
    }
  }
  return false;
}

const bare = (dx: string) => dx.replace('.', '').toUpperCase();

/**
 * 'preventive' when a plan preventive policy covers the line and its diagnosis; 'not-preventive'
 * when a policy lists the code but the diagnosis is not one it names; null when no policy lists
 * the code (the code's own category applies).
 */
export function planPreventive(
  payer: Pick<PayerProfile, 'preventiveServices'>,
  diagnoses: readonly string[],
  line: Pick<ClaimLine, 'code' | 'dxPointers'>,
  date: string,
): 'preventive' | 'not-preventive' | null {
  const policies = payer.preventiveServices;
  if (!policies || policies.length === 0) return null;
  let listed = false;
  const pointer = line.dxPointers[0];
  const dx = (pointer !== undefined ? diagnoses[pointer - 1] : undefined) ?? diagnoses[0];
  for (const p of policies) {
    if (!inForce(p, date) || !procedureListed(p.procedures, line.code)) continue;
    listed = true;
    if (dx !== undefined && p.diagnoses.some((d: string) => bare(dx).startsWith(bare(d))))
      return 'preventive';
  }
  return listed ? 'not-preventive' : null;
}

/**
 * The plan's exclusion covering this code on this date, if any; a line with one of the
 * exclusion's `unlessModifiers` (e.g. Q7-Q9 class findings on foot care) is not excluded.
 */
export function benefitExclusion(
  payer: Pick<PayerProfile, 'exclusions'>,
  code: string,
  date: string,
  modifiers: readonly string[] = [],
): Exclusion | undefined {
  const list = payer.exclusions;
  if (!list || list.length === 0) return undefined;
  return list.find(
    (e) =>
      inForce(e, date) &&
      procedureListed(e.procedures, code) &&
      !e.unlessModifiers?.some((m) => modifiers.includes(m)),
  );
}

export type { PreventivePolicy, Exclusion };

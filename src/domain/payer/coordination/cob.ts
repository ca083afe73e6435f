/**
 * Coordination of benefits: which coverage pays first, and how a secondary payer turns the
 * primary's adjudication into its own payment. The secondary pays up to its own normal
 * benefit, never more than the patient responsibility the primary left; the patient owes only
 * what remains; the primary's payment and write-offs appear as OA-23.
 * See: NAIC Coordination of Benefits Model Regulation (birthday rule, order of benefit
 * determination); Medicare Secondary Payer Manual (Pub. 100-05) ch. 1 and ch. 2;
 * DOMAIN.md §5 (COB) and §7 (CARC 23 with group OA).
 */
import { cents, mulRound, type Cents } from '../../money';
import type { Adjustment, RemitLine, Remittance } from '../remittance/remittance';
import { patientResponsibility } from '../remittance/remittance';

export interface Coverage {
  payerId: string;
  kind: 'medicare' | 'commercial' | 'medicaid';
  /** How the patient holds it. */
  relation: 'self' | 'spouse' | 'dependent';
  /** For dependents and spouses: the policyholder's birth date (birthday rule). */
  holderBirthDate?: string;
  /** Coverage start (ISO): longer coverage breaks a birthday tie. */
  since: string;
  /** Employer group health plan through current employment, with the employer's size. */
  employerGroup?: { employees: number; currentEmployment: boolean };
  /** Workers' compensation, no-fault or liability coverage for this injury. */
  accidentCoverage?: boolean;
}

/**
 * Birthday rule for a dependent child covered by both parents: the plan of the parent whose
 * birthday (month and day, year ignored) falls earlier in the year is primary; on the same
 * birthday, the plan that has covered the parent longer.
 */
export function birthdayRule(a: Coverage, b: Coverage): [Coverage, Coverage] {
  const md = (c: Coverage) => (c.holderBirthDate ?? '9999-12-31').slice(5);
  if (md(a) !== md(b)) return md(a) < md(b) ? [a, b] : [b, a];
  return a.since <= b.since ? [a, b] : [b, a];
}

/**
 * Medicare Secondary Payer basics: is an employer plan (or accident coverage) primary to
 * Medicare? Working aged (65+) with a group plan of 20+ employees through current employment;
 * disabled (under 65) with 100+ employees; accident coverage (workers' comp, no-fault,
 * liability) for the injury. ESRD coordination periods are not modelled.
 * See: Medicare Secondary Payer Manual ch. 1 §10; 42 CFR 411 subparts B–H.
 */
export function primaryOverMedicare(c: Coverage, patientAge: number): boolean {
  if (c.accidentCoverage) return true;
  const g = c.employerGroup;
  if (!g || !g.currentEmployment) return false;
  return patientAge >= 65 ? g.employees >= 20 : g.employees >= 100;
}

/**
 * Order of benefit determination: coverage as self before as dependent/spouse; the birthday
 * rule between two dependent coverages; MSP rules between Medicare and employer plans;
 * Medicaid always last (payer of last resort, 42 U.S.C. 1396a(a)(25)).
 */
export function coordinationOrder(coverages: readonly Coverage[], patientAge: number): Coverage[] {
  const rank = (c: Coverage): number => {
    if (c.kind === 'medicaid') return 100;
    if (c.kind === 'medicare') {
      const otherPrimary = coverages.some(
        (o) => o.kind === 'commercial' && primaryOverMedicare(o, patientAge),
      );
      return otherPrimary ? 50 : 10;
    }
    if (primaryOverMedicare(c, patientAge)) return 5;
    return c.relation === 'self' ? 20 : 30;
  };
  const sorted = [...coverages].sort((a, b) => rank(a) - rank(b));
  // Two dependent plans at the same rank: the birthday rule decides.
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i]!;
    const b = sorted[i + 1]!;
    if (rank(a) === rank(b) && a.relation === 'dependent' && b.relation === 'dependent') {
      const [first, second] = birthdayRule(a, b);
      sorted[i] = first;
      sorted[i + 1] = second;
    }
  }
  return sorted;
}

const PR_ORDER = ['1', '2', '3'];

/** How the secondary computes its payment. */
export interface SecondaryRules {
  /** Medicare's sequestration rate on its payment (0 for other payers). */
  seqRate: number;
  /**
   * 'medicare': Medicare Secondary Payer formula (42 CFR 411.33); 'last-resort': Medicaid
   * (42 CFR 447.15, payment in full); 'standard': up to the plan's normal benefit.
   */
  method: 'medicare' | 'last-resort' | 'standard' | 'non-duplication' | 'carve-out';
  /**
   * The patient is a QMB (qmb.ts): as payer of last resort, Medicaid takes no copay of its own
   * on the Medicare cost sharing, so everything it does not pay is the provider's write-off.
   * See: Social Security Act §1902(n)(3)(B).
   */
  qmb?: boolean;
}

/**
 * Turns the secondary's own adjudication (as if it were primary) into its secondary payment.
 * Per line: remaining = the primary's patient responsibility; OA-23 carries billed − remaining.
 * The payment before sequestration is:
 *  - standard: min(its normal payment, remaining);
 *  - non-duplication: min(its normal payment − the primary's payment, remaining), never below 0;
 *  - carve-out: min(its benefit rate × (its allowed − the primary's payment), remaining);
 *  - Medicare (42 CFR 411.33(a)): the lowest of (a) what Medicare would pay as primary,
 *    (b) the higher of Medicare's allowed and the primary's allowed (its obligated amount)
 *    minus the primary's payment, (c) remaining;
 *  - payer of last resort (Medicaid, 42 CFR 447.15): min(remaining, max(0, Medicaid allowed −
 *    primary paid)), less Medicaid's own nominal copay (PR-3); the provider accepts that as
 *    payment in full, so the rest of `remaining` is a write-off (CO-45 + MA125), not PR; for a
 *    QMB there is no Medicaid copay either: the patient owes nothing.
 * Otherwise the patient owes remaining − payment, reported with the primary's PR reason codes
 * (deductible, coinsurance, copay order).
 */
export function applySecondary(
  own: readonly RemitLine[],
  primary: Remittance,
  rules: SecondaryRules,
): RemitLine[] {
  const { seqRate, method } = rules;
  const qmb = rules.qmb === true;
  return own.map((l) => {
    const p = primary.lines.find((x) => x.line === l.line);
    const remaining: Cents = p ? patientResponsibility(p.adjustments) : l.billed;
    const oa23 = cents(l.billed - remaining);
    const seqOwn = l.adjustments.filter((a) => a.carc === '253').reduce((s, a) => s + a.amount, 0);
    const ownDenial = l.allowed === 0 ? l.adjustments.find((a) => a.carc !== '23') : undefined;
    const adjustments: Adjustment[] = [];
    if (oa23 > 0) adjustments.push({ group: 'OA', carc: '23', amount: oa23 });
    if (ownDenial) {
      // The secondary denies its part: the same reason on what the primary left.
      if (remaining > 0)
        adjustments.push({ group: ownDenial.group, carc: ownDenial.carc, amount: remaining });
      return { ...l, paid: cents(0), adjustments };
    }
    const normal = l.paid + seqOwn;
    const primaryPaid = p ? p.paid : 0;
    const primaryAllowed = p ? p.allowed : 0;
    if (method === 'last-resort') {
      const base = Math.min(remaining, Math.max(0, l.allowed - primaryPaid));
      const ownCopay = l.adjustments
        .filter((a) => a.group === 'PR' && a.carc === '3')
        .reduce((s, a) => s + a.amount, 0);
      const copay = qmb ? 0 : Math.min(ownCopay, base);
      const writeOff = remaining - base;
      const remarks = writeOff > 0 ? [...l.remarks, 'MA125'] : l.remarks;
      if (writeOff > 0) adjustments.push({ group: 'CO', carc: '45', amount: cents(writeOff) });
      if (copay > 0) adjustments.push({ group: 'PR', carc: '3', amount: cents(copay) });
      return { ...l, paid: cents(base - copay), adjustments, remarks };
    }
    const before = cents(
      method === 'medicare'
        ? Math.max(
            0,
            Math.min(normal, Math.max(l.allowed, primaryAllowed) - primaryPaid, remaining),
          )
        : method === 'non-duplication'
          ? Math.max(0, Math.min(normal - primaryPaid, remaining))
          : method === 'carve-out'
            ? Math.max(0, Math.min(carveOut(normal, l.allowed, primaryPaid), remaining))
            : Math.min(normal, remaining),
    );
    const seq = seqRate > 0 ? mulRound(before, seqRate) : cents(0);
    let owed = remaining - before;
    // Medicare secondary when the primary covered nothing of the service (allowed 0, e.g. PR-96
    // not a plan benefit): Medicare pays as it would as primary, and the participating provider
    // accepts Medicare's allowed amount as payment in full: the patient owes Medicare's own cost
    // sharing and the rest of the charge is written off (CO-45).
    // See: 42 CFR 411.33(a) (the primary's allowable is 0); MSP Manual (Pub. 100-05) ch. 5 §40.
    let writeOff = 0;
    const asPrimary = method === 'medicare' && primaryAllowed === 0 && primaryPaid === 0;
    if (asPrimary) {
      const cap = Math.max(0, l.allowed - before);
      if (owed > cap) {
        writeOff = owed - cap;
        owed = cap;
      }
    }
    const prim = asPrimary
      ? l.adjustments.filter((a) => a.group === 'PR')
      : p
        ? p.adjustments.filter((a) => a.group === 'PR')
        : [];
    const ordered = [...prim].sort((a, b) => rank(a.carc) - rank(b.carc));
    for (const a of ordered) {
      if (owed <= 0) break;
      const take = Math.min(owed, a.amount);
      adjustments.push({ group: 'PR', carc: a.carc, amount: cents(take) });
      owed -= take;
    }
    if (owed > 0) adjustments.push({ group: 'PR', carc: '2', amount: cents(owed) });
    if (writeOff > 0) adjustments.push({ group: 'CO', carc: '45', amount: cents(writeOff) });
    if (seq > 0) adjustments.push({ group: 'CO', carc: '253', amount: seq });
    return { ...l, paid: cents(before - seq), adjustments, remarks: l.remarks };
  });
}

/**
 * Carve-out: the plan's benefit rate (its normal payment over its allowed amount) applied to
 * what the primary did not pay of that allowed amount, rounded to the cent.
 */
function carveOut(normal: number, allowed: number, primaryPaid: number): number {
  if (allowed <= 0) return 0;
  return Math.round((Math.max(0, allowed - primaryPaid) * normal) / allowed);
}

const rank = (carc: string) => {
  const i = PR_ORDER.indexOf(carc);
  return i < 0 ? PR_ORDER.length : i;
};

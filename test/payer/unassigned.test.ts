/**
 * Non-assigned Medicare claims: a non-participating provider who does not accept assignment on
 * the claim is not paid by Medicare; the beneficiary is. The remittance says who was paid, the
 * 835 to the provider carries no payment for it (CLP04/SVC03 0, the payment as CAS*OA*100,
 * MA28), and the patient owes the provider up to the limiting charge.
 * See: Pub. 100-04 ch. 1 §30.3 (assignment: payment to the physician only on assigned claims)
 * and ch. 12 §30.3.12 (limiting charge on non-assigned claims); CARC 100 (payment made to
 * patient/insured); RARC MA28 (notice to a physician who did not accept assignment).
 */
import { describe, expect, it } from 'vitest';
import { cents } from '../../src/domain/money';
import { withAssignment } from '../../src/domain/payer/cost-sharing/assignment';
import { reversalOf } from '../../src/domain/payer/corrections/reversal';
import { remittanceAmounts } from '../../src/domain/payer/remittance/remittance-json';
import { lineBalances, netPaid } from '../../src/domain/payer/remittance/remittance';
import { amountDue, statementLines } from '../../src/domain/payer/remittance/statement';
import { read835, write835, write835Batch } from '../../src/interop/x12/835';
import { paidToProvider } from '../../src/domain/payer/remittance/remittance';
import { tokenize, type Segment } from '../../src/interop/x12/segments';
import { $, claim, line, run } from './helpers';

const met = { deductibleMet: $('283.00'), outOfPocketMet: cents(0) };
const nonPar = (assigned?: boolean) => {
  const c = claim([line('99213', '120.00')], { accumulators: met });
  c.provider.participating = false;
  return assigned === undefined ? c : withAssignment(c, assigned);
};

function segments(x: string): Segment[] {
  const t = tokenize(x);
  if (!t.ok) throw new Error(JSON.stringify(t.errors));
  return t.value.segments;
}

describe('non-assigned claim: Medicare pays the beneficiary (Pub. 100-04 ch. 1 §30.3)', () => {
  it('the JSON says the payment went to the patient: provider 0, patient the benefit, netPaid 0', () => {
    const { r, j } = run(nonPar(false));
    expect(j.lines[0]!.paid).toBe('60.98'); // what Medicare paid (80% of 95%, less sequestration)
    expect(j.lines[0]!.paidTo).toBe('patient');
    expect(j.lines[0]!.remarks).toEqual(['MA28']);
    expect(j.paidTo).toBe('patient');
    expect(j.paidToProvider).toBe('0.00');
    expect(j.paidToPatient).toBe('60.98');
    expect(j.netPaid).toBe('0.00');
    expect(netPaid(r)).toBe(0);
    expect(r.lines.every(lineBalances)).toBe(true);
  });

  it('a clinical lab test is paid on mandatory assignment: full lab fee, to the provider, no MA28', () => {
    // See: SSA §1833(h)(5)(C) (lab tests paid only on an assignment basis); Pub. 100-04 ch. 16 §30.
    const c = claim([line('80053', '40.00'), line('99213', '120.00')], { accumulators: met });
    c.provider.participating = false;
    const lab = run(claim([line('80053', '40.00')], { accumulators: met })).j.lines[0]!;
    const { j } = run(withAssignment(c, false));
    expect(j.lines[0]!.allowed).toBe(lab.allowed);
    expect(j.lines[0]!.paidTo).toBeUndefined();
    expect(j.lines[0]!.remarks).not.toContain('MA28');
    expect(j.lines[1]!.paidTo).toBe('patient');
    expect(j.lines[1]!.remarks).toContain('MA28');
  });

  it('an assigned claim (participating or non-par accepting assignment) is paid to the provider', () => {
    for (const c of [nonPar(true), claim([line('99213', '120.00')], { accumulators: met })]) {
      const { j } = run(c);
      expect(j.lines[0]!.paidTo).toBeUndefined();
      expect(j.paidTo).toBeUndefined();
      expect(j.netPaid).toBe(j.totals.paid);
      expect(Number(j.netPaid)).toBeGreaterThan(0);
    }
  });

  it('the 835 carries no provider payment: CLP04 0, SVC03 0, OA-100 = the benefit, MA28; BPR H 0', () => {
    const { r } = run(nonPar(false));
    const w = write835(r);
    if (!w.ok) throw new Error('write');
    const s = segments(w.value);
    expect(s.find((q) => q[0] === 'BPR')!.slice(0, 3)).toEqual(['BPR', 'H', '0']);
    const clp = s.find((q) => q[0] === 'CLP')!;
    expect(clp[3]).toBe('120');
    expect(clp[4]).toBe('0');
    expect(clp[5]).toBe('27.22'); // PR: coinsurance 15.55 + limiting-charge balance 11.67
    const svc = s.find((q) => q[0] === 'SVC')!;
    expect(svc[2]).toBe('120');
    expect(svc[3]).toBe('0');
    const cas = s.filter((q) => q[0] === 'CAS');
    expect(cas.find((q) => q[1] === 'OA')).toEqual(['CAS', 'OA', '100', '60.98']);
    expect(s.filter((q) => q[0] === 'LQ').map((q) => q[2])).toEqual(['MA28']);
    // SVC02 = SVC03 + ΣCAS: the reader (which refuses an unbalanced 835) reads it back.
    const back = read835(w.value);
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    // Read back, the line is the domain's again: the benefit paid to the patient (issue 10).
    const l = back.value[0]!.lines[0]!;
    expect(l.paid).toBe($('60.98'));
    expect(l.paidTo).toBe('patient');
    expect(l.adjustments).not.toContainEqual(expect.objectContaining({ group: 'OA', carc: '100' }));
    expect(lineBalances(l)).toBe(true);
    expect(back.value[0]!.totals.paid).toBe(r.totals.paid);
    expect(back.value[0]!.status).toBe(r.status);
    expect(paidToProvider(back.value[0]!.lines, back.value[0]!.totals.paid)).toBe(0);
  });

  it('x12 835 --batch: the check pays only the assigned claim', () => {
    const assigned = run(nonPar(true)).r;
    const unassigned = run({ ...nonPar(false), claimId: 'C-UNASSIGNED' }).r;
    const w = write835Batch([assigned, unassigned]);
    if (!w.ok) throw new Error(JSON.stringify(w.errors));
    const s = segments(w.value);
    const clp = s.filter((q) => q[0] === 'CLP');
    expect(clp.map((q) => q[4])).toEqual(['60.98', '0']);
    expect(s.find((q) => q[0] === 'BPR')![2]).toBe('60.98');
  });

  it('the patient statement: the patient owes the provider the limiting charge (nothing paid to the provider)', () => {
    const { j } = run(nonPar(false));
    const a = remittanceAmounts(j);
    if (!a.ok) throw new Error('amounts');
    const [l] = statementLines(a.value);
    expect(l!.insurancePaid).toBe(0);
    expect(l!.patientOwes).toBe($('89.44')); // the limiting charge: 77.77 × 1.15
    expect(l!.writeOff).toBe($('30.56')); // CO-45: only the charge above the limiting charge
    expect(l!.reasons).toContain('100');
    expect(amountDue([l!])).toBe($('89.44'));
  });

  it('taking the claim back takes nothing from the provider: the reversal is paid to the patient too', () => {
    const { r } = run(nonPar(false));
    const v = reversalOf({ ...r, payerClaimNumber: r.payerClaimNumber! });
    expect(v.lines[0]!.paidTo).toBe('patient');
    expect(v.totals.paid).toBe(-$('60.98'));
    const again = run(nonPar(false)).r;
    expect(netPaid({ ...again, reversal: v })).toBe(0);
    const w = write835({ ...again, reversal: v });
    if (!w.ok) throw new Error(JSON.stringify(w.errors));
    const clp = segments(w.value).filter((q) => q[0] === 'CLP');
    expect(clp.map((q) => [q[2], q[4]])).toEqual([
      ['22', '0'],
      ['1', '0'],
    ]);
    expect(read835(w.value).ok).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/domain/money';
import { amountDue, statementLines as linesOf } from '../../src/domain/payer/remittance/statement';
import { remittanceAmounts } from '../../src/domain/payer/remittance/remittance-json';
import type { Remittance } from '../../src/machines/remittance';
import { placeFindings } from '../../src/ui/case/findings';
import { patientStatement } from '../../src/state/remittance-case';
import type { Finding } from '../../src/domain/findings';
import { remit } from '../machines/fixtures';

/** The statement reads amounts parsed once into cents (remittanceAmounts). */
function statementLines(r: Remittance) {
  const a = remittanceAmounts(r);
  if (!a.ok) throw new Error(a.errors.map((e) => e.message).join('; '));
  return linesOf(a.value);
}

describe('patient statement', () => {
  it('bills only PR amounts; CO amounts are written off', () => {
    const lines = statementLines(remit('C1', 'paid'));
    expect(lines).toEqual([
      {
        line: 1,
        code: '99214',
        charge: 14500,
        insurancePaid: 8000,
        writeOff: 4500,
        patientOwes: 2000,
        reasons: ['2'],
      },
    ]);
    expect(amountDue(lines)).toBe(2000);
  });

  it('after a secondary payer, the patient owes what it left; insurance paid is both payments (NAIC MDL-120)', () => {
    const primary = remit('C1', 'paid'); // billed 145.00, paid 80.00, CO-45 45.00, PR-2 20.00
    const secondary: Remittance = {
      ...primary,
      claimId: 'C1-S',
      payerId: 'commercial-secondary',
      lines: primary.lines.map((l) => ({
        ...l,
        paid: '15.00',
        adjustments: [
          { group: 'OA', carc: '23', amount: '125.00' },
          { group: 'PR', carc: '2', amount: '5.00' },
        ],
      })),
    };
    const st = patientStatement(primary, secondary);
    expect(st.lines[0]).toMatchObject({
      insurancePaid: 9500,
      patientOwes: 500,
      writeOff: 4500,
      reasons: ['2'],
    });
    expect(st.due).toBe(500);
    expect(st.qmb).toBe(false);
    // A QMB flag on either remittance is carried to the statement.
    expect(patientStatement(primary, { ...secondary, patientMayBeBilled: false }).qmb).toBe(true);
    // Unreadable money bills nothing and says where.
    const bad = patientStatement(primary, {
      ...secondary,
      lines: [{ ...secondary.lines[0]!, paid: 'x' }],
    });
    expect(bad.due).toBe(0);
    expect(bad.problems[0]).toMatch(/lines\[0\]\.paid/);
  });

  it('a denied claim leaves nothing for the patient', () => {
    expect(amountDue(statementLines(remit('C1', 'denied')))).toBe(0);
  });
});

const f = (over: Partial<Finding>): Finding => ({
  id: 'code.invalid',
  severity: 'error',
  line: null,
  codes: [],
  message: 'm',
  reference: 'r',
  ...over,
});

describe('placeFindings', () => {
  it('puts findings next to their line, their diagnosis, or the claim', () => {
    const p = placeFindings(
      [
        f({ line: 2, id: 'ncci.mue' }),
        f({ diagnosisIndex: 1 }),
        f({ codes: ['E116'] }),
        f({ field: 'diagnoses[0]', id: 'claim.invalid-field' }),
        f({ id: 'claim.missing-field', field: 'patient.memberId' }),
        f({ line: 9 }),
      ],
      ['E11.6', 'I10'],
      2,
    );
    expect(p.byLine.map((x) => x.length)).toEqual([0, 1]);
    expect(p.byDiagnosis.map((x) => x.length)).toEqual([2, 1]);
    expect(p.claim.map((x) => x.field ?? x.line)).toEqual(['patient.memberId', 9]);
  });
});

describe('statement for a Qualified Medicare Beneficiary', () => {
  it('bills the patient none of the Medicare cost sharing, but a PR-50 after an ABN still', () => {
    const lines = statementLines({
      claimId: 'Q',
      status: 'paid',
      patientMayBeBilled: false,
      lines: [
        {
          line: 1,
          code: '99213',
          billed: '120.00',
          allowed: '90.00',
          paid: '33.00',
          adjustments: [
            { group: 'CO', carc: '45', amount: '30.00' },
            { group: 'PR', carc: '1', amount: '50.00' },
            { group: 'PR', carc: '2', amount: '7.00' },
          ],
          remarks: ['N781', 'N782'],
        },
        {
          line: 2,
          code: '93000',
          billed: '40.00',
          allowed: '0.00',
          paid: '0.00',
          adjustments: [{ group: 'PR', carc: '50', amount: '40.00' }],
          remarks: [],
        },
      ],
      totals: { billed: '160.00', allowed: '90.00', paid: '33.00', patientResponsibility: '97.00' },
      findings: [],
    });
    expect(lines.map((l) => formatMoney(l.patientOwes))).toEqual(['0.00', '40.00']);
    expect(formatMoney(lines[0]!.writeOff)).toBe('87.00');
    expect(formatMoney(amountDue(lines))).toBe('40.00');
  });
});

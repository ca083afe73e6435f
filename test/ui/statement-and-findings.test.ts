import { describe, expect, it } from 'vitest';
import { amountDue, statementLines } from '../../src/ui/case/statement';
import { placeFindings } from '../../src/ui/case/findings';
import type { Finding } from '../../src/domain/findings';
import { remit } from '../machines/fixtures';

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

import { describe, expect, it } from 'vitest';
import {
  addDiagnosis,
  addLine,
  emptyDraft,
  moveDiagnosis,
  removeDiagnosis,
  togglePointer,
  updateLine,
  type Draft,
} from '../../src/machines/draft';

const base = (): Draft => {
  let d = emptyDraft();
  for (const c of ['E11.65', 'I10', 'E78.5']) d = addDiagnosis(d, c);
  d = addLine(d, { code: '99214', dxPointers: [1, 2, 3] });
  return addLine(d, { code: 'G2211', dxPointers: [2, 1] });
};

describe('draft', () => {
  it('adds diagnoses once, normalised, at most 12', () => {
    let d = addDiagnosis(base(), 'i10');
    expect(d.diagnoses).toEqual(['E11.65', 'I10', 'E78.5']);
    for (let i = 0; i < 20; i++) d = addDiagnosis(d, `R${10 + i}`);
    expect(d.diagnoses).toHaveLength(12);
  });

  it('removing a diagnosis drops its pointers and shifts later ones', () => {
    const d = removeDiagnosis(base(), 0);
    expect(d.diagnoses).toEqual(['I10', 'E78.5']);
    expect(d.lines.map((l) => l.dxPointers)).toEqual([[1, 2], [1]]);
  });

  it('moving a diagnosis keeps each pointer on the same code', () => {
    const d = moveDiagnosis(base(), 2, -1);
    expect(d.diagnoses).toEqual(['E11.65', 'E78.5', 'I10']);
    const codes = d.lines.map((l) => l.dxPointers.map((p) => d.diagnoses[p - 1]));
    expect(codes).toEqual([
      ['E11.65', 'I10', 'E78.5'],
      ['I10', 'E11.65'],
    ]);
    expect(moveDiagnosis(base(), 0, -1)).toEqual(base());
  });

  it('toggles pointers in the order chosen, at most 4, only to existing diagnoses', () => {
    let d = togglePointer(base(), 1, 2);
    expect(d.lines[1]?.dxPointers).toEqual([1]);
    d = togglePointer(d, 1, 3);
    expect(d.lines[1]?.dxPointers).toEqual([1, 3]);
    expect(togglePointer(d, 1, 9)).toBe(d);
  });

  it('keeps four modifier slots on update', () => {
    const d = updateLine(base(), 0, { modifiers: ['25'] });
    expect(d.lines[0]?.modifiers).toEqual(['25', '', '', '']);
  });
});

describe('a QMB patient from the case reaches the claim and the payer', () => {
  it('carries patient.dualStatus into the claim, and Medicare then says the patient may not be billed', async () => {
    const { claimFromDraft } = await import('../../src/machines/claim-from-draft');
    const { header } = await import('./fixtures');
    const { adjudicate } = await import('../../src/domain/payer/adjudicate');
    const { remittanceJson } = await import('../../src/domain/payer/remittance/remittance');
    const { starterFees, starterPayers } = await import('../../src/services/shipped');
    const qmb = { ...header, patient: { ...header.patient, dualStatus: 'qmb' as const } };
    const { claim } = claimFromDraft(base(), qmb, {
      claimId: 'Q-1',
      frequency: '1',
      originalClaimId: null,
      submissionDate: '2026-03-03',
    });
    expect(claim.patient.dualStatus).toBe('qmb');
    const j = remittanceJson(
      adjudicate(claim, { payer: starterPayers().get('medicare')!, fees: starterFees() }),
    );
    expect(j.patientMayBeBilled).toBe(false);
    expect(j.patientOwes).toBe('0.00');
  });
});

/**
 * CO-11 (the diagnosis is inconsistent with the procedure) where the payer's rule says so: a
 * diagnosis-to-procedure policy (plan data, dated, with its CARC and RARC) denies a line whose
 * pointed diagnoses it does not list with CARC 11, while a Medicare NCD keeps CO-50 + N386.
 * The scrubber reports the same finding, citing the same CARC.
 * See: X12 CARC 11 and 50; RARC N130, N386; ICD-10-CM Guidelines I.C.21.c.5 (screening codes
 * are not for a sign or symptom); the commercial PPO's coverage entries
 * (scenarios/starter/payers/commercial-ppo.json); NCD 190.21.
 */
import { describe, expect, it } from 'vitest';
import { claim, line, run } from './helpers';
import { payerChecksBeforeSubmission } from '../../src/domain/payer/checks';
import { payer } from './helpers';

const ppo = (diagnoses: string[], code: string) =>
  claim([line(code, '150.00', { dxPointers: [1] })], {
    payerId: 'commercial-ppo',
    diagnoses,
  });

/** No coverage finding and no CARC 11 (the test fee fixture may not price the code itself). */
const supported = (j: ReturnType<typeof run>['j']) =>
  !j.findings.some((f) => f.id === 'coverage.medical-necessity') &&
  !j.lines.some((l) => l.adjustments.some((a) => a.carc === '11'));

describe('diagnosis inconsistent with the procedure (CARC 11)', () => {
  it('psychotherapy for hypertension: CO-11 + N130; for generalised anxiety (F41.1): paid', () => {
    const { j } = run(ppo(['I10'], '90834'));
    expect(j.lines[0]!.adjustments).toEqual([{ group: 'CO', carc: '11', amount: '150.00' }]);
    expect(j.lines[0]!.remarks).toEqual(['N130']);
    expect(j.findings.find((f) => f.id === 'coverage.medical-necessity')?.reference).toMatch(
      /CARC 11, RARC N130$/,
    );
    expect(supported(run(ppo(['F41.1'], '90834')).j)).toBe(true);
  });

  it('a screening mammogram billed for a breast lump is CO-11; with Z12.31 it is paid', () => {
    const lump = run(ppo(['N63.10'], '77067')).j;
    expect(lump.lines[0]!.adjustments[0]).toEqual({ group: 'CO', carc: '11', amount: '150.00' });
    expect(supported(run(ppo(['Z12.31'], '77067')).j)).toBe(true);
  });

  it('the scrubber predicts the same finding before submission', () => {
    const c = ppo(['I10'], '90834');
    const scrub = payerChecksBeforeSubmission(c, payer('commercial-ppo'));
    const remit = run(c).j.findings.filter((f) => f.id === 'coverage.medical-necessity');
    expect(scrub.map((f) => f.reference)).toEqual(remit.map((f) => f.reference));
  });

  it('a Medicare NCD (HbA1c, NCD 190.21) keeps CO-50 + N386', () => {
    const c = claim([line('83036', '40.00', { dxPointers: [1] })], { diagnoses: ['I10'] });
    const { j } = run(c);
    expect(j.lines[0]!.adjustments).toEqual([{ group: 'CO', carc: '50', amount: '40.00' }]);
    expect(j.lines[0]!.remarks).toEqual(['N386']);
  });
});

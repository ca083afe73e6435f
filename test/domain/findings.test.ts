import { describe, expect, it } from 'vitest';
import { dedupeFindings, type Finding } from '../../src/domain/findings';

const f = (over: Partial<Finding>): Finding => ({
  id: 'claim.invalid-field',
  severity: 'error',
  line: 1,
  codes: [],
  message: 'm',
  reference: 'r',
  ...over,
});

describe('dedupeFindings', () => {
  it('keeps one finding per id and field, whatever the message', () => {
    const out = dedupeFindings([
      f({ field: 'lines[0].units', message: 'from parseClaim' }),
      f({ field: 'lines[0].units', message: 'from the claim-data edit' }),
      f({ field: 'lines[0].charge' }),
    ]);
    expect(out.map((x) => [x.field, x.message])).toEqual([
      ['lines[0].units', 'from parseClaim'],
      ['lines[0].charge', 'm'],
    ]);
  });

  it('keeps findings without a field apart by their codes and message', () => {
    const pair = (codes: string[]) =>
      f({ id: 'ncci.ptp', line: 2, codes, message: codes.join('/') });
    const out = dedupeFindings([
      pair(['99214', '20610']),
      pair(['99214', '11200']),
      pair(['99214', '20610']),
    ]);
    expect(out.map((x) => x.codes[1])).toEqual(['20610', '11200']);
  });

  it('lets the highest severity win, at the place of the first occurrence', () => {
    const out = dedupeFindings([
      f({ id: 'filing.timely', line: null, severity: 'warning', message: 'late' }),
      f({ id: 'auth.missing', line: 1, message: 'auth' }),
      f({ id: 'filing.timely', line: null, severity: 'error', message: 'late' }),
      f({ id: 'filing.timely', line: null, severity: 'info', message: 'late' }),
    ]);
    expect(out.map((x) => [x.id, x.severity])).toEqual([
      ['filing.timely', 'error'],
      ['auth.missing', 'error'],
    ]);
  });

  it('keeps findings on different lines or diagnoses apart', () => {
    const out = dedupeFindings([
      f({ id: 'mce.age', line: null, diagnosisIndex: 0 }),
      f({ id: 'mce.age', line: null, diagnosisIndex: 1 }),
      f({ id: 'auth.missing', line: 1 }),
      f({ id: 'auth.missing', line: 2 }),
    ]);
    expect(out).toHaveLength(4);
  });
});

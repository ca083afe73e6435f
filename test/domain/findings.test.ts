import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dedupeFindings, findingKey, type Finding } from '../../src/domain/findings';

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

describe('dedupeFindings: the pairwise path for a few findings is the keyed dedupe', () => {
  /** The dedupe by `findingKey`, as it is for any number of findings. */
  const byKey = (fs: readonly Finding[]) => {
    const at = new Map<string, number>();
    const out: Finding[] = [];
    const rank = { error: 2, warning: 1, info: 0 };
    for (const x of fs) {
      const k = findingKey(x);
      const i = at.get(k);
      if (i === undefined) {
        at.set(k, out.length);
        out.push(x);
      } else if (rank[x.severity] > rank[out[i]!.severity]) out[i] = x;
    }
    return out;
  };
  it('gives the same findings in the same order, even for codes and messages holding | and ,', () => {
    const text = fc.constantFrom('', 'a', 'b', 'a|b', '|a', 'a,b', 'b|');
    const finding = fc.record({
      id: fc.constantFrom('claim.invalid-field' as const, 'claim.missing-field' as const),
      severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const),
      line: fc.constantFrom(null, 1, 2),
      codes: fc.array(text, { maxLength: 2 }),
      message: text,
      reference: fc.constant('r'),
      field: fc.option(fc.constantFrom('', 'a', '|a|b', 'lines[0]'), { nil: undefined }),
      diagnosisIndex: fc.option(fc.constantFrom(0, 1), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 16 }), (fs) => {
        expect(dedupeFindings(fs)).toEqual(byKey(fs));
      }),
      { numRuns: 3000 },
    );
  });
});

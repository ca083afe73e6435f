/**
 * `claimlab check` writes each result line field by field (src/cli/commands/check.ts
 * `checkLine`) instead of JSON.stringify of the findingJson objects (issue 11, speed). The
 * public contract is the bytes: the writer must give exactly what JSON.stringify gives, for
 * every string a finding can carry (quotes, backslashes, control characters, lone surrogates,
 * non-ASCII), with and without a suggestion, claim-level and line findings, and for shapes the
 * types do not allow but a bug could produce (a missing message, a string line).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLine } from '../../src/cli/commands/check';
import { findingJson, type Finding } from '../../src/domain/findings';
import { shareFindings } from '../../src/domain/edits/finding-memo';

const reference = (claimId: string, findings: Finding[]) =>
  JSON.stringify({ claimId, findings: findings.map(findingJson) });

const awkward = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', '"', '\\', '\u0000\u001f', '\ud800', 'é — “x”', '</script>', '\u2028'),
);

const finding: fc.Arbitrary<Finding> = fc
  .record({
    id: fc.constantFrom('code.invalid', 'ncci.ptp', 'claim.invalid-field'),
    severity: fc.constantFrom('error', 'warning', 'info'),
    line: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 60 })),
    codes: fc.array(awkward, { maxLength: 3 }),
    message: awkward,
    reference: awkward,
    suggestion: fc.option(awkward, { nil: undefined }),
    field: fc.option(awkward, { nil: undefined }),
    diagnosisIndex: fc.option(fc.nat(12), { nil: undefined }),
  })
  .map((f) => {
    const out = { ...f } as Finding;
    for (const k of ['suggestion', 'field', 'diagnosisIndex'] as const)
      if (out[k] === undefined) delete out[k];
    return out;
  });

describe('check output line', () => {
  it('is byte for byte JSON.stringify of the findingJson objects', () => {
    fc.assert(
      fc.property(awkward, fc.array(finding, { maxLength: 6 }), (id, fs) => {
        expect(checkLine(id, fs)).toBe(reference(id, fs));
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  it('repeated references (memoised JSON) stay exact across claims', () => {
    const f: Finding = {
      id: 'code.list-gap',
      severity: 'info',
      line: null,
      codes: ['99213'],
      message: 'm "q"',
      reference: 'CMS Pub. 100-04 ch. 23 §20.7 "x"\n',
    };
    for (let i = 0; i < 5000; i++) {
      const g = { ...f, reference: `${f.reference}${i % 7}` };
      expect(checkLine(`C${i}`, [f, g])).toBe(reference(`C${i}`, [f, g]));
    }
  });

  it('a shared finding (memoised text, edits/finding-memo.ts) is written like any other', () => {
    fc.assert(
      fc.property(awkward, fc.array(finding, { maxLength: 6 }), (id, fs) => {
        shareFindings(fs);
        expect(checkLine(id, fs)).toBe(reference(id, fs));
        expect(checkLine(id, fs)).toBe(reference(id, fs));
      }),
      { numRuns: 500, seed: 12 },
    );
  });

  it('an unexpected shape is still what JSON.stringify prints', () => {
    const odd = [
      { id: 'code.invalid', severity: 'error', line: '3', codes: [], message: 'x', reference: 'r' },
      { id: 'code.invalid', severity: 'error', line: null, codes: [], reference: 'r' },
      { id: 'code.invalid', severity: 'error', line: NaN, codes: [], message: 'x', reference: 'r' },
      {
        id: 'code.invalid',
        severity: 'error',
        line: 2,
        codes: [],
        message: 'x',
        reference: 'r',
        suggestion: null,
      },
    ] as unknown as Finding[];
    for (const f of odd) expect(checkLine('c', [f])).toBe(reference('c', [f]));
    expect(checkLine(undefined as unknown as string, [])).toBe(
      reference(undefined as unknown as string, []),
    );
  });
});

/**
 * `claimlab adjudicate` prints each remittance with remittanceText (src/domain/payer/remittance/
 * remittance.ts), which reuses each finding's JSON text across claims instead of
 * JSON.stringify(remittanceJson(r)) (issue 11, speed). The contract is the bytes: it must give
 * exactly what JSON.stringify gives, for every string a finding can carry, for findings that share
 * a message but differ in another field (id, severity, line, codes, reference, suggestion), for a
 * finding whose codes array changes after it was printed, and for shapes the types do not allow.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/domain/findings';
import {
  remittanceJson,
  remittanceText,
  type Remittance,
} from '../../src/domain/payer/remittance/remittance';
import { claim, line, run } from './helpers';

const reference = (r: Remittance) => JSON.stringify(remittanceJson(r));

const awkward = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', '"', '\\', '\u0000\u001f', '\ud800', 'é — “x”', '§20.7', '\u2028', 'same'),
);

const finding: fc.Arbitrary<Finding> = fc
  .record({
    id: fc.constantFrom('code.invalid', 'ncci.ptp', 'code.list-gap'),
    severity: fc.constantFrom('error', 'warning', 'info'),
    line: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 3 })),
    codes: fc.array(fc.constantFrom('99213', '20610', 'same', ''), { maxLength: 3 }),
    // Few messages, so that findings differing only in another field share one.
    message: fc.oneof(fc.constantFrom('same', 'other "q"', 'm §'), awkward),
    reference: fc.oneof(fc.constantFrom('r', 'CMS §20.7'), awkward),
    suggestion: fc.option(fc.oneof(fc.constant('s'), awkward), { nil: undefined }),
  })
  .map((f) => {
    const out = { ...f } as Finding;
    if (out.suggestion === undefined) delete out.suggestion;
    return out;
  });

/** A real remittance (lines, pricing, adjustments) to hang the findings on. */
const base = run(claim([line('99213', '120.00'), line('20610', '200.00')])).r;

describe('remittance text', () => {
  it('is byte for byte JSON.stringify(remittanceJson) for real remittances', () => {
    const claims = [
      claim([line('99213', '120.00')]),
      claim([line('99214', '150.00'), line('99213', '120.00')], { payerId: 'medicaid' }),
      claim([line('20610', '200.00', { modifiers: ['25'] })], { payerId: 'commercial-ppo' }),
      claim([line('99213', '120.00')], { frequency: '8', originalClaimId: 'X1' }),
    ];
    for (const c of claims) {
      const { r } = run(c);
      expect(remittanceText(r)).toBe(reference(r));
      expect(remittanceText(r)).toBe(reference(r)); // again: from the kept texts
    }
  });

  it('reused finding texts stay exact whatever findings follow (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 6 }), (fs) => {
        const r = { ...base, findings: fs };
        expect(remittanceText(r)).toBe(reference(r));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('a finding changed after it was printed is printed as it is now', () => {
    const f: Finding = {
      id: 'code.list-gap',
      severity: 'info',
      line: null,
      codes: ['99213'],
      message: 'm',
      reference: 'r',
    };
    const r = { ...base, findings: [f] };
    expect(remittanceText(r)).toBe(reference(r));
    f.codes.push('20610');
    expect(remittanceText(r)).toBe(reference(r));
    const g = { ...f, severity: 'error' as const };
    expect(remittanceText({ ...base, findings: [f, g] })).toBe(
      reference({ ...base, findings: [f, g] }),
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
        codes: [{ a: 1 }],
        message: 'x',
        reference: 'r',
      },
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
    for (let i = 0; i < 3; i++) {
      const r = { ...base, findings: odd };
      expect(remittanceText(r)).toBe(reference(r));
    }
    const obj = { a: 1 };
    const withObj = [{ ...odd[0]!, line: 1, codes: [obj] }] as unknown as Finding[];
    expect(remittanceText({ ...base, findings: withObj })).toBe(
      reference({ ...base, findings: withObj }),
    );
    obj.a = 2;
    expect(remittanceText({ ...base, findings: withObj })).toBe(
      reference({ ...base, findings: withObj }),
    );
  });
});

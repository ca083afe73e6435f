/**
 * Engine-level behaviour: findings ordered claim-level first then by line, deterministic;
 * bad input never throws (property test); the small helpers each family relies on.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { curatedNcci } from '../../src/codesets/ncci/curated';
import { parseClaim } from '../../src/domain/claim/parse';
import { FINDING_IDS } from '../../src/domain/findings';
import { checkClaim, scrub, type EditContext } from '../../src/domain/edits/index';
import { noteTargets } from '../../src/domain/edits/note-targets';
import { ptpBypassed } from '../../src/domain/edits/ncci';
import { dxPatternTarget } from '../../src/domain/edits/policy';
import type { ClaimLine } from '../../src/domain/claim/claim';
import { cents } from '../../src/domain/money';
import { testCatalog } from './support/catalog';

const ctx: EditContext = { catalog: testCatalog(), ncci: curatedNcci() };
const messy = {
  claimId: 'M',
  payerId: 'medicare',
  patient: { sex: 'M', birthDate: '1960-05-01' },
  provider: { npi: '1234567890', pos: '11' },
  serviceDate: '2026-03-02',
  diagnoses: ['F02.80', 'G30.9', 'E11.99', 'N40.0'],
  lines: [
    { code: '99213', units: 2, dxPointers: [1], charge: '120.00' },
    { code: '20610', modifiers: ['ZZ'], units: 1, dxPointers: [7], charge: '90.00' },
  ],
};

describe('scrub', () => {
  it('orders claim-level findings first, then by line, the same way every time', () => {
    const a = checkClaim(messy, ctx).findings;
    const lines = a.map((f) => f.line ?? 0);
    expect(lines).toEqual([...lines].sort((x, y) => x - y));
    expect(a.some((f) => f.line === null)).toBe(true);
    expect(a.some((f) => f.line === 2)).toBe(true);
    expect(checkClaim(messy, ctx).findings).toEqual(a);
  });

  it('gives every finding a registered id, a severity, a message and a reference', () => {
    for (const f of checkClaim(messy, ctx).findings) {
      expect(Object.keys(FINDING_IDS)).toContain(f.id);
      expect(['error', 'warning', 'info']).toContain(f.severity);
      expect(f.reference).not.toBe('');
    }
  });

  it('never throws on arbitrary JSON and reports only registered ids', () => {
    const code = fc.constantFrom(
      'E11.9',
      'e119',
      'W21.89A',
      'S52.521',
      'XYZ',
      '',
      'I10',
      'Z34.00',
      'F02.80',
    );
    const proc = fc.constantFrom('99213', '20610', '11055', '99999', 'abc', '', '36415');
    const line = fc.record(
      {
        code: fc.oneof(proc, fc.anything()),
        modifiers: fc.oneof(
          fc.array(fc.constantFrom('25', '59', 'RT', 'LT', 'ZZ', '5', 'GA')),
          fc.anything(),
        ),
        units: fc.oneof(fc.integer({ min: -2, max: 20 }), fc.anything()),
        dxPointers: fc.oneof(fc.array(fc.integer({ min: -1, max: 14 })), fc.anything()),
        charge: fc.oneof(fc.constantFrom('120.00', '0', '-5', 'x'), fc.anything()),
        serviceDate: fc.constantFrom('2026-03-02', '2021-03-01', 'nope'),
      },
      { requiredKeys: [] },
    );
    const claim = fc.record(
      {
        payerId: fc.constantFrom('medicare', ''),
        patient: fc.oneof(
          fc.record({
            sex: fc.constantFrom('F', 'M', 'U', 'Q'),
            birthDate: fc.constantFrom('1960-05-01', '2026-01-01', 'x'),
          }),
          fc.anything(),
        ),
        provider: fc.oneof(
          fc.record({ npi: fc.constantFrom('1234567893', '1'), pos: fc.constantFrom('11', 'x') }),
          fc.anything(),
        ),
        serviceDate: fc.constantFrom('2026-03-02', '2021-03-02', '2019-01-01', '2026-02-30', ''),
        diagnoses: fc.oneof(
          fc.array(fc.oneof(code, fc.anything()), { maxLength: 14 }),
          fc.anything(),
        ),
        lines: fc.oneof(fc.array(line, { maxLength: 5 }), fc.anything()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(claim, fc.anything()), (input) => {
        const { findings } = checkClaim(input, ctx);
        for (const f of findings) expect(f.id in FINDING_IDS).toBe(true);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('reports a family that fails as a claim-level finding instead of throwing', () => {
    const broken: EditContext = {
      ...ctx,
      catalog: {
        ...ctx.catalog,
        procedure: () => {
          throw new Error('bundle corrupt');
        },
      },
    };
    const f = scrub(parseClaim(messy).claim, broken);
    expect(f.find((x) => x.message.includes('bundle corrupt'))).toMatchObject({ line: null });
  });
});

describe('helpers', () => {
  const line = (code: string, modifiers: string[] = []): ClaimLine => ({
    code,
    modifiers,
    units: 1,
    dxPointers: [1],
    charge: cents(100),
  });

  it('PTP bypass: 25 on the E/M; 59/X on either procedure; different sides only', () => {
    expect(ptpBypassed(line('99213', ['25']), line('20610'))).toBe('25 on 99213');
    expect(ptpBypassed(line('20610'), line('99213', ['25']))).toBe('25 on 99213');
    expect(ptpBypassed(line('99213', ['59']), line('20610'))).toBeNull();
    expect(ptpBypassed(line('20610', ['25']), line('99213'))).toBeNull();
    expect(ptpBypassed(line('97110', ['XU']), line('97140'))).toBe('XU on 97110');
    expect(ptpBypassed(line('20605', ['RT']), line('20610', ['LT']))).toBe('RT vs LT');
    expect(ptpBypassed(line('20605', ['RT']), line('20610', ['RT']))).toBeNull();
    expect(ptpBypassed(line('20605', ['RT']), line('20610'))).toBeNull();
  });

  it('PTP bypass for an E/M: 57 only before a 090-day surgery; 24/58/78/79 on the procedure never', () => {
    // 57 (decision for surgery) is for major (090-day) procedures; 20610 is a 000-day one.
    expect(ptpBypassed(line('99213', ['57']), line('20610'))).toBeNull();
    expect(ptpBypassed(line('20610'), line('99213', ['57']))).toBeNull();
    const glob = (c: string) => ({ '27447': '090', '20610': '000' })[c];
    expect(ptpBypassed(line('99213', ['57']), line('20610'), glob)).toBeNull();
    expect(ptpBypassed(line('99213', ['57']), line('27447'), glob)).toBe('57 on 99213');
    expect(ptpBypassed(line('99213', ['25']), line('27447'), glob)).toBeNull();
    expect(ptpBypassed(line('99213', ['25']), line('20610'), glob)).toBe('25 on 99213');
    for (const m of ['24', '58', '78', '79'])
      expect(ptpBypassed(line('99213'), line('20610', [m])), m).toBeNull();
    // 58/78/79 still bypass a procedure-to-procedure pair.
    expect(ptpBypassed(line('11055'), line('11720', ['79']))).toBe('79 on 11720');
  });

  it('reads plain code references from a note without parsed targets', () => {
    const n = {
      kind: 'excludes1' as const,
      text: 'diabetes (E08-E13), neonatal (P70.2) and type 1 (E10.-)',
      at: 'R73',
      source: 'FY2021',
    };
    expect(noteTargets(n)).toEqual([
      { from: 'E08', to: 'E13' },
      { from: 'P702', to: 'P702' },
      { from: 'E10', to: 'E10' },
    ]);
    expect(noteTargets({ ...n, text: 'code to identify the organism' })).toEqual([]);
  });

  it('turns payer diagnosis patterns into prefix ranges', () => {
    expect(dxPatternTarget('E08-E13')).toEqual({ from: 'E08', to: 'E13' });
    expect(dxPatternTarget('N18.1-N18.6')).toEqual({ from: 'N181', to: 'N186' });
    expect(dxPatternTarget('z79.4')).toEqual({ from: 'Z794', to: 'Z794' });
  });
});

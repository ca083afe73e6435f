import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { displayMoney, formatMoney, mulRound, parseMoney } from '../../src/domain/money';
import {
  remittanceAmounts,
  remittanceLineJsonSchema,
} from '../../src/domain/payer/remittance/remittance-json';

describe('money', () => {
  it('parses decimal strings to cents and rejects non-money', () => {
    expect(parseMoney('120.00')).toBe(12000);
    expect(parseMoney('120.5')).toBe(12050);
    expect(parseMoney('$7')).toBe(700);
    expect(parseMoney(0.1 + 0.2)).toBe(30);
    expect(parseMoney('12.345')).toBeNull();
    expect(parseMoney('abc')).toBeNull();
    expect(parseMoney(null)).toBeNull();
  });
  it('formats cents', () => {
    expect(formatMoney(12345)).toBe('123.45');
    expect(formatMoney(-5)).toBe('-0.05');
    expect(displayMoney(123456)).toBe('$1,234.56');
  });
  it('rounds half away from zero to the cent', () => {
    expect(mulRound(1001, 0.5)).toBe(501);
    expect(mulRound(-1001, 0.5)).toBe(-501);
  });
});

describe('money past the JSON boundary', () => {
  it('groups every thousand in displayMoney', () => {
    expect(displayMoney(123456789)).toBe('$1,234,567.89');
    expect(displayMoney(-100000000)).toBe('-$1,000,000.00');
    expect(displayMoney(99999)).toBe('$999.99');
    expect(displayMoney(100000)).toBe('$1,000.00');
  });

  it('parses remittance amounts once, naming an unreadable one instead of showing $0.00', () => {
    const line = {
      line: 1,
      code: '99213',
      billed: '120.00',
      allowed: '90.00',
      paid: '72.00',
      adjustments: [{ group: 'CO' as const, carc: '45', amount: '30.00' }],
      remarks: [],
    };
    const totals = {
      billed: '120.00',
      allowed: '90.00',
      paid: '72.00',
      patientResponsibility: '18.00',
    };
    const ok = remittanceAmounts({ lines: [line], totals });
    expect(ok.ok && ok.value.lines[0]!.adjustments[0]!.amount).toBe(3000);
    expect(ok.ok && ok.value.totals.patientResponsibility).toBe(1800);
    const bad = remittanceAmounts({ lines: [{ ...line, paid: 'abc' }], totals });
    expect(bad).toEqual({
      ok: false,
      errors: [{ path: 'lines[0].paid', message: 'lines[0].paid: "abc" is not an amount' }],
    });
  });

  it('rejects at the JSON schema an amount parseMoney cannot read', () => {
    const r = remittanceLineJsonSchema.safeParse({
      line: 1,
      code: '99213',
      billed: '12345678901.00',
      allowed: '0.00',
      paid: '0.00',
      adjustments: [],
      remarks: [],
    });
    expect(r.success).toBe(false);
  });
});

describe('parseMoney fast path (issue 11 speed)', () => {
  // The regular-expression reading parseMoney had before its digit-by-digit fast path.
  const reference = (raw: string): number | null => {
    const s = raw.trim().replace(/^\$/, '');
    if (!/^-?\d{1,9}(\.\d{1,2})?$/.test(s)) return null;
    const neg = s.startsWith('-');
    const [whole = '0', frac = ''] = (neg ? s.slice(1) : s).split('.');
    const v = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
    return neg ? -v : v;
  };
  it('reads every string as the regular expressions do', () => {
    const text = fc.oneof(
      fc.stringMatching(/^[-$ ]?\d{0,11}\.?\d{0,3} ?$/),
      fc.string({ unit: fc.constantFrom('0', '9', '.', '-', '$', ' ', '/', ':', 'a') }),
    );
    fc.assert(
      fc.property(text, (s) => {
        expect(parseMoney(s)).toBe(reference(s));
      }),
      { numRuns: 20_000, seed: 11 },
    );
    for (const s of ['0.00', '999999999.99', '1234567890.00', '12.3.4', '.123', '1/.00', '12:00'])
      expect(parseMoney(s)).toBe(reference(s));
  });
});

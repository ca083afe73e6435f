import { describe, expect, it } from 'vitest';
import { displayMoney, formatMoney, mulRound, parseMoney } from '../../src/domain/money';

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

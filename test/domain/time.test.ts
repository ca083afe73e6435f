import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dayOfYear,
  daysBetween,
  isIsoDate,
  parseIsoDate,
} from '../../src/domain/time/dates';
import { plusDays, plusMonths, dayOfYear as memoDayOfYear } from '../../src/domain/time/calendar';
import { SimulatedClock } from '../../src/domain/time/clock';
import { isoDateSchema } from '../../src/domain/time/schema';

describe('ISO dates', () => {
  it('accepts calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-02-30')).toBe(false);
    expect(isIsoDate('2025-2-3')).toBe(false);
    expect(isIsoDate('2025-02-03T00:00:00Z')).toBe(false);
    expect(isIsoDate(20250203)).toBe(false);
    expect(isIsoDate(undefined)).toBe(false);
  });

  it('parses at a boundary with a problem naming the field', () => {
    expect(parseIsoDate('2026-03-02', 'serviceDate')).toEqual({ ok: true, value: '2026-03-02' });
    expect(parseIsoDate('03/02/2026', 'serviceDate')).toEqual({
      ok: false,
      errors: [
        { path: 'serviceDate', message: '"03/02/2026" is not a date in the form YYYY-MM-DD' },
      ],
    });
    expect(isoDateSchema('bad date').safeParse('2025-02-30').error?.issues[0]?.message).toBe(
      'bad date',
    );
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-03-02', 14)).toBe('2026-03-16');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-03-02', '2026-03-16')).toBe(14);
    expect(daysBetween('2026-03-16', '2026-03-02')).toBe(-14);
    expect(dayOfYear('2024-12-31')).toBe(366);
    expect(dayOfYear('2026-01-01')).toBe(1);
  });

  it('refuses arithmetic on a string that is not a date, naming it', () => {
    expect(() => addDays('not-a-date', 1)).toThrow(/"not-a-date" is not a date/);
    expect(() => addMonths('2025-02-30', 1)).toThrow(RangeError);
    expect(() => daysBetween('2026-03-02', '')).toThrow(RangeError);
  });

  it('gives the same answers memoised as not', () => {
    for (const d of ['2024-02-29', '2025-01-31', '2026-03-02']) {
      expect(plusDays(d, 90)).toBe(addDays(d, 90));
      expect(plusDays(d, 90)).toBe(addDays(d, 90));
      expect(plusMonths(d, 12)).toBe(addMonths(d, 12));
      expect(memoDayOfYear(d)).toBe(dayOfYear(d));
    }
    expect(() => plusDays('2025-13-01', 1)).toThrow(RangeError);
  });
});

describe('SimulatedClock', () => {
  it('moves only when advanced', () => {
    const clock = new SimulatedClock('2026-03-02');
    expect(clock.today()).toBe('2026-03-02');
    expect(clock.now()).toBe('2026-03-02T00:00:00.000Z');
    clock.advance(14);
    expect(clock.today()).toBe('2026-03-16');
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => new SimulatedClock('2026-02-30')).toThrow(/2026-02-30/);
  });
});

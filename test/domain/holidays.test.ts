/**
 * US federal holidays as observed (5 U.S.C. 6103; Executive Order 11582: Saturday → Friday,
 * Sunday → Monday), Juneteenth from 2021 (Pub. L. 117-17), and the business-day roll an appeal
 * deadline takes when the payer's rule says so (Pub. 100-04 ch. 1 §70.7). Expected dates are
 * OPM's published federal holiday calendars.
 */
import { describe, expect, it } from 'vitest';
import {
  federalHolidayOn,
  federalHolidays,
  isBusinessDay,
  nextBusinessDay,
  weekday,
} from '../../src/domain/time/holidays';
import { appealDeadline } from '../../src/machines/appeal-deadline';

const dates = (y: number) => federalHolidays(y).map((h) => h.date);

describe('federal holidays (observed dates, OPM calendars)', () => {
  it('2021: Juneteenth first observed Friday June 18; Saturday Christmas and New Year on Fridays', () => {
    expect(dates(2021)).toEqual([
      '2021-01-01',
      '2021-01-18',
      '2021-02-15',
      '2021-05-31',
      '2021-06-18',
      '2021-07-05',
      '2021-09-06',
      '2021-10-11',
      '2021-11-11',
      '2021-11-25',
      '2021-12-24',
      '2021-12-31',
    ]);
    expect(federalHolidayOn('2021-12-31')?.name).toBe('New Year’s Day (observed)');
    expect(federalHolidayOn('2021-12-31')?.actual).toBe('2022-01-01');
  });

  it('2022: no New Year holiday in January (observed in 2021); Sunday holidays on Monday', () => {
    const d = dates(2022);
    expect(d[0]).toBe('2022-01-17');
    expect(d).toContain('2022-06-20');
    expect(d).toContain('2022-12-26');
    expect(d).toHaveLength(10);
  });

  it('2026: Independence Day (a Saturday) observed Friday July 3', () => {
    expect(dates(2026)).toEqual([
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-05-25',
      '2026-06-19',
      '2026-07-03',
      '2026-09-07',
      '2026-10-12',
      '2026-11-11',
      '2026-11-26',
      '2026-12-25',
    ]);
    expect(federalHolidayOn('2026-07-03')?.name).toBe('Independence Day (observed)');
    expect(federalHolidayOn('2026-07-04')).toBeNull();
  });

  it('no Juneteenth before 2021; no Martin Luther King day before 1986', () => {
    expect(federalHolidays(2020).some((h) => h.name.startsWith('Juneteenth'))).toBe(false);
    expect(federalHolidays(2020)).toHaveLength(10);
    expect(federalHolidays(1985).some((h) => h.name.includes('King'))).toBe(false);
    expect(dates(1986)).toContain('1986-01-20');
  });

  it('Monday holidays 1971–1977 (Veterans Day in October), fixed dates before', () => {
    expect(dates(1975)).toContain('1975-10-27');
    expect(dates(1975)).not.toContain('1975-11-11');
    expect(dates(1978)).toContain('1978-11-10'); // Nov 11, 1978 was a Saturday
    expect(dates(1970)).toContain('1970-02-23'); // Feb 22, 1970 a Sunday
  });

  it('business days skip weekends and observed holidays; bad input is a RangeError naming it', () => {
    expect(weekday('2026-09-07')).toBe(1);
    expect(isBusinessDay('2026-09-07')).toBe(false);
    expect(isBusinessDay('2026-09-08')).toBe(true);
    expect(nextBusinessDay('2026-07-03')).toBe('2026-07-06');
    expect(nextBusinessDay('2026-12-24')).toBe('2026-12-24');
    expect(nextBusinessDay('2021-12-24')).toBe('2021-12-27');
    expect(() => federalHolidayOn('2026-02-30')).toThrow(/"2026-02-30"/);
    expect(() => federalHolidays(0)).toThrow(RangeError);
  });
});

describe('appeal deadlines that land on a federal holiday (Medicare: next business day)', () => {
  const redetermination = {
    presumedReceiptDays: 5,
    deadlineDays: 120,
    roll: 'next-business-day' as const,
  };

  it('a deadline on Labor Day moves to Tuesday', () => {
    // 2026-05-05 + 5 + 120 = 2026-09-07, Labor Day.
    expect(appealDeadline('2026-05-05', { ...redetermination, roll: 'none' })).toBe('2026-09-07');
    expect(appealDeadline('2026-05-05', redetermination)).toBe('2026-09-08');
  });

  it('a deadline on an observed Friday holiday runs past the weekend to Monday', () => {
    // 2026-02-28 + 125 = 2026-07-03, Independence Day observed.
    expect(appealDeadline('2026-02-28', redetermination)).toBe('2026-07-06');
  });

  it('Juneteenth counts from 2021 only', () => {
    // A 60-day level: 2026-04-15 + 5 + 60 = 2026-06-19 (a Friday holiday) -> Monday 06-22.
    expect(appealDeadline('2026-04-15', { ...redetermination, deadlineDays: 60 })).toBe(
      '2026-06-22',
    );
    // 2020-06-19 was a Friday and no holiday: it stands.
    expect(appealDeadline('2020-04-15', { ...redetermination, deadlineDays: 60 })).toBe(
      '2020-06-19',
    );
  });
});

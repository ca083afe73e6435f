import { describe, expect, it } from 'vitest';
import { fiscalYearOf, mostListedServiceDate } from '../../src/state/warm-up';

describe('the case list warm-up', () => {
  it('names the fiscal year of a service date (October starts the next FY)', () => {
    expect(fiscalYearOf('2025-09-30')).toBe(2025);
    expect(fiscalYearOf('2025-10-01')).toBe(2026);
    expect(fiscalYearOf('2026-01-15')).toBe(2026);
    expect(fiscalYearOf('01/15/2026')).toBeNull();
  });

  it('warms the newest date of the fiscal year with the most cases', () => {
    const cases = [
      { serviceDate: '2020-03-01' },
      { serviceDate: '2025-11-02' },
      { serviceDate: '2026-02-10' },
      { serviceDate: '2026-01-05' },
      { serviceDate: '2020-04-01' },
    ];
    expect(mostListedServiceDate(cases)).toBe('2026-02-10');
  });

  it('breaks a tie for the later year and skips unreadable dates', () => {
    expect(
      mostListedServiceDate([
        { serviceDate: '2021-01-01' },
        { serviceDate: '2024-01-01' },
        { serviceDate: 'soon' },
        {},
      ]),
    ).toBe('2024-01-01');
    expect(mostListedServiceDate([{ serviceDate: 42 }])).toBeNull();
    expect(mostListedServiceDate([])).toBeNull();
  });
});

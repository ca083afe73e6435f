/**
 * The calendar helpers compute by arithmetic (no Date object per call: they run for every claim
 * line); this compares them with the Date-based versions they replaced over 10,000 years of
 * dates, including years 0–99 and month ends, and checks isIsoDate against the calendar.
 */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  fiscalYear,
  isIsoDate,
} from '../../src/domain/time/dates';
it('matches the Date implementation', () => {
  const ref = {
    addDays: (iso: string, days: number) => {
      const d = new Date(`${iso}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + days);
      return d.toISOString().slice(0, 10);
    },
    addMonths: (iso: string, months: number) => {
      const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
      const total = y * 12 + (m - 1) + months;
      const ty = Math.floor(total / 12);
      const tm = total - ty * 12;
      const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
      const out = new Date(Date.UTC(ty, tm, Math.min(d, last)));
      out.setUTCFullYear(ty);
      return out.toISOString().slice(0, 10);
    },
    daysBetween: (a: string, b: string) =>
      Math.round(
        (new Date(`${b}T00:00:00Z`).getTime() - new Date(`${a}T00:00:00Z`).getTime()) / 86_400_000,
      ),
  };
  let n = 0;
  for (let day = -800000; day < 3000000; day += 9973) {
    const s = new Date(day * 86400000).toISOString().slice(0, 10);
    // Years 0000–9999 only: outside them Date writes signed six-digit years, not yyyy-mm-dd
    // (and the date module refuses them as input).
    if (!isIsoDate(s)) continue;
    for (const k of [-400, -31, -1, 0, 1, 28, 365, 1461, 100000]) {
      const want = ref.addDays(s, k);
      if (!isIsoDate(want)) continue;
      expect(addDays(s, k)).toBe(want);
      n++;
    }
    for (const k of [-1200, -13, -1, 0, 1, 12, 48, 600]) {
      const want = ref.addMonths(s, k);
      if (isIsoDate(want)) expect(addMonths(s, k)).toBe(want);
    }
    expect(daysBetween('2000-02-29', s)).toBe(ref.daysBetween('2000-02-29', s));
  }
  expect(n).toBeGreaterThan(1000);
});

it('isIsoDate accepts real calendar dates only', () => {
  for (const d of ['2024-02-29', '2000-02-29', '2026-12-31', '0001-01-01'])
    expect(isIsoDate(d), d).toBe(true);
  for (const d of [
    '2026-02-29',
    '1900-02-29',
    '2026-02-30',
    '2026-04-31',
    '2026-00-10',
    '2026-13-01',
    '2026-1-01',
    ' 2026-01-01',
    '2026-01-01T00',
    20260101,
    null,
  ])
    expect(isIsoDate(d), String(d)).toBe(false);
});

it('isIsoDate answers each date on its own when dates alternate (its memo never mixes them)', () => {
  // Same last digit (same memo slot), different answers; asked in turns, several times.
  const turns: [string, boolean][] = [
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2026-03-09', true],
    ['2026-02-29', false],
    ['2026-13-09', false],
    ['2028-02-29', true],
  ];
  for (let round = 0; round < 3; round++)
    for (const [d, want] of turns) expect(isIsoDate(d), d).toBe(want);
});

describe('fiscalYear', () => {
  it('starts the next federal fiscal year in October (ICD-10-CM and MCE years)', () => {
    expect(fiscalYear('2025-09-30')).toBe(2025);
    expect(fiscalYear('2025-10-01')).toBe(2026);
    expect(fiscalYear('2024-03-01')).toBe(2024);
    expect(fiscalYear('2023-12-31')).toBe(2024);
  });
});

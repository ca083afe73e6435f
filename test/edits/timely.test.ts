/**
 * Timely filing: the deadline is the same day 12 months on, clamped to the month's last day
 * (2024-02-29 -> 2025-02-28), and counts from each line's own date of service.
 * See: 42 CFR 424.44; CMS Pub. 100-04 ch. 1 §70.1.
 */
import { describe, expect, it } from 'vitest';
import context from '../fixtures/claims/edit-context.json';
import { addMonths } from '../../src/domain/time/dates';
import { checkClaim, type PayerPolicy } from '../../src/domain/edits/index';
import { curatedNcci } from '../../src/codesets/ncci/curated';
import { testCatalog } from './support/catalog';
import { NPI, basePatient, claimInput } from '../factories';

const policy = (context.policies as unknown as Record<string, PayerPolicy>)['medicare-test']!;
const ctx = { catalog: testCatalog(), ncci: curatedNcci(), policy };
const claim = (over: Record<string, unknown>) =>
  claimInput({
    claimId: 'T',
    patient: { ...basePatient(), birthDate: '1960-05-01', memberId: 'MBI-1' },
    provider: { npi: NPI, pos: '11' },
    submissionDate: undefined,
    diagnoses: ['E11.9', 'I10', 'Z79.84'],
    lines: [{ code: '99213', units: 1, dxPointers: [1, 2], charge: '120.00' }],
    ...over,
  });
const timely = (c: unknown) => checkClaim(c, ctx).findings.filter((f) => f.id === 'filing.timely');

describe('timely filing dates', () => {
  it('adds months clamped to the last day of the month', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2023-12-31', 2)).toBe('2024-02-29');
    expect(addMonths('2026-03-02', 12)).toBe('2027-03-02');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
  });

  it('a leap-day service is late the day after 2025-02-28', () => {
    const leap = { serviceDate: '2024-02-29' };
    expect(timely(claim({ ...leap, submissionDate: '2025-02-28' }))).toEqual([]);
    const late = timely(claim({ ...leap, submissionDate: '2025-03-01' }));
    expect(late).toHaveLength(1);
    expect(late[0]?.message).toContain('last day 2025-02-28');
  });

  it("counts from each line's own date of service", () => {
    const c = claim({
      submissionDate: '2027-02-25',
      lines: [
        { code: '99213', units: 1, dxPointers: [1], charge: '120.00', serviceDate: '2026-02-20' },
        { code: '36415', units: 1, dxPointers: [1], charge: '10.00', serviceDate: '2026-03-02' },
      ],
    });
    const f = timely(c);
    expect(f.map((x) => x.line)).toEqual([1]);
    expect(f[0]?.message).toContain('2026-02-20');
  });

  it('keeps one claim-level finding when every line is on the claim date', () => {
    const f = timely(claim({ submissionDate: '2027-03-03' }));
    expect(f.map((x) => x.line)).toEqual([null]);
  });
});

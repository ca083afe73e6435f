/**
 * The diagnosis-only edit families are memoised per catalog, release and diagnosis list
 * (src/domain/edits/dx-memo.ts, issue 11 speed). The memo must never change a finding: the
 * same claim gives the same findings the first and the hundredth time, a claim on another
 * date gets its own date in the messages, another release its own verdict, and a claim that
 * reuses a list gets arrays it may change without touching the next claim's.
 * See: ICD-10-CM Official Guidelines FY2026 §I.A.3 (codes valid on the date of service).
 */
import { describe, expect, it } from 'vitest';
import { curatedNcci } from '../../src/codesets/ncci/curated';
import { checkClaim, type EditContext } from '../../src/domain/edits/index';
import { diagnosisValidity } from '../../src/domain/edits/validity';
import { parseClaim } from '../../src/domain/claim/parse';
import { claimInput } from '../factories';
import { testCatalog } from './support/catalog';

const ctx = (): EditContext => ({ catalog: testCatalog(), ncci: curatedNcci() });

describe('diagnosis-only edits, memoised', () => {
  it('the same claim gives the same findings every time', () => {
    const c = ctx();
    const input = claimInput({ diagnoses: ['E11.9', 'E11', 'I10', 'N18.30', 'Q99.9'] });
    const first = JSON.stringify(checkClaim(input, c).findings);
    expect(first).toMatch(/code\.(invalid|not-billable)/);
    for (let i = 0; i < 50; i++) expect(JSON.stringify(checkClaim(input, c).findings)).toBe(first);
  });

  it('a claim on another date names its own date, and another release its own verdict', () => {
    const c = ctx();
    const on = (serviceDate: string) =>
      diagnosisValidity(
        parseClaim(claimInput({ serviceDate, diagnoses: ['E11', 'E11.A'] })).claim,
        c.catalog,
      );
    const a = on('2026-03-02');
    const b = on('2026-03-03');
    expect(a.map((f) => f.message).join(' ')).toMatch(/2026-03-02/);
    expect(b.map((f) => f.message).join(' ')).toMatch(/2026-03-03/);
    expect(b.map((f) => f.message).join(' ')).not.toMatch(/2026-03-02/);
    // E11.A is new in FY2026: valid on a 2026 date, invalid in the FY2021 release.
    const old = on('2021-03-02');
    expect(a.some((f) => f.codes.includes('E11.A'))).toBe(false);
    expect(old.some((f) => f.codes.includes('E11.A'))).toBe(true);
  });

  it('each call gets its own list', () => {
    const c = ctx();
    const claim = parseClaim(claimInput({ diagnoses: ['E11', 'Q99.9'] })).claim;
    const first = diagnosisValidity(claim, c.catalog);
    const n = first.length;
    expect(n).toBeGreaterThan(0);
    first.length = 0;
    expect(diagnosisValidity(claim, c.catalog)).toHaveLength(n);
  });
});

/**
 * 7th characters on headers: a code that still has subdivisions shorter than 7 characters
 * (S52.5, S52.50) is not padded with X; it is a header (code.not-billable) with its children
 * suggested. Only a code complete before the 7th character (S52.501, W21.89) gets X + 7th.
 * See: ICD-10-CM Official Guidelines FY2026 §I.A.4 and §I.A.5.
 */
import { describe, expect, it } from 'vitest';
import { makeRelease } from '../../src/codesets/release-index';
import { checkSeventh } from '../../src/domain/codes/release/seventh';
import { checkIcd } from '../../src/domain/edits/validity';
import { seventhInfo } from '../../src/domain/edits/seventh';
import { testCatalog } from './support/catalog';

type Row = [string, boolean];
const ROWS: Row[] = [
  ['S52', false],
  ['S525', false],
  ['S5250', false],
  ['S52501', false],
  ['S52501A', true],
  ['S52501D', true],
  ['S52502', false],
  ['S52502A', true],
  ['W21', false],
  ['W218', false],
  ['W2189', false],
  ['W2189XA', true],
  ['W2189XD', true],
];
const release = makeRelease({
  id: 'FY2026',
  from: '2025-10-01',
  to: '2026-09-30',
  origin: 'starter',
  notesRelease: null,
  entries: ROWS.map(([code, billable]) => ({ code, billable, short: code, long: code })),
  // The tabular defines the 7th characters at the category, as it does for S52 and W21.
  seventh: {
    S52: { A: 'initial encounter for closed fracture', D: 'subsequent encounter' },
    W21: { A: 'initial encounter', D: 'subsequent encounter' },
  },
  seventhSource: 'synthetic FY2026',
});
const catalog = testCatalog();

describe('7th character on headers', () => {
  it.each(['S52.5', 'S52.50'])(
    '%s is a header: code.not-billable with its children, never padded with X',
    (code) => {
      const f = checkIcd(code, release, catalog, '2026-03-02', 0);
      expect(f?.id).toBe('code.not-billable');
      expect(f?.suggestion ?? '').not.toMatch(/X[A-Z]$|XX/);
      expect(f?.suggestion).toMatch(/S52\.50/);
      expect(seventhInfo(release, code.replace('.', ''))).toBeNull();
    },
  );

  it('does not call S52.5XXA a bad 7th character of S52.5XX (the stem does not exist)', () => {
    const f = checkIcd('S52.5XXA', release, catalog, '2026-03-02', 0);
    expect(f?.id).toBe('code.invalid');
    expect(f?.suggestion ?? '').not.toContain('XXA');
  });

  it('still asks for the 7th character of a complete code, with X where it is short', () => {
    expect(checkIcd('S52.501', release, catalog, '2026-03-02', 0)).toMatchObject({
      id: 'code.seventh-character',
      suggestion: 'S52.501A',
    });
    expect(checkIcd('W21.89', release, catalog, '2026-03-02', 0)).toMatchObject({
      id: 'code.seventh-character',
      suggestion: 'W21.89XA',
    });
  });

  it('the starter S52.5 (children S52.52…) is a header too', () => {
    const r = catalog.icd10('2026-03-02');
    if (!r.ok) throw new Error('no release');
    expect(checkIcd('S52.5', r.value, catalog, '2026-03-02', 0)?.id).toBe('code.not-billable');
  });

  it('checkSeventh (encoder) agrees: header for S52.5 and S52.50, missing for S52.501', () => {
    expect(checkSeventh(release, 'S52.5')).toMatchObject({ kind: 'header' });
    expect(checkSeventh(release, 'S52.50')).toMatchObject({ kind: 'header' });
    expect(checkSeventh(release, 'S52.501')).toMatchObject({
      kind: 'missing',
      suggestion: ['S52.501A', 'S52.501D'],
    });
    expect(checkSeventh(release, 'W21.89')).toMatchObject({
      kind: 'missing',
      suggestion: ['W21.89XA', 'W21.89XD'],
    });
  });
});

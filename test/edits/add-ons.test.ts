/**
 * Add-on codes (code.add-on-without-primary) and Medicare's G2211 modifier-25 rule
 * (coverage.add-on-not-payable), run inside scrub so `check` reports them.
 */
import { describe, expect, it } from 'vitest';
import { checkClaim } from '../../src/domain/edits/index';
import { ADD_ON_PAY_RULES, ADD_ON_RULES } from '../../src/domain/edits/add-on-rules';
import { curatedNcci } from '../../src/codesets/ncci/curated';
import { testCatalog } from './support/catalog';
import { NPI, basePatient, claimInput } from '../factories';

const ctx = { catalog: testCatalog(), ncci: curatedNcci() };
type Line = { code: string; modifiers?: string[] };
const ids = (lines: Line[], serviceDate = '2026-03-02') =>
  checkClaim(
    claimInput({
      claimId: 'A',
      patient: { ...basePatient(), birthDate: '1960-05-01', memberId: 'MBI-1' },
      provider: { npi: NPI, pos: '11' },
      serviceDate,
      submissionDate: undefined,
      diagnoses: ['E11.9', 'I10', 'Z79.84'],
      lines: lines.map((l) => ({ units: 1, dxPointers: [1], charge: '50.00', ...l })),
    }),
    ctx,
  )
    .findings.filter(
      (f) => f.id === 'code.add-on-without-primary' || f.id === 'coverage.add-on-not-payable',
    )
    .map((f) => `${f.id}@${f.line}`);

describe('add-on codes', () => {
  it('dated rules with a source and at least one primary', () => {
    for (const r of [...ADD_ON_RULES, ...ADD_ON_PAY_RULES]) {
      expect(r.effective).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.terminated === null || r.effective <= r.terminated).toBe(true);
      expect(r.primaries.length).toBeGreaterThan(0);
      expect(r.source.length).toBeGreaterThan(10);
    }
  });

  it('needs a primary on the same claim and date', () => {
    expect(ids([{ code: 'G2211' }])).toEqual(['code.add-on-without-primary@1']);
    expect(ids([{ code: '99214' }, { code: 'G2211' }])).toEqual([]);
    expect(ids([{ code: '99417' }, { code: '99214' }])).toEqual(['code.add-on-without-primary@1']);
    expect(ids([{ code: '99215' }, { code: '99417' }])).toEqual([]);
    expect(ids([{ code: '90472' }])).toEqual(['code.add-on-without-primary@1']);
    expect(ids([{ code: '90471' }, { code: '90472' }])).toEqual([]);
    expect(ids([{ code: '90460' }, { code: '90472' }])).toEqual([]);
  });

  it('G2211 is not payable with a modifier-25 visit unless the other service is an excepted one', () => {
    const em25 = { code: '99213', modifiers: ['25'] };
    expect(ids([em25, { code: 'G2211' }, { code: '11055' }])).toEqual([
      'coverage.add-on-not-payable@2',
    ]);
    expect(ids([em25, { code: 'G2211' }, { code: 'G0008' }])).toEqual([]);
    expect(ids([em25, { code: 'G2211' }, { code: '90471' }])).toEqual([]);
    expect(ids([{ code: 'G0439' }, em25, { code: 'G2211' }])).toEqual([]);
    // 2024: before the CY2025 exception, no exception at all.
    expect(ids([{ code: 'G0439' }, em25, { code: 'G2211' }], '2024-06-03')).toEqual([
      'coverage.add-on-not-payable@3',
    ]);
  });
});

/**
 * Mid-year ICD-10-CM updates count: a code a January or April update added is invalid before
 * its effective date, and a code the update turned into a header was billable until then.
 * See: issue 10 "Mid-year ICD-10-CM updates count"; src/codesets/icd/midyear.ts. The official
 * part skips without codesets/build and ../shared/reference (run `codesets build`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOfficialCatalog } from '../../src/codesets/load-node';
import { MID_YEAR_UPDATES } from '../../src/codesets/icd/midyear';
import { parseAddenda } from '../../src/codesets/icd/addenda';
import { lookupCode } from '../../src/domain/codes/release/lookup';
import { checkClaim } from '../../src/domain/edits/index';
import { curatedNcci } from '../../src/codesets/ncci/curated';
import { NPI, basePatient, claimInput, lineInput } from '../factories';

const BUILD = join(__dirname, '../../codesets/build');
const REF = join(__dirname, '../../../shared/reference/icd10cm');
const has = existsSync(join(BUILD, 'icd10cm-fy2021.txt.gz')) && existsSync(REF);
if (!has)
  console.warn('[mid-year] no FY2021 bundle or reference folder: skipped (run `codesets build`).');

describe.skipIf(!has)('mid-year ICD-10-CM updates', () => {
  const cat = loadOfficialCatalog(BUILD)!;
  const dxFindings = (date: string, dx: string[]) =>
    checkClaim(
      claimInput({
        claimId: 'MY-1',
        patient: { ...basePatient(), sex: 'M', birthDate: '1950-01-01' },
        provider: { npi: NPI, pos: '11' },
        serviceDate: date,
        submissionDate: date,
        diagnoses: dx,
        lines: [lineInput('99213', '90.00')],
      }),
      { catalog: cat, ncci: curatedNcci() },
    ).findings.filter((f) => f.id.startsWith('code.') && f.id !== 'code.list-gap'); // diagnoses only

  it('every listed code is in its release and not among its October additions', () => {
    const text = readFileSync(join(REF, 'fy2021/icd10cm_codes_addenda_2021.txt'), 'utf8');
    const r = parseAddenda(text, 'addenda');
    const october = new Set(r.ok ? r.value.filter((e) => e.kind === 'add').map((e) => e.code) : []);
    expect(october.size).toBeGreaterThan(400);
    for (const u of MID_YEAR_UPDATES.filter((x) => x.release === 'FY2021')) {
      const rel = cat.release(u.release);
      expect(rel.ok).toBe(true);
      for (const c of u.codes) {
        expect(rel.ok && rel.value.get(c)?.billable, c).toBe(true);
        expect(october.has(c), c).toBe(false);
      }
      for (const c of u.becameHeaders) expect(rel.ok && rel.value.get(c)?.billable, c).toBe(false);
    }
  });

  it('a code of the January 2021 update is invalid in December 2020, valid in January', () => {
    const dec = dxFindings('2020-12-15', ['Z20.822']);
    expect(dec.map((f) => [f.id, f.severity])).toEqual([['code.invalid', 'error']]);
    expect(dec[0]!.message).toMatch(/mid-year update added it to FY2021, effective 2021-01-01/);
    expect(dxFindings('2021-01-04', ['Z20.822'])).toEqual([]);
  });

  it('a code the update turned into a header was billable before it', () => {
    expect(dxFindings('2020-12-15', ['M35.8'])).toEqual([]);
    expect(dxFindings('2021-02-01', ['M35.8']).map((f) => f.id)).toEqual(['code.not-billable']);
  });

  // See: CDC/NCHS ICD-10-CM April 1, 2023 update (42 codes added, 7 deleted, effective
  // 2023-04-01); ICD-10-CM Official Guidelines §I.A (codes valid for the date of service).
  const has23 =
    existsSync(join(BUILD, 'icd10cm-fy2023.txt.gz')) &&
    existsSync(join(BUILD, 'icd10cm-fy2026.txt.gz'));
  it.skipIf(!has23)('the April 2023 table agrees with the files: 42 codes, 7 made headers', () => {
    const u = MID_YEAR_UPDATES.find((x) => x.release === 'FY2023')!;
    expect(u.basis).toBe('curated');
    expect(u.source).toMatch(/CDC\/NCHS/);
    const oct22 = cat.release('FY2023');
    const fy26 = cat.release('FY2026');
    expect(oct22.ok && fy26.ok).toBe(true);
    if (!oct22.ok || !fy26.ok) return;
    const text = readFileSync(join(REF, 'fy2026/icd10cm-codes-addenda-2026.txt'), 'utf8');
    const r = parseAddenda(text, 'addenda');
    const october25 = new Set(
      r.ok ? r.value.filter((e) => e.kind === 'add').map((e) => e.code) : [],
    );
    for (const c of u.codes) {
      expect(oct22.value.get(c), `${c} not in the October 2022 tabular`).toBeUndefined();
      expect(fy26.value.get(c), `${c} in the FY2026 order file`).toBeDefined();
      expect(october25.has(c), c).toBe(false);
    }
    expect(u.codes.filter((c) => fy26.value.get(c)?.billable)).toHaveLength(42);
    for (const c of u.becameHeaders) {
      expect(oct22.value.get(c)?.billable, c).toBe(true);
      expect(fy26.value.get(c)?.billable, c).toBe(false);
    }
    expect(u.becameHeaders).toHaveLength(7);
  });

  it.skipIf(!has23)(
    'a code of the April 2023 update is invalid in March 2023, valid from April',
    () => {
      const mar = dxFindings('2023-03-15', ['Z55.6']);
      expect(mar.map((f) => [f.id, f.severity])).toEqual([['code.invalid', 'error']]);
      expect(mar[0]!.message).toMatch(/mid-year update added it to FY2023, effective 2023-04-01/);
      expect(mar[0]!.reference).toMatch(/curated from CDC\/NCHS, ICD-10-CM April 1, 2023 update/);
      expect(dxFindings('2023-04-03', ['Z55.6'])).toEqual([]);
      expect(dxFindings('2023-06-01', ['T74.A1XA', 'Y07.44'])).toEqual([]);
      expect(dxFindings('2023-06-01', ['T74.A1']).map((f) => f.id)).toEqual([
        'code.seventh-character',
      ]);
    },
  );

  it.skipIf(!has23)('a code the April 2023 update made a header was billable until then', () => {
    expect(dxFindings('2023-03-15', ['Z59.1'])).toEqual([]);
    const after = dxFindings('2023-05-15', ['Z59.1']);
    expect(after.map((f) => f.id)).toEqual(['code.not-billable']);
    expect(after[0]!.suggestion).toMatch(/Z59\.10/);
  });

  it.skipIf(!has23)('codes lookup says a code is not valid before its mid-year date', () => {
    const rel = cat.icd10('2023-03-01');
    expect(rel.ok).toBe(true);
    if (!rel.ok) return;
    const before = lookupCode(rel.value, 'Z55.6', '2023-03-01');
    expect([before.exists, before.billable]).toEqual([true, false]);
    expect(before.midYear).toMatchObject({ kind: 'added', effective: '2023-04-01' });
    expect(lookupCode(rel.value, 'Z55.6', '2023-04-03').billable).toBe(true);
    expect(lookupCode(rel.value, 'Z59.1', '2023-03-01').billable).toBe(true);
    expect(lookupCode(rel.value, 'Z59.1', '2023-04-03').billable).toBe(false);
  });
});

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
    ).findings.filter((f) => f.id.startsWith('code.'));

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
});

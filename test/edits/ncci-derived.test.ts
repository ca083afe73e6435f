/**
 * MUEs and add-on code edits from the derived 2026 NCCI JSON (issue 10): practitioner MUEs
 * effective 2026-04-01 (the JSON's 2026-03-31 is a conversion slip; the CMS file name says
 * Eff_04-01-2026), type 1 add-on code edits as add-on rules, curated rules kept only where no
 * file covers the code. See: CMS NCCI MUE and add-on code edit pages; src/codesets/ncci/derived.ts.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDerivedAoc, parseDerivedMue, withFileAddOns } from '../../src/codesets/ncci/derived';
import { importNcciWithAddOns } from '../../src/codesets/ncci/import-node';
import { ADD_ON_RULES } from '../../src/domain/edits/add-on-rules';
import { checkClaim } from '../../src/domain/edits/index';
import { testCatalog } from './support/catalog';
import { NPI, basePatient, claimInput, lineInput } from '../factories';

const MUE = JSON.stringify([
  {
    code: '99213',
    mue_value: 2,
    effective_date: '2026-03-31',
    description: '3 Date of Service Edit: Clinical|Clinical: Data',
    source_file: 'MCR_MUE_PractitionerServices_Eff_04-01-2026.csv',
  },
]);
const AOC = JSON.stringify([
  {
    code1: '17003',
    code2: '17000',
    edit_type: 'AOC',
    effective_date: '2013-04-01',
    end_date: '',
    modifier: '1',
  },
  {
    code1: '0054T',
    code2: 'CCCCC',
    edit_type: 'AOC',
    effective_date: '2013-04-01',
    end_date: '',
    modifier: '2',
  },
  {
    code1: '99999',
    code2: '11111',
    edit_type: 'AOC',
    effective_date: '2013-04-01',
    end_date: '',
    modifier: '3',
  },
]);

describe('derived NCCI importers', () => {
  it('MUE: the effective date comes from the CMS file name, not the slipped 2026-03-31', () => {
    const r = parseDerivedMue(MUE, 'mue_practitioner.json');
    expect(r.ok && r.value[0]).toMatchObject({
      code: '99213',
      value: 2,
      indicator: 3,
      effective: '2026-04-01',
    });
  });

  it('MUE: a bad row names its index and field', () => {
    const r = parseDerivedMue(
      '[{"code":"99213","mue_value":"x","description":"1 Line Edit"}]',
      'm.json',
    );
    expect(!r.ok && r.errors[0]!.path).toBe('m.json[0].mue_value');
  });

  it('AOC: type 1 rows become add-on rules; types 2 and 3 cannot say a primary is missing', () => {
    const r = parseDerivedAoc(AOC, 'ncci_aoc_edits.json');
    expect(r.ok && r.value.map((x) => [x.addOn, x.primaries])).toEqual([['17003', ['17000']]]);
  });

  it('curated add-on rules stay only for codes the file does not cover', () => {
    const r = parseDerivedAoc(AOC, 'aoc.json');
    const merged = withFileAddOns(ADD_ON_RULES, r.ok ? r.value : []);
    expect(
      merged.filter((x) => x.addOn === '17003').every((x) => x.source.includes('aoc.json')),
    ).toBe(true);
    expect(merged.some((x) => x.addOn === 'G2211' && x.source.includes('CMS-1784-F'))).toBe(true);
  });
});

const DIR = join(__dirname, '../../../shared/reference/ncci/2026-derived');
const has = existsSync(join(DIR, 'mue_practitioner.json'));
if (!has)
  console.warn(
    `[ncci derived] ${DIR} not found: official part skipped (see ../shared/reference/README.md)`,
  );

describe.skipIf(!has)('the 2026 derived files', () => {
  const r = importNcciWithAddOns(DIR);
  it('loads 15,000+ MUEs effective 2026-04-01 and the type 1 add-on edits', () => {
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.ncci.counts().mue).toBeGreaterThan(15000);
    expect(r.value.ncci.mue('99213', '2026-04-01')?.value).toBe(2);
    expect(r.value.ncci.mue('99213', '2026-04-01')?.effective).toBe('2026-04-01');
    expect(r.value.addOns?.find((x) => x.addOn === '17003')?.primaries).toContain('17000');
  });

  it('an add-on billed without its primary cites the CMS add-on code edit file', () => {
    if (!r.ok) return;
    const f = checkClaim(
      claimInput({
        claimId: 'AOC-1',
        patient: { ...basePatient(), birthDate: '1950-01-01' },
        provider: { npi: NPI, pos: '11' },
        serviceDate: '2026-05-04',
        submissionDate: '2026-05-04',
        diagnoses: ['L57.0'],
        lines: [lineInput('17003', '20.00', { units: 2 })],
      }),
      { catalog: testCatalog(), ncci: r.value.ncci, addOns: r.value.addOns! },
    ).findings.find((x) => x.id === 'code.add-on-without-primary');
    expect(f?.reference).toMatch(/AOC_V2026Q3-F-MCR\.txt/);
  });
});

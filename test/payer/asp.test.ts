/**
 * Part B drugs given incident to a visit are paid on the quarterly ASP file (payment limit =
 * ASP + 6% per billing unit, as CMS publishes it), not denied as "not covered": RVU status E/X
 * means "not priced on the PFS".
 * See: SSA §1847A; 42 CFR 414.904; Pub. 100-04 ch. 17 §20.1; CMS ASP pricing file Oct 2025
 * (J3301 triamcinolone 10 MG: $0.844; J1885 ketorolac 15 MG: $0.303).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aspAmount, aspFor, parseAspTable } from '../../src/domain/payer/pricing/asp';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAspBundles, importAspCsv, loadAspBundles } from '../../src/codesets/asp/import';
import { starterAsp } from '../../src/services/shipped';
import { serviceCategory } from '../../src/domain/payer/cost-sharing/categories';
import { claim, line, payer, run } from './helpers';

describe('ASP pricing of Part B drugs', () => {
  it('units × the per-unit limit, to the cent: J3301 × 4 = 4 × 0.844 = 3.38', () => {
    const t = starterAsp()[0]!;
    expect(aspAmount(t.get('J3301')!, 4)).toBe(338);
    expect(aspAmount(t.get('J1885')!, 2)).toBe(61);
  });

  it('Medicare pays J3301 on the ASP table (deductible/coinsurance apply), not CO-96', () => {
    const c = claim([line('99213', '150.00'), line('J3301', '20.00', { units: 4 })], {
      serviceDate: '2025-11-03',
      submissionDate: '2025-11-03',
      accumulators: { deductibleMet: 25700, outOfPocketMet: 25700 } as never,
    });
    const { j } = run(c);
    const drug = j.lines[1]!;
    expect(drug.allowed).toBe('3.38');
    expect(drug.adjustments.some((a) => a.carc === '96')).toBe(false);
    expect(drug.pricingSource).toContain('ASP');
    expect(drug.pricingSource).toContain('2025-Q4');
  });

  it("several tables for one quarter: each is asked (a pack table adds drugs CMS's file lacks)", () => {
    const table = (codes: Record<string, string>, from = '2025-10-01', to = '2025-12-31') => {
      const r = parseAspTable(
        {
          format: 'claimlab.asp',
          formatVersion: 1,
          quarter: '2025-Q4',
          from,
          to,
          source: 'test',
          entries: Object.entries(codes).map(([code, limit]) => ({ code, dosage: '1 MG', limit })),
        },
        't.json',
      );
      if (!r.ok) throw new Error('table');
      return r.value;
    };
    const a = table({ J3301: '0.844' });
    const b = table({ J9217: '20.000' });
    expect(aspFor([a, b], 'J9217', '2025-11-03')?.entry.code).toBe('J9217');
    expect(aspFor([a, b], 'J3301', '2025-11-03')?.table).toBe(a);
    // After the newest quarter: the newest tables, every one of them.
    expect(aspFor([a, b], 'J9217', '2026-02-01')?.entry.code).toBe('J9217');
    // A code only in an older quarter's table is not priced in a quarter that has tables.
    const old = table({ J0001: '1.000' }, '2025-07-01', '2025-09-30');
    expect(aspFor([old, a], 'J0001', '2025-11-03')).toBeUndefined();
  });

  it('a table that is not valid names the file and field', () => {
    const r = parseAspTable({ format: 'claimlab.asp', formatVersion: 1 }, 'x.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.path).toContain('x.json');
  });
});

const CSV = '../shared/reference/asp/2025-q4/asp_pricing_oct2025.csv';
describe.skipIf(!existsSync(CSV))('importer for the CMS ASP pricing file layout', () => {
  it(`reads ${CSV}: the quarter, its dates and every code's limit, without descriptors`, () => {
    const r = importAspCsv(readFileSync(CSV, 'utf8'), CSV);
    if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
    expect(r.value.quarter).toBe('2025-Q4');
    expect(r.value.from).toBe('2025-10-01');
    expect(r.value.to).toBe('2025-12-31');
    expect(r.value.entries.length).toBeGreaterThan(900);
    expect(r.value.entries.find((e) => e.code === 'J3301')).toEqual({
      code: 'J3301',
      dosage: '10 MG',
      limit: '0.844',
    });
    expect(JSON.stringify(r.value)).not.toContain('Triamcinolone');
    // The shipped starter table agrees with the file for every code it has.
    for (const e of ['J1885', 'J3301'])
      expect(r.value.entries.find((x) => x.code === e)?.limit).toBe(
        (starterAsp()[0]!.get(e)!.limitMills / 1000).toFixed(3),
      );
    expect(parseAspTable(r.value, 'imported').ok).toBe(true);
  });

  it('builds the bundle into a build folder and loads it back', () => {
    const out = mkdtempSync(join(tmpdir(), 'asp-'));
    const built = buildAspBundles('../shared/reference', out);
    if (!built.ok) throw new Error(JSON.stringify(built.errors.slice(0, 3)));
    expect(built.value.map((f) => f.split('/').pop())).toEqual(['asp-2025-Q4.json']);
    const [t] = loadAspBundles(out);
    expect(t?.quarter).toBe('2025-Q4');
    expect(t?.get('J3301')?.limitMills).toBe(844);
  });

  // SSA §1847A(i) and §1833(a)(1)(EE) (Inflation Reduction Act §11101): a Part B rebatable drug
  // whose price rose faster than inflation has a lower beneficiary coinsurance, published per
  // quarter in the file's "Co-insurance Percentage" column (J0561 12.418% in 2025-Q4).
  it('keeps the coinsurance percentage when it is not 20 (inflation-adjusted), and only then', () => {
    const r = importAspCsv(readFileSync(CSV, 'utf8'), CSV);
    if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
    expect(r.value.entries.find((e) => e.code === 'J0561')?.coinsurance).toBe('12.418');
    expect(r.value.entries.find((e) => e.code === 'J3301')?.coinsurance).toBeUndefined();
    const t = parseAspTable(r.value, 'imported');
    if (!t.ok) throw new Error(JSON.stringify(t.errors));
    expect(t.value.get('J0561')?.coinsurance).toBe(0.12418);
  });
});
if (!existsSync(CSV))
  console.warn(
    `ASP importer test skipped: ${CSV} is absent (CMS ASP pricing files: cms.gov/medicare/payment/part-b-drugs/asp-pricing-files).`,
  );

describe('Medicare preventive services: no deductible, no coinsurance where the law waives them', () => {
  // See: SSA §1833(a)(1) and (b) as amended by ACA §4104; Pub. 100-04 ch. 18 §1.2, §40 (G0101,
  // Q0091), §20 (77067), §60 (colorectal screening); the DRE G0102 is not waived.
  const medicare = payer('medicare');
  it.each([['G0101'], ['Q0091'], ['77067'], ['G0121'], ['G0103']])(
    '%s is a preventive service with $0 cost sharing',
    (code) => {
      const cat = serviceCategory(code, [], '2026-03-02', null);
      expect(cat).toBe('preventive');
      expect(medicare.costSharing[cat]).toMatchObject({ deductible: false, coinsurance: 0 });
    },
  );
  it('the digital rectal exam G0102 is not waived', () => {
    expect(serviceCategory('G0102', [], '2026-03-02', null)).not.toBe('preventive');
  });
});

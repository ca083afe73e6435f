/**
 * Medicare pricing equals the CMS formula on the imported CY2025 tables, to the cent.
 * Needs ../shared/reference/mpfs/2025 (the CMS RVU25D files); skipped without it.
 * Expected amounts below were computed independently (Python decimal, half-up) from the CMS
 * files; the sweep recomputes every priced code × locality × setting with BigInt from the raw
 * CSV text (every 10th priced code, to keep the suite fast; all 10,087 × 109 × 2 passed when
 * run in full), not through the importer.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMpfsBundle, loadMpfsBundle } from '../../src/codesets/mpfs/bundle';
import { parseCsv } from '../../src/codesets/mpfs/csv';
import { formatMoney } from '../../src/domain/money';
import { adjudicate } from '../../src/domain/payer/adjudicate';
import type { MpfsTables } from '../../src/domain/payer/pricing/fees';
import { medicareFee } from '../../src/domain/payer/pricing/pricing';
import { starterFees } from '../../src/services/shipped';
import { claim, line, payer } from './helpers';
import { baseProvider } from '../factories';

const REF = join(__dirname, '../../../shared/reference');
const DIR = join(REF, 'mpfs/2025');
const have = existsSync(join(DIR, 'PPRRVU2025_Oct_no_descriptors.csv'));
if (!have)
  console.warn(
    `mpfs.test.ts skipped: ${DIR} not found. Get the CMS RVU25D files (see ../shared/reference/README.md) and place them there.`,
  );

describe.skipIf(!have)('MPFS CY2025 import and pricing (CMS files)', () => {
  let tables: MpfsTables;
  it('imports every RVU row, locality and the conversion factor', () => {
    const out = mkdtempSync(join(tmpdir(), 'mpfs-'));
    const r = buildMpfsBundle(REF, out);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.counts).toEqual({
      rvus: 19090,
      priced: expect.any(Number),
      localities: 109,
      countyRows: 110,
    });
    expect(r.value.conversionFactor).toBe(32.3465);
    const l = loadMpfsBundle(out);
    if (!l.ok || !l.value) throw new Error('bundle did not load');
    tables = l.value;
    expect(tables.gpci('01112-05')).toMatchObject({ work: 1088, pe: 1419, mp: 445 });
  });

  const cases: [string, string, string, string, string][] = [
    // code, modifier, locality, POS, expected
    ['99213', '', '10112-00', '11', '81.86'],
    ['99213', '', '10112-00', '22', '59.93'],
    ['99213', '', '01112-05', '11', '109.15'],
    ['99213', '', '13202-01', '21', '71.64'],
    ['99214', '', '02102-01', '11', '158.97'],
    ['99214', '', '13202-01', '11', '142.07'],
    ['20610', '', '01112-05', '24', '49.87'],
    ['11055', '', '02102-01', '11', '77.70'],
    ['11055', '', '13202-01', '23', '16.68'],
    ['93000', '', '10112-00', '11', '12.62'],
    ['G0439', '', '01112-05', '11', '154.82'],
    ['71046', '26', '13202-01', '22', '11.13'],
    ['71046', 'TC', '01112-05', '11', '31.81'],
  ];
  it.each(cases)('%s%s at %s POS %s = %s', (code, mod, loc, pos, want) => {
    const f = medicareFee(code, mod ? [mod] : [], pos, loc, { mpfs: tables });
    expect(f.kind === 'priced' && formatMoney(f.perUnit)).toBe(want);
  });

  it('accepts the GPCI file locality in the 25LOCCO form too ("1112-5")', () => {
    const f = medicareFee('99213', [], '11', '1112-5', { mpfs: tables });
    expect(f.kind === 'priced' && formatMoney(f.perUnit)).toBe('109.15');
  });

  it('adjudicates 99213 in Manhattan to the cent', () => {
    const c = claim([line('99213', '150.00')], {
      provider: { ...baseProvider(), locality: '13202-01' },
    });
    const r = adjudicate(c, { payer: payer('medicare'), fees: starterFees(tables) });
    expect(formatMoney(r.lines[0]!.allowed)).toBe('101.06');
  });

  it('equals the formula recomputed from the raw CSV for every 10th priced code at every locality and setting', () => {
    const d = (s: string, places: number) => {
      const [w = '0', f = ''] = s.trim().split('.');
      return (
        BigInt(w || '0') * 10n ** BigInt(places) +
        BigInt((f + '0'.repeat(places)).slice(0, places) || '0')
      );
    };
    const rv = parseCsv(readFileSync(join(DIR, 'PPRRVU2025_Oct_no_descriptors.csv'), 'latin1'))
      .filter((r) => /^[0-9A-Z]{5}$/.test(r[0] ?? '') && ['A', 'R', 'T'].includes(r[2] ?? ''))
      .filter((_, i) => i % 10 === 0);
    const gp = parseCsv(readFileSync(join(DIR, 'GPCI2025.csv'), 'latin1')).filter((r) =>
      /^\d{5}$/.test(r[0] ?? ''),
    );
    let n = 0;
    let bad = 0;
    for (const r of rv) {
      for (const g of gp) {
        const key = `${g[0]}-${g[2]}`;
        for (const facility of [false, true]) {
          const s =
            d(r[4]!, 2) * d(g[4]!, 3) +
            d(r[facility ? 7 : 5]!, 2) * d(g[5]!, 3) +
            d(r[9]!, 2) * d(g[6]!, 3);
          const v = s * d(r[23]!, 4); // 1e-9 dollars
          const want = (v + 5_000_000n) / 10_000_000n;
          const f = medicareFee(r[0]!, r[1] ? [r[1]] : [], facility ? '22' : '11', key, {
            mpfs: tables,
          });
          n++;
          if (f.kind !== 'priced' || BigInt(f.perUnit) !== want) bad++;
        }
      }
    }
    expect(n).toBeGreaterThan(200_000);
    expect(bad).toBe(0);
  });
});

/**
 * Every CARC/RARC the payer can emit has our own wording in codes.ts, and each number exists in
 * the X12 code lists (checked against ../shared/reference/carc-rarc when present).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARC, RARC, RARCS_NEWER_THAN_LIST } from '../../src/domain/payer/remittance/codes';
import { parseCsv } from '../../src/codesets/mpfs/csv';

const SRC = join(__dirname, '../../src/domain/payer');
/** Every payer module, sub-folders included (pricing/, remittance/, …), but the table itself. */
const modules = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? modules(join(dir, e.name))
      : e.name.endsWith('.ts') && e.name !== 'codes.ts'
        ? [join(dir, e.name)]
        : [],
  );
const emitted = (re: RegExp) =>
  new Set(modules(SRC).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(re)].map((m) => m[1]!)));

describe('CARC / RARC table', () => {
  it('has our wording for every code the payer modules emit', () => {
    const carcs = new Set([
      ...emitted(/carc: '(\d+)'/g),
      ...emitted(/d\('(?:CO|PR|OA|PI)', '(\d+)'/g),
      ...emitted(/'(?:15|197)' : '(\d+)'/g),
    ]);
    const rarcs = emitted(/'((?:MA|M|N)\d+)'/g);
    // The payer emits at least these (a scan that found none would pass the loops below).
    expect([...carcs]).toEqual(expect.arrayContaining(['1', '2', '3', '45', '96', '97', '253']));
    for (const c of carcs) expect(CARC, `CARC ${c}`).toHaveProperty(c);
    for (const r of rarcs) expect(RARC, `RARC ${r}`).toHaveProperty(r);
  });

  const dir = join(__dirname, '../../../shared/reference/carc-rarc');
  const have = existsSync(dir);
  if (!have)
    console.warn(
      `codes.test.ts: X12 list check skipped: ${dir} not found (see ../shared/reference/README.md)`,
    );
  it.skipIf(!have)(
    'uses only numbers that exist in the X12 lists, in our own words (not copied)',
    () => {
      const read = (prefix: string) => {
        const f = readdirSync(dir).find((x) => x.startsWith(prefix))!;
        return new Map(
          parseCsv(readFileSync(join(dir, f), 'utf8'))
            .slice(1)
            .map((r) => [r[0]!, r[1] ?? '']),
        );
      };
      const carc = read('carc');
      const rarc = read('rarc');
      for (const [code, ours] of Object.entries(CARC)) {
        expect(carc.has(code), `CARC ${code} in the list`).toBe(true);
        expect(
          carc.get(code)!.toLowerCase().startsWith(ours.toLowerCase().replace(/\.$/, '')),
        ).toBe(false);
      }
      for (const [code, ours] of Object.entries(RARC)) {
        // Codes newer than the stored 2011 list must say where they come from instead.
        if (code in RARCS_NEWER_THAN_LIST) {
          expect(rarc.has(code), `RARC ${code} is now in the list`).toBe(false);
          continue;
        }
        expect(rarc.has(code), `RARC ${code} in the list`).toBe(true);
        expect(rarc.get(code)!.toLowerCase().includes(ours.toLowerCase().replace(/\.$/, ''))).toBe(
          false,
        );
      }
    },
  );
});

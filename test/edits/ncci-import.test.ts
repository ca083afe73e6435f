/**
 * The CMS PTP and MUE importers, on synthetic rows written in CMS's published layouts; a
 * malformed file reports every bad row with file:line, never a silent skip.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePtpFile } from '../../src/codesets/ncci/ptp-file';
import { effectiveFromName, parseMueFile } from '../../src/codesets/ncci/mue-file';
import { importNcci } from '../../src/codesets/ncci/import-node';
import { splitFields } from '../../src/codesets/ncci/delimited';

const dir = join(__dirname, 'fixtures/ncci');
const read = (f: string) => readFileSync(join(dir, f), 'utf8');

describe('PTP importer (CMS layout)', () => {
  it('reads tab-separated rows after the header lines', () => {
    const r = parsePtpFile(
      read('ptp-practitioner-synthetic.txt'),
      'ptp-practitioner-synthetic.txt',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toHaveLength(4);
    expect(r.value[0]).toMatchObject({
      column1: '93000',
      column2: '93010',
      effective: '1996-01-01',
      deleted: null,
      modifierIndicator: '0',
    });
    expect(r.value[2]).toMatchObject({
      column1: '10060',
      column2: '11056',
      effective: '2015-01-01',
      deleted: '2024-01-01',
    });
    expect(r.value[1]!.source).toBe('ptp-practitioner-synthetic.txt line 6');
    expect(r.value[3]!.modifierIndicator).toBe('9');
  });

  it('reads the same columns saved as quoted CSV', () => {
    const r = parsePtpFile(read('ptp-synthetic.csv'), 'ptp-synthetic.csv');
    expect(r.ok && r.value[0]).toMatchObject({
      column1: '97110',
      column2: '97140',
      modifierIndicator: '1',
      deleted: null,
    });
  });

  it('names the file and line of every malformed row', () => {
    const r = parsePtpFile(read('ptp-malformed.txt'), 'ptp-malformed.txt');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual([
      'ptp-malformed.txt:3',
      'ptp-malformed.txt:4',
      'ptp-malformed.txt:5',
      'ptp-malformed.txt:6',
    ]);
    expect(r.errors[0]!.message).toMatch(/effective date "20201301"/);
    expect(r.errors[1]!.message).toMatch(/modifier indicator "2"/);
    expect(r.errors[2]!.message).toMatch(/column 1 "9711"/);
    expect(r.errors[3]!.message).toMatch(/at least 6 fields/);
  });

  it('rejects a file with no edit rows', () => {
    const r = parsePtpFile('Column1\tColumn 2\n', 'empty.txt');
    expect(r.ok ? null : r.errors[0]).toEqual({
      path: 'empty.txt',
      message: expect.stringMatching(/no PTP edit rows/),
    });
  });
});

describe('MUE importer (CMS layout)', () => {
  it('reads code, value, adjudication indicator and rationale; the date comes from the file name', () => {
    const f = 'MCR_MUE_PractitionerServices_Eff_01-01-2026.csv';
    const r = parseMueFile(read(f), f);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((e) => [e.code, e.value, e.indicator, e.effective])).toEqual([
      ['97110', 4, 1, '2026-01-01'],
      ['99213', 1, 2, '2026-01-01'],
      ['36415', 2, 3, '2026-01-01'],
    ]);
    expect(r.value[1]!.rationale).toBe('CMS Policy');
  });

  it('needs an effective date when the name has none', () => {
    const r = parseMueFile(read('MCR_MUE_PractitionerServices_Eff_01-01-2026.csv'), 'mue.csv');
    expect(r.ok).toBe(false);
    expect(
      parseMueFile(read('MCR_MUE_PractitionerServices_Eff_01-01-2026.csv'), 'mue.csv', '2025-10-01')
        .ok,
    ).toBe(true);
    expect(effectiveFromName('MCR_MUE_DMESupplierServices_Eff_04-01-2025.csv')).toBe('2025-04-01');
  });

  it('names the file and line of every malformed row', () => {
    const f = 'MCR_MUE_malformed_Eff_01-01-2026.csv';
    const r = parseMueFile(read(f), f);
    expect(r.ok ? [] : r.errors.map((e) => `${e.path} ${e.message}`)).toEqual([
      expect.stringMatching(/:3 MUE value "one"/),
      expect.stringMatching(/:4 adjudication indicator "4 Something"/),
      expect.stringMatching(/:5 expected code, MUE value/),
    ]);
  });
});

describe('importNcci (folder)', () => {
  it('reports problems from every file of a folder together', () => {
    const r = importNcci(dir);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const files = new Set(r.errors.map((e) => e.path.replace(/:\d+$/, '').split('/').pop()));
    expect(files).toEqual(new Set(['MCR_MUE_malformed_Eff_01-01-2026.csv', 'ptp-malformed.txt']));
  });

  it('lays good files over the curated edits', () => {
    const r = importNcci(join(dir, 'ptp-practitioner-synthetic.txt'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.ptp('93010', '93000', '2026-03-02')?.modifierIndicator).toBe('0');
    // deleted on 2024-01-01: applies the day before, not on the day
    expect(r.value.ptp('10060', '11056', '2023-12-31')).toMatchObject({
      column1: '10060',
      column2: '11056',
      deleted: '2024-01-01',
      modifierIndicator: '1',
    });
    expect(r.value.ptp('10060', '11056', '2024-01-01')).toBeUndefined();
    expect(r.value.ptp('20610', '99213', '2026-03-02')?.column1).toBe('20610'); // curated still there
  });

  it('refuses an empty or UTF-16 file with file:line instead of reading no rows', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'ncci-bad-'));
    writeFileSync(join(tmp, 'ptp-empty.txt'), '');
    writeFileSync(
      join(tmp, 'MCR_MUE_Eff_01-01-2026.csv'),
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(read('ptp-practitioner-synthetic.txt'), 'utf16le'),
      ]),
    );
    const r = importNcci(tmp);
    expect(r.ok ? [] : r.errors.map((e) => `${e.path.split('/').pop()} ${e.message}`)).toEqual([
      expect.stringMatching(/^MCR_MUE_Eff_01-01-2026\.csv:1 the file is UTF-16/),
      expect.stringMatching(/^ptp-empty\.txt:1 the file is empty/),
    ]);
  });

  it('says when the path cannot be read', () => {
    const r = importNcci(join(dir, 'nope'));
    expect(r.ok ? '' : r.errors[0]!.message).toMatch(/cannot read/);
  });
});

describe('splitFields', () => {
  it('handles quotes and doubled quotes in CSV', () => {
    expect(splitFields('"a","b ""c""",d')).toEqual(['a', 'b "c"', 'd']);
    expect(splitFields('a\t"b"\t')).toEqual(['a', 'b', '']);
  });
});

/**
 * The release before one whose order addenda are on hand, rebuilt by undoing them
 * (src/codesets/icd/previous-release.ts): small synthetic addenda, then the real FY2026 order
 * file and order addenda (FY2025 = FY2026 less its changes), whose summary states the FY2025
 * counts. The real-file part is skipped with a message when ../shared/reference is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAddendaWithSummary } from '../../src/codesets/icd/addenda';
import { previousReleaseEntries } from '../../src/codesets/icd/previous-release';
import { parseOrderFile } from '../../src/codesets/order-file';

const pad = (s: string, n: number) => s.padEnd(n);
const line = (verb: string, flag: string, code: string, title: string) =>
  `${pad(verb + ':', 13)}${flag} ${pad(code, 8)}${pad(title, 61)}${title}`;

describe('previousReleaseEntries', () => {
  const current = [
    { code: 'E11A', billable: true, short: 'T2DM in remission', long: 'T2DM in remission' },
    { code: 'E7801', billable: false, short: 'Familial hyperchol', long: 'Familial hyperchol' },
    { code: 'E78010', billable: true, short: 'HoFH', long: 'HoFH' },
    { code: 'L02212', billable: true, short: 'Abscess of back new', long: 'Abscess of back new' },
  ];
  const text = [
    line('Add', '1', 'E11A', 'T2DM in remission'),
    line('Delete', '1', 'E7801', 'Familial hyperchol'),
    line('Add', '0', 'E7801', 'Familial hyperchol'),
    line('Add', '1', 'E78010', 'HoFH'),
    line('Revise from', '1', 'L02212', 'Abscess of back old'),
    line('Revise to', '1', 'L02212', 'Abscess of back new'),
  ].join('\n');

  it('removes adds, restores deletes with their billable flag, and puts revised titles back', () => {
    const a = parseAddendaWithSummary(text, 'addenda.txt');
    if (!a.ok) throw new Error(a.errors[0]!.message);
    const r = previousReleaseEntries(current, a.value.entries, 'addenda.txt', {
      codes: 2,
      headers: 0,
    });
    if (!r.ok) throw new Error(r.errors[0]!.message);
    expect(r.value.map((e) => [e.code, e.billable, e.long])).toEqual([
      ['E7801', true, 'Familial hyperchol'],
      ['L02212', true, 'Abscess of back old'],
    ]);
  });

  it('refuses a result whose counts differ from those the addenda state', () => {
    const a = parseAddendaWithSummary(text, 'addenda.txt');
    if (!a.ok) throw new Error('parse');
    const r = previousReleaseEntries(current, a.value.entries, 'addenda.txt', { codes: 3 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/gives 2 billable codes.*has 3/);
  });

  it('refuses code addenda (no billable flag)', () => {
    const a = parseAddendaWithSummary('Add:         E11A    T2DM in remission', 'codes.txt');
    if (!a.ok) throw new Error('parse');
    expect(previousReleaseEntries(current, a.value.entries, 'codes.txt').ok).toBe(false);
  });
});

const DIR = resolve(__dirname, '../../../shared/reference/icd10cm/fy2026');
const present = existsSync(DIR);
if (!present)
  console.warn(
    `test/codesets/previous-release.test.ts (real files) skipped: ${DIR} not found. Get the CDC/NCHS FY2026 ICD-10-CM order file and order addenda into ../shared/reference/icd10cm/fy2026.`,
  );

describe.skipIf(!present)('FY2025 rebuilt from the FY2026 order file and order addenda', () => {
  it('matches the FY2025 counts the addenda state, with E78.01 billable and E11.A absent', () => {
    const order = parseOrderFile(readFileSync(`${DIR}/icd10cm-order-2026.txt`, 'utf8'), 'order');
    const add = parseAddendaWithSummary(
      readFileSync(`${DIR}/icd10cm-order-addenda-2026.txt`, 'utf8'),
      'order-addenda',
    );
    if (!order.ok || !add.ok) throw new Error('the FY2026 files do not parse');
    expect(add.value.previous).toEqual({ codes: 74260, headers: 23324 });
    const r = previousReleaseEntries(
      order.value,
      add.value.entries,
      'order-addenda',
      add.value.previous,
    );
    if (!r.ok) throw new Error(r.errors[0]!.message);
    const by = new Map(r.value.map((e) => [e.code, e]));
    expect(by.get('E7801')?.billable).toBe(true);
    expect(by.has('E11A')).toBe(false);
    expect(by.has('E78010')).toBe(false);
    expect(by.get('E881')?.billable).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/codes-search';
import { captureIo } from '../support/cli-io';

const io = captureIo;

// A date inside the starter set's release (and FY2026 when the official bundles are built).
const DATE = '2026-01-15';

describe('codes search CLI', () => {
  it('--stdin --json answers one JSON array per input line, in order, [] for an empty line', async () => {
    const t = io('E11.9\n\nI10\nhtn\n');
    expect(await run(['--stdin', '--json', '--date', DATE, '--limit', '3'], t.io)).toBe(0);
    expect(t.out).toHaveLength(4);
    const rows = t.out.map(
      (l) =>
        JSON.parse(l) as { code: string; system: string; display: string; billable: boolean }[],
    );
    expect(rows[0]![0]).toMatchObject({ code: 'E11.9', system: 'ICD-10-CM', billable: true });
    expect(rows[1]).toEqual([]);
    expect(rows[2]![0]!.code).toBe('I10');
    expect(rows[3]![0]!.code).toBe('I10');
    expect(Object.keys(rows[0]![0]!).sort()).toEqual(['billable', 'code', 'display', 'system']);
  });
  it('prints an aligned table without --json', async () => {
    const t = io();
    expect(await run(['E11.9', '--date', DATE], t.io)).toBe(0);
    expect(t.out[0]).toMatch(/^CODE\s+BILLABLE\s+DESCRIPTION$/);
    expect(t.out[1]).toMatch(/^E11\.9\s+yes\s+Type 2 diabetes mellitus without complications$/);
  });
  it('rejects bad options with a message naming the option', async () => {
    await expect(run(['x', '--limit', 'ten'], io().io)).rejects.toThrow(/--limit/);
    await expect(run(['x', '--date', '2026-13-45'], io().io)).rejects.toThrow(/--date/);
    await expect(run(['--stdin'], io().io)).rejects.toThrow(/--json/);
    await expect(run([], io().io)).rejects.toThrow(/usage/);
  });
  it('says when no release covers the date of service', async () => {
    await expect(run(['diabetes', '--date', '1999-01-01'], io().io)).rejects.toThrow(/1999-01-01/);
  });
});

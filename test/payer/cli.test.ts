import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import type { Io } from '../../src/cli/io';

function io(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const x: Io = { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => stdin };
  return { io: x, out, err };
}

const good = {
  claimId: 'cli-1',
  payerId: 'medicare',
  patient: { sex: 'F', birthDate: '1960-05-01', memberId: '1EG4TE5MK73' },
  provider: { npi: '1234567893', pos: '11', locality: '10112-00' },
  serviceDate: '2026-03-02',
  submissionDate: '2026-03-02',
  diagnoses: ['E11.9', 'I10'],
  lines: [{ code: '99213', modifiers: [], units: 1, dxPointers: [1, 2], charge: '120.00' }],
  accumulators: { deductibleMet: '283.00', outOfPocketMet: '0.00' },
};

describe('claimlab adjudicate (CLI contract)', () => {
  it('prints one remittance per claim, in input order, with the contract fields', async () => {
    const t = io(
      [
        JSON.stringify(good),
        JSON.stringify({ ...good, claimId: 'cli-2', payerId: 'nobody' }),
        '{oops',
      ].join('\n'),
    );
    expect(await main(['adjudicate', '-'], t.io)).toBe(0);
    expect(t.out).toHaveLength(3);
    const [a, b, c] = t.out.map((l) => JSON.parse(l));
    expect(Object.keys(a).slice(0, 5)).toEqual([
      'claimId',
      'status',
      'lines',
      'totals',
      'findings',
    ]);
    expect(a.claimId).toBe('cli-1');
    expect(a.status).toBe('paid');
    expect(Object.keys(a.lines[0]).slice(0, 7)).toEqual([
      'line',
      'code',
      'billed',
      'allowed',
      'paid',
      'adjustments',
      'remarks',
    ]);
    expect(a.lines[0].adjustments[0]).toEqual({
      group: 'CO',
      carc: '45',
      amount: expect.stringMatching(/^\d+\.\d{2}$/),
    });
    expect(a.totals.patientResponsibility).toMatch(/^\d+\.\d{2}$/);
    expect(b).toMatchObject({ claimId: 'cli-2', status: 'rejected', lines: [] });
    expect(b.findings[0].message).toMatch(/Unknown payer "nobody"/);
    expect(c.status).toBe('rejected');
    expect(c.findings[0].id).toBe('claim.invalid-field');
  });

  it('takes payers from the starter pack by id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'adj-'));
    const f = join(dir, 'c.json');
    writeFileSync(f, JSON.stringify({ ...good, payerId: 'commercial-ppo' }));
    const t = io();
    expect(await main(['adjudicate', f], t.io)).toBe(0);
    expect(JSON.parse(t.out[0]!).lines[0].adjustments).toContainEqual({
      group: 'PR',
      carc: '3',
      amount: '25.00',
    });
  });

  it('malformed claims get findings naming the field, not a crash', async () => {
    const t = io(
      JSON.stringify({
        ...good,
        lines: [{ code: '99213', units: 'two', dxPointers: [1], charge: '12x' }],
      }),
    );
    expect(await main(['adjudicate', '-'], t.io)).toBe(0);
    const r = JSON.parse(t.out[0]!);
    expect(r.status).toBe('rejected');
    expect(r.findings.map((f: { message: string }) => f.message).join(' ')).toMatch(
      /lines\[0\]\.units/,
    );
  });

  it('exits non-zero only for unreadable input', async () => {
    const t = io();
    expect(await main(['adjudicate', '/nonexistent/claims.jsonl'], t.io)).not.toBe(0);
    expect(t.err.join(' ')).toMatch(/no such file/);
  });
});

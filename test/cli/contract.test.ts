/**
 * The public CLI contract of issue 2 (`check` and `adjudicate`): one JSON object per claim per
 * line, in input order; malformed input gets a finding, unreadable input a non-zero exit.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { captureIo } from '../support/cli-io';
import { basePatient, claimInput, lineInput } from '../factories';

const fakeIo = captureIo;

const claim = (over: Record<string, unknown> = {}) =>
  claimInput({
    claimId: 'c1',
    frequency: '1',
    originalClaimId: null,
    patient: { ...basePatient(), birthDate: '1953-04-18' },
    diagnoses: ['E11.65', 'I10'],
    lines: [lineInput('99214', '175.00', { dxPointers: [1, 2] })],
    priorAuthNumber: null,
    accumulators: { deductibleMet: '0.00', outOfPocketMet: '0.00' },
    ...over,
  });

const dir = mkdtempSync(join(tmpdir(), 'claimlab-cli-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('claimlab check', () => {
  it('prints one findings object per claim, in input order, for a .jsonl file', async () => {
    const p = file(
      'a.jsonl',
      [
        claim({ claimId: 'a' }),
        claim({ claimId: 'b', diagnoses: ['E11.99'] }),
        claim({ claimId: 'c', diagnoses: ['e11'] }),
      ]
        .map((c) => JSON.stringify(c))
        .join('\n'),
    );
    const { io, out } = fakeIo();
    expect(await main(['check', p], io)).toBe(0);
    const rows = out.map((l) => JSON.parse(l));
    expect(rows.map((r) => r.claimId)).toEqual(['a', 'b', 'c']);
    expect(rows[0].findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual(
      [],
    );
    const invalid = rows[1].findings.find((f: { id: string }) => f.id === 'code.invalid');
    expect(invalid).toMatchObject({ severity: 'error', line: null, codes: ['E11.99'] });
    expect(typeof invalid.message).toBe('string');
    expect(typeof invalid.reference).toBe('string');
    expect(rows[2].findings.map((f: { id: string }) => f.id)).toContain('code.not-billable');
  });

  it('reads stdin with "-" and reports a line that is not JSON without stopping', async () => {
    const { io, out } = fakeIo(
      `${JSON.stringify(claim({ claimId: 'x' }))}\n{not json\n${JSON.stringify(claim({ claimId: 'y' }))}\n`,
    );
    expect(await main(['check', '-'], io)).toBe(0);
    expect(out).toHaveLength(3);
    const bad = JSON.parse(out[1]!);
    expect(bad.findings[0].id).toBe('claim.invalid-field');
    expect(bad.findings[0].message).toMatch(/line 2|:2/);
    expect(JSON.parse(out[2]!).claimId).toBe('y');
  });

  it('names the field of malformed claim data', async () => {
    const p = file(
      'bad.json',
      JSON.stringify(claim({ lines: [{ code: '99214', units: 0, dxPointers: [9], charge: 'x' }] })),
    );
    const { io, out } = fakeIo();
    expect(await main(['check', p], io)).toBe(0);
    const f = JSON.parse(out[0]!).findings as {
      id: string;
      message: string;
      line: number | null;
    }[];
    expect(f.map((x) => x.id)).toEqual(
      expect.arrayContaining(['claim.invalid-field', 'claim.dx-pointer']),
    );
    expect(f.some((x) => /units/.test(x.message) && x.line === 1)).toBe(true);
  });

  it('exits non-zero with a message (no stack trace) when the input cannot be read', async () => {
    const { io, out, err } = fakeIo();
    expect(await main(['check', join(dir, 'nope.json')], io)).not.toBe(0);
    expect(out).toEqual([]);
    expect(err.join('\n')).toMatch(/cannot read .*nope\.json/);
    expect(err.join('\n')).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('claimlab adjudicate', () => {
  it('prints the remittance contract for each claim', async () => {
    const p = file('one.json', JSON.stringify(claim()));
    const { io, out } = fakeIo();
    expect(await main(['adjudicate', p], io)).toBe(0);
    const r = JSON.parse(out[0]!);
    expect(r.claimId).toBe('c1');
    expect(['paid', 'partially-paid', 'denied', 'rejected']).toContain(r.status);
    expect(r.lines[0]).toMatchObject({ line: 1, code: '99214', billed: '175.00' });
    for (const k of ['allowed', 'paid']) expect(r.lines[0][k]).toMatch(/^\d+\.\d\d$/);
    for (const a of r.lines[0].adjustments) {
      expect(['CO', 'PR', 'OA', 'PI']).toContain(a.group);
      expect(a.amount).toMatch(/^\d+\.\d\d$/);
    }
    expect(Object.keys(r.totals).sort()).toEqual([
      'allowed',
      'billed',
      'paid',
      'patientResponsibility',
    ]);
    expect(Array.isArray(r.findings)).toBe(true);
  });

  it('rejects (not denies) a claim with front-end errors, and keeps going after bad lines', async () => {
    const { io, out } = fakeIo(
      `${JSON.stringify(claim({ claimId: 'r', provider: { npi: '1234567890', pos: '11', locality: '10112-00' } }))}\n[]\n`,
    );
    expect(await main(['adjudicate', '-'], io)).toBe(0);
    expect(out).toHaveLength(2);
    const r = JSON.parse(out[0]!);
    expect(r.status).toBe('rejected');
    expect(r.findings.map((f: { id: string }) => f.id)).toContain('claim.invalid-field');
    expect(JSON.parse(out[1]!).status).toBe('rejected');
  });

  it('balances every line: billed = paid + adjustments', async () => {
    const p = file('bal.json', JSON.stringify(claim()));
    const { io, out } = fakeIo();
    await main(['adjudicate', p], io);
    const r = JSON.parse(out[0]!);
    for (const l of r.lines) {
      const adj = l.adjustments.reduce(
        (s: number, a: { amount: string }) => s + Math.round(Number(a.amount) * 100),
        0,
      );
      expect(Math.round(Number(l.paid) * 100) + adj).toBe(Math.round(Number(l.billed) * 100));
    }
  });
});

describe('claimlab usage', () => {
  it('unknown commands exit 2 with usage on stderr', async () => {
    const { io, out, err } = fakeIo();
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toMatch(/unknown command/);
  });
});

/**
 * `claimlab check` on the public contract (issue 2): one line per claim in input order, the
 * finding keys exactly {id,severity,line,codes,message,reference[,suggestion]}, non-JSON lines
 * reported as findings, non-zero exit only when the input cannot be read.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/check';
import { main } from '../../src/cli/main';
import { captureIo } from '../support/cli-io';
import { basePatient, claimInput, lineInput } from '../factories';

const fakeIo = captureIo;

const claim = (over: Record<string, unknown> = {}) =>
  claimInput({
    claimId: 'C1',
    patient: { ...basePatient(), birthDate: '1960-05-01', memberId: 'MBI-1' },
    diagnoses: ['E11.9', 'I10', 'Z79.84'],
    lines: [lineInput('99213', '120.00', { dxPointers: [1, 2] })],
    ...over,
  });

const KEYS = ['codes', 'id', 'line', 'message', 'reference', 'severity'];

describe('claimlab check', () => {
  it('prints one object per claim per line, in input order, with contract keys only', async () => {
    const { io, out } = fakeIo(
      [
        JSON.stringify(claim({ claimId: 'A', diagnoses: ['E11.99', 'I10'] })),
        'this is not json',
        JSON.stringify(claim({ claimId: 'B', diagnoses: ['W21.89A', 'I10'] })),
        JSON.stringify(claim({ claimId: 'C' })),
      ].join('\n'),
    );
    expect(await run(['-'], io)).toBe(0);
    expect(out).toHaveLength(4);
    const objs = out.map(
      (l) => JSON.parse(l) as { claimId: string; findings: Record<string, unknown>[] },
    );
    expect(objs.map((o) => o.claimId)).toEqual(['A', 'claim-2', 'B', 'C']);
    expect(objs[0]!.findings[0]).toMatchObject({
      id: 'code.invalid',
      severity: 'error',
      line: null,
      codes: ['E11.99'],
    });
    expect(objs[1]!.findings).toEqual([
      expect.objectContaining({
        id: 'claim.invalid-field',
        line: null,
        message: expect.stringContaining('stdin:2'),
      }),
    ]);
    expect(objs[2]!.findings[0]).toMatchObject({
      id: 'code.seventh-character',
      suggestion: 'W21.89XA',
    });
    expect(objs[3]!.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    for (const o of objs)
      for (const f of o.findings) {
        const keys = Object.keys(f).sort();
        expect(keys.filter((k) => k !== 'suggestion')).toEqual(KEYS);
      }
  });

  it('reports add-on findings and a missing member id', async () => {
    const { io, out } = fakeIo(
      [
        JSON.stringify(
          claim({
            claimId: 'ADDON',
            lines: [
              { code: '99213', modifiers: ['25'], units: 1, dxPointers: [1, 2], charge: '120.00' },
              { code: 'G2211', modifiers: [], units: 1, dxPointers: [1], charge: '30.00' },
              { code: '11055', modifiers: [], units: 1, dxPointers: [1], charge: '40.00' },
              { code: '17003', modifiers: [], units: 1, dxPointers: [1], charge: '20.00' },
            ],
          }),
        ),
        JSON.stringify(
          claim({ claimId: 'NOMEMBER', patient: { sex: 'F', birthDate: '1960-05-01' } }),
        ),
      ].join('\n'),
    );
    expect(await run(['-'], io)).toBe(0);
    const [a, b] = out.map((l) => JSON.parse(l) as { findings: { id: string; line: number }[] });
    const ids = a!.findings.map((f) => `${f.id}@${f.line}`);
    expect(ids).toContain('coverage.add-on-not-payable@2');
    expect(ids).toContain('code.add-on-without-primary@4');
    // (the info code.list-gap naming the CY2025 PFS list for a 2026 visit is not this test's)
    expect(b!.findings.map((f) => f.id).filter((id) => id !== 'code.list-gap')).toEqual([
      'claim.missing-field',
    ]);
  });

  it('reads a .json file holding one claim and accepts codes without dots, in any case', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlab-check-'));
    const file = join(dir, 'one.json');
    writeFileSync(file, JSON.stringify(claim({ diagnoses: ['e119', 'i10', 'Z7984'] }), null, 2));
    const { io, out } = fakeIo();
    expect(await run([file], io)).toBe(0);
    expect(out).toHaveLength(1);
    expect(
      JSON.parse(out[0]!).findings.filter((f: { severity: string }) => f.severity !== 'info'),
    ).toEqual([]);
  });

  it('reports malformed fields as findings naming the field, never a stack trace', async () => {
    const { io, out, err } = fakeIo(
      JSON.stringify({ claimId: 'X', lines: 'nope', provider: { npi: '123' } }),
    );
    expect(await run(['-'], io)).toBe(0);
    const f = JSON.parse(out[0]!).findings as { id: string; message: string }[];
    expect(f.map((x) => x.id)).toContain('claim.missing-field');
    expect(f.some((x) => x.message.includes('provider.npi'))).toBe(true);
    expect(err.join('\n')).not.toMatch(/at .*\.ts:\d+/);
  });

  it('exits non-zero only when the input cannot be read', async () => {
    const { io, out, err } = fakeIo();
    expect(await main(['check', '/no/such/file.jsonl'], io)).not.toBe(0);
    expect(out).toEqual([]);
    expect(err.join('\n')).toMatch(/cannot read \/no\/such\/file\.jsonl/);
  });

  it('flags a duplicate of a claim named with --history', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlab-check-'));
    const hist = join(dir, 'history.jsonl');
    writeFileSync(hist, JSON.stringify(claim({ claimId: 'PRIOR' })) + '\n');
    const { io, out } = fakeIo(JSON.stringify(claim({ claimId: 'AGAIN' })));
    expect(await run(['-', '--history', hist], io)).toBe(0);
    expect(JSON.parse(out[0]!).findings.map((f: { id: string }) => f.id)).toContain(
      'claim.duplicate',
    );
  });

  it('takes CMS NCCI files with --ncci and refuses malformed ones, naming file and line', async () => {
    const good = join(__dirname, 'fixtures/ncci/ptp-practitioner-synthetic.txt');
    const twoEcg = claim({
      diagnoses: ['R07.9'],
      lines: [
        { code: '93000', units: 1, dxPointers: [1], charge: '40.00' },
        { code: '93010', modifiers: ['59'], units: 1, dxPointers: [1], charge: '20.00' },
      ],
    });
    const a = fakeIo(JSON.stringify(twoEcg));
    expect(await run(['-', '--ncci', good], a.io)).toBe(0);
    expect(JSON.parse(a.out[0]!).findings.map((f: { id: string }) => f.id)).toContain('ncci.ptp');
    const b = fakeIo(JSON.stringify(twoEcg));
    expect(
      await main(
        ['check', '-', '--ncci', join(__dirname, 'fixtures/ncci/ptp-malformed.txt')],
        b.io,
      ),
    ).toBe(1);
    expect(b.err.join('\n')).toMatch(/ptp-malformed\.txt:3: effective date/);
  });
});

import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { captureIo } from '../support/cli-io';
import { basePatient, claimInput } from '../factories';

const io = captureIo;

const claim = claimInput({
  claimId: 'x12-cli-1',
  patient: { ...basePatient(), birthDate: '1960-05-01' },
  submissionDate: undefined,
  lines: [
    { code: '99213', units: 1, dxPointers: [1, 2], charge: '120.00' },
    { code: '36415', units: 1, dxPointers: [1], charge: '15.00' },
  ],
  accumulators: { deductibleMet: '283.00', outOfPocketMet: '0.00' },
});

describe('claimlab x12', () => {
  it('837 prints an X12 interchange for the claim', async () => {
    const t = io(JSON.stringify(claim));
    expect(await main(['x12', '837', '-'], t.io)).toBe(0);
    const x = t.out.join('\n');
    expect(x.startsWith('ISA*')).toBe(true);
    expect(x).toContain('ST*837*0001*005010X222A1~');
    expect(x).toContain('CLM*x12-cli-1*135***11:B:1*Y*A*Y*Y~');
    expect(x.trimEnd().endsWith('IEA*1*000000001~')).toBe(true);
  });

  it('835 adjudicates and prints the remittance; read turns it back into the adjudicate JSON', async () => {
    const a = io(JSON.stringify(claim));
    expect(await main(['adjudicate', '-'], a.io)).toBe(0);
    const direct = JSON.parse(a.out[0]!);
    const t = io(JSON.stringify(claim));
    expect(await main(['x12', '835', '-'], t.io)).toBe(0);
    const x = t.out.join('\n');
    expect(x).toContain('ST*835*0001~');
    const r = io(x);
    expect(await main(['x12', 'read', '-'], r.io)).toBe(0);
    const back = JSON.parse(r.out[0]!);
    for (const k of ['claimId', 'status', 'lines', 'totals', 'payerClaimNumber'] as const) {
      if (k === 'lines')
        expect(
          back.lines.map((l: Record<string, unknown>) => [
            l.line,
            l.code,
            l.billed,
            l.allowed,
            l.paid,
            l.adjustments,
            l.remarks,
          ]),
        ).toEqual(
          direct.lines.map((l: Record<string, unknown>) => [
            l.line,
            l.code,
            l.billed,
            l.allowed,
            l.paid,
            l.adjustments,
            l.remarks,
          ]),
        );
      else expect(back[k]).toEqual(direct[k]);
    }
  });

  it('835 explains a front-end rejection instead of writing one', async () => {
    const t = io(JSON.stringify({ ...claim, provider: { ...claim.provider, npi: '123' } }));
    expect(await main(['x12', '835', '-'], t.io)).toBe(1);
    expect(t.out).toEqual([]);
    expect(t.err.join(' ')).toMatch(/rejected at the front end.*NPI/);
  });

  it('read reports a file that is not an 835 by segment, with a non-zero exit', async () => {
    const t = io('not x12 at all');
    expect(await main(['x12', 'read', '-'], t.io)).toBe(1);
    expect(t.err[0]).toMatch(/ISA/);
    const u = io();
    expect(await main(['x12', 'frobnicate'], u.io)).toBe(2);
  });

  it('read refuses an 835 that does not balance: exit 1, nothing on stdout, each reason naming its segment', async () => {
    const t = io(JSON.stringify(claim));
    expect(await main(['x12', '835', '-'], t.io)).toBe(0);
    const x = t.out
      .join('\n')
      .replace(/BPR\*I\*[\d.]+/, 'BPR*I*999999.99')
      .replace(/~\s*$/, '~garbage');
    const r = io(x);
    expect(await main(['x12', 'read', '-'], r.io)).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err).toEqual([
      expect.stringMatching(
        /^x12 read: -: after segment \d+ \(IEA\): text after the last segment terminator/,
      ),
    ]);
    const y = io(t.out.join('\n').replace(/BPR\*I\*[\d.]+/, 'BPR*I*999999.99'));
    expect(await main(['x12', 'read', '-'], y.io)).toBe(1);
    expect(y.err).toEqual([
      expect.stringMatching(
        /^x12 read: -: segment 4 \(BPR\) BPR02: BPR02 999999.99 is not the claim payments/,
      ),
    ]);
  });
});

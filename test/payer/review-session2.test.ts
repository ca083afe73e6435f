/**
 * Review of session 2 (corrections, reopenings, COB, 835/837): each test pins a bug found by
 * using the CLI as a billing specialist would, and fails without its fix.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import type { Io } from '../../src/cli/io';
import type { Claim } from '../../src/domain/claim/claim';
import { PayerLedger } from '../../src/domain/payer/ledger';
import { remittanceJson } from '../../src/domain/payer/remittance';
import { remittanceFromJson } from '../../src/domain/payer/remittance-json';
import { $, claim, fees, line, payer } from './helpers';

const mcr = payer('medicare');
const pr1 = (r: { lines: { adjustments: { group: string; carc: string; amount: number }[] }[] }) =>
  r.lines
    .flatMap((l) => l.adjustments)
    .filter((a) => a.group === 'PR' && a.carc === '1')
    .reduce((s, a) => s + a.amount, 0);

describe('reopening with the original given in the request (no --history)', () => {
  it('starts from the original’s running accumulators, not zero: the deductible is not charged twice', () => {
    // The member had met $200 of the Part B deductible before the original claim.
    const first: Claim = claim([line('99214', '180.00', { dxPointers: [1, 2] })], {
      claimId: 'M-2',
      accumulators: { deductibleMet: $('200.00'), outOfPocketMet: $('200.00') },
      accumulatorsGiven: true,
    });
    const o = new PayerLedger().adjudicate(first, { payer: mcr, fees });
    expect(o.status).toBe('paid');
    // What `claimlab reopen` gets as the request's "original": the remittance JSON.
    const back = remittanceFromJson(JSON.parse(JSON.stringify(remittanceJson(o))), 'original');
    if (!back.ok) throw new Error(back.errors[0]!.message);
    const corrected: Claim = claim([line('99214', '180.00', { dxPointers: [2, 1] })], {
      claimId: 'M-2R',
      originalClaimId: o.payerClaimNumber,
    });
    const out = new PayerLedger().reopen(
      { requestDate: '2026-04-10', reason: 'clerical-error', claim: corrected },
      { payer: mcr, fees, original: back.value },
    );
    if (out.kind !== 'revised') throw new Error(out.findings[0]!.message);
    const r = out.remittance;
    // Same service, same price: the deductible share, the payment and the accumulators repeat
    // the original's exactly, and nothing is taken back net.
    expect(pr1(r)).toBe(pr1(o));
    expect(r.totals.paid).toBe(o.totals.paid);
    expect(r.accumulatorsAfter).toEqual(o.accumulatorsAfter);
  });
});

function io(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const x: Io = { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => stdin };
  return { io: x, out, err };
}
const tmp = () => mkdtempSync(join(tmpdir(), 'claimlab-review2-'));

const ppoJson = {
  claimId: 'P-1',
  payerId: 'commercial-ppo',
  patient: { sex: 'M', birthDate: '1980-02-03', memberId: 'KH123' },
  provider: { npi: '1234567893', pos: '11', locality: '10112-00' },
  serviceDate: '2026-03-02',
  submissionDate: '2026-03-05',
  diagnoses: ['M17.11'],
  lines: [{ code: '20610', modifiers: ['RT'], units: 1, dxPointers: [1], charge: '250.00' }],
};

describe('claimlab reopen: malformed requests', () => {
  it('refuses an appealPending that is not true or false instead of reading it as "no appeal"', async () => {
    const first = io(JSON.stringify({ ...ppoJson, payerId: 'medicare', claimId: 'M-1' }));
    await main(['adjudicate', '-'], first.io);
    const o = JSON.parse(first.out[0]!);
    const req = {
      requestDate: '2026-04-10',
      claim: {
        ...ppoJson,
        payerId: 'medicare',
        claimId: 'M-1R',
        originalClaimId: o.payerClaimNumber,
        diagnoses: ['M17.11', 'M25.561'],
      },
      original: o,
      appealPending: 'yes',
    };
    const t = io(JSON.stringify(req));
    expect(await main(['reopen', '-'], t.io)).toBe(0);
    const r = JSON.parse(t.out[0]!);
    expect(r.status).toBe('refused');
    expect(r.findings.map((f: { message: string }) => f.message).join(' ')).toMatch(
      /appealPending must be true or false/,
    );
  });

  it('refuses an original whose lines do not balance, naming the line', async () => {
    const first = io(JSON.stringify({ ...ppoJson, payerId: 'medicare', claimId: 'M-1' }));
    await main(['adjudicate', '-'], first.io);
    const o = JSON.parse(first.out[0]!);
    o.lines[0].paid = '999.00';
    const t = io(
      JSON.stringify({
        requestDate: '2026-04-10',
        claim: {
          ...ppoJson,
          payerId: 'medicare',
          claimId: 'M-1R',
          originalClaimId: o.payerClaimNumber,
        },
        original: o,
      }),
    );
    await main(['reopen', '-'], t.io);
    const r = JSON.parse(t.out[0]!);
    expect(r.status).toBe('refused');
    expect(r.findings[0].message).toMatch(/line 1 \(20610\) does not balance/);
  });
});

describe('claimlab adjudicate --history: lines that are not usable remittances', () => {
  it('names the file, line and field once, and skips a record whose lines do not balance', async () => {
    const dir = tmp();
    const hist = join(dir, 'h.jsonl');
    const unbalanced = {
      claimId: 'C',
      status: 'paid',
      payerId: 'commercial-ppo',
      payerClaimNumber: 'CX1',
      lines: [
        {
          line: 1,
          code: '99213',
          billed: '100.00',
          allowed: '50.00',
          paid: '10.00',
          adjustments: [],
          remarks: [],
        },
      ],
      totals: { billed: '100.00', allowed: '50.00', paid: '10.00', patientResponsibility: '0.00' },
    };
    writeFileSync(
      hist,
      [JSON.stringify({ claimId: 'Z', status: 'paid' }), JSON.stringify(unbalanced)].join('\n'),
    );
    const t = io(
      JSON.stringify({ ...ppoJson, claimId: 'C2', frequency: '7', originalClaimId: 'CX1' }),
    );
    expect(await main(['adjudicate', '-', '--history', hist], t.io)).toBe(0);
    // Each problem names the path once ("lines: lines: …" before).
    expect(t.err.some((e) => /h\.jsonl:1: lines: Invalid/.test(e))).toBe(true);
    expect(t.err.some((e) => /lines: lines:/.test(e))).toBe(false);
    expect(t.err.some((e) => /h\.jsonl:2: line 1 \(99213\) does not balance/.test(e))).toBe(true);
    // The unbalanced record was not taken back (no negative money out of nothing).
    const r = JSON.parse(t.out[0]!);
    expect(r.status).toBe('rejected');
    expect(r.findings[0].id).toBe('claim.original-not-found');
  });
});

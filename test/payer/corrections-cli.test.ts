/**
 * Corrections, reopenings, COB and 835/837 through the CLI: each test pins a bug found by using
 * the CLI as a billing specialist would, and fails without its fix.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { parseOtherPayers, type FieldProblems } from '../../src/domain/claim/other-payers';
import type { Io } from '../../src/cli/io';
import type { Claim } from '../../src/domain/claim/claim';
import { PayerLedger } from '../../src/domain/payer/ledger';
import { submit } from '../../src/domain/payer/corrections/submit';
import { netPaid, remittanceJson } from '../../src/domain/payer/remittance/remittance';
import { read835, write835 } from '../../src/interop/x12/835';
import { parse837p, write837p } from '../../src/interop/x12/837p';
import { remittanceFromJson } from '../../src/domain/payer/remittance/remittance-json';
import { $, claim, fees, line, payer } from './helpers';
import { claimInput, commercialPatient, lineInput } from '../factories';

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

const ppoJson = claimInput({
  claimId: 'P-1',
  payerId: 'commercial-ppo',
  patient: commercialPatient(),
  submissionDate: '2026-03-05',
  diagnoses: ['M17.11'],
  lines: [lineInput('20610', '250.00', { modifiers: ['RT'] })],
});

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
    // (an info code.list-gap naming the CY2025 PFS list for a 2026 visit comes first, claim-level)
    const own = (r.findings as { id: string }[]).filter((f) => f.id !== 'code.list-gap');
    expect(own[0]!.id).toBe('claim.original-not-found');
  });
});

describe('835 reader: money checks, truncation and the wrong file', () => {
  const ppo = payer('commercial-ppo');
  const met = { deductibleMet: $('1650.00'), outOfPocketMet: $('1650.00') };
  const pair = () => {
    const ledger = new PayerLedger();
    const base = claim([line('20610', '250.00', { modifiers: ['RT'] })], {
      claimId: 'W-1',
      payerId: 'commercial-ppo',
      patient: { sex: 'M', birthDate: '1980-02-03', memberId: 'KH123' },
      diagnoses: ['M17.11'],
      accumulators: met,
      accumulatorsGiven: true,
    });
    const r1 = ledger.adjudicate(base, { payer: ppo, fees, seed: 1 });
    const r2 = ledger.adjudicate(
      {
        ...base,
        claimId: 'W-2',
        frequency: '7',
        originalClaimId: 'W-1',
        submissionDate: '2026-04-01',
        lines: [line('20610', '50.00', { modifiers: ['RT'] })],
      },
      { payer: ppo, fees, seed: 1 },
    );
    const x = write835(r2);
    if (!x.ok) throw new Error(x.errors[0]!.message);
    return { r1, r2, x: x.value };
  };

  it('reads its own replacement 835 back with the original named (originalClaimId round trip)', () => {
    const { r1, r2, x } = pair();
    expect(r1.totals.paid).toBe(5721);
    expect(netPaid(r2)).toBeLessThan(0); // more taken back than paid: PLB*FB
    const back = read835(x);
    if (!back.ok) throw new Error(back.errors[0]!.message);
    expect(back.value).toHaveLength(1);
    expect(back.value[0]!.originalClaimId).toBe('W-1');
    expect(remittanceJson(back.value[0]!).reversal).toEqual(remittanceJson(r2).reversal);
  });

  it('reports a line that does not balance, a BPR02 that is not ΣCLP04 − ΣPLB, and a cut-short file', () => {
    const { x } = pair();
    const line = read835(x.replace(/CAS\*PR\*2\*10~/, 'CAS*PR*2*1~'));
    expect(!line.ok && line.errors.map((e) => e.message).join(' ')).toMatch(/does not balance/);
    const plb = read835(x.replace(/(PLB\*[^*]+\*[^*]+\*[^*]+\*)-[\d.]+/, '$1-1'));
    expect(!plb.ok && plb.errors.map((e) => e.path).join(' ')).toMatch(/BPR02/);
    const cut = read835(x.slice(0, x.lastIndexOf('CLP*')));
    expect(!cut.ok && cut.errors.map((e) => e.message).join(' ')).toMatch(/cut short/);
  });

  it('pairs a reversal only with the same claim: another patient’s claim after it keeps its money', () => {
    const { x } = pair();
    // The corrected claim's CLP now belongs to someone else (other claim id and member).
    const other = x
      .replace(/CLP\*W-2\*1\*/, 'CLP*OTHER-9*1*')
      .replace(/(CLP\*OTHER-9[^~]*~\s*NM1\*QC\*1\*PATIENT\*+MI\*)KH123/, '$1ZZ999');
    const back = read835(other);
    if (!back.ok) throw new Error(back.errors[0]!.message);
    const o = back.value.find((r) => r.claimId === 'OTHER-9')!;
    expect(o.reversal).toBeNull();
    expect(back.value.find((r) => r.claimId === 'W-2')!.reversal).not.toBeNull();
  });

  it('says an 837 is a claim, not a remittance', () => {
    const r = read835(write837p(claim([line('99213', '100.00')])));
    expect(!r.ok && r.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/this is an 837 claim/),
    ]);
  });
});

describe('837P for Medicare as secondary payer', () => {
  const prior = {
    payerId: 'commercial-ppo',
    sequence: 'primary' as const,
    memberId: 'KH999',
    coverage: { relation: 'spouse' as const },
    adjudication: {
      payerClaimNumber: 'C1',
      adjudicationDate: '2026-03-26',
      lines: [
        {
          line: 1,
          code: '20610',
          modifiers: ['RT'],
          units: 1,
          paid: $('63.40'),
          adjustments: [
            { group: 'CO' as const, carc: '45', amount: $('170.75') },
            { group: 'PR' as const, carc: '2', amount: $('15.85') },
          ],
        },
      ],
    },
  };
  const msp = (birthDate: string): Claim =>
    claim([line('20610', '250.00', { modifiers: ['RT'] })], {
      payerSequence: 'secondary',
      patient: { sex: 'F', birthDate, memberId: '1EG4TE5MK73' },
      otherPayers: [prior],
    });
  const sbr = (x: string) =>
    x
      .split('~')
      .map((s) => s.trim())
      .filter((s) => s.startsWith('SBR*'));

  it('gives SBR05 (why Medicare is not primary): 12 working aged, 43 disabled under 65', () => {
    expect(sbr(write837p(msp('1955-05-01')))[0]).toBe('SBR*S*18***12****MB');
    expect(sbr(write837p(msp('1980-05-01')))[0]).toBe('SBR*S*18***43****MB');
    // Not on a primary Medicare claim, nor for a commercial payer billed second.
    expect(sbr(write837p(claim([line('99213', '100.00')])))[0]).toBe('SBR*P*18*******MB');
  });

  it('names the patient’s relationship to the other subscriber in 2320 SBR02 and still reads back', () => {
    const x = write837p(msp('1955-05-01'));
    expect(sbr(x)[1]).toBe('SBR*P*01*******CI');
    const back = parse837p(x);
    if (!back.ok) throw new Error(back.errors[0]!.message);
    expect(back.value[0]!.otherPayers?.[0]?.adjudication).toEqual(prior.adjudication);
  });
});

describe('otherPayers: the primary’s decision must account for the claim lines', () => {
  const problems = () => {
    const list: string[] = [];
    const c: FieldProblems = {
      missing: (f, what) => list.push(`${f}: missing ${what}`),
      invalid: (f, msg) => list.push(`${f}: ${msg}`),
    };
    return { c, list };
  };
  const lines = [{ charge: $('250.00') }];
  const other = (priorLines: unknown[]) => [
    {
      payerId: 'commercial-ppo',
      sequence: 'primary',
      adjudication: { payerClaimNumber: 'C1', adjudicationDate: '2026-03-26', lines: priorLines },
    },
  ];
  const adj = (group: string, carc: string, amount: string) => ({ group, carc, amount });

  it('accepts a decision that balances to the charge', () => {
    const { c, list } = problems();
    parseOtherPayers(
      other([
        {
          line: 1,
          paid: '63.40',
          adjustments: [adj('CO', '45', '170.75'), adj('PR', '2', '15.85')],
        },
      ]),
      c,
      lines,
    );
    expect(list).toEqual([]);
  });

  it('names a line that does not balance, is not on the claim, is given twice or is not a number', () => {
    const { c, list } = problems();
    parseOtherPayers(
      other([
        { line: 1, paid: '63.40', adjustments: [adj('CO', '45', '170.75')] },
        { line: 3, paid: '0.00', adjustments: [] },
        { line: 1, paid: '250.00', adjustments: [] },
        { line: 'x', paid: '250.00', adjustments: [] },
      ]),
      c,
      lines,
    );
    const p = 'otherPayers\\[0\\]\\.adjudication\\.lines';
    expect(list).toHaveLength(4);
    expect(list).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^${p}\\[0\\]: .*must equal line 1’s charge 250\\.00`)),
        expect.stringMatching(new RegExp(`^${p}\\[1\\]\\.line: Line 3 is not on the claim`)),
        expect.stringMatching(new RegExp(`^${p}\\[2\\]\\.line: Line 1 is given twice`)),
        expect.stringMatching(
          new RegExp(`^${p}\\[3\\]\\.line: Line "x" must be a claim line number`),
        ),
      ]),
    );
  });
});

describe('claimlab adjudicate: the same service billed twice in one run', () => {
  const paying = {
    ...ppoJson,
    accumulators: { deductibleMet: '1650.00', outOfPocketMet: '1650.00' },
  };
  const run = async (claims: object[]) => {
    const t = io(claims.map((c) => JSON.stringify(c)).join('\n'));
    expect(await main(['adjudicate', '-', '--seed', '1'], t.io)).toBe(0);
    return t.out.map((l) => JSON.parse(l));
  };

  it('is paid once: the second claim is denied OA-18 (claim.duplicate)', async () => {
    const [a, b] = await run([paying, { ...paying, claimId: 'P-1-again' }]);
    expect(a.status).toBe('paid');
    expect(a.totals.paid).toBe('57.21');
    expect(b.status).toBe('denied');
    expect(b.totals.paid).toBe('0.00');
    expect(b.lines[0].adjustments).toEqual([{ group: 'OA', carc: '18', amount: '250.00' }]);
    expect(b.findings.map((f: { id: string }) => f.id)).toContain('claim.duplicate');
  });

  it('but a replacement naming its original by payer claim number, and a claim after a void, are not duplicates', async () => {
    const [a] = await run([paying]);
    const [, fix, voided, again] = await run([
      paying,
      { ...paying, claimId: 'P-1b', frequency: '7', originalClaimId: a.payerClaimNumber },
      { ...paying, claimId: 'P-1c', frequency: '8', originalClaimId: 'P-1b' },
      { ...paying, claimId: 'P-1d' },
    ]);
    // (Statuses vary with the seeded documentation requests; what matters is no OA-18.)
    const ids = (r: { findings: { id: string }[] }) => r.findings.map((f) => f.id);
    expect(fix.reversal.payerClaimNumber).toBe(a.payerClaimNumber);
    expect(ids(fix)).not.toContain('claim.duplicate');
    expect(voided.status).toBe('voided');
    expect(ids(again)).not.toContain('claim.duplicate');
    expect(again.status).not.toBe('rejected');
  });
});

describe('a Medicare secondary claim stays secondary when reopened or sent through submit()', () => {
  const primary = {
    payerId: 'commercial-ppo',
    sequence: 'primary' as const,
    memberId: 'KH999',
    adjudication: {
      payerClaimNumber: 'C1',
      adjudicationDate: '2026-03-26',
      lines: [
        {
          line: 1,
          code: '20610',
          modifiers: ['RT'],
          units: 1,
          paid: $('63.40'),
          adjustments: [
            { group: 'CO' as const, carc: '45', amount: $('170.75') },
            { group: 'PR' as const, carc: '2', amount: $('15.85') },
          ],
        },
      ],
    },
  };
  const secondary = (more: Partial<Claim> = {}): Claim =>
    claim([line('20610', '250.00', { modifiers: ['RT'], dxPointers: [3] })], {
      claimId: 'MSP-1',
      payerSequence: 'secondary',
      otherPayers: [primary],
      accumulators: { deductibleMet: $('283.00'), outOfPocketMet: $('283.00') },
      accumulatorsGiven: true,
      ...more,
    });
  const oa23 = (r: { lines: { adjustments: { group: string; carc: string }[] }[] }) =>
    r.lines.flatMap((l) => l.adjustments).some((a) => a.group === 'OA' && a.carc === '23');

  it('reopen: the revised determination coordinates with the primary again (OA-23)', () => {
    const ledger = new PayerLedger();
    const o = ledger.adjudicate(secondary(), { payer: mcr, fees });
    expect(oa23(o)).toBe(true);
    const out = ledger.reopen(
      {
        requestDate: '2026-04-10',
        reason: 'clerical-error',
        claim: secondary({
          claimId: 'MSP-1R',
          originalClaimId: o.payerClaimNumber,
          diagnoses: ['M17.11', 'I10'],
          lines: [line('20610', '250.00', { modifiers: ['RT'], dxPointers: [1] })],
        }),
      },
      { payer: mcr, fees },
    );
    if (out.kind !== 'revised') throw new Error(out.findings[0]!.message);
    expect(oa23(out.remittance)).toBe(true);
    expect(out.remittance.totals.patientResponsibility).toBe(o.totals.patientResponsibility);
    expect(out.remittance.totals.paid).toBe(o.totals.paid);
  });

  it('submit(): the app’s path pays a secondary claim like the CLI does', () => {
    const viaLedger = new PayerLedger().adjudicate(secondary(), { payer: mcr, fees });
    const out = submit(secondary(), 'claim', null, { payer: mcr, fees });
    if (out.kind !== 'revised') throw new Error('refused');
    expect(oa23(out.remittance)).toBe(true);
    expect(remittanceJson(out.remittance).lines).toEqual(remittanceJson(viaLedger).lines);
  });
});

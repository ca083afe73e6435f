import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { captureIo } from '../support/cli-io';
import { basePatient, claimInput, commercialPatient, lineInput } from '../factories';

const io = captureIo;

const good = claimInput({
  claimId: 'cli-1',
  patient: { ...basePatient(), birthDate: '1960-05-01' },
  lines: [lineInput('99213', '120.00', { dxPointers: [1, 2] })],
  accumulators: { deductibleMet: '283.00', outOfPocketMet: '0.00' },
});

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

describe('claimlab adjudicate across claims (payer ledger) and claimlab reopen', () => {
  const ppo = {
    ...good,
    payerId: 'commercial-ppo',
    patient: commercialPatient(),
    diagnoses: ['M17.11'],
    lines: [
      { code: '99213', units: 1, dxPointers: [1], charge: '150.00' },
      { code: '20610', modifiers: ['RT'], units: 1, dxPointers: [1], charge: '250.00' },
    ],
  };
  const { accumulators: _a, ...noAcc } = ppo;

  it('carries a member’s accumulators to the next claim and finds originals earlier in the input', async () => {
    const lines = [
      { ...noAcc, claimId: 'C-1' },
      { ...noAcc, claimId: 'C-2', serviceDate: '2026-03-09', submissionDate: '2026-03-09' },
      { ...noAcc, claimId: 'C-3', frequency: '7', originalClaimId: 'C-1', lines: [ppo.lines[1]] },
      { ...noAcc, claimId: 'C-4', frequency: '8', originalClaimId: 'C-3' },
      { ...noAcc, claimId: 'C-5', frequency: '7', originalClaimId: 'C-1' },
    ].map((c) => JSON.stringify(c));
    const t = io(lines.join('\n'));
    expect(await main(['adjudicate', '-'], t.io)).toBe(0);
    const [c1, c2, c3, c4, c5] = t.out.map((l) => JSON.parse(l));
    // C-2 starts where C-1 left the deductible.
    expect(Number(c2.accumulatorsAfter.deductibleMet)).toBeGreaterThan(
      Number(c1.accumulatorsAfter.deductibleMet),
    );
    expect(c3.reversal.claimId).toBe('C-1');
    expect(c3.reversal.payerClaimNumber).toBe(c1.payerClaimNumber);
    expect(c3.reversal.totals.billed).toBe('-400.00');
    expect(c4.status).toBe('voided');
    expect(c4.reversal.claimId).toBe('C-3');
    expect(c4.lines).toEqual([]);
    // C-1 was already replaced by C-3: a second replacement must name C-3's number.
    expect(c5.status).toBe('rejected');
    expect(c5.findings[0].id).toBe('claim.original-not-found');
    expect(c5.findings[0].message).toMatch(new RegExp(`must name ${c3.payerClaimNumber}`));
  });

  it('takes the original from --history, and names a bad history line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlab-ledger-'));
    const first = io(JSON.stringify({ ...noAcc, claimId: 'H-1' }));
    await main(['adjudicate', '-'], first.io);
    const remit = JSON.parse(first.out[0]!);
    const hist = join(dir, 'history.jsonl');
    writeFileSync(hist, `${first.out[0]}\n{"claimId":"x","status":"paid","lines":[{"line":0}]}\n`);
    const t = io(
      JSON.stringify({
        ...noAcc,
        claimId: 'H-2',
        frequency: '7',
        originalClaimId: remit.payerClaimNumber,
      }),
    );
    expect(await main(['adjudicate', '-', '--history', hist], t.io)).toBe(0);
    const r = JSON.parse(t.out[0]!);
    expect(r.reversal.payerClaimNumber).toBe(remit.payerClaimNumber);
    expect(t.err.join('\n')).toMatch(/history\.jsonl\[?:?.*lines\[0\]\.line: .*skipped/);
  });

  it('x12 835 writes the reversal and the corrected claim', async () => {
    const t = io(
      [
        { ...noAcc, claimId: 'X-1' },
        { ...noAcc, claimId: 'X-2', frequency: '7', originalClaimId: 'X-1', lines: [ppo.lines[1]] },
      ]
        .map((c) => JSON.stringify(c))
        .join('\n'),
    );
    expect(await main(['x12', '835', '-'], t.io)).toBe(0);
    const second = t.out[1]!;
    expect(second).toMatch(/CLP\*X-2\*22\*-400\*/);
    expect(second).toMatch(/REF\*F8\*X-1/);
    expect(second).toMatch(/CLP\*X-2\*1\*250\*/);
  });

  it('reopen: revises a Medicare claim found in --history, refuses with reasons, never crashes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlab-reopen-'));
    const orig = {
      ...good,
      claimId: 'R-1',
      lines: [{ ...good.lines[0], code: '99214', units: 2, charge: '300.00' }],
    };
    const a = io(JSON.stringify(orig));
    await main(['adjudicate', '-'], a.io);
    const r1 = JSON.parse(a.out[0]!);
    expect(r1.lines[0].adjustments[0].carc).toBe('151');
    const hist = join(dir, 'h.jsonl');
    writeFileSync(hist, a.out[0]!);
    const fixed = {
      ...orig,
      originalClaimId: r1.payerClaimNumber,
      lines: [{ ...orig.lines[0], units: 1, charge: '150.00' }],
    };
    const t = io(
      [
        { requestDate: '2026-04-10', reason: 'clerical-error', claim: fixed },
        { requestDate: '2027-09-01', claim: fixed },
        { requestDate: '2026-04-10', reason: 'because', claim: fixed },
        { requestDate: '2026-04-10' },
        '{oops',
      ]
        .map((x) => (typeof x === 'string' ? x : JSON.stringify(x)))
        .join('\n'),
    );
    expect(await main(['reopen', '-', '--history', hist], t.io)).toBe(0);
    const [ok, late, reason, noClaim, bad] = t.out.map((l) => JSON.parse(l));
    expect(ok.status).toBe('paid');
    expect(ok.reopening.changes).toEqual([
      'line 1: units 2 -> 1',
      'line 1: charge 300.00 -> 150.00',
    ]);
    expect(ok.reversal.payerClaimNumber).toBe(r1.payerClaimNumber);
    // The first request revised R-1: later ones naming its old number are refused.
    expect(late.status).toBe('refused');
    expect(late.findings[0].message).toMatch(/already revised by a reopening/);
    expect(reason.findings[0].message).toMatch(/\(reason\)$/);
    expect(noClaim.findings[0].message).toMatch(/\(claim\)$/);
    expect(bad.status).toBe('refused');
  });
});

describe('claimlab adjudicate: a secondary claim after its primary in the same batch', () => {
  it('coordinates with the primary adjudication and prints OA-23 on the secondary', async () => {
    const primary = {
      ...good,
      claimId: 'COB-9',
      payerId: 'commercial-ppo',
      patient: { sex: 'F', birthDate: '1988-06-02', memberId: 'KH777' },
      accumulators: { deductibleMet: '0.00', outOfPocketMet: '0.00' },
    };
    const secondary = {
      ...primary,
      payerId: 'medicaid',
      payerSequence: 'secondary',
      otherPayers: [{ payerId: 'commercial-ppo', sequence: 'primary' }],
    };
    const t = io([primary, secondary].map((c) => JSON.stringify(c)).join('\n'));
    expect(await main(['adjudicate', '-'], t.io)).toBe(0);
    const [p, s] = t.out.map((l) => JSON.parse(l));
    expect(p.status).not.toBe('rejected');
    expect(s.status).not.toBe('rejected');
    expect(
      s.lines[0].adjustments.some(
        (a: { group: string; carc: string }) => a.group === 'OA' && a.carc === '23',
      ),
    ).toBe(true);
    expect(Number(s.totals.patientResponsibility)).toBeLessThanOrEqual(
      Number(p.totals.patientResponsibility),
    );
  });
});

describe('claimlab reopen: a misspelt request key', () => {
  it('is refused naming the key, never read as something else', async () => {
    const t = io(JSON.stringify({ requestDate: '2026-04-10', apealPending: true, claim: good }));
    expect(await main(['reopen', '-'], t.io)).toBe(0);
    const r = JSON.parse(t.out[0]!);
    expect(r.status).toBe('refused');
    expect(r.findings[0].message).toMatch(/"apealPending" is not part of a reopening request/);
  });
});

describe('claimlab reopen with the original claim as billed', () => {
  it('compares diagnoses too: a request that changes nothing is refused, a diagnosis fix is listed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlab-reopen-oc-'));
    const a = io(JSON.stringify({ ...good, claimId: 'OC-1' }));
    await main(['adjudicate', '-'], a.io);
    const r1 = JSON.parse(a.out[0]!);
    const hist = join(dir, 'h.jsonl');
    writeFileSync(hist, a.out[0]!);
    const fixed = { ...good, claimId: 'OC-1', originalClaimId: r1.payerClaimNumber };
    const t = io(
      [
        { requestDate: '2026-04-10', claim: fixed, originalClaim: { ...good, claimId: 'OC-1' } },
        {
          requestDate: '2026-04-10',
          claim: { ...fixed, diagnoses: ['E11.65', 'I10'] },
          originalClaim: { ...good, claimId: 'OC-1' },
        },
      ]
        .map((x) => JSON.stringify(x))
        .join('\n'),
    );
    expect(await main(['reopen', '-', '--history', hist], t.io)).toBe(0);
    const [same, dx] = t.out.map((l) => JSON.parse(l));
    expect(same.status).toBe('refused');
    expect(same.findings[0].message).toMatch(/changes nothing/);
    expect(dx.reopening.changes).toEqual(['diagnoses E11.9, I10 -> E11.65, I10']);
  });
});

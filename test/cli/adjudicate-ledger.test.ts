/**
 * Issue 11 (adjudicate's speed and memory): when no claim of an input file can name another
 * (no `originalClaimId`, no `otherPayers`), the run's payer ledger keeps only each member's book
 * and claims (the look-back: duplicates, global surgery; the accumulators), not the remittances
 * nor the index by claim id. The output must be the one the full ledger gives, byte for byte:
 * stdin always gets the full ledger, so the same records through a file and through stdin
 * must print the same (bad records name their source, which is the only difference).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import type { Io } from '../../src/cli/io';
import { KEEP_OBJECTS, PayerLedger } from '../../src/domain/payer/ledger';
import { rng } from '../../src/domain/random/seeded';
import { repeatedMembers } from '../../src/cli/sharded';
import { fileLedgerStore } from '../../src/cli/ledger-file';
import { claim, fees, line, payer } from '../payer/helpers';

// 17000 (a 10-day global) days before an E/M visit of the same member feeds the global-surgery
// look-back; repeat members and dates feed the duplicate edit and the accumulators.
const CODES = ['99213', '99214', '17000', '11055', '36415', '20610'];
const PAYERS = ['medicare', 'medicare', 'commercial-ppo', 'medicaid', 'no-such-payer'];
const DATES = ['2026-01-05', '2026-01-09', '2026-03-02', '2026-03-02', '2025-12-30', '2026-02-30'];

function batch(n: number, seed: number): string {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const rows: string[] = [];
  for (let i = 0; i < n; i++) {
    if (r() < 0.02) {
      rows.push(`{"claimId": "cut-${i}`); // not JSON
      continue;
    }
    rows.push(
      JSON.stringify({
        claimId: `L${i}`,
        payerId: pick(PAYERS),
        frequency: '1',
        patient: {
          sex: r() < 0.5 ? 'F' : 'M',
          birthDate: '1954-07-04',
          memberId: `M${Math.floor(r() * (n / 6))}`,
        },
        provider: { npi: '1234567893', pos: '11', locality: '10112-00' },
        serviceDate: pick(DATES),
        submissionDate: '2026-03-05',
        diagnoses: ['L57.0', 'I10'],
        lines: Array.from({ length: 1 + Math.floor(r() * 3) }, () => ({
          code: pick(CODES),
          modifiers: r() < 0.1 ? ['25'] : [],
          units: 1,
          dxPointers: [1, 2],
          charge: `${40 + Math.floor(r() * 900)}.00`,
        })),
      }),
    );
  }
  return rows.join('\n') + '\n';
}

function run(args: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => stdin };
  return main(args, io).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

describe('adjudicate: the ledger of a file no claim of which names another', () => {
  it('prints byte for byte what the full ledger (stdin) prints, repeat members included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlab-adj-ledger-'));
    const file = join(dir, 'batch.jsonl');
    const text = batch(1500, 7);
    writeFileSync(file, text);
    const viaFile = await run(['adjudicate', file]);
    const viaStdin = await run(['adjudicate', '-'], text);
    expect(viaFile.code).toBe(0);
    expect(viaStdin.code).toBe(0);
    expect(viaFile.out).toMatch(/not valid JSON/);
    // The look-back found earlier claims of the same member (duplicates, postoperative visits).
    expect(viaFile.out).toMatch(/"id":"claim\.duplicate"/);
    expect(viaFile.out).toMatch(/postoperative period of 17000/);
    expect(viaFile.out.replaceAll(file, 'stdin')).toBe(viaStdin.out);
    expect(viaFile.err).toBe(viaStdin.err);
  }, 120_000);
});

describe("adjudicate: a member's only claim in the file is not kept", () => {
  const row = (i: number, memberId: unknown, code = '99213', date = '2026-03-02') =>
    JSON.stringify({
      claimId: `O${i}`,
      payerId: 'medicare',
      frequency: '1',
      patient: { sex: 'F', birthDate: '1954-07-04', memberId },
      provider: { npi: '1234567893', pos: '11', locality: '10112-00' },
      serviceDate: date,
      submissionDate: '2026-03-05',
      diagnoses: ['L57.0', 'I10'],
      lines: [{ code, units: 1, dxPointers: [1], charge: '150.00' }],
    });
  const long = 'L'.repeat(60);
  // The same member spelled as the ledger reads it (trimmed, cut to 60 characters), members
  // with one claim among them, a surgery and its postoperative visit, a duplicate.
  const rows = [
    row(1, 'ONE-1'),
    row(2, '  SAME '),
    row(3, 'SAME', '99213'),
    row(4, `${long}-a`, '17000', '2026-02-20'),
    row(5, 'ONE-2'),
    row(6, `${long}-b`, '99213', '2026-02-25'),
    row(7, 'ÉLODIE'),
    row(8, 'ÉLODIE '),
    row(9, 'SAME', '99213'),
    '{"claimId": "note", "memo": "memberId", "patient": {"memberId": "ONE-3"}}',
    row(10, 'ONE-4'),
  ];

  it('prints byte for byte what the full ledger (stdin) prints', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlab-adj-once-'));
    const file = join(dir, 'once.jsonl');
    const text = rows.join('\n') + '\n';
    writeFileSync(file, text);
    expect([...repeatedMembers(file)!].sort()).toEqual([long, 'SAME', 'ÉLODIE'].sort());
    const viaFile = await run(['adjudicate', file]);
    const viaStdin = await run(['adjudicate', '-'], text);
    expect(viaFile.code).toBe(0);
    // The look-back still finds the member's other claims: the duplicate, the postoperative visit.
    expect(viaFile.out).toMatch(/"id":"claim\.duplicate"/);
    expect(viaFile.out).toMatch(/postoperative period of 17000/);
    expect(viaFile.out.replaceAll(file, 'stdin')).toBe(viaStdin.out);
  }, 120_000);

  it('repeatedMembers: the ids on more than one claim, from the bytes; null when not exact', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlab-adj-members-'));
    const at = (name: string, text: string) => {
      const f = join(dir, name);
      writeFileSync(f, text);
      return repeatedMembers(f);
    };
    expect(at('a.jsonl', rows.join('\n'))).toEqual(new Set(['SAME', long, 'ÉLODIE']));
    expect(at('spaces.jsonl', '{"memberId" :\t"A"}\n{"memberId": " A"}\n{"memberId":"B"}')).toEqual(
      new Set(['A']),
    );
    // A number is the ledger's text of it, an escape is not the id's text: not told exactly.
    expect(at('num.jsonl', '{"memberId": 12}\n{"memberId": "12"}')).toBeNull();
    expect(at('esc.jsonl', '{"memberId": "A\\"B"}\n{"memberId": "A\\"B"}')).toBeNull();
    expect(at('empty.jsonl', '')).toEqual(new Set());
    // A key or an id cut between two 1 MiB blocks is read whole.
    for (const shift of [-14, -11, -9, -3, 0, 2, 5]) {
      const pad = ' '.repeat(1024 * 1024 + shift - 12);
      const text = `{"x": "${pad}", "memberId": "CUT-ID-9"}\n{"memberId": "CUT-ID-9"}\n`;
      expect(at(`cut${shift}.jsonl`, text), `shift ${shift}`).toEqual(new Set(['CUT-ID-9']));
    }
  });
});

describe('PayerLedger with claimsNamed: false', () => {
  const mcr = payer('medicare');
  const first = claim([line('99213', '120.00')], { claimId: 'A-1' });
  const again = claim([line('99213', '120.00')], { claimId: 'A-2' });

  it('decides as the full ledger does: accumulators carry, the look-back finds the claim', () => {
    for (const store of [undefined, KEEP_OBJECTS] as const) {
      const full = new PayerLedger(store);
      const lean = new PayerLedger(store, { claimsNamed: false });
      const ctx = { payer: mcr, fees };
      expect(lean.adjudicate(first, ctx)).toEqual(full.adjudicate(first, ctx));
      // What the duplicate and global-surgery edits are given: the member's earlier claim.
      const back = lean.priorClaims('medicare', again, { daysBefore: 90 });
      expect(back).toEqual([first]);
      expect(back).toEqual(full.priorClaims('medicare', again, { daysBefore: 90 }));
      const got = lean.adjudicate(again, ctx);
      expect(got).toEqual(full.adjudicate(again, ctx));
      expect(got.accumulatorsBefore.deductibleMet).toBeGreaterThan(0);
    }
  });

  it("keeps nothing of a member's only claim (memberComesBack false), decides the same", () => {
    const full = new PayerLedger(fileLedgerStore(), { claimsNamed: false });
    const once = new PayerLedger(fileLedgerStore(), {
      claimsNamed: false,
      memberComesBack: (m) => m !== first.patient.memberId,
    });
    const ctx = { payer: mcr, fees };
    expect(once.adjudicate(first, ctx)).toEqual(full.adjudicate(first, ctx));
    expect(full.priorClaims('medicare', again, { daysBefore: 90 })).toEqual([first]);
    expect(full.accumulators(mcr, first.patient.memberId!, '2026-03-02')).toBeDefined();
    // Nothing kept: had the member come back, the look-back and the accumulators would be empty.
    expect(once.priorClaims('medicare', again, { daysBefore: 90 })).toEqual([]);
    expect(once.accumulators(mcr, first.patient.memberId!, '2026-03-02')).toBeUndefined();
    // A member that comes back is kept as before.
    const other = claim([line('99213', '120.00')], {
      claimId: 'B-1',
      patient: { ...first.patient, memberId: 'OTHER' },
    });
    once.adjudicate(other, ctx);
    expect(once.priorClaims('medicare', { ...other, claimId: 'B-2' }, { daysBefore: 90 })).toEqual([
      other,
    ]);
  });

  it('refuses to look a claim up by its id instead of answering "not found"', () => {
    const lean = new PayerLedger(undefined, { claimsNamed: false });
    lean.adjudicate(first, { payer: mcr, fees });
    expect(() => lean.find('medicare', 'A-1')).toThrow(/claimsNamed/);
    const replacement = claim([line('99213', '90.00')], {
      claimId: 'A-3',
      frequency: '7',
      originalClaimId: 'A-1',
    });
    expect(() => lean.adjudicate(replacement, { payer: mcr, fees })).toThrow(/claimsNamed/);
  });
});

/**
 * JW/JZ discarded-drug modifiers, from CMS's policy: JZ (zero amount discarded) is required on
 * a Medicare Part B drug from a single-dose container from 2023-07-01, JW goes on the line of
 * the discarded units (beside the line of the amount given), the two never share a line, and
 * neither applies to multiple-dose containers.
 * See: CMS "Medicare Program Discarded Drugs and Biologicals — JW Modifier and JZ Modifier
 * Policy FAQ"; Pub. 100-04 ch. 17 §40.
 */
import { describe, expect, it } from 'vitest';
import { parseClaim } from '../../src/domain/claim/parse';
import { drugWastageEdits, jzRequiredFindings } from '../../src/domain/edits/drug-wastage';
import { starterCatalog } from '../../src/codesets/starter';
import { curatedNcci } from '../../src/codesets/ncci/curated';
import { run as check } from '../../src/cli/commands/check';
import { run as adjudicateCli } from '../../src/cli/commands/adjudicate';
import type { Io } from '../../src/cli/io';
import { claimInput, lineInput } from '../factories';

type L = [code: string, modifiers?: string[], units?: number];
const claimOf = (lines: L[], date = '2026-03-02') =>
  parseClaim(
    claimInput({
      serviceDate: date,
      submissionDate: date,
      diagnoses: ['N20.1'],
      lines: lines.map(([code, modifiers = [], units = 1]) =>
        lineInput(code, '40.00', { modifiers, units, dxPointers: [1] }),
      ),
    }),
  ).claim;
const ctx = { catalog: starterCatalog(), ncci: curatedNcci() };
const edits = (lines: L[]) =>
  drugWastageEdits(claimOf(lines), ctx).map((f) => [f.id, f.severity, f.line]);

describe('what JW and JZ mean (every payer)', () => {
  it('JZ alone on a single-dose drug, or the given amount beside a JW line: nothing to say', () => {
    expect(edits([['96372'], ['J1885', ['JZ'], 2]])).toEqual([]);
    expect(edits([['96372'], ['J1885', [], 1], ['J1885', ['JW'], 1]])).toEqual([]);
  });

  it('JW and JZ on one line contradict each other', () => {
    expect(edits([['J1885', ['JW', 'JZ']]])).toEqual([['modifier.invalid', 'error', 1]]);
  });

  it('JZ beside a JW line of the same drug and date is wrong', () => {
    expect(
      edits([
        ['J1885', ['JZ']],
        ['J1885', ['JW']],
      ]),
    ).toEqual([['modifier.invalid', 'error', 1]]);
  });

  it('a JW line with no line of the amount given is flagged', () => {
    expect(edits([['J1885', ['JW'], 1]])).toEqual([['modifier.invalid', 'warning', 1]]);
  });

  it('JW/JZ belong on drug codes only, never on the administration code', () => {
    expect(
      edits([
        ['96372', ['JZ']],
        ['J1885', ['JZ']],
      ]),
    ).toEqual([['modifier.invalid', 'error', 1]]);
  });

  it('the policy does not apply to a multiple-dose container drug (J3301)', () => {
    const f = drugWastageEdits(claimOf([['J3301', ['JZ'], 4]]), ctx);
    expect(f.map((x) => [x.id, x.severity])).toEqual([['modifier.invalid', 'warning']]);
    expect(f[0]!.message).toMatch(/multiple-dose/);
    expect(f[0]!.reference).toMatch(/JW and JZ Modifier Policy/);
  });
});

describe('Medicare requires JZ or JW on single-dose container drugs from 2023-07-01', () => {
  it('J1885 without JZ or JW in 2026: modifier.missing naming the policy and both dates', () => {
    const f = jzRequiredFindings(claimOf([['96372'], ['J1885', [], 2]]), 'medicare');
    expect(f.map((x) => [x.id, x.line])).toEqual([['modifier.missing', 2]]);
    expect(f[0]!.message).toMatch(/2023-07-01/);
    expect(f[0]!.message).toMatch(/unprocessable from 2023-10-01/);
    expect(f[0]!.suggestion).toMatch(/Add JZ/);
  });

  it('not before 2023-07-01, not with JZ or JW, not for multiple-dose drugs, not for other payers', () => {
    const noJz: L[] = [['J1885', [], 2]];
    expect(jzRequiredFindings(claimOf(noJz, '2023-06-30'), 'medicare')).toEqual([]);
    expect(jzRequiredFindings(claimOf([['J1885', ['JZ'], 2]]), 'medicare')).toEqual([]);
    expect(
      jzRequiredFindings(
        claimOf([
          ['J1885', [], 1],
          ['J1885', ['JW'], 1],
        ]),
        'medicare',
      ),
    ).toEqual([]);
    expect(jzRequiredFindings(claimOf([['J3301', [], 4]]), 'medicare')).toEqual([]);
    expect(jzRequiredFindings(claimOf(noJz), 'commercial')).toEqual([]);
  });
});

function fakeIo(stdin: string) {
  const out: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: () => {}, readStdin: async () => stdin };
  return { io, out };
}

describe('check and adjudicate report the missing JZ the same way', () => {
  it('the payer checks (the one function both call) carry it for Medicare', async () => {
    const c = claimInput({
      diagnoses: ['N20.1'],
      lines: [
        lineInput('96372', '40.00', { dxPointers: [1] }),
        lineInput('J1885', '20.00', { units: 2, dxPointers: [1] }),
      ],
    });
    const ids = (l: string) =>
      (JSON.parse(l) as { findings: { id: string; line: number | null }[] }).findings
        .filter((f) => f.id === 'modifier.missing')
        .map((f) => `${f.id}@${f.line}`);
    const a = fakeIo(JSON.stringify(c));
    await check(['-'], a.io);
    const b = fakeIo(JSON.stringify(c));
    await adjudicateCli(['-'], b.io);
    expect(ids(a.out[0]!)).toEqual(['modifier.missing@2']);
    expect(ids(b.out[0]!)).toEqual(ids(a.out[0]!));
  });
});

/**
 * JW/JZ discarded-drug modifiers, from CMS's policy: JZ (zero amount discarded) is required on
 * a Medicare Part B drug from a single-dose container from 2023-07-01, JW goes on the line of
 * the discarded units (beside the line of the amount given), the two never share a line, and
 * neither applies to multiple-dose containers.
 * See: CMS "Medicare Program Discarded Drugs and Biologicals — JW Modifier and JZ Modifier
 * Policy FAQ"; Pub. 100-04 ch. 17 §40.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseClaim } from '../../src/domain/claim/parse';
import { drugWastageEdits, jzRequiredFindings } from '../../src/domain/edits/drug-wastage';
import { DRUG_CONTAINER_TABLE, containerOn } from '../../src/domain/edits/drug-containers';
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

describe('the container table is dated, sourced data (drug-containers.ts)', () => {
  it('every row names its labeling, a container and dates; each code once', () => {
    const codes = DRUG_CONTAINER_TABLE.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of DRUG_CONTAINER_TABLE) {
      expect(r.code).toMatch(/^J\d{4}$/);
      expect(['single-dose', 'multiple-dose']).toContain(r.container);
      expect(r.source).toMatch(/FDA labeling/);
      expect(r.source).toMatch(r.container === 'single-dose' ? /single-dose/ : /multiple-dose/);
      expect(r.from).toBe('2023-01-01');
    }
    expect(
      DRUG_CONTAINER_TABLE.filter((r) => r.container === 'single-dose').length,
    ).toBeGreaterThan(15);
  });

  it('codes whose products come in both kinds of vial are not judged (J3420, J1100, J0885)', () => {
    for (const code of ['J3420', 'J1100', 'J0885', 'J9355'])
      expect(containerOn(code, '2026-03-02')).toBeUndefined();
    expect(containerOn('J0897', '2026-03-02')?.container).toBe('single-dose');
    expect(containerOn('J0702', '2026-03-02')?.container).toBe('multiple-dose');
  });

  const asp = path.resolve(
    __dirname,
    '../../../shared/reference/asp/2025-q4/asp_pricing_oct2025.csv',
  );
  it.skipIf(!fs.existsSync(asp))(
    'every code is in the CMS ASP file for 2025 Q4 (skipped without ../shared/reference/asp; get it from cms.gov ASP pricing files)',
    () => {
      const text = fs.readFileSync(asp, 'utf8');
      const inFile = new Set(text.split(/\r?\n/).map((l) => l.split(',')[0]));
      expect(DRUG_CONTAINER_TABLE.map((r) => r.code).filter((c) => !inFile.has(c))).toEqual([]);
    },
  );
});

describe('JZ/JW on Medicare: warned from 2023-07-01, the line unprocessable from 2023-10-01', () => {
  // See: CMS JW/JZ Modifier Policy FAQ (required from 2023-07-01; "claims ... that do not
  // appropriately use the JW/JZ modifiers will be returned as unprocessable" from 2023-10-01).
  const sev = (date: string, code = 'J0897') =>
    jzRequiredFindings(claimOf([['96372'], [code, [], 60]], date), 'medicare').map((f) => [
      f.id,
      f.severity,
      f.line,
    ]);
  it('before 2023-07-01 nothing; July to September a warning; from October an error', () => {
    expect(sev('2023-06-30')).toEqual([]);
    expect(sev('2023-07-01')).toEqual([['modifier.missing', 'warning', 2]]);
    expect(sev('2023-09-30')).toEqual([['modifier.missing', 'warning', 2]]);
    expect(sev('2023-10-01')).toEqual([['modifier.missing', 'error', 2]]);
    expect(sev('2026-03-02')).toEqual([['modifier.missing', 'error', 2]]);
  });

  it('never for a multiple-dose drug or a drug the table does not list', () => {
    expect(sev('2026-03-02', 'J0702')).toEqual([]);
    expect(sev('2026-03-02', 'J3420')).toEqual([]);
  });

  it('the enforced finding names CO-16 with N822 and MA130 and the drug label', () => {
    const [f] = jzRequiredFindings(claimOf([['J0585', [], 100]], '2024-02-01'), 'medicare');
    expect(f!.message).toMatch(/unprocessable \(CO-16 with N822/);
    expect(f!.reference).toMatch(/JW and JZ Modifier Policy/);
    expect(f!.reference).toMatch(/Botox/);
  });

  it('check flags it and adjudicate returns that line CO-16 + N822 + MA130 with no appeal rights; JZ pays', async () => {
    const c = (mods: string[]) =>
      claimInput({
        diagnoses: ['M81.0'],
        lines: [
          lineInput('96372', '40.00', { dxPointers: [1] }),
          lineInput('J0897', '2400.00', { units: 60, modifiers: mods, dxPointers: [1] }),
        ],
      });
    const a = fakeIo(JSON.stringify(c([])));
    await check(['-'], a.io);
    const b = fakeIo(JSON.stringify(c([])));
    await adjudicateCli(['-'], b.io);
    type F = { id: string; severity: string; line: number | null };
    const scrub = JSON.parse(a.out[0]!) as { findings: F[] };
    const remit = JSON.parse(b.out[0]!) as {
      findings: F[];
      claimRemarks: string[];
      lines: { adjustments: { group: string; carc: string }[]; remarks: string[]; paid: string }[];
    };
    const jz = (fs: F[]) =>
      fs.filter((f) => f.id === 'modifier.missing').map((f) => `${f.severity}@${f.line}`);
    expect(jz(scrub.findings)).toEqual(['error@2']);
    expect(jz(remit.findings)).toEqual(jz(scrub.findings));
    const drug = remit.lines[1]!;
    expect(drug.adjustments).toEqual([{ group: 'CO', carc: '16', amount: '2400.00' }]);
    expect(drug.remarks).toEqual(['N822', 'MA130']);
    expect(remit.lines[0]!.adjustments.map((x) => x.carc)).not.toContain('16');

    const ok = fakeIo(JSON.stringify(c(['JZ'])));
    await adjudicateCli(['-'], ok.io);
    const paid = JSON.parse(ok.out[0]!) as typeof remit;
    expect(paid.lines[1]!.adjustments.map((x) => x.carc)).not.toContain('16');
  });
});

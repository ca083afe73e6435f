import { describe, expect, it } from 'vitest';
import { parseClaim } from '../../src/domain/claim/parse';
import { isValidNpi } from '../../src/domain/claim/npi';
import { ageOn } from '../../src/domain/claim/claim';
import { basePatient, claimInput, lineInput } from '../factories';

const good = claimInput({
  claimId: 'c1',
  patient: { ...basePatient(), birthDate: '1960-05-01', memberId: 'M1' },
  submissionDate: undefined,
  diagnoses: ['e119', 'I10'],
  lines: [lineInput('99213', '120.00', { modifiers: ['25'], dxPointers: [1, 2] })],
});

describe('parseClaim', () => {
  it('normalises codes and money and reports nothing on a good claim', () => {
    const { claim, findings } = parseClaim(good);
    expect(findings).toEqual([]);
    expect(claim.diagnoses).toEqual(['E11.9', 'I10']);
    expect(claim.lines[0]?.charge).toBe(12000);
    expect(claim.frequency).toBe('1');
    expect(claim.submissionDate).toBe('2026-03-02');
  });

  it('requires the member id (NUCC item 1a, 837P 2010BA NM109)', () => {
    for (const memberId of [undefined, '', '  ', null]) {
      const { claim, findings } = parseClaim({
        ...good,
        patient: { sex: 'F', birthDate: '1960-05-01', memberId },
      });
      expect(findings.map((f) => `${f.id} ${f.field}`)).toEqual([
        'claim.missing-field patient.memberId',
      ]);
      expect(findings[0]?.message).toMatch(/member id/);
      expect(claim.patient.memberId).toBeNull();
    }
    const bad = parseClaim({ ...good, patient: { ...good.patient, memberId: { x: 1 } } });
    expect(bad.findings.map((f) => `${f.id} ${f.field}`)).toEqual([
      'claim.invalid-field patient.memberId',
    ]);
  });

  it('names each bad field in a finding and still returns a claim', () => {
    const { claim, findings } = parseClaim({
      ...good,
      provider: { npi: '1234567890', pos: '1' },
      serviceDate: '2026-02-30',
      lines: [{ code: '99213', units: 0, dxPointers: [3], charge: 'abc' }],
    });
    const fields = findings.map((f) => `${f.id} ${f.field}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        'claim.invalid-field provider.npi',
        'claim.invalid-field provider.pos',
        'claim.invalid-field serviceDate',
        'claim.invalid-field lines[0].units',
        'claim.dx-pointer lines[0].dxPointers[0]',
        'claim.invalid-field lines[0].charge',
      ]),
    );
    expect(findings.find((f) => f.field === 'lines[0].units')?.line).toBe(1);
    expect(claim.lines).toHaveLength(1);
  });

  it('reports missing fields and a replacement without an original claim number', () => {
    const { findings } = parseClaim({ frequency: '7' });
    const fields = findings.filter((f) => f.id === 'claim.missing-field').map((f) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'payerId',
        'originalClaimId',
        'patient',
        'provider',
        'serviceDate',
        'diagnoses',
        'lines',
      ]),
    );
  });

  it('does not throw on non-objects', () => {
    expect(parseClaim(42).findings[0]?.field).toBe('$');
    expect(parseClaim(null).findings.length).toBeGreaterThan(3);
  });
});

describe('NPI and age', () => {
  it('checks the NPI Luhn digit with the 80840 prefix', () => {
    expect(isValidNpi('1234567893')).toBe(true);
    expect(isValidNpi('1234567890')).toBe(false);
    expect(isValidNpi('12345')).toBe(false);
  });
  it('computes age on the date of service', () => {
    expect(ageOn('1953-04-18', '2026-03-02')).toBe(72);
    expect(ageOn('1953-03-02', '2026-03-02')).toBe(73);
  });
});

/** Findings as "id field" pairs, the way a reader scans them. */
const ids = (input: unknown) => parseClaim(input).findings.map((f) => `${f.id} ${f.field}`);
const withLine = (over: Record<string, unknown>) => ({
  ...good,
  submissionDate: '2026-03-10',
  lines: [{ ...good.lines[0], ...over }],
});

describe('parseClaim: input checks (issue 11)', () => {
  it('refuses a line date before birth, after submission, or not on the calendar', () => {
    // See: NUCC 1500 item 24A: a service cannot precede the patient's birth or follow the claim.
    expect(ids(withLine({ serviceDate: '1959-12-31' }))).toEqual([
      'claim.invalid-field lines[0].serviceDate',
    ]);
    expect(parseClaim(withLine({ serviceDate: '1959-12-31' })).findings[0]!.message).toMatch(
      /before the patient's birth date 1960-05-01/,
    );
    expect(ids(withLine({ serviceDate: '2026-03-11' }))).toEqual([
      'claim.invalid-field lines[0].serviceDate',
    ]);
    expect(parseClaim(withLine({ serviceDate: '2026-03-11' })).findings[0]!.message).toMatch(
      /after the claim's submission date 2026-03-10/,
    );
    for (const d of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-04-31', '2026-3-1'])
      expect(ids(withLine({ serviceDate: d }))).toEqual([
        'claim.invalid-field lines[0].serviceDate',
      ]);
    expect(ids(withLine({ serviceDate: '2026-03-10' }))).toEqual([]);
    expect(ids(withLine({ serviceDate: '2024-02-29', charge: '1.00' }))).toEqual([]);
  });

  it('reports text of spaces only, naming the field, instead of treating it as absent', () => {
    expect(ids({ ...good, payerId: '   ' })).toEqual(['claim.missing-field payerId']);
    expect(ids({ ...good, claimId: '  ' })).toEqual(['claim.invalid-field claimId']);
    expect(ids({ ...good, priorAuthNumber: '\t ' })).toEqual([
      'claim.invalid-field priorAuthNumber',
    ]);
    expect(ids({ ...good, provider: { ...good.provider, locality: '  ' } })).toEqual([
      'claim.invalid-field provider.locality',
    ]);
    expect(ids({ ...good, provider: { ...good.provider, npi: ' ' } })).toEqual([
      'claim.missing-field provider.npi',
    ]);
    expect(ids({ ...good, frequency: '7', originalClaimId: '   ' })).toEqual(
      expect.arrayContaining(['claim.invalid-field originalClaimId']),
    );
  });

  it('refuses money with more than two decimals, as a string or a number alike', () => {
    // See: X12 005010X222A1 SV102 (monetary amount, at most two decimal places).
    for (const charge of ['120.005', 120.005, 0.001, '$1.234'])
      expect(ids(withLine({ charge }))).toEqual(['claim.invalid-field lines[0].charge']);
    expect(parseClaim(withLine({ charge: 120.005 })).findings[0]!.message).toMatch(
      /more than two decimal places/,
    );
    for (const charge of [120.5, 120, '120.5', '$120.50'])
      expect(ids(withLine({ charge }))).toEqual([]);
    expect(parseClaim(withLine({ charge: 120.5 })).claim.lines[0]!.charge).toBe(12050);
    expect(ids({ ...good, accumulators: { deductibleMet: 10.999 } })).toEqual([
      'claim.invalid-field accumulators.deductibleMet',
    ]);
  });

  it('takes a pointer as a number, digits or a letter A-L, never true or a list', () => {
    // See: NUCC 1500 item 24E; 837P SV107 (diagnosis code pointers 1-12).
    for (const p of [true, [1], { a: 1 }, null])
      expect(ids(withLine({ dxPointers: [p] }))).toEqual([
        'claim.dx-pointer lines[0].dxPointers[0]',
      ]);
    expect(ids(withLine({ dxPointers: ['B', '1'] }))).toEqual([]);
  });

  it('reports a claim over the 837P limits once, naming the limit and the count, and reads no further', () => {
    // See: X12 005010X222A1 loop 2400 (50 service lines), HI (12 diagnoses).
    const lines = Array.from({ length: 10_000 }, () => ({ ...good.lines[0], units: 0 }));
    const t0 = performance.now();
    const big = parseClaim({ ...good, lines });
    expect(performance.now() - t0).toBeLessThan(500);
    expect(big.overLimits).toBe(true);
    expect(big.findings.map((f) => `${f.id} ${f.field}`)).toEqual(['claim.invalid-field lines']);
    expect(big.findings[0]!.message).toMatch(/at most 50 service lines.*found 10000/);
    expect(big.claim.lines).toEqual([]);
    const dx = parseClaim({ ...good, diagnoses: Array.from({ length: 13 }, () => 'I10') });
    expect(dx.overLimits).toBe(true);
    expect(dx.findings[0]!.message).toMatch(/at most 12 diagnoses.*found 13/);
    const fifty = parseClaim({ ...good, lines: Array.from({ length: 50 }, () => good.lines[0]) });
    expect(fifty.overLimits).toBeUndefined();
    expect(fifty.claim.lines).toHaveLength(50);
  });

  it('quotes at most 60 characters of a value in a message', () => {
    const long = 'Z'.repeat(100_000);
    const { findings } = parseClaim(withLine({ modifiers: [long], units: long, charge: long }));
    expect(findings.length).toBeGreaterThanOrEqual(3);
    for (const f of findings) {
      expect(f.message.length).toBeLessThan(300);
      expect(f.message).toContain(`${'Z'.repeat(60)}…`);
    }
  });
});

describe('codes normalised once per text (a batch repeats them)', () => {
  it('the same text gives the same code every time, long text is still cut', () => {
    const codes = (lineCode: string, dx: string) => {
      const { claim } = parseClaim(
        claimInput({
          diagnoses: [dx],
          lines: [{ code: lineCode, modifiers: [], units: 1, dxPointers: [1], charge: '10.00' }],
        }),
      );
      return `${claim.lines[0]!.code} ${claim.diagnoses[0]}`;
    };
    for (let i = 0; i < 3; i++) {
      expect(codes(' 99213 ', 'e119')).toBe('99213 E11.9');
      expect(codes('g0438', ' E11.9 ')).toBe('G0438 E11.9');
      expect(codes('x'.repeat(80), 'y'.repeat(80))).toBe(`${'X'.repeat(60)}… ${'Y'.repeat(60)}…`);
    }
  });
});

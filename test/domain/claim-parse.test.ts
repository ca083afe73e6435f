import { describe, expect, it } from 'vitest';
import { parseClaim } from '../../src/domain/claim/parse';
import { isValidNpi } from '../../src/domain/claim/npi';
import { ageOn } from '../../src/domain/claim/claim';

const good = {
  claimId: 'c1',
  payerId: 'medicare',
  patient: { sex: 'F', birthDate: '1960-05-01', memberId: 'M1' },
  provider: { npi: '1234567893', pos: '11', locality: '10112-00' },
  serviceDate: '2026-03-02',
  diagnoses: ['e119', 'I10'],
  lines: [{ code: '99213', modifiers: ['25'], units: 1, dxPointers: [1, 2], charge: '120.00' }],
};

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

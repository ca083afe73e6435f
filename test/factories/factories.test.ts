/**
 * The factories themselves: the same call gives the same value, overrides win, copies are
 * fresh, and an unknown payer or case id fails with a message naming it.
 */
import { describe, expect, it } from 'vitest';
import { parseClaim } from '../../src/domain/claim/parse';
import {
  caseFile,
  claim,
  claimInput,
  commercialClaim,
  line,
  medicareClaim,
  payer,
  shippedPack,
} from '.';

describe('claim factories', () => {
  it('give the same claim for the same call, with overrides replacing whole fields', () => {
    expect(claim()).toEqual(claim());
    const c = medicareClaim({ claimId: 'X', lines: [line('99213', '120.00')] });
    expect(c).toMatchObject({ claimId: 'X', payerId: 'medicare', serviceDate: '2026-03-02' });
    expect(c.lines).toEqual([
      { code: '99213', modifiers: [], units: 1, dxPointers: [1], charge: 12000 },
    ]);
    expect(commercialClaim().patient).toEqual({
      sex: 'M',
      birthDate: '1980-02-03',
      memberId: 'KH123',
    });
  });

  it('claimInput is claim JSON the reader takes without a finding', () => {
    const { claim: c, findings } = parseClaim(claimInput());
    expect(findings).toEqual([]);
    expect(c.provider).toEqual({ npi: '1234567893', pos: '11', locality: '10112-00' });
    expect(c.lines[0]!.charge).toBe(12000);
  });

  it('a changed copy does not leak into the next call', () => {
    const a = claim();
    a.patient.birthDate = '2000-01-01';
    expect(claim().patient.birthDate).toBe('1955-05-01');
  });
});

describe('payer and case factories', () => {
  it('read the shipped packs and hand out fresh copies', () => {
    const p = payer('commercial-ppo');
    expect(p.id).toBe('commercial-ppo');
    expect(payer('commercial-ppo')).not.toBe(p);
    expect(shippedPack('starter').id).toBe('starter');
    expect(caseFile('dm2-htn-established').payerId).toBe('medicare');
    expect(caseFile('ak-htn-commercial', 'starter').payerId).toBe('commercial-ppo');
  });

  it('name the id they could not find', () => {
    expect(() => payer('nobody')).toThrow(/no shipped payer 'nobody'/);
    expect(() => caseFile('nothing')).toThrow(/no shipped case 'nothing'/);
    expect(() => shippedPack('none')).toThrow(/no shipped pack 'none'/);
  });
});

/**
 * Setting rules written from the rule text:
 * - E/M code family against the place of service (CPT E/M guidelines: each category names its
 *   setting; Pub. 100-04 ch. 12 §30.6.9 hospital visits, §30.6.11 emergency department visits,
 *   §30.6.13 nursing facility visits): `em.place-of-service`, an error the payer denies CO-5 + M77.
 * - A global diagnostic test (RVU PC/TC indicator 1) billed without 26 or TC for a hospital
 *   patient (POS 19, 21, 22, 23): the technical component is the hospital's (42 CFR 410.42(a);
 *   Pub. 100-04 ch. 13 §20.1-20.2), so `modifier.missing` asks for 26.
 * See: src/domain/edits/em-place.ts; src/domain/edits/component-rules.ts facilityGlobalTests.
 */
import { describe, expect, it } from 'vitest';
import { scrub } from '../../src/domain/edits/index';
import { parseClaim } from '../../src/domain/claim/parse';
import { curatedNcci } from '../../src/codesets/ncci/curated';
import { denialFor } from '../../src/domain/payer/remittance/denials';
import { testCatalog } from './support/catalog';
import { NPI, basePatient, claimInput } from '../factories';

const catalog = testCatalog();
const PCTC: Record<string, string> = { '71046': '1', '93000': '4', '93010': '2', '99213': '0' };
const indicators = (code: string) => (PCTC[code] ? { pctc: PCTC[code] } : undefined);

function run(pos: string, code: string, modifiers: string[] = []) {
  const { claim } = parseClaim(
    claimInput({
      claimId: 'C1',
      frequency: '1',
      patient: { ...basePatient(), birthDate: '1950-05-01', memberId: 'MBI-1' },
      provider: { npi: NPI, pos },
      serviceDate: '2026-03-02',
      submissionDate: '2026-03-04',
      diagnoses: ['I10'],
      lines: [{ code, modifiers, units: 1, dxPointers: [1], charge: '100.00' }],
    }),
  );
  return { claim, findings: scrub(claim, { catalog, ncci: curatedNcci(), indicators }) };
}
const placeFindings = (pos: string, code: string) =>
  run(pos, code).findings.filter((f) => f.id === 'em.place-of-service');

describe('E/M code family vs place of service (em.place-of-service)', () => {
  it.each([
    ['99213', '21', /hospital inpatient or observation care \(99221-99239\)/],
    ['99214', '31', /nursing facility visits \(99304-99316\)/],
    ['99205', '32', /nursing facility visits \(99304-99316\)/],
    ['99223', '11', /office or other outpatient visits \(99202-99215\)/],
    ['99232', '31', /nursing facility visits/],
    ['99283', '11', /office or other outpatient visits/],
    ['99285', '21', /hospital inpatient or observation care/],
    ['99309', '11', /office or other outpatient visits/],
    ['99306', '21', /hospital inpatient or observation care/],
    ['99310', '12', /home or residence visits \(99341-99350\)/],
  ])('%s at POS %s is flagged and names the family that fits the setting', (code, pos, fits) => {
    const f = placeFindings(pos, code);
    expect(f.map((x) => [x.severity, x.line])).toEqual([['error', 1]]);
    expect(`${f[0]!.message} ${f[0]!.suggestion}`).toMatch(fits);
    expect(f[0]!.reference).toMatch(/§30\.6/);
  });

  it.each([
    ['99213', '11'],
    ['99213', '22'], // hospital outpatient clinic
    ['99213', '02'], // telehealth
    ['99213', '10'],
    ['99213', '23'], // CPT lets a physician not of the ED report office codes there: not judged
    ['99223', '21'],
    ['99235', '22'], // observation care in the outpatient hospital
    ['99283', '23'],
    ['99309', '31'],
    ['99310', '32'],
    ['99307', '54'], // ICF/IID: a nursing facility in the CPT family
    ['99215', '99'],
  ])('%s at POS %s is not flagged', (code, pos) => {
    expect(placeFindings(pos, code)).toEqual([]);
  });

  it('the payer denies it CO-5 (procedure inconsistent with place of service) + M77', () => {
    const { claim, findings } = run('21', '99213');
    const f = findings.find((x) => x.id === 'em.place-of-service')!;
    const d = denialFor(f, claim, {} as Parameters<typeof denialFor>[2], 0);
    expect([d?.group, d?.carc, d?.remarks]).toEqual(['CO', '5', ['M77']]);
  });
});

describe('a global diagnostic test for a hospital patient needs 26 (PC/TC indicator 1)', () => {
  const missing = (pos: string, code: string, modifiers: string[] = []) =>
    run(pos, code, modifiers).findings.filter((f) => f.id === 'modifier.missing');

  it.each(['19', '21', '22', '23'])(
    '71046 billed globally at POS %s: modifier.missing, 26',
    (pos) => {
      const f = missing(pos, '71046');
      expect(f.map((x) => [x.severity, x.line, x.field])).toEqual([
        ['error', 1, 'lines[0].modifiers'],
      ]);
      expect(f[0]!.suggestion).toMatch(/Append 26 to 71046/);
      expect(f[0]!.reference).toMatch(/410\.42/);
    },
  );

  it('not flagged with 26 or TC, in the office, or for a code that does not split', () => {
    expect(missing('22', '71046', ['26'])).toEqual([]);
    expect(missing('22', '71046', ['TC'])).toEqual([]);
    expect(missing('11', '71046')).toEqual([]);
    expect(missing('24', '71046')).toEqual([]);
    expect(missing('22', '93000')).toEqual([]); // indicator 4: global test only
    expect(missing('22', '93010')).toEqual([]); // indicator 2: professional only
  });

  it('the payer denies the global line CO-4 + N822 (missing modifier)', () => {
    const { claim, findings } = run('21', '71046');
    const f = findings.find((x) => x.id === 'modifier.missing')!;
    const d = denialFor(f, claim, {} as Parameters<typeof denialFor>[2], 0);
    expect([d?.group, d?.carc, d?.remarks]).toEqual(['CO', '4', ['N822']]);
  });
});

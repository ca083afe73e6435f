/**
 * One visit a day: a second office E/M by the same provider on one date (Pub. 100-04 ch. 12
 * §30.6.7) and a second hospital visit the same day (§30.6.9.C, where modifier 25 does not make
 * it payable). Office and hospital visits are counted apart. See:
 * src/domain/edits/component-rules.ts sameDayVisits.
 */
import { describe, expect, it } from 'vitest';
import { scrub } from '../../src/domain/edits/index';
import { parseClaim } from '../../src/domain/claim/parse';
import { curatedNcci } from '../../src/codesets/ncci/curated';
import { testCatalog } from './support/catalog';
import { NPI, basePatient, claimInput } from '../factories';

const catalog = testCatalog();

function sameDay(lines: [code: string, modifiers: string[]][], pos = '21') {
  const { claim } = parseClaim(
    claimInput({
      claimId: 'C1',
      frequency: '1',
      patient: { ...basePatient(), birthDate: '1960-05-01', memberId: 'MBI-1' },
      provider: { npi: NPI, pos },
      serviceDate: '2026-03-02',
      submissionDate: '2026-03-04',
      diagnoses: ['I10'],
      lines: lines.map(([code, modifiers]) => ({
        code,
        modifiers,
        units: 1,
        dxPointers: [1],
        charge: '100.00',
      })),
    }),
  );
  return scrub(claim, { catalog, ncci: curatedNcci() })
    .filter((f) => f.id === 'em.same-day')
    .map((f) => [f.line, f.reference.match(/§30\.6\.\d+(\.C)?/)?.[0]]);
}

describe('one visit a day (em.same-day)', () => {
  it('initial and subsequent hospital care the same day: the second is flagged (§30.6.9.C)', () => {
    expect(
      sameDay([
        ['99221', []],
        ['99232', []],
      ]),
    ).toEqual([[2, '§30.6.9.C']]);
  });
  it('modifier 25 does not make a second hospital visit payable', () => {
    expect(
      sameDay([
        ['99232', []],
        ['99233', ['25']],
      ]),
    ).toEqual([[2, '§30.6.9.C']]);
  });
  it('an office visit the day of admission is part of the initial hospital care (§30.6.9.1.A)', () => {
    expect(
      sameDay([
        ['99214', []],
        ['99223', []],
      ]),
    ).toEqual([[1, '§30.6.9']]);
  });
  it('an office visit and a hospital visit are counted apart; two office visits stay §30.6.7', () => {
    expect(
      sameDay([
        ['99213', []],
        ['99232', []],
      ]),
    ).toEqual([]);
    expect(
      sameDay(
        [
          ['99213', []],
          ['99214', []],
        ],
        '11',
      ),
    ).toEqual([[2, '§30.6.7']]);
  });
});

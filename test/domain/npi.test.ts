/**
 * NPI check digit: Luhn over "80840" and the 9 base digits.
 * See: CMS, "Requirements for National Provider Identifier (NPI) and NPI Enumerator" (check
 * digit calculation; its example 123456789 → 3).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidNpi } from '../../src/domain/claim/npi';

describe('NPI check digit', () => {
  it("CMS's example: base 123456789 has check digit 3", () => {
    expect(isValidNpi('1234567893')).toBe(true);
    expect(isValidNpi('1234567890')).toBe(false);
  });
  it('any 9 base digits have exactly one valid check digit, the Luhn one', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (base) => {
        const digits = `80840${base}`;
        let total = 0;
        for (let i = 0; i < digits.length; i++) {
          let d = Number(digits[digits.length - 1 - i]);
          if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
          total += d;
        }
        const want = (10 - (total % 10)) % 10;
        for (let c = 0; c <= 9; c++) expect(isValidNpi(`${base}${c}`)).toBe(c === want);
      }),
      { numRuns: 2000, seed: 11 },
    );
  });
  it('only 10 digits are an NPI', () => {
    for (const s of ['123456789', '12345678933', '12345678 3', 'abcdefghij', ''])
      expect(isValidNpi(s)).toBe(false);
  });
});

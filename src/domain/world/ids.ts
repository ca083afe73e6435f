/**
 * Identifiers the world makes: NPIs with a valid check digit and member ids in each payer's
 * format. Seeded: every draw comes from the Random passed in.
 */
import type { Random } from '../random/seeded';

/**
 * The NPI check digit for 9 base digits: Luhn over the base prefixed with 80840 (the ISO
 * health-industry prefix), so it agrees with isValidNpi (src/domain/claim/npi.ts).
 * See: CMS, "Requirements for National Provider Identifier (NPI) and NPI Enumerator".
 */
export function npiCheckDigit(base9: string): number {
  if (!/^\d{9}$/.test(base9)) throw new RangeError(`NPI base must be 9 digits, got "${base9}"`);
  const digits = `80840${base9}`;
  let total = 0;
  // Doubling starts at the rightmost digit of the base (the check digit will sit to its right).
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    total += d;
  }
  return (10 - (total % 10)) % 10;
}

/** A 10-digit NPI for an individual provider (first digit 1), check digit included. */
export function makeNpi(r: Random): string {
  let base = '1';
  for (let i = 0; i < 8; i++) base += String(r.int(0, 9));
  return `${base}${npiCheckDigit(base)}`;
}

// MBI: 11 characters; letters exclude S, L, O, I, B and Z.
// See: CMS, "Medicare Beneficiary Identifier (MBI)" format specifications.
const MBI_ALPHA = 'ACDEFGHJKMNPQRTUVWXY';
const MBI_ALNUM = `0123456789${MBI_ALPHA}`;
const MBI_SHAPE = ['C', 'A', 'N', 'D', 'A', 'N', 'D', 'A', 'A', 'D', 'D'] as const;

/** A Medicare Beneficiary Identifier in the CMS format (e.g. 1EG4TE5MK73). */
export function makeMbi(r: Random): string {
  let s = '';
  for (const k of MBI_SHAPE) {
    if (k === 'C') s += String(r.int(1, 9));
    else if (k === 'D') s += String(r.int(0, 9));
    else if (k === 'A') s += r.pick([...MBI_ALPHA]);
    else s += r.pick([...MBI_ALNUM]);
  }
  return s;
}

export const isMbi = (s: string): boolean =>
  /^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y]{2}\d{2}$/.test(
    s,
  );

/**
 * A member id from a pattern: `#` a digit, `@` a letter A–Z, anything else kept as is; the
 * pattern `MBI` makes a Medicare Beneficiary Identifier.
 */
export function makeMemberId(pattern: string, r: Random): string {
  if (pattern === 'MBI') return makeMbi(r);
  let s = '';
  for (const ch of pattern)
    s +=
      ch === '#' ? String(r.int(0, 9)) : ch === '@' ? String.fromCharCode(65 + r.int(0, 25)) : ch;
  return s;
}

/** Does `id` fit the pattern of makeMemberId? */
export function fitsMemberIdPattern(pattern: string, id: string): boolean {
  if (pattern === 'MBI') return isMbi(id);
  const re = pattern
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/#/g, '\\d')
    .replace(/@/g, '[A-Z]');
  return new RegExp(`^${re}$`).test(id);
}

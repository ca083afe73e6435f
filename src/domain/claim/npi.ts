/**
 * NPI check digit: Luhn over the 9 base digits prefixed with 80840.
 * See: CMS, "Requirements for National Provider Identifier (NPI) and NPI Enumerator"
 * (check digit calculation).
 */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  // The digits of "80840" + the 9 base digits, read from the right by char code (no string is
  // built: every claim's NPI is checked when it is read and again by the claim-data edits).
  let total = 0;
  for (let i = 0; i < 14; i++) {
    const pos = 13 - i;
    let d = (pos < 5 ? PREFIX.charCodeAt(pos) : npi.charCodeAt(pos - 5)) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    total += d;
  }
  const check = (10 - (total % 10)) % 10;
  return check === npi.charCodeAt(9) - 48;
}
const PREFIX = '80840';

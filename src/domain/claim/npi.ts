/**
 * NPI check digit: Luhn over the 9 base digits prefixed with 80840.
 * See: CMS, "Requirements for National Provider Identifier (NPI) and NPI Enumerator"
 * (check digit calculation).
 */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi.slice(0, 9)}`;
  let total = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    total += d;
  }
  const check = (10 - (total % 10)) % 10;
  return check === Number(npi[9]);
}

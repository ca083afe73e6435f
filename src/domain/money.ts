/**
 * Money is integer cents everywhere in the domain. Decimal strings ("120.00") only at boundaries.
 */
export type Cents = number & { readonly __brand: 'Cents' };

export const cents = (n: number): Cents => {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a whole number of cents: ${n}`);
  return n as Cents;
};

const MONEY_RE = /^-?\d{1,9}(\.\d{1,2})?$/;

/**
 * The cents of the usual form, 1 to 9 digits, a point and 2 digits ("120.00"), read digit by
 * digit (every charge of every claim line is one); -1 for any other text (parseMoney's regular
 * expressions judge it).
 */
function plainAmount(s: string): number {
  const n = s.length;
  if (n < 4 || n > 12 || s.charCodeAt(n - 3) !== 46) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    if (i === n - 3) continue;
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Parses "120", "120.5", "120.00" into cents; null when the text is not money. */
export function parseMoney(raw: unknown): Cents | null {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return null;
    return parseMoney(raw.toFixed(2));
  }
  if (typeof raw !== 'string') return null;
  const plain = plainAmount(raw);
  if (plain >= 0) return plain as Cents;
  const s = raw.trim().replace(/^\$/, '');
  if (!MONEY_RE.test(s)) return null;
  const neg = s.startsWith('-');
  const [whole = '0', frac = ''] = (neg ? s.slice(1) : s).split('.');
  const v = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return cents(neg ? -v : v);
}

/** Formats cents as a decimal string with two places: 12345 -> "123.45". */
export function formatMoney(c: number): string {
  const neg = c < 0;
  const a = Math.abs(c);
  const s = `${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
  return neg ? `-${s}` : s;
}

/** Formats cents for people: 12345 -> "$123.45". */
export const displayMoney = (c: number): string =>
  (c < 0 ? '-$' : '$') + formatMoney(Math.abs(c)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * Multiplies cents by a rate and rounds half away from zero to the cent (CMS rounds fee
 * schedule amounts to the nearest cent).
 */
export function mulRound(c: number, rate: number): Cents {
  const v = c * rate;
  return cents(Math.sign(v) * Math.round(Math.abs(v) + 1e-9));
}

export const sum = (xs: readonly number[]): Cents => cents(xs.reduce((a, b) => a + b, 0));

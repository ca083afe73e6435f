/**
 * Money is integer cents everywhere in the domain. Decimal strings ("120.00") only at boundaries.
 */
export type Cents = number & { readonly __brand: 'Cents' };

export const cents = (n: number): Cents => {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a whole number of cents: ${n}`);
  return n as Cents;
};

const MONEY_RE = /^-?\d{1,9}(\.\d{1,2})?$/;

/** Parses "120", "120.5", "120.00" into cents; null when the text is not money. */
export function parseMoney(raw: unknown): Cents | null {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return null;
    return parseMoney(raw.toFixed(2));
  }
  if (typeof raw !== 'string') return null;
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

/**
 * How untrusted claim input is quoted and read at the field level: values echoed in messages
 * are cut short, text of spaces only is reported (not taken as absent), and money has at most
 * two decimals whether it comes as a string or a JSON number.
 * See: README "Claim input"; X12 005010X222A1 SV102/SVD02 (amounts, at most two decimals).
 */
import { parseMoney, type Cents } from '../money';

/** How much of an input value a message quotes: enough to recognise it, never the whole. */
export const ECHO_MAX = 60;

/**
 * An input value as a message quotes it: text as is, anything else as JSON, cut after
 * ECHO_MAX characters with "…" (a 10 MB string must not be copied into every finding).
 */
export function echo(v: unknown): string {
  let s: string;
  if (typeof v === 'string') s = v;
  else {
    try {
      s = JSON.stringify(v) ?? String(v);
    } catch {
      s = String(v);
    }
  }
  return s.length > ECHO_MAX ? `${s.slice(0, ECHO_MAX)}…` : s;
}

/** A string of spaces only: present but empty, which is reported rather than taken as absent. */
export const isBlank = (v: unknown): v is string => typeof v === 'string' && v !== '' && !v.trim();

const CENTS_RE = /^-?\d+(\.\d{1,2})?$/;
const TOO_PRECISE_RE = /^-?\$?\d+\.\d{3,}$/;

/**
 * Money from input: "120", "120.5", "$120.50" or the JSON numbers 120 and 120.5. A number is
 * judged by the digits JSON gave it, like a string, so 120.005 is refused, never rounded to
 * 120.01; exponents (1e-7) are not amounts.
 */
export function readMoney(v: unknown): { ok: true; value: Cents } | { ok: false; problem: string } {
  const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
  if (TOO_PRECISE_RE.test(text))
    return {
      ok: false,
      problem: `${echo(v)} has more than two decimal places (dollars and cents)`,
    };
  const m = typeof v === 'number' && !CENTS_RE.test(text) ? null : parseMoney(v);
  return m === null
    ? { ok: false, problem: `"${echo(v)}" is not an amount such as "120.00"` }
    : { ok: true, value: m };
}

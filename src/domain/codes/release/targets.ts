/**
 * Code matchers parsed from tabular notes (IcdNote.targets): `{ from, to }` dotless prefixes.
 * A code matches when its prefix as long as `from` is ≥ from and its prefix as long as `to` is
 * ≤ to: `E10`–`E10` matches every E10 code, `O10`–`O11` the two categories, `C910`–`C959`
 * the subcategories C91.0 to C95.9.
 */
import { icdKey } from '../code';

export interface CodeTarget {
  from: string;
  to: string;
}

export function matchesTarget(code: string, t: CodeTarget): boolean {
  const k = icdKey(code);
  if (k.length < t.from.length) return false;
  return k.slice(0, t.from.length) >= t.from && k.slice(0, t.to.length) <= t.to;
}

export const matchesAnyTarget = (
  code: string,
  targets: readonly CodeTarget[] | undefined,
): boolean => !!targets && targets.some((t) => matchesTarget(code, t));
